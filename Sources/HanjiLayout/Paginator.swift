/// One laid-out page: its size and everything on it, positioned from the top left.
public struct Page {
    public var size: Size
    public var frame: Frame
    /// 1-based page number.
    public var number: Int
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

    public init() {}

    public var body: Size {
        Size(width: size.width - margins.left - margins.right, height: size.height - margins.top - margins.bottom)
    }
}

/// What a running header or footer may show: the page, the count, the current section.
public struct Running: Sendable {
    public var page: Int
    public var pages: Int
    /// The first section that starts on the page, else the one in force from before ("" if none).
    public var section: String

    public init(page: Int, pages: Int, section: String) {
        self.page = page; self.pages = pages; self.section = section
    }
}

/// Flows a block through as many pages as it needs.
public struct Paginator {
    public var setup: PageSetup
    /// Guards against a block that keeps returning parts without progress.
    public var maxPages = 100_000

    public init(setup: PageSetup) { self.setup = setup }

    /// Lays out `block` page after page; the footer and header go on once the count is known.
    public func pages(_ block: any Block, _ context: Context) throws -> [Page] {
        let body = setup.body
        var frames: [Frame] = []
        var next: (any Block)? = block
        while let current = next {
            guard frames.count < maxPages else {
                throw LayoutError.tooLarge(what: "the document (over \(maxPages) pages)", height: .infinity, available: body.height)
            }
            switch try current.layout(in: Region(width: body.width, height: body.height, fresh: true), context) {
            case .whole(let frame):
                frames.append(frame)
                next = nil
            case .part(let frame, let rest):
                frames.append(frame)
                next = rest
            case .nothing:
                throw LayoutError.tooLarge(what: "a block", height: .infinity, available: body.height)
            }
        }
        var pages: [Page] = []
        var section = ""
        for (i, frame) in frames.enumerated() {
            var page = Frame(size: setup.size)
            page.add(frame, at: Point(x: setup.margins.left, y: setup.margins.top))
            let marks = frame.marks
            let running = Running(page: i + 1, pages: frames.count, section: marks.first ?? section)
            section = marks.last ?? section
            if let footer = setup.footer?(running) {
                try place(footer, top: setup.size.height - setup.footerOffset, in: &page, context)
            }
            if let header = setup.header?(running) {
                try place(header, top: setup.headerOffset, in: &page, context)
            }
            pages.append(Page(size: setup.size, frame: page, number: i + 1))
        }
        return pages
    }

    private func place(_ block: any Block, top: Double, in page: inout Frame, _ context: Context) throws {
        let region = Region(width: setup.body.width, height: setup.size.height - top, fresh: true)
        if case .whole(let frame) = try block.layout(in: region, context) {
            page.add(frame, at: Point(x: setup.margins.left, y: top))
        }
    }
}
