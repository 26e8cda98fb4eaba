/// The room a block is offered: a width, the height left, and whether it is at the top of an
/// empty page (where failing to fit anything is an error, not a reason to move on).
public struct Region: Sendable {
    public var width: Double
    public var height: Double
    public var fresh: Bool
    public init(width: Double, height: Double, fresh: Bool) {
        self.width = width; self.height = height; self.fresh = fresh
    }
}

/// What a block made of a region.
public enum Fit {
    /// Everything fit.
    case whole(Frame)
    /// This part fit; `rest` goes on the next region.
    case part(Frame, rest: any Block)
    /// Nothing fit here.
    case nothing
}

/// A block that decorates or moves another and takes its spacing and keeps.
public protocol Wrapping: Block {
    var inner: any Block { get }
}

extension Wrapping {
    public var spaceBefore: Double { inner.spaceBefore }
    public var spaceAfter: Double { inner.spaceAfter }
    public var keepWithNext: Bool { inner.keepWithNext }
}

extension Fit {
    /// The same outcome with each frame transformed and the rest wrapped (for blocks that
    /// decorate or move another block).
    public func map(_ frame: (Frame) -> Frame, rest: (any Block) -> any Block) -> Fit {
        switch self {
        case .whole(let f): return .whole(frame(f))
        case .part(let f, let r): return .part(frame(f), rest: rest(r))
        case .nothing: return .nothing
        }
    }

    /// The same outcome with every frame moved right by `dx` inside a region `width` wide.
    public func shifted(by dx: Double, width: Double) -> Fit {
        map({ f in
            var out = Frame(size: Size(width: width, height: f.size.height))
            out.add(f, at: Point(x: dx, y: 0))
            return out
        }, rest: { $0 })
    }
}

/// A piece of a document that can lay itself out in a region, splitting if it must.
public protocol Block {
    func layout(in region: Region, _ context: Context) throws -> Fit
    /// Space wanted above the block, dropped at the top of a region.
    var spaceBefore: Double { get }
    var spaceAfter: Double { get }
    /// Keep on the same page as the block that follows (headings).
    var keepWithNext: Bool { get }
}

extension Block {
    public var spaceBefore: Double { 0 }
    public var spaceAfter: Double { 0 }
    public var keepWithNext: Bool { false }
}

/// Shapes text into lines; implemented over Pango in HanjiText, and by fakes in tests.
public protocol Shaper {
    /// Breaks `text` into lines no wider than `width` (except a word that cannot break).
    /// `hang` indents every line but the first by that many points.
    /// `spans` mark runs set apart (bold), shaped with the rest as one paragraph.
    func shape(_ text: String, style: Style, width: Double, spans: [Span]) throws -> [Line]
}

extension Shaper {
    /// Shapes text all in its style.
    public func shape(_ text: String, style: Style, width: Double) throws -> [Line] {
        try shape(text, style: style, width: width, spans: [])
    }
}

/// What every block's layout can reach: the shaper and the rules of the document.
public final class Context {
    public let shaper: any Shaper
    /// The fewest lines of a paragraph left alone at the bottom or top of a page.
    public var orphans = 2
    public var widows = 2
    /// The height of an empty page's body, set by the paginator (a group kept together that is
    /// taller splits where it stands).
    public var emptyPage = Double.infinity
    /// Opens the image files that pictures name.
    public var images: (any ImageLoader)?

    public init(shaper: any Shaper, images: (any ImageLoader)? = nil) { self.shaper = shaper; self.images = images }
}

/// Layout failures that no page can fix.
public enum LayoutError: Error, CustomStringConvertible {
    /// A block is larger than an empty page.
    case tooLarge(what: String, height: Double, available: Double)
    /// Text is too wide for a box that cannot grow.
    case overflow(what: String, width: Double, available: Double)
    /// Text does not fit its fixed box even shrunk to the limit.
    case clipped(what: String, text: String, height: Double, minScale: Double)
    /// A running header or footer is taller than the strip of the page kept for it.
    case band(what: String, height: Double, available: Double)
    /// One of the above, caused by the spec at `origin`, with how to fix it there.
    indirect case located(LayoutError, at: Origin, hint: String)

    static func mm(_ points: Double) -> String {
        points.isFinite ? "\(Int((points / HanjiLayout.mm).rounded())) mm" : "unbounded"
    }

    public var description: String {
        switch self {
        case .tooLarge(let what, let h, let a):
            let need = h.isFinite ? "needs \(LayoutError.mm(h)) of height but" : "does not fit, and"
            return "\(what) \(need) an empty page offers \(LayoutError.mm(a))"
        case .clipped(let what, let text, let h, let scale):
            return "\(what): \"\(text.prefix(30))\" does not fit its \(LayoutError.mm(h)) box even at "
                + "\(Int(scale * 100))% of its size; shorten it, or give the box more room or a lower 'shrink'"
        case .overflow(let what, let w, let a):
            return "\(what) is \(LayoutError.mm(w)) wide but its box is \(LayoutError.mm(a))"
        case .band(let what, let h, let a):
            return "\(what) needs \(LayoutError.mm(h)) of height but its band of the page is \(LayoutError.mm(a))"
        case .located(let error, let origin, let hint):
            return "\(origin): \(error) (at \(origin.path))\n  hint: \(hint)"
        }
    }
}

/// A block that starts a section: its first frame carries a mark with the section's title.
public struct Section: Wrapping {
    public var title: String
    /// 1 for a chapter, 2 for a section within it (the contents and the PDF outline nest by it).
    public var level: Int
    public var inner: any Block

    public init(title: String, level: Int = 1, _ inner: any Block) {
        self.title = title
        self.level = level
        self.inner = inner
    }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        try inner.layout(in: region, context).map({ frame in
            var out = frame
            out.add(.mark(title, level: level), at: .zero)
            return out
        }, rest: { $0 })
    }
}

/// Ends the page here, unless the page is still empty.
public struct PageBreak: Block {
    public init() {}
    public func layout(in region: Region, _ context: Context) throws -> Fit {
        region.fresh ? .whole(Frame(size: Size(width: region.width, height: 0))) : .nothing
    }
}

/// How pages are numbered from a point on: `1, 2, 3`, `i, ii, iii`, or not at all (a cover).
public enum PageNumbers: String, Sendable, CaseIterable {
    case arabic, roman, none

    /// The label of the `n`-th page (1-based) in this numbering.
    public func label(_ n: Int) -> String {
        switch self {
        case .arabic: return String(n)
        case .none: return ""
        case .roman:
            let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
            var rest = n, out = ""
            for (value, letters) in table { while rest >= value { out += letters; rest -= value } }
            return out
        }
    }
}

/// Starts a page numbering from the page it stands on (zero height; not drawn).
public struct Renumber: Block {
    public var numbering: PageNumbers
    public init(_ numbering: PageNumbers) { self.numbering = numbering }
    public func layout(in region: Region, _ context: Context) throws -> Fit {
        var frame = Frame(size: Size(width: region.width, height: 0))
        frame.add(.numbering(numbering), at: .zero)
        return .whole(frame)
    }
}
