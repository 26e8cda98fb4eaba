import CPNG
import CPangoCairo
import Foundation
import HanjiLayout

/// What a PDF says about itself.
public struct Metadata: Sendable {
    public var title = ""
    public var author = ""
    public var subject = ""
    public var keywords = ""
    public var creator = "Hanji"
    /// ISO 8601 date-time for both the creation and modification dates, never the clock.
    public var date = "2000-01-01T00:00:00"
    /// The document's language (BCP 47), declared in the catalog and the XMP.
    public var language = "ko-KR"
    /// The standard the finished file claims and keeps.
    public var standard = PDFStandard.a2a
    public init() {}
}

/// What a written PDF conforms to (`--pdf-standard`).
public enum PDFStandard: String, Sendable, CaseIterable {
    /// PDF/A-2 level a: archival, and tagged throughout for screen readers (the default).
    case a2a = "a-2a"
    /// PDF/A-2 level b: archival appearance; tags are kept but not claimed complete.
    case a2b = "a-2b"
    /// Cairo's file as written, without the finishing pass.
    case none
}

/// A PDF written page by page, so a long batch never holds its pages in memory. Nothing appears
/// at the target until `finish()`, and only if every byte was written; a stream dropped
/// unfinished, or failing, leaves no file behind.
public final class PDFStream {
    let sink: FileSink
    /// Where Cairo writes when the file is finished before it goes to the sink (`PDFFinisher`).
    let buffer: PDFBuffer?
    let metadata: Metadata
    let canvas: Canvas
    var surface: OpaquePointer { canvas.target.pointer }
    public private(set) var count = 0
    var finished = false
    /// Seconds spent in Cairo drawing and showing pages, finishing the file (font subsets), and
    /// in the PDF/A finishing pass.
    public private(set) var drawing = 0.0, finishing = 0.0, archiving = 0.0
    /// Set once a page's label differs from its number; every later page then states its own.
    var labelled = false

    public init(to url: URL, metadata: Metadata, images: ImageCache = ImageCache()) throws {
        sink = try FileSink(for: url)
        self.metadata = metadata
        buffer = metadata.standard == .none ? nil : PDFBuffer()
        let a4 = Size.a4
        let created = if let buffer {
            cairo_pdf_surface_create_for_stream(pdfBufferWrite, buffer.context, a4.width, a4.height)
        } else {
            cairo_pdf_surface_create_for_stream(fileSinkWrite, sink.context, a4.width, a4.height)
        }
        let pdf = try Surface("cairo_pdf_surface_create_for_stream", created)
        let fields: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
            (CAIRO_PDF_METADATA_SUBJECT, metadata.subject), (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords),
            (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
            (CAIRO_PDF_METADATA_CREATE_DATE, metadata.date), (CAIRO_PDF_METADATA_MOD_DATE, metadata.date),
        ]
        for (key, value) in fields where !value.isEmpty { cairo_pdf_surface_set_metadata(pdf.pointer, key, value) }
        canvas = try Canvas(surface: pdf, pdf: true, images: images)
    }

    /// The size pages are set to now.
    var size = Size.a4

    /// Draws one more page.
    public func add(_ page: Page) throws {
        try sink.check()
        // Cairo 1.16 writes a link's structure element only inside a structure tree, so the
        // document is one open tag; and a page size set inside that tag loses the tree (the
        // PDF then points at objects it never wrote). So: the first page's size before the tag,
        // and a new size only where it changes.
        if count == 0 {
            if page.size != size { cairo_pdf_surface_set_size(surface, page.size.width, page.size.height) }
            canvas.tags.append(Tag(.document))
            cairo_tag_begin(canvas.cr, "Document", "")
        } else if page.size != size {
            cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
        }
        size = page.size
        labelled = labelled || page.label != String(page.number)
        if labelled { cairo_pdf_surface_set_page_label(surface, page.label) }
        let start = DispatchTime.now()
        defer { drawing += start.seconds }
        do {
            try canvas.draw(page.frame)
            // Each page's elements are closed on it: one left open would run into the next page's.
            if let open = canvas.open.last { throw RenderError.structure("its \(open.name) element is left open") }
        } catch RenderError.structure(let problem) {
            throw RenderError.structure("page \(count + 1): \(problem)")
        }
        cairo_show_page(canvas.cr)
        canvas.release()
        count += 1
        try check(cairo_status(canvas.cr), "drawing page \(count)")
        // A tag Cairo refuses (a bad name or nesting) shows only in the surface's status.
        try check(cairo_surface_status(surface), "tagging page \(count)")
    }

    /// A failed write first (the file's own error), then Cairo's status.
    func check(_ status: cairo_status_t, _ call: String) throws {
        try sink.check()
        try RenderError.check(status, call)
    }

