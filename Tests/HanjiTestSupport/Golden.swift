// Golden pages: a region of a page drawn at a low resolution in grey, kept as a small PNG in
// Tests/HanjiTests/Golden and compared with a tolerance. Set HANJI_RECORD_GOLDEN=1 to re-record;
// a recording run fails on purpose, so a new baseline never passes unseen.
import CPangoCairo
import Foundation
import Hanji
import HanjiLayout
import HanjiRender
import Testing

/// A part of a page, in points from its top left corner.
public struct Crop: Sendable, Equatable {
    public var x, y, width, height: Double

    public init(x: Double = 0, y: Double = 0, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    /// The top `share` of an A4 page, its whole width.
    public static func top(_ share: Double) -> Crop {
        Crop(width: Size.a4.width, height: Size.a4.height * share)
    }
}

/// Small reference images of pages, checked and recorded.
public enum Golden {
    public static let recording = ProcessInfo.processInfo.environment["HANJI_RECORD_GOLDEN"] == "1"
    /// A pixel counts as changed when its grey differs by more than this (0–255): text at a low
    /// resolution is mostly faint anti-aliasing, which the writers' 40 would not see.
    public static let threshold = 16
    /// How many changed pixels a page may have and still match. Drawing is deterministic; at
    /// 30 dpi one syllable changed in a name changes 4 pixels, a name 27, a mark moved 26.
    public static let tolerance = 2

    /// Compares `crop` of page `number` (1-based) of `document` with the golden image `name`.
    public static func check(_ document: Document, page number: Int, name: String, crop: Crop? = nil,
                             dpi: Double = 30, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let page = try #require(document.pages.first { $0.number == number }, "no page \(number)",
                                sourceLocation: sourceLocation)
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let actual = dir.appendingPathComponent("actual.png")
        try snapshot(page, images: document.images, crop: crop, dpi: dpi, to: actual)
        let golden = Fixture.golden.appendingPathComponent("\(name).png")
        if recording {
            try? FileManager.default.removeItem(at: golden)
            try FileManager.default.copyItem(at: actual, to: golden)
            Issue.record("recorded \(golden.lastPathComponent); run again without HANJI_RECORD_GOLDEN",
                         sourceLocation: sourceLocation)
            return
        }
        guard FileManager.default.fileExists(atPath: golden.path) else {
            Issue.record("no golden image \(golden.lastPathComponent); record it with HANJI_RECORD_GOLDEN=1",
                         sourceLocation: sourceLocation)
            return
        }
        let changed = try changedPixels(actual, golden)
        #expect(changed <= tolerance, "\(name): \(changed) pixels differ", sourceLocation: sourceLocation)
    }

    /// How many pixels of two golden images differ by more than `threshold` (all of them when
    /// their sizes differ).
    public static func changedPixels(_ a: URL, _ b: URL) throws -> Int {
        guard let image = cairo_image_surface_create_from_png(a.path) else { throw GoldenError.cairo("read") }
        defer { cairo_surface_destroy(image) }
        let pixels = Int(cairo_image_surface_get_width(image)) * Int(cairo_image_surface_get_height(image))
        return Int((try PNGCompare.difference(a, b, threshold: threshold) * Double(pixels)).rounded())
    }

    /// Writes `crop` of `page` (all of it when nil) at `dpi` as an 8-bit grey PNG: the page as
    /// the PNG writer draws it, cropped, each pixel its luminance.
    public static func snapshot(_ page: Page, images: ImageCache, crop: Crop? = nil, dpi: Double, to url: URL) throws {
        let folder = url.deletingLastPathComponent().appendingPathComponent(UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try PageWriter(pdf: nil, png: PNGPages(folder: folder, name: "page", dpi: dpi, bare: true), images: images).write([page])
        let full = folder.appendingPathComponent("page.png")
        guard let source = cairo_image_surface_create_from_png(full.path) else { throw GoldenError.cairo("read") }
        defer { cairo_surface_destroy(source) }
        guard cairo_surface_status(source) == CAIRO_STATUS_SUCCESS else { throw GoldenError.cairo("read") }
        let scale = dpi / 72, part = crop ?? Crop(width: page.size.width, height: page.size.height)
        let pageWidth = Int(cairo_image_surface_get_width(source))
        let pageHeight = Int(cairo_image_surface_get_height(source))
        let left = min(max(Int((part.x * scale).rounded()), 0), pageWidth)
        let top = min(max(Int((part.y * scale).rounded()), 0), pageHeight)
        let width = min(Int((part.width * scale).rounded()), pageWidth - left)
        let height = min(Int((part.height * scale).rounded()), pageHeight - top)
        guard width > 0, height > 0 else { throw GoldenError.empty(part) }
        guard let grey = cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(width), Int32(height)) else {
            throw GoldenError.cairo("create")
        }
        defer { cairo_surface_destroy(grey) }
        cairo_surface_flush(grey)
        let from = cairo_image_surface_get_data(source)!, to = cairo_image_surface_get_data(grey)!
        let fromStride = Int(cairo_image_surface_get_stride(source))
        let toStride = Int(cairo_image_surface_get_stride(grey))
        for y in 0..<height {
            for x in 0..<width {
                // RGB24 keeps each pixel as 32 bits, blue in the lowest byte.
                let at = (top + y) * fromStride + (left + x) * 4
                let luminance = (114 * Int(from[at]) + 587 * Int(from[at + 1]) + 299 * Int(from[at + 2])) / 1000
                to[y * toStride + x] = UInt8(luminance)
            }
        }
        cairo_surface_mark_dirty(grey)
        guard cairo_surface_write_to_png(grey, url.path) == CAIRO_STATUS_SUCCESS else {
            throw GoldenError.cairo("write")
        }
    }
}

/// Why a golden image could not be made.
enum GoldenError: Error, CustomStringConvertible {
    case cairo(String)
    case empty(Crop)

    var description: String {
        switch self {
        case .cairo(let step): "Cairo could not \(step) a golden image"
        case .empty(let crop): "the crop \(crop) lies outside the page"
        }
    }
}
