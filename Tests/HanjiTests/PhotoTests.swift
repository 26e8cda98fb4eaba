import Foundation
import Hanji
import HanjiInput
import HanjiLayout
import HanjiModel
import HanjiRender
import HanjiSpec
import HanjiTestSupport
import Testing

/// 회의 사진: images from the record, placed in the spec's grid, embedded without re-encoding.
@Suite struct PhotoTests {
    static let folder = Fixture.example.deletingLastPathComponent()
    static let record = try! String(contentsOf: Fixture.example, encoding: .utf8)

    /// Every image placed on the pages, with its page number and position.
    func images(_ document: Document) -> [(page: Int, at: Point, bitmap: Bitmap, size: Size)] {
        document.pages.flatMap { page in
            page.frame.items.compactMap { p, item in
                if case .image(let b, let s) = item { return (page.number, p, b, s) } else { return nil }
            }
        }
    }

    @Test func photosFillTheSpecsGridKeepingTheirAspectRatio() throws {
        let spec = try Fixture.spec()
        let placed = images(try Composer(for: spec).minutes(try Fixture.meeting(), spec: spec))
        #expect(placed.map(\.bitmap.path) == ["photos/meeting.jpg", "photos/screen.jpg", "photos/seating.png"])
        for image in placed {
            let ratio = Double(image.bitmap.height) / Double(image.bitmap.width)
            #expect(abs(image.size.height / image.size.width - ratio) < 0.001, "\(image.bitmap.path) is distorted")
            #expect(image.size.height <= 55 * mm + 0.01, "\(image.bitmap.path) is taller than the spec's 55 mm")
        }
        // Two to a row: the first two share a lower edge (their captions line up), side by side;
        // the third starts a new row.
        try #require(placed.count == 3)
        let bottom = placed.map { $0.at.y + $0.size.height }
        #expect(abs(bottom[0] - bottom[1]) < 0.01 && placed[1].at.x > placed[0].at.x + placed[0].size.width)
        #expect(placed[2].at.y > placed[0].at.y + placed[0].size.height)
        // Captions print under their photos.
        let text = try Composer(for: spec).minutes(try Fixture.meeting(), spec: spec).text.joined(separator: "\n")
        #expect(text.contains("분과 회의 전경") && text.contains("회의실 좌석 배치"))
    }

    @Test func jpegBytesAppearUnchangedInThePDF() throws {
        let spec = try Fixture.spec()
        let document = try Composer(for: spec).minutes(try Fixture.meeting(), spec: spec)
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("m.pdf")
        try document.writePDF(to: pdf)
        let bytes = try Data(contentsOf: pdf)
        for name in ["meeting.jpg", "screen.jpg"] {
            let jpeg = try Data(contentsOf: Self.folder.appendingPathComponent("photos/\(name)"))
            #expect(bytes.range(of: jpeg) != nil, "\(name)'s \(jpeg.count) bytes are not in the PDF as they are")
        }
        // A photo adds about its own size, not a decoded bitmap's (1600×1200×3 = 5.7 MB).
        let jpegs = try ["meeting.jpg", "screen.jpg"].reduce(0) { $0 + (try Data(contentsOf: Self.folder.appendingPathComponent("photos/\($1)"))).count }
        #expect(bytes.count < jpegs + 600_000, "PDF is \(bytes.count) bytes for \(jpegs) bytes of JPEG")
    }

    func photoError(file: String, in folder: URL) throws -> InputError? {
        let text = Self.record.replacingOccurrences(of: "file: photos/meeting.jpg", with: "file: \(file)")
        var meeting = try Meeting.read(try Field.parse(text, file: "p.yaml"))
        meeting.folder = folder
        let spec = try Fixture.spec()
        do {
            _ = try Composer(for: spec).minutes(meeting, spec: spec)
            return nil
        } catch let error as InputError {
            return error
        }
    }

    @Test func missingPhotoIsAnErrorNamingItsPathAndField() throws {
        let error = try #require(try photoError(file: "photos/lost.jpg", in: Self.folder))
        #expect(error.message.contains("photos/lost.jpg") && error.message.contains("missing"))
        #expect(error.path == "photos[0].file" && error.location?.file == "p.yaml")
    }

