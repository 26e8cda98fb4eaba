import Foundation
import HanjiLayout
import Synchronization

/// The one way pages are written: into a PDF, as PNG previews, or both. Each page is drawn on
/// the writer's own thread a few pages behind the layout, so both cores work and memory stays
/// flat; the first failure is kept and reported by the next call. Nothing appears at the
/// PDF's target until `finish()` succeeds.
public final class PageWriter: Sendable {
    /// What pages are drawn into: touched on the writer's thread, and by `finish` once it drained.
    struct Sinks {
        var pdf: PDFStream?
        var png: PNGStream?
    }

    let sinks: Mutex<Sinks>
    let queue = DispatchQueue(label: "hanji.writer")
    /// At most this many pages wait to be drawn.
    let slots = DispatchSemaphore(value: 2)
    let failure = Mutex<(any Error)?>(nil)
    let added = Mutex(0)

    /// A writer of a PDF to `pdf` (when given) with `metadata`, and of `png` previews (when
    /// given), decoding the images it draws into `images`.
    public init(pdf: URL?, metadata: Metadata = Metadata(), png: PNGPages? = nil,
                images: ImageCache = ImageCache()) throws {
        sinks = Mutex(Sinks(pdf: try pdf.map { try PDFStream(to: $0, metadata: metadata, images: images) },
                            png: png.map { PNGStream($0, images: images) }))
    }

    /// The pages handed over so far.
    public var count: Int { added.withLock { $0 } }

    /// Seconds Cairo spent drawing the PDF's pages (on the writer's thread) and finishing it.
    public var drawing: Double { sinks.withLock { $0.pdf?.drawing ?? 0 } }
    public var finishing: Double { sinks.withLock { $0.pdf?.finishing ?? 0 } }
    /// Seconds the PDF/A finishing pass took (libqpdf).
    public var archiving: Double { sinks.withLock { $0.pdf?.archiving ?? 0 } }

    /// Hands a page to the writer's thread; the caller does not touch it again.
    public func add(_ page: consuming Page) throws {
        try check()
        slots.wait()
        added.withLock { $0 += 1 }
        // A page is a value (text items are glyph runs with a font key), so it crosses threads as is.
        let page = copy page
        queue.async {
            defer { self.slots.signal() }
            guard self.failure.withLock({ $0 == nil }) else { return }
            do {
                try self.sinks.withLock { sinks in
                    try sinks.pdf?.add(page)
                    try sinks.png?.add(page)
                }
            } catch {
                self.failure.withLock { $0 = error }
            }
        }
    }

    /// Writes `pages` and finishes; on a failure the drawing thread ends before the error leaves.
    public func write(_ pages: [Page]) throws {
        try drained { for page in pages { try add(page) } }
        try finish()
    }

    /// Runs `body` (which adds pages); when it fails, lets the drawing thread finish before the
    /// error leaves, so an unfinished file is removed and nothing runs on after a failed command.
    public func drained<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            abandon()
            throw error
        }
    }

    /// Lets the drawing thread finish (after a failure elsewhere), so the writer can go.
    public func abandon() { queue.sync {} }

    /// Draws the pages still waiting, completes the PDF and names the previews.
    public func finish() throws {
        abandon()
        try check()
        try sinks.withLock { sinks in
            try sinks.pdf?.finish()
            try sinks.png?.finish()
        }
    }

    func check() throws {
        if let failure = failure.withLock({ $0 }) { throw failure }
    }
}
