/// A contents entry: the title, a run of leader dots, and the page number flush right; the
/// whole row links to the section it names.
public struct Leader: Block {
    public var title: String
    public var page: String
    public var style: Style
    /// The entry's indent (a section under a chapter stands further in).
    public var indent: Double
    /// The section the row links to: the index of its mark in the document.
    public var target: Int?
    public var dot = "·"

    public init(title: String, page: String, style: Style, indent: Double = 0, target: Int? = nil) {
        self.title = title; self.page = page; self.style = style; self.indent = indent; self.target = target
    }

    public var spaceBefore: Double { style.spaceBefore }
    public var spaceAfter: Double { style.spaceAfter }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        var plain = style
        plain.align = .left
        plain.indent = 0
        let shaper = context.shaper
        let number = try shaper.shape(page, style: plain, width: .infinity).first
        let numberWidth = number?.width ?? 0
        let gap = style.size
        let lines = try shaper.shape(title, style: plain,
                                     width: max(region.width - indent - numberWidth - 2 * gap, style.size * 4))
        let pitch = style.pitch
        let height = Double(max(lines.count, 1)) * pitch
        guard height <= region.height + 0.01 else {
            if region.fresh {
                throw LayoutError.tooLarge(what: "contents entry '\(title)'", height: height, available: region.height)
            }
            return .nothing
        }
        var frame = Frame(size: Size(width: region.width, height: height))
        // The link first: in a tagged row, it holds the row's text (title, dots and number).
        if let target { frame.add(.link(Size(width: region.width, height: height), target: target), at: .zero) }
        var baseline = 0.0, end = indent
        for (i, line) in lines.enumerated() {
            baseline = line.baseline(row: i, pitch: pitch)
            frame.add(.text(line, style.color), at: Point(x: indent + line.x, y: baseline))
            end = indent + line.x + line.width
        }
        if let number {
            frame.add(.text(number, style.color), at: Point(x: region.width - numberWidth, y: baseline))
            // Dots from the title's end to the number, on a grid so the columns of dots line up.
            let one = try shaper.shape(dot + " ", style: plain, width: .infinity).first?.width ?? style.size
            let first = (end + gap / 2) / one, last = (region.width - numberWidth - gap / 2) / one
            let start = first.rounded(.up), count = Int(last.rounded(.down) - start)
            if count > 0,
               let dots = try shaper.shape(String(repeating: dot + " ", count: count), style: plain,
                                           width: .infinity).first {
                frame.add(.text(dots, style.color), at: Point(x: start * one, y: baseline))
            }
        }
        return .whole(frame)
    }
}
