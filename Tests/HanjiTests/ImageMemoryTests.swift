// Many photos: a document of forty 1200×800 PNG photos is written holding only a few decoded
// images at a time (the composer's census counts decoded surfaces until Cairo lets them go).
import CPangoCairo
import Foundation
@testable import Hanji
import HanjiLayout
import HanjiModel
import HanjiRender
import HanjiTestSupport
import Testing

@Suite("Image memory")
struct ImageMemoryTests {
    /// `count` 1200×800 photos drawn with Cairo into `folder`/photos, and the example record
    /// naming them all.
    static func record(photos count: Int, in folder: URL) throws -> Meeting {
        let photos = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        for i in 0..<count {
            let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1200, 800)!
            let cr = cairo_create(surface)!
            let gradient = cairo_pattern_create_linear(0, 0, 1200, 800)!
            cairo_pattern_add_color_stop_rgb(gradient, 0, Double(i) / Double(count), 0.4, 0.2)
            cairo_pattern_add_color_stop_rgb(gradient, 1, 0.1, 0.3, 1 - Double(i) / Double(count))
            cairo_set_source(cr, gradient)
            cairo_paint(cr)
            let status = cairo_surface_write_to_png(surface, photos.appendingPathComponent("p\(i).png").path)
            cairo_pattern_destroy(gradient)
            cairo_destroy(cr)
            cairo_surface_destroy(surface)
            try #require(status == CAIRO_STATUS_SUCCESS)
        }
        let text = try String(contentsOf: Fixture.example, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("photos:") })
        let end = try #require(lines[(start + 1)...].firstIndex { !$0.hasPrefix(" ") && !$0.isEmpty })
        let list = (0..<count).flatMap { ["  - file: photos/p\($0).png", "    caption: 사진 \($0)"] }
        let record = (lines[..<start] + ["photos:"] + list + lines[end...]).joined(separator: "\n")
        var meeting = try Meeting.read(try Field.parse(record, file: "many.yaml"))
        meeting.folder = folder
        return meeting
    }

    /// The PDF and PNG pages are drawn together, each page into both, from the one loader.
    @Test("forty photos, PDF and PNG pages: only a few decoded images alive at once")
    func fortyPhotosStayBounded() throws {
        try withTempDir { dir in
            let meeting = try ImageMemoryTests.record(photos: 40, in: dir)
            let spec = try Fixture.spec()
            let composer = try Composer(for: spec)
            let pages = dir.appendingPathComponent("pages")
            let output = Output(pdf: dir.appendingPathComponent("m.pdf"), png: pages, name: "m", dpi: 20)
            let written = try composer.minutes(meeting, spec: spec, to: output)
            #expect(written.pages >= 10, "forty photos fill at least ten pages")
            let census = composer.decoded.census
            // At most the loader's cache (16 MiB: four 1200×800 photos) and the photos of the page
            // being drawn, held until it is shown: never all forty.
            let perPage = try composer.minutes(meeting, spec: spec).pages.map { page in
                page.frame.items.filter { if case .image = $0.1 { true } else { false } }.count
            }.max() ?? 0
            let bound = 4 + perPage
            #expect(census.peak > 0, "no image was decoded: the census counts nothing")
            #expect(census.peak <= bound, "\(census.peak) decoded images were alive at once (bound \(bound))")
            #expect(census.alive <= 4, "\(census.alive) decoded images are still kept")
            #expect(tool("qpdf", ["--check", output.pdf.path]).status == 0)
        }
    }
}

extension ImageMemoryTests {
    /// The example's JPEG with its header claiming `width`×`height` pixels.
    static func jpeg(claiming width: Int, _ height: Int) throws -> Data {
        var bytes = [UInt8](try Data(contentsOf: Fixture.example.deletingLastPathComponent()
            .appendingPathComponent("photos/meeting.jpg")))
        var i = 2
        while i + 9 < bytes.count, bytes[i] == 0xFF, !(0xC0...0xC2).contains(bytes[i + 1]) {
            i += 2 + (Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]))
        }
        try #require(i + 9 < bytes.count && bytes[i] == 0xFF, "no start-of-frame marker in meeting.jpg")
        bytes[i + 5] = UInt8(height >> 8); bytes[i + 6] = UInt8(height & 0xFF)
        bytes[i + 7] = UInt8(width >> 8); bytes[i + 8] = UInt8(width & 0xFF)
        return Data(bytes)
    }

    @Test("a JPEG of more pixels than a PNG may have is refused before it is decoded for PNG pages")
    func hugeJPEGIsNotDecoded() throws {
        try withTempDir { dir in
            let meeting = try ImageMemoryTests.record(photos: 1, in: dir)
            // A JPEG under the record's .png name: files are known by their bytes.
            try ImageMemoryTests.jpeg(claiming: 16400, 16400).write(to: dir.appendingPathComponent("photos/p0.png"))
            let spec = try Fixture.spec()
            let composer = try Composer(for: spec)
            let output = Output(pdf: dir.appendingPathComponent("m.pdf"), png: dir.appendingPathComponent("pages"),
                                name: "m", dpi: 20)
            let error = #expect(throws: InputError.self) { try composer.minutes(meeting, spec: spec, to: output) }
            let message = error?.message ?? "no error"
            #expect(message.contains("16400×16400 pixels, too large to print"), "\(message)")
            #expect(error?.path == "photos[0].file")
        }
    }
}
