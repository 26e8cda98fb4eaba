/// Something drawn at a position in a frame.
public enum Item: Sendable {
    /// A line of text whose baseline starts at the position.
    case text(Line, Color)
    /// A straight stroke from the position to `to` (relative to the frame).
    case rule(to: Point, width: Double, color: Color)
    /// A filled rectangle with its top left at the position.
    case fill(Size, Color)
    /// An image drawn at this size with its top left at the position.
    case image(Bitmap, Size)
    /// A whole frame drawn scaled by a factor from the position (a page set 2-up on a sheet).
    indirect case scaled(Frame, Double)
    /// The start of a section with this title and outline level (running headers, contents,
    /// bookmarks); not drawn, but a PDF makes it a link target.
    case mark(String, level: Int)
    /// From this page on, pages are numbered this way (arabic, roman, none), restarting at 1.
    case numbering(PageNumbers)
    /// A link to the section whose mark is the `target`-th of the document, over a box this size.
    case link(Size, target: Int)
    /// The items from here to the matching `end` make one structure element (not drawn).
    case begin(Tag)
    /// Closes the element opened last.
    case end
}

/// A laid-out box: its size and its items, positioned from its top left.
public struct Frame: Sendable {
    public var size: Size
    public private(set) var items: [(Point, Item)] = []

    public init(size: Size) { self.size = size }

    public mutating func add(_ item: Item, at point: Point) { items.append((point, item)) }

    /// Adds another frame's items, shifted by `offset`, flattening it into this one.
    public mutating func add(_ frame: Frame, at offset: Point) {
        for (p, item) in frame.items { items.append((p.offset(offset.x, offset.y), item)) }
    }

    /// Every text line in drawing order, with absolute positions (scaled frames included); handy for tests.
    public var lines: [(Point, Line)] {
        items.flatMap { p, item -> [(Point, Line)] in
            switch item {
            case .text(let line, _): return [(p, line)]
            case .scaled(let inner, let k):
                return inner.lines.map { (Point(x: p.x + $0.0.x * k, y: p.y + $0.0.y * k), $0.1) }
            default: return []
            }
        }
    }

    /// The section titles that start in this frame, in order.
    public var marks: [String] { sections.map(\.title) }

    /// The sections that start in this frame: title, level and position, in order.
    public var sections: [(title: String, level: Int, at: Point)] {
        items.flatMap { p, item -> [(title: String, level: Int, at: Point)] in
            switch item {
            case .mark(let title, let level): return [(title, level, p)]
            case .scaled(let inner, let k):
                return inner.sections.map { ($0.title, $0.level, Point(x: p.x + $0.at.x * k, y: p.y + $0.at.y * k)) }
            default: return []
            }
        }
    }

    /// The text of the frame, one line per line.
    public var text: String { lines.map(\.1.text).joined(separator: "\n") }
}
