/// One laid-out page: its size and everything on it, positioned from the top left.
public struct Page: Sendable {
    public var size: Size
    public var frame: Frame
    /// 1-based page number.
    public var number: Int
    /// The number printed on the page (`3`, `ii`, or empty for a cover); the PDF's page label.
    public var label: String

    public init(size: Size, frame: Frame, number: Int, label: String? = nil) {
        self.size = size; self.frame = frame; self.number = number; self.label = label ?? String(number)
    }
}

/// The page a document flows into: size, margins, and the running header and footer.
public struct PageSetup {
    public var size: Size = .a4
    public var margins = Insets(top: 20 * mm, right: 20 * mm, bottom: 20 * mm, left: 20 * mm)
    /// Makes the footer of a page, placed in the bottom margin.
    public var footer: ((Running) -> (any Block)?)?
    /// Distance from the paper's bottom edge to the footer's top.
    public var footerOffset: Double = 12 * mm
    public var header: ((Running) -> (any Block)?)?
    public var headerOffset: Double = 10 * mm
    /// Where the spec gives the footer and the header, for one too big for its band.
    public var footerOrigin: Origin?
    public var headerOrigin: Origin?
    /// Decorative rectangles drawn on every page, under the content (a certificate's border).
    public var borders: [Border] = []
    /// Whether the running header or footer shows the page count, so no page can go out before
    /// the last is laid out.
    public var needsCount = true

    public init() {}

    public var body: Size {
        Size(width: size.width - margins.left - margins.right, height: size.height - margins.top - margins.bottom)
    }

    /// The strip the running header may fill: from its offset down to the body's top.
    public var headerBand: Band { Band(top: headerOffset, bottom: margins.top) }
    /// The strip the footer may fill: from its offset above the paper's bottom edge down to that edge.
    public var footerBand: Band { Band(top: size.height - footerOffset, bottom: size.height) }
}

/// A strip across the page, from `top` down to `bottom`, in points from the paper's top edge.
public struct Band: Sendable, Equatable {
    public var top: Double
    public var bottom: Double
    public init(top: Double, bottom: Double) { self.top = top; self.bottom = bottom }
    public var height: Double { bottom - top }
}

/// What a running header or footer may show: the page, the count, the current section.
public struct Running: Sendable {
    public var page: Int
    public var pages: Int
    /// The first section that starts on the page, else the one in force from before ("" if none).
    public var section: String
    /// The page's number as printed: `3`, `ii`; empty where pages are not numbered.
    public var label: String

    public init(page: Int, pages: Int, section: String, label: String? = nil) {
        self.page = page; self.pages = pages; self.section = section; self.label = label ?? String(page)
    }
}

/// Flows a block through as many pages as it needs.
public struct Paginator {
    public var setup: PageSetup
    /// Guards against a block that keeps returning parts without progress.
    public var maxPages = 100_000

    public init(setup: PageSetup) { self.setup = setup }

    /// Lays out `block` page after page; the footer and header go on once the count is known.
    public func pages(_ block: consuming any Block, _ context: Context) throws -> [Page] {
        var pages: [Page] = []
        try self.pages(consume block, context) { pages.append($0) }
        return pages
    }

    /// Lays out `block` and hands each finished page to `emit`. When the running header and
    /// footer do not show the page count (`needsCount` false), each page goes out as soon as it
    /// is laid out and is then forgotten, so memory stays flat however long the document;
    /// otherwise the pages wait until the count is known.
    public func pages(_ block: consuming any Block, _ context: Context, emit: (Page) throws -> Void) throws {
        let body = setup.body
        context.emptyPage = body.height
        var held: [Frame] = []
        var made = 0
        var running = Decoration()
        // Taken, not borrowed: once a page is done, nothing holds the blocks already laid out.
        var next: (any Block)? = consume block
        while let current = next {
            guard made < maxPages else {
                throw LayoutError.tooLarge(what: "the document (over \(maxPages) pages)", height: .infinity,
                                           available: body.height)
            }
            let frame: Frame
            switch try current.layout(in: Region(width: body.width, height: body.height, fresh: true), context) {
            case .whole(let f):
                frame = f
                next = nil
            case .part(let f, let rest):
                frame = f
                next = rest
            case .nothing:
                throw LayoutError.tooLarge(what: "a block", height: .infinity, available: body.height)
            }
            made += 1
            if setup.needsCount {
                held.append(frame)
            } else {
                try emit(try decorate(frame, number: made, of: 0, &running, context))
            }
        }
        for (i, frame) in held.enumerated() {
            try emit(try decorate(frame, number: i + 1, of: held.count, &running, context))
        }
    }

    /// What carries over from page to page: the section in force and the page numbering.
    struct Decoration {
        var section = ""
        var numbering = PageNumbers.arabic
        var counter = 0
    }

