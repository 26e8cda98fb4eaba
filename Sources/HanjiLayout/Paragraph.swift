/// A paragraph of text in one style; splits between lines, never through one.
public final class Paragraph: Block {
    public let text: String
    public let style: Style
    /// What the paragraph is, for error messages (a record field, a spec path).
    public let source: String
    /// Runs set apart from the style (a bold run-in label), by UTF-8 offsets into `text`.
    public let spans: [Span]
    private var cache: (width: Double, lines: [Line])?

    public init(_ text: String, style: Style, source: String = "text", spans: [Span] = []) {
        self.text = text
        self.style = style
        self.source = source
        self.spans = spans
    }

    public var spaceBefore: Double { style.spaceBefore }
    public var spaceAfter: Double { style.spaceAfter }

    /// The shaped lines at `width` (shaped once per width).
    public func lines(width: Double, _ context: Context) throws -> [Line] {
        if let cache, cache.width == width { return cache.lines }
        let lines = try context.shaper.shape(text, style: style, width: width - style.indent, spans: spans)
        cache = (width, lines)
        return lines
    }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        let fit = Paragraph.place(try lines(width: region.width, context), style: style, in: region, context) { rest in
            ShapedLines(lines: rest, style: style)
        }
        // Placed (whole or in part), the lines live on in the frame and the rest: drop the
        // cache so a long document does not keep every paragraph's lines to the end.
        if case .nothing = fit {} else { cache = nil }
        return fit
    }

    /// Places as many of `lines` as the region holds, keeping the orphan and widow rules.
    static func place(_ lines: [Line], style: Style, in region: Region, _ context: Context,
                      rest: ([Line]) -> any Block) -> Fit {
        let pitch = style.pitch
        let total = lines.count
        let room = region.height.isFinite ? Int(min((region.height + 0.01) / pitch, Double(total))) : total
        var count = room
        if count < total {
            let keep = region.fresh ? 1 : min(context.orphans, total)
            if total - count < context.widows { count = max(total - context.widows, 0) }
            if count < keep { count = region.fresh ? max(room, 1) : 0 }
        }
        if count == 0 && total > 0 { return .nothing }
        var frame = Frame(size: Size(width: region.width, height: Double(count) * pitch))
        for (i, line) in lines.prefix(count).enumerated() {
            let at = Point(x: style.indent + line.x, y: line.baseline(row: i, pitch: pitch))
            frame.add(.text(line, style.color), at: at)
        }
        return count == total ? .whole(frame) : .part(frame, rest: rest(Array(lines.dropFirst(count))))
    }
}

/// The remaining lines of a split paragraph, already shaped.
struct ShapedLines: Block {
    let lines: [Line]
    let style: Style

    func layout(in region: Region, _ context: Context) throws -> Fit {
        Paragraph.place(lines, style: style, in: region, context) { ShapedLines(lines: $0, style: style) }
    }
    var spaceAfter: Double { style.spaceAfter }
}
