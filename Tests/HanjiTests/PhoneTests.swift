// Photos as phones make them: a portrait photo is a landscape JPEG with an EXIF orientation, a
// photo is 24 megapixels and megabytes, an iPhone saves HEIC, and a renamed .docx is no photo.
import CPangoCairo
import CPixbuf
import Foundation
@testable import Hanji
import HanjiLayout
import HanjiModel
@testable import HanjiRender
import HanjiTestSupport
import Testing

@Suite("Phone photos")
struct PhoneTests {
    /// The example record with its photos replaced by `files` (in `folder`/photos), each captioned.
    static func meeting(photos files: [String], in folder: URL, file: String = "phone.yaml") throws -> Meeting {
        let text = try record(photos: files)
        var meeting = try Meeting.read(try Field.parse(text, file: file))
        meeting.folder = folder
        return meeting
    }

    /// The example record's text with its `photos:` list replaced.
    static func record(photos files: [String]) throws -> String {
        let lines = try String(contentsOf: Fixture.example, encoding: .utf8).components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("photos:") })
        let end = try #require(lines[(start + 1)...].firstIndex { !$0.hasPrefix(" ") && !$0.isEmpty })
        let list = files.enumerated().flatMap { ["  - file: photos/\($1)", "    caption: 사진 \($0)"] }
        return (lines[..<start] + ["photos:"] + list + lines[end...]).joined(separator: "\n")
    }

    /// A `width`×`height` JPEG: light grey, a red block in its top-left corner and a green one in
    /// its top-right (a quarter of each side), or noise everywhere when `noisy`.
    static func jpeg(width: Int, height: Int, noisy: Bool = false, quality: Int = 90) throws -> Data {
        let pixbuf = try #require(gdk_pixbuf_new(GDK_COLORSPACE_RGB, 0, 8, Int32(width), Int32(height)))
        defer { g_object_unref(UnsafeMutableRawPointer(pixbuf)) }
        let rowBytes = Int(gdk_pixbuf_get_rowstride(pixbuf))
        let pixels = try #require(gdk_pixbuf_get_pixels(pixbuf))
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for y in 0..<height {
            let row = pixels + y * rowBytes
            if noisy {
                let words = UnsafeMutableRawPointer(row)
                for at in stride(from: 0, through: 3 * width - 8, by: 8) {
                    seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    words.storeBytes(of: seed, toByteOffset: at, as: UInt64.self)
                }
                continue
            }
            for x in 0..<width {
                var rgb: (UInt8, UInt8, UInt8) = (220, 220, 220)
                if y < height / 4 && x < width / 4 {
                    rgb = (230, 0, 0)
                } else if y < height / 4 && x >= width - width / 4 {
                    rgb = (0, 190, 0)
                }
                (row + 3 * x).pointee = rgb.0
                (row + 3 * x + 1).pointee = rgb.1
                (row + 3 * x + 2).pointee = rgb.2
            }
        }
        return try Pixels.encodeJPEG(pixbuf, quality: quality)
    }

    /// `jpeg` with an EXIF APP1 segment saying `orientation`, right after its start marker.
    static func oriented(_ jpeg: Data, _ orientation: UInt8) -> Data {
        let tiff: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8,  // big-endian, first IFD at 8
                             0, 1,  // one entry: Orientation, SHORT, count 1
                             0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0,
                             0, 0, 0, 0]  // no next IFD
        let body = Array("Exif".utf8) + [0, 0] + tiff
        let length = body.count + 2
        let app1: [UInt8] = [0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + body
        return jpeg.prefix(2) + Data(app1) + jpeg.dropFirst(2)
    }

    /// Where the red and green corners of the test JPEG appear once each orientation is applied
    /// (TL top-left, TR, BR, BL), and whether the photo stands upright (its sides swapped).
    static let corners: [UInt8: (red: String, green: String, swapped: Bool)] = [
        1: ("TL", "TR", false), 2: ("TR", "TL", false), 3: ("BR", "BL", false), 4: ("BL", "BR", false),
        5: ("TL", "BL", true), 6: ("TR", "BR", true), 7: ("BR", "TR", true), 8: ("BL", "TL", true),
    ]

    /// The corner of the placed box at `at`/`size` whose pixel on `page` (at `scale` pixels a
    /// point) is mostly red or green.
    static func corner(of color: String, on page: OpaquePointer, at: Point, size: Size, scale: Double) -> [String] {
        let data = cairo_image_surface_get_data(page)!, stride = Int(cairo_image_surface_get_stride(page))
        let spots = ["TL": (0.12, 0.12), "TR": (0.88, 0.12), "BR": (0.88, 0.88), "BL": (0.12, 0.88)]
        return spots.keys.sorted().filter { name in
            let (fx, fy) = spots[name]!
            let x = Int((at.x + size.width * fx) * scale), y = Int((at.y + size.height * fy) * scale)
            let p = UnsafeRawPointer(data + y * stride).load(fromByteOffset: 4 * x, as: UInt32.self)
            let (r, g, b) = (Int(p >> 16 & 0xFF), Int(p >> 8 & 0xFF), Int(p & 0xFF))
            return color == "red" ? r > 150 && g < 90 && b < 90 : g > 120 && r < 90 && b < 90
        }
    }

    /// Prints the example minutes with the one photo `name` (in `dir`/photos) as PDF and PNG pages;
    /// the placed box's height over its width, and the corners (`corner`) found red and green on
    /// the PNG page and on the PDF page rasterized by pdftoppm.
    static func printed(_ name: String, in dir: URL) throws
        -> (aspect: Double, pages: [(name: String, red: [String], green: [String])]) {
        let meeting = try Self.meeting(photos: [name], in: dir)
        let spec = try Fixture.spec()
        let composer = try Composer(for: spec)
        let document = try composer.minutes(meeting, spec: spec)
        let placed = document.pages.flatMap { page in
            page.frame.items.compactMap { p, item -> (Int, Point, Size)? in
                if case .image(_, let s) = item { return (page.number, p, s) } else { return nil }
            }
        }
        let (number, at, size) = try #require(placed.first)
        let output = Output(pdf: dir.appendingPathComponent("m.pdf"), png: dir, name: "m", dpi: 72)
        _ = try composer.minutes(meeting, spec: spec, to: output)
        let rasterized = dir.appendingPathComponent("pdf").path
        let out = execute(URL(fileURLWithPath: "/usr/bin/pdftoppm"),
                          ["-png", "-r", "72", "-f", "\(number)", "-l", "\(number)", "-singlefile",
                           dir.appendingPathComponent("m.pdf").path, rasterized])
        try #require(out.status == 0, "\(out)")
        let pages = try [("PNG", dir.appendingPathComponent("m-\(number).png").path), ("PDF", rasterized + ".png")]
            .map { name, file in
                let page = try #require(cairo_image_surface_create_from_png(file))
                defer { cairo_surface_destroy(page) }
                try #require(cairo_surface_status(page) == CAIRO_STATUS_SUCCESS, "\(file)")
                return (name, corner(of: "red", on: page, at: at, size: size, scale: 1),
                        corner(of: "green", on: page, at: at, size: size, scale: 1))
            }
        return (size.height / size.width, pages)
    }

    @Test("each EXIF orientation 1–8 is applied in the PNG and the PDF, and the box takes its shape",
          arguments: [UInt8](1...8))
    func orientationIsApplied(orientation: UInt8) throws {
        try withTempDir { dir in
            let photos = dir.appendingPathComponent("photos")
            try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
            try Self.oriented(try Self.jpeg(width: 240, height: 160), orientation)
                .write(to: photos.appendingPathComponent("phone.jpg"))
            let expected = try #require(Self.corners[orientation])
            let printed = try Self.printed("phone.jpg", in: dir)
            let aspect = expected.swapped ? 1.5 : 2.0 / 3.0
            #expect(abs(printed.aspect - aspect) < 0.01, "the box's height is \(printed.aspect) of its width")
            for page in printed.pages {
                #expect(page.red == [expected.red] && page.green == [expected.green],
                        "orientation \(orientation), \(page.name): red \(page.red), green \(page.green)")
            }
        }
    }

    @Test("an iPhone's HEIC photo prints, in the PDF as a JPEG made from it")
    func heicPrints() throws {
        try withTempDir { dir in
            let photos = dir.appendingPathComponent("photos")
            try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
            try Self.jpeg(width: 240, height: 160).write(to: dir.appendingPathComponent("made.jpg"))
            // heif-enc (Debian's libheif-examples, installed by `make deps`) makes the HEIC file.
            let made = execute(URL(fileURLWithPath: "/usr/bin/heif-enc"),
                               ["-q", "90", "made.jpg", "-o", "photos/phone.heic"], in: dir)
            try #require(made.status == 0, "\(made)")
            let printed = try Self.printed("phone.heic", in: dir)
            #expect(abs(printed.aspect - 2.0 / 3.0) < 0.01, "the box's height is \(printed.aspect) of its width")
            for page in printed.pages {
                #expect(page.red == ["TL"] && page.green == ["TR"],
                        "\(page.name): red \(page.red), green \(page.green)")
            }
            let list = execute(URL(fileURLWithPath: "/usr/bin/pdfimages"), ["-list", "m.pdf"], in: dir)
            #expect(list.stdout.contains(" jpeg "), "\(list)")
        }
    }

    /// Writes an opaque PNG of noise, `width`×`height`, to `url`.
    static func noisyPNG(width: Int, height: Int, to url: URL) throws {
        let surface = try #require(cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)))
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let data = UnsafeMutableRawPointer(cairo_image_surface_get_data(surface)!)
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        for at in stride(from: 0, to: Int(cairo_image_surface_get_stride(surface)) * height, by: 8) {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            data.storeBytes(of: seed, toByteOffset: at, as: UInt64.self)
        }
        cairo_surface_mark_dirty(surface)
        try #require(cairo_surface_write_to_png(surface, url.path) == CAIRO_STATUS_SUCCESS)
    }

    @Test("6000×4000 photos (upright, on their side), a 3000×2000 PNG: ~300 dpi JPEGs, PDF < 3 MB, same twice")
    func bigPhotoIsReduced() throws {
        try withTempDir { dir in
            let photos = dir.appendingPathComponent("photos")
            try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
            let big = try Self.jpeg(width: 6000, height: 4000, noisy: true)
            try #require(big.count > 10_000_000, "the test photo is only \(big.count) bytes")
            try big.write(to: photos.appendingPathComponent("big.jpg"))
            try Self.oriented(big, 6).write(to: photos.appendingPathComponent("big6.jpg"))
            try Self.noisyPNG(width: 3000, height: 2000, to: photos.appendingPathComponent("big.png"))
            let meeting = try Self.meeting(photos: ["big.jpg", "big6.jpg", "big.png", "big.jpg"], in: dir)
            let spec = try Fixture.spec()
            var written: [Data] = []
            for run in 0..<2 {
                let pdf = dir.appendingPathComponent("m\(run).pdf")
                let output = Output(pdf: pdf, png: dir, name: "m", dpi: 40)
                _ = try Composer(for: spec).minutes(meeting, spec: spec, to: output)
                written.append(try Data(contentsOf: pdf))
            }
            #expect(written[0].count < 3_000_000, "the PDF is \(written[0].count) bytes")
            #expect(written[0] == written[1], "the same record printed twice gives different PDFs")
            // Each photo is a JPEG at about 300 dpi across and down (the one on its side too).
            let list = execute(URL(fileURLWithPath: "/usr/bin/pdfimages"),
                               ["-list", dir.appendingPathComponent("m0.pdf").path])
            let rows = list.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ") }
            try #require(rows.count == 4, "\(list)")
            for row in rows {
                #expect(row[8] == "jpeg", "\(row)")
                for ppi in [row[12], row[13]] {
                    #expect(Double(ppi).map { (290...310).contains($0) } == true, "\(row) is not about 300 dpi")
                }
            }
        }
    }

    /// The first bytes of files that are not JPEG or PNG, and a word their message must say.
    static let strangers: [String: (bytes: [UInt8], says: String)] = [
        "heic": ([0, 0, 0, 0x18] + Array("ftypheic".utf8) + [0, 0, 0, 0] + Array("mif1heic".utf8), "HEIC photo"),
        "docx": (Array("PK".utf8) + [3, 4, 20, 0, 6, 0], "Word"),
        "hwp": ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "HWP"),
        "pdf": (Array("%PDF-1.7\n".utf8), "PDF"),
        "gif": (Array("GIF89a".utf8), "GIF"),
        "webp": (Array("RIFF".utf8) + [0, 1, 0, 0] + Array("WEBPVP8 ".utf8), "WebP"),
        "bmp": (Array("BM".utf8) + [0x36, 0, 0, 0], "BMP"),
        "tiff": (Array("II".utf8) + [0x2A, 0, 8, 0, 0, 0], "TIFF"),
    ]

    @Test("a HEIC photo or a file that is no image is named by what it is, at the record's line, with the fix",
          arguments: ["heic", "docx", "hwp", "pdf", "gif", "webp", "bmp", "tiff"])
    func notAPhotoIsNamed(kind: String) throws {
        try withTempDir { dir in
            let photos = dir.appendingPathComponent("photos")
            try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
            let stranger = try #require(Self.strangers[kind])
            let bytes = Data(stranger.bytes) + Data(repeating: 0x20, count: 2000)
            try bytes.write(to: photos.appendingPathComponent("p.jpg"))
            let text = try Self.record(photos: ["p.jpg"])
            try text.write(to: dir.appendingPathComponent("phone.yaml"), atomically: true, encoding: .utf8)
            let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.contains("photos/p.jpg") }) + 1
            let out = execute(hanjiBinary, ["minutes", "phone.yaml", "-o", "m.pdf"], in: dir)
            #expect(out.status == 1, "\(out)")
            #expect(out.stderr.contains("phone.yaml:\(line):"), "not located at line \(line): \(out)")
            #expect(out.stderr.contains(stranger.says) && out.stderr.contains("photos/p.jpg"), "\(out)")
            #expect(out.stderr.contains("save") || out.stderr.contains("export"), "no fix given: \(out)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.pdf").path))
        }
    }

    @Test("photos of different shapes in a row stand on one line, their captions on one baseline")
    func captionsLineUp() throws {
        try withTempDir { dir in
            let photos = dir.appendingPathComponent("photos")
            try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
            let wide = try Self.jpeg(width: 320, height: 180), square = try Self.jpeg(width: 200, height: 200)
            try wide.write(to: photos.appendingPathComponent("wide.jpg"))
            try square.write(to: photos.appendingPathComponent("square.jpg"))
            try Self.oriented(wide, 6).write(to: photos.appendingPathComponent("portrait.jpg"))
            let names = ["wide.jpg", "portrait.jpg", "square.jpg", "wide.jpg", "wide.jpg"]
            let spec = try Fixture.spec()
            let document = try Composer(for: spec).minutes(try Self.meeting(photos: names, in: dir), spec: spec)
            // Page number and y of each caption and of each photo's lower edge, in order.
            let captions = (0..<names.count).compactMap { n in
                document.pages.lazy.compactMap { page in
                    page.frame.lines.first { $0.1.text == "사진 \(n)" }.map { Double(page.number) * 10_000 + $0.0.y }
                }.first
            }
            let boxes = document.pages.flatMap { page in
                page.frame.items.compactMap { p, item -> Double? in
                    guard case .image(_, let s) = item else { return nil }
                    return Double(page.number) * 10_000 + p.y + s.height
                }
            }
            try #require(captions.count == names.count && boxes.count == names.count, "\(captions) \(boxes)")
            for (a, b) in [(0, 1), (2, 3)] {
                #expect(abs(captions[a] - captions[b]) < 0.01, "captions \(a) and \(b): \(captions)")
                #expect(abs(boxes[a] - boxes[b]) < 0.01, "photos \(a) and \(b) end at \(boxes)")
            }
            // Each photo sits just above its caption, and a row of one shape is as tall as before.
            for n in names.indices { #expect(captions[n] - boxes[n] < 10 * mm, "photo \(n) floats above its caption") }
            #expect(captions[4] - boxes[4] < captions[3] - boxes[3] + 0.01)
        }
    }
}