    @Test(arguments: ["truncated", "garbage", "text", "truncated png", "garbage png", "broken png"])
    func damagedPhotoIsAnErrorNamingItsPath(kind: String) throws {
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let jpeg = try Data(contentsOf: Self.folder.appendingPathComponent("photos/meeting.jpg"))
        let png = try Data(contentsOf: Self.folder.appendingPathComponent("photos/seating.png"))
        let bytes: Data
        switch kind {
        case "truncated": bytes = jpeg.prefix(jpeg.count / 3)
        case "garbage": bytes = Data(jpeg.prefix(4)) + Data(repeating: 0x41, count: 5000)
        case "truncated png": bytes = png.prefix(png.count / 2)
        case "garbage png": bytes = Data(png.prefix(8)) + Data(repeating: 0x41, count: 5000)
        case "broken png": bytes = png.prefix(200) + Data(repeating: 0x42, count: 60) + png.dropFirst(260)
        default: bytes = Data("not a picture".utf8)
        }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("photos"), withIntermediateDirectories: true)
        for name in ["screen.jpg", "seating.png"] {
            try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("photos/\(name)"), to: dir.appendingPathComponent("photos/\(name)"))
        }
        let name = kind.hasSuffix("png") ? "photos/bad.png" : "photos/bad.jpg"
        try bytes.write(to: dir.appendingPathComponent(name))
        let error = try #require(try photoError(file: name, in: dir), "a \(kind) image was accepted")
        #expect(error.message.contains(name), "\(error)")
        #expect(error.path == "photos[0].file")
    }

    @Test func imagesReadAheadAreTheSameAndKeepTheirErrorsForLoad() throws {
        let ahead = ImageFiles(folder: Self.folder), now = ImageFiles(folder: Self.folder)
        for path in ["photos/seating.png", "photos/meeting.jpg", "photos/lost.png", "../outside.png"] { ahead.prefetch(path) }
        for path in ["photos/seating.png", "photos/meeting.jpg"] {
            let (a, b) = (try ahead.load(path), try now.load(path))
            #expect((a.width, a.height) == (b.width, b.height) && a.width > 0, "\(path)")
        }
        // A file read ahead that fails says so only when the layout asks for it, as a read now would.
        for path in ["photos/lost.png", "../outside.png"] {
            let early = #expect(throws: ImageError.self) { try ahead.load(path) }
            let late = #expect(throws: ImageError.self) { try now.load(path) }
            #expect(early?.description == late?.description)
        }
    }

    @Test(arguments: ["keep", "omit"])
    func publicEditionKeepsOrOmitsPhotosAsTheSpecSays(choice: String) throws {
        let text = try String(contentsOf: Fixture.minutesSpec, encoding: .utf8)
            .replacingOccurrences(of: "  photos: keep", with: "  photos: \(choice)")
        let spec = try Spec(try Field.parse(text, file: Fixture.minutesSpec.path))
        let composer = try Composer(for: spec)
        let official = try composer.minutes(try Fixture.meeting(), spec: spec)
        let published = try composer.minutes(try Fixture.meeting(), spec: spec, edition: .public)
        #expect(images(official).count == 3, "the official edition always prints the photos")
        #expect(images(published).count == (choice == "keep" ? 3 : 0))
        #expect(published.text.joined().contains("공개용에는 사진을 싣지 않습니다.") == (choice == "omit"))
        #expect(published.text[0].contains("공개용"), "the public edition is marked on its first page")
        #expect(!official.text[0].contains("공개용"))
    }

    @Test func approvalMarksComeFromTheRecord() throws {
        let spec = try Fixture.spec()
        let composer = try Composer(for: spec)
        func box(_ approval: String) throws -> (marks: [String], diagonals: Int) {
            let text = Self.record.replacingOccurrences(of: "  과장: 없음", with: "")
                .replacingOccurrences(of: "  팀장: 전결", with: approval)
            let page = try composer.minutes(try Fixture.meeting(text), spec: spec).pages[0].frame
            let marks = page.lines.filter { $0.0.y < 50 * mm }.map(\.1.text).filter { ["전결", "대결"].contains($0) }
            let diagonals = page.items.filter { p, item in
                if case .rule(let to, _, _) = item { return p.y < 50 * mm && abs(to.x) > 1 && abs(to.y) > 1 } else { return false }
            }
            return (marks, diagonals.count)
        }
        #expect(try box("  팀장: 전결") == (["전결"], 0))
        #expect(try box("  과장: 대결") == (["대결"], 0))
        #expect(try box("  팀장: 전결\n  과장: 없음") == (["전결"], 1))
        #expect(try box("  담당: 없음\n  과장: 없음") == ([], 2))
        let bad = Self.record.replacingOccurrences(of: "  팀장: 전결", with: "  팀장: 결재")
        #expect(throws: InputError.self) { try Fixture.meeting(bad) }
    }
}
