/// Text in a box of fixed height: shrunk step by step down to `minScale` of its size if it
/// does not fit, and an error naming it if it still does not. Never clipped.
public struct Fitted: Block {
    public var text: String
    public var style: Style
    public var height: Double
    public var minScale: Double
    /// What the text is (the spec's template, the record field), for the error.
    public var source: String

    public init(_ text: String, style: Style, height: Double, minScale: Double, source: String) {
        self.text = text; self.style = style; self.height = height; self.minScale = minScale; self.source = source
    }

    public var spaceBefore: Double { style.spaceBefore }
    public var spaceAfter: Double { style.spaceAfter }

    /// The largest scale (1, 0.95, … down to `minScale`) at which the text fits, with its lines.
    public func fit(width: Double, _ context: Context) throws -> (scale: Double, lines: [Line], style: Style)? {
        var scale = 1.0
        while true {
            var s = style
            s.size = style.size * scale
            s.tracking = style.tracking
            let lines = try context.shaper.shape(text, style: s, width: width - s.indent)
            let widest = lines.map { $0.x + $0.width }.max() ?? 0
            if Double(lines.count) * s.pitch <= height + 0.01 && widest <= width + 0.5 { return (scale, lines, s) }
            if scale <= minScale + 1e-9 { return nil }
            scale = max(scale - 0.05, minScale)
        }
    }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        if height > region.height + 0.01 {
            if region.fresh { throw LayoutError.tooLarge(what: source, height: height, available: region.height) }
            return .nothing
        }
        guard let (_, lines, s) = try fit(width: region.width, context) else {
            throw LayoutError.clipped(what: source, text: text, height: height, minScale: minScale)
        }
        var frame = Frame(size: Size(width: region.width, height: height))
        let pitch = s.pitch
        for (i, line) in lines.enumerated() {
            frame.add(.text(line, s.color), at: Point(x: s.indent + line.x, y: line.baseline(row: i, pitch: pitch)))
        }
        return .whole(frame)
    }
}
