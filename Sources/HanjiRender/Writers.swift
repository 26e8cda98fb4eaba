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
    public init() {}
}

/// Writes pages as a PDF file, atomically: a temporary file renamed over the target.
public enum PDFWriter {
    public static func write(_ pages: [Page], metadata: Metadata, to url: URL) throws {
        try Atomic.write(to: url) { temp in
            let first = pages.first?.size ?? .a4
            let surface = cairo_pdf_surface_create(temp.path, first.width, first.height)!
            defer { cairo_surface_destroy(surface) }
            try RenderError.check(cairo_surface_status(surface), "cairo_pdf_surface_create")
            let fields: [(cairo_pdf_metadata_t, String)] = [
                (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
                (CAIRO_PDF_METADATA_SUBJECT, metadata.subject), (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords),
                (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
                (CAIRO_PDF_METADATA_CREATE_DATE, metadata.date), (CAIRO_PDF_METADATA_MOD_DATE, metadata.date),
            ]
            for (key, value) in fields where !value.isEmpty { cairo_pdf_surface_set_metadata(surface, key, value) }
            let canvas = try Canvas(surface: surface)
            for page in pages {
                cairo_pdf_surface_set_size(surface, page.size.width, page.size.height)
                canvas.draw(page.frame)
                cairo_show_page(canvas.cr)
            }
            try RenderError.check(cairo_status(canvas.cr), "drawing")
            cairo_surface_finish(surface)
            try RenderError.check(cairo_surface_status(surface), "cairo_surface_finish")
        }
    }
}

/// Writes one page as a PNG image at a resolution in dots per inch.
public enum PNGWriter {
    public static func write(_ page: Page, dpi: Double, to url: URL) throws {
        let scale = dpi / 72
        let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32((page.size.width * scale).rounded()),
                                                 Int32((page.size.height * scale).rounded()))!
        defer { cairo_surface_destroy(surface) }
        try RenderError.check(cairo_surface_status(surface), "cairo_image_surface_create")
        let canvas = try Canvas(surface: surface)
        cairo_set_source_rgb(canvas.cr, 1, 1, 1)
        cairo_paint(canvas.cr)
        cairo_scale(canvas.cr, scale, scale)
        canvas.draw(page.frame)
        cairo_surface_flush(surface)
        try Atomic.write(to: url) { temp in
            try RenderError.check(cairo_surface_write_to_png(surface, temp.path), "cairo_surface_write_to_png")
        }
    }
}

/// Writes files through a temporary sibling renamed into place, so a failure never leaves a
/// half-written file where an earlier output stood.
public enum Atomic {
    public static func write(to url: URL, _ body: (URL) throws -> Void) throws {
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try body(temp)
            if rename(temp.path, url.path) != 0 {
                throw RenderError.file(path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temp.path)
            throw error
        }
    }
}

/// Compares PNG images pixel by pixel (golden-image tests, preview checks).
public enum PNGCompare {
    /// The share of pixels whose colour differs by more than `threshold` (0–255) in any channel;
    /// 1 when the sizes differ.
    public static func difference(_ a: URL, _ b: URL, threshold: Int = 40) throws -> Double {
        let sa = cairo_image_surface_create_from_png(a.path)!, sb = cairo_image_surface_create_from_png(b.path)!
        defer { cairo_surface_destroy(sa); cairo_surface_destroy(sb) }
        try RenderError.check(cairo_surface_status(sa), "reading \(a.lastPathComponent)")
        try RenderError.check(cairo_surface_status(sb), "reading \(b.lastPathComponent)")
        let w = cairo_image_surface_get_width(sa), h = cairo_image_surface_get_height(sa)
        guard w == cairo_image_surface_get_width(sb), h == cairo_image_surface_get_height(sb) else { return 1 }
        let strideA = Int(cairo_image_surface_get_stride(sa)), strideB = Int(cairo_image_surface_get_stride(sb))
        let pa = cairo_image_surface_get_data(sa)!, pb = cairo_image_surface_get_data(sb)!
        var differing = 0
        for y in 0..<Int(h) {
            for x in 0..<Int(w) {
                for c in 0..<3 where abs(Int(pa[y * strideA + x * 4 + c]) - Int(pb[y * strideB + x * 4 + c])) > threshold {
                    differing += 1
                    break
                }
            }
        }
        return Double(differing) / Double(w * h)
    }
}
