/// A marker with a body hanging beside it: wrapped lines align under the body's first
/// character, never under the marker (list items, speaker turns).
public struct Hang: Block {
    public var marker: Paragraph
    public var body: any Block
    /// The marker column's width; nil measures the marker.
    public var width: Double?
    /// Space between marker and body, in points.
    public var gap: Double
    /// Whether the marker and the body are a list item's label and body elements (Lbl, LBody).
    public var tagged = false

    public init(marker: Paragraph, body: any Block, width: Double? = nil, gap: Double = 0) {
        self.marker = marker; self.body = body; self.width = width; self.gap = gap
    }

    public var spaceBefore: Double { max(marker.spaceBefore, body.spaceBefore) }
    public var spaceAfter: Double { max(marker.spaceAfter, body.spaceAfter) }
    public var keepWithNext: Bool { body.keepWithNext }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        let natural = try marker.lines(width: 100_000, context).map { $0.x + $0.width }.max() ?? 0
        let column = min((width ?? natural) + gap, region.width / 2)
        // An empty marker (a turn set off by its indent alone) is no label.
        let labelled = tagged && !marker.text.allSatisfy(\.isWhitespace)
        let table = Table(columns: [.fixed(column), .share(1)],
                          rows: [Row([Cell(labelled ? Tagged(.label, marker) : marker, padding: .zero),
                                      Cell(tagged ? Tagged(.body, body) : body, padding: .zero)])],
                          rule: 0, frame: 0, source: marker.source)
        return try table.layout(in: region, context)
    }
}