    /// Completes the file and moves it over the target (after `fsync`); on any failure the
    /// target keeps what it held.
    public func finish() throws {
        guard !finished else { return }
        finished = true
        do {
            try sink.check()
            if count > 0 { cairo_tag_end(canvas.cr, "Document") }
            // Finishing subsets every font at once; hand the pages' freed memory back first so the
            // peak stays where a long document's pages left it.
            malloc_trim(0)
            let start = DispatchTime.now()
            cairo_surface_finish(surface)
            finishing = start.seconds
            try check(cairo_surface_status(surface), "cairo_surface_finish")
            if let buffer {
                let written = buffer.bytes, passing = DispatchTime.now()
                buffer.bytes = []
                let finished = try PDFFinisher(metadata: metadata, tags: canvas.tags).finish(written)
                finished.withUnsafeBufferPointer { if let base = $0.baseAddress { sink.write(base, $0.count) } }
                archiving = passing.seconds
            }
            try sink.commit()
        } catch {
            sink.abandon()
            throw error
        }
    }

    deinit {
        // An unfinished or failed file goes first, so finishing writes nothing more to the disk;
        // and the surface is finished here, while the sink it writes into still lives.
        sink.abandon()
        cairo_surface_finish(surface)
    }
}

/// Writes one page as a PNG image at a resolution in dots per inch: to a file (for
/// `PNGStream`), or into memory (a server's preview).
public enum PNGWriter {
    static func write(_ page: Page, dpi: Double, to url: URL, images: ImageCache) throws {
        let sink = try FileSink(for: url)
        try drawn(page, dpi: dpi, images: images) { surface in
            cairo_surface_write_to_png_stream(surface, fileSinkWrite, sink.context)
        }
        try sink.check()
        try sink.commit()
    }

    /// The page as PNG bytes, encoded for speed (zlib level 1, no row filter: a server's
    /// preview, sent once; `hanji_png_encode`), not for the smallest file.
    public static func data(_ page: Page, dpi: Double, images: ImageCache) throws -> [UInt8] {
        let buffer = PDFBuffer()
        try drawn(page, dpi: dpi, images: images) { surface in
            guard let pixels = cairo_image_surface_get_data(surface) else { return CAIRO_STATUS_NO_MEMORY }
            let encoded = hanji_png_encode(pixels, cairo_image_surface_get_width(surface),
                                           cairo_image_surface_get_height(surface),
                                           cairo_image_surface_get_stride(surface), 1, { context, bytes, count in
                guard let context, let bytes else { return }
                Unmanaged<PDFBuffer>.fromOpaque(context).takeUnretainedValue().bytes
                    .append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
            }, buffer.context)
            return encoded == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_NO_MEMORY
        }
        return buffer.bytes
    }

    /// Draws the page on a white image surface at `dpi` and hands the surface to `encode`.
    static func drawn(_ page: Page, dpi: Double, images: ImageCache,
                      encode: (OpaquePointer?) -> cairo_status_t) throws {
        let scale = dpi / 72
        let (width, height) = (Int32((page.size.width * scale).rounded()), Int32((page.size.height * scale).rounded()))
        let image = try Surface("cairo_image_surface_create",
                                cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height))
        let canvas = try Canvas(surface: image, images: images)
        let surface = canvas.target.pointer
        cairo_set_source_rgb(canvas.cr, 1, 1, 1)
        cairo_paint(canvas.cr)
        cairo_scale(canvas.cr, scale, scale)
        try canvas.draw(page.frame)
        cairo_surface_flush(surface)
        canvas.release()
        let status = withExtendedLifetime(canvas) { encode(surface) }
        try RenderError.check(status, "cairo_surface_write_to_png_stream")
    }
}

/// Compares PNG images pixel by pixel (golden-image tests, preview checks).
public enum PNGCompare {
    /// The share of pixels whose colour differs by more than `threshold` (0–255) in any channel;
    /// 1 when the sizes differ.
    public static func difference(_ a: URL, _ b: URL, threshold: Int = 40) throws -> Double {
        let sa = try Surface("reading \(a.lastPathComponent)", cairo_image_surface_create_from_png(a.path))
        let sb = try Surface("reading \(b.lastPathComponent)", cairo_image_surface_create_from_png(b.path))
        let w = sa.width, h = sa.height
        guard w == sb.width, h == sb.height else { return 1 }
        let strideA = sa.stride, strideB = sb.stride
        let pa = try sa.pixels(), pb = try sb.pixels()
        var differing = 0
        for y in 0..<h {
            for x in 0..<w {
                for c in 0..<3
                    where abs(Int(pa[y * strideA + x * 4 + c]) - Int(pb[y * strideB + x * 4 + c])) > threshold {
                    differing += 1
                    break
                }
            }
        }
        return Double(differing) / Double(w * h)
    }
}

extension DispatchTime {
    /// Seconds from this time until now.
    var seconds: Double { Double(DispatchTime.now().uptimeNanoseconds - uptimeNanoseconds) / 1e9 }
}