    /// A body frame placed on its page with borders, running header and footer.
    func decorate(_ frame: Frame, number: Int, of count: Int, _ state: inout Decoration,
                  _ context: Context) throws -> Page {
        var page = Frame(size: setup.size)
        for border in setup.borders { border.draw(on: &page, size: setup.size) }
        page.add(frame, at: Point(x: setup.margins.left, y: setup.margins.top))
        // A numbering mark restarts the count on its page.
        if let first = frame.items.lazy.compactMap({ _, item -> PageNumbers? in
            if case .numbering(let n) = item { return n } else { return nil }
        }).first {
            state.numbering = first
            state.counter = 0
        }
        state.counter += 1
        let label = state.numbering.label(state.counter)
        let marks = frame.marks
        let running = Running(page: number, pages: count, section: marks.first ?? state.section, label: label)
        state.section = marks.last ?? state.section
        // Unnumbered pages (a cover, a blank) carry no running header or footer.
        if state.numbering != .none {
            if let footer = setup.footer?(running) {
                let offset = LayoutError.mm(setup.footerOffset)
                try place(footer, in: setup.footerBand, on: &page, context, what: "the footer", at: setup.footerOrigin,
                          hint: "shorten the footer's text, or raise its 'offset' (now \(offset))")
            }
            if let header = setup.header?(running) {
                let (offset, margin) = (LayoutError.mm(setup.headerOffset), LayoutError.mm(setup.margins.top))
                try place(header, in: setup.headerBand, on: &page, context, what: "the header", at: setup.headerOrigin,
                          hint: "shorten the header's text, or lower its 'offset' (now \(offset)) "
                              + "or raise the top margin (now \(margin))")
            }
        }
        return Page(size: setup.size, frame: page, number: number, label: label)
    }

    /// Places a running header or footer in its band; one that does not fit there is an error
    /// (dropped, the page numbers would vanish; let run, it would cover the body).
    private func place(_ block: any Block, in band: Band, on page: inout Frame, _ context: Context,
                       what: String, at origin: Origin?, hint: String) throws {
        let region = Region(width: setup.body.width, height: band.height, fresh: true)
        if case .whole(let frame) = try block.layout(in: region, context), frame.size.height <= band.height + 0.01 {
            page.add(frame, at: Point(x: setup.margins.left, y: band.top))
            return
        }
        let whole = Region(width: setup.body.width, height: .infinity, fresh: true)
        guard case .whole(let needed) = try block.layout(in: whole, context) else {
            throw LayoutError.at(origin, .band(what: what, height: .infinity, available: band.height), hint: hint)
        }
        throw LayoutError.at(origin, .band(what: what, height: needed.size.height, available: band.height), hint: hint)
    }
}

/// Puts pages side by side on bigger sheets for print.
public enum Imposition {
    /// Pages `up` to a sheet, each scaled to fit its slot: an A4 page set 2-up on A4 landscape
    /// becomes an A5 leaflet to cut in half. A one-page document fills every slot with copies.
    public static func sheets(_ pages: [Page], sheet: Size, up: Int) -> [Page] {
        guard up > 1, let first = pages.first else { return pages }
        // The copies are decoration: a reader hears the page once.
        var copy = first
        copy.frame = first.frame.untagged
        let source = pages.count == 1 ? [first] + Array(repeating: copy, count: up - 1) : pages
        return stride(from: 0, to: source.count, by: up).enumerated().map { n, start in
            place(Array(source[start..<min(start + up, source.count)]), on: sheet, slots: up, number: n + 1)
        }
    }

    /// A saddle-stitched booklet: two pages to a side of each sheet, padded with blank pages to a
    /// multiple of four, in the order that reads right once the printed stack (duplex, flipped
    /// on the short edge) is folded in half: 8|1, 2|7, 6|3, 4|5 for eight pages. The blanks go
    /// before an unnumbered last page (a back cover), so it stays on the back.
    public static func booklet(_ pages: [Page], sheet: Size) -> [Page] {
        guard let first = pages.first, let last = pages.last else { return pages }
        var source = pages
        let backCover = pages.count > 1 && last.label.isEmpty
        if backCover { source.removeLast() }
        let blanks = (4 - pages.count % 4) % 4
        for _ in 0..<blanks {
            source.append(Page(size: first.size, frame: Frame(size: first.size), number: 0, label: ""))
        }
        if backCover { source.append(last) }
        let n = source.count
        return (0..<n / 2).map { k in
            let pair = k % 2 == 0 ? [source[n - 1 - k], source[k]] : [source[k], source[n - 1 - k]]
            return place(pair, on: sheet, slots: 2, number: k + 1)
        }
    }

    /// The pages scaled into equal slots across a sheet, with cut or fold marks between.
    static func place(_ pages: [Page], on sheet: Size, slots: Int, number: Int) -> Page {
        let slot = Size(width: sheet.width / Double(slots), height: sheet.height)
        var frame = Frame(size: sheet)
        for (i, page) in pages.enumerated() {
            let k = min(slot.width / page.size.width, slot.height / page.size.height, 1)
            let size = Size(width: page.size.width * k, height: page.size.height * k)
            frame.add(.scaled(page.frame, k), at: Point(x: Double(i) * slot.width + (slot.width - size.width) / 2,
                                                      y: (slot.height - size.height) / 2))
        }
        for i in 1..<slots {
            let x = Double(i) * slot.width
            frame.add(.rule(to: Point(x: 0, y: 5 * mm), width: 0.3, color: .gray), at: Point(x: x, y: 0))
            frame.add(.rule(to: Point(x: 0, y: 5 * mm), width: 0.3, color: .gray),
                      at: Point(x: x, y: sheet.height - 5 * mm))
        }
        let label = pages.map { $0.label.isEmpty ? "-" : $0.label }.joined(separator: "|")
        return Page(size: sheet, frame: frame, number: number, label: label)
    }
}
