import Foundation
import Hanji
import HanjiInput
import HanjiLayout
@testable import HanjiRender
import HanjiTestSupport
import Testing

/// The PDF writer's structure tags: begin/end items become Cairo's structure tree, checked by
/// poppler's `pdfinfo -struct-text` on the file as Cairo writes it (no finishing pass).
@Suite struct TagWriterTests {
    static let folder = Fixture.example.deletingLastPathComponent()

    /// A one-line paragraph of `text` at `y`, as one element of `role`.
    static func line(_ text: String, _ role: Role, y: Double) throws -> Frame {
        var frame = Frame(size: Size(width: 400, height: 20))
        let shaped = try Fixture.shaper().shape(text, style: Fixture.style(), width: 400)
        for l in shaped { frame.add(.text(l, .black), at: Point(x: 0, y: 12)) }
        var out = Frame(size: .a4)
        out.add(frame.bracketed(Tag(role)), at: Point(x: 60, y: y))
        return out
    }

    /// Writes pages into a PDF in `dir`; returns its URL and the elements the canvas opened.
    static func written(_ frames: [Frame], in dir: URL) throws -> (url: URL, tags: [HanjiLayout.Tag]) {
        let url = dir.appendingPathComponent("t.pdf")
        // Cairo's own file, before the finishing pass adds attributes and joins elements.
        var cairo = Metadata()
        cairo.standard = .none
        let stream = try PDFStream(to: url, metadata: cairo)
        for (i, frame) in frames.enumerated() { try stream.add(Page(size: .a4, frame: frame, number: i + 1)) }
        try stream.finish()
        return (url, stream.canvas.tags)
    }

    static func write(_ frames: [Frame], in dir: URL) throws -> URL { try written(frames, in: dir).url }

    static func structure(_ pdf: URL) throws -> String {
        let result = tool("pdfinfo", ["-struct-text", pdf.path])
        try #require(result.status == 0, "pdfinfo failed: \(result.stderr)")
        return result.stdout
    }

    @Test("a page whose first drawing is an image inside an open element keeps its tags")
    func imageFirst() throws {
        try withTempDir { dir in
            let bitmap = try ImageFiles(folder: Self.folder).load("photos/seating.png")
            var page = Frame(size: .a4)
            page.add(.begin(Tag(.figure(alt: "사진"))), at: .zero)
            page.add(.image(bitmap, Size(width: 200, height: 150)), at: Point(x: 60, y: 60))
            page.add(.end, at: .zero)
            page.add(try Self.line("사진 설명", .paragraph, y: 240), at: .zero)
            // Cairo 1.16 dropped the tags recorded before an unclipped first paint: a damaged file.
            let pdf = try Self.write([page], in: dir)
            let tree = try Self.structure(pdf)
            #expect(tree.contains("Figure") && tree.contains("P"), "\(tree)")
            #expect(tool("qpdf", ["--check", pdf.path]).status == 0)
        }
    }

    @Test("elements become Cairo's tree in the order opened, and the canvas lists them")
    func tree() throws {
        try withTempDir { dir in
            var page = try Self.line("회의록", .heading(1), y: 60)
            page.add(try Self.line("첫째 문단", .paragraph, y: 100), at: .zero)
            var table = Frame(size: .a4)
            table.add(.begin(Tag(.table)), at: .zero)
            table.add(.begin(Tag(.row)), at: .zero)
            table.add(try Self.line("구분", .header(.column), y: 140), at: .zero)
            table.add(try Self.line("내용", .cell(), y: 160), at: .zero)
            table.add(.end, at: .zero)
            table.add(.end, at: .zero)
            page.add(table, at: .zero)
            let (url, tags) = try Self.written([page], in: dir)
            let tree = try Self.structure(url)
            let names = tree.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.hasPrefix("\"") }.map { String($0.prefix { $0 != " " }) }
            #expect(names == ["Document", "H1", "P", "Table", "TR", "TH", "TD"], "\(tree)")
            // The canvas's list is Cairo's tree in pre-order: what the finishing pass walks beside it.
            #expect(tags.map(\.role.tag) == names)
            #expect(tree.contains("회의록") && tree.contains("첫째 문단") && tree.contains("내용"), "\(tree)")
        }
    }

    @Test("the lists of an each's items on one page are one list Cairo writes; on the next page it goes on")
    func listsOnAPage() throws {
        try withTempDir { dir in
            /// One list item of a hang: a list of its own, continuing the one before it.
            func item(_ marker: String, _ text: String, y: Double, continued: Bool) throws -> Frame {
                var frame = Frame(size: .a4)
                frame.add(.begin(Tag(.list, continued: continued)), at: .zero)
                frame.add(.begin(Tag(.item)), at: .zero)
                frame.add(try Self.line(marker, .label, y: y), at: .zero)
                frame.add(try Self.line(text, .body, y: y + 10), at: .zero)
                frame.add(.end, at: .zero)
                frame.add(.end, at: .zero)
                return frame
            }
            var first = try item("1.", "하나", y: 60, continued: false)
            first.add(.rule(to: Point(x: 100, y: 0), width: 0.5, color: .black), at: Point(x: 60, y: 90))
            first.add(try item("2.", "둘", y: 100, continued: true), at: .zero)
            let second = try item("3.", "셋", y: 60, continued: true)
            let (url, tags) = try Self.written([first, second], in: dir)
            let names = try Self.structure(url).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.hasPrefix("\"") }.map { String($0.prefix { $0 != " " }) }
            // Page 1 opens one list for both items (the end and begin between them were left out);
            // page 2's list is a continued one, which the finishing pass joins.
            let expected = ["Document", "L", "LI", "Lbl", "LBody", "LI", "Lbl", "LBody", "L", "LI", "Lbl", "LBody"]
            #expect(names == expected)
            #expect(tags.map(\.role.tag) == expected)
            #expect(tags.filter { $0.role == .list }.map(\.continued) == [false, true])
        }
    }

    @Test("a page that leaves an element open, or closes one never opened, writes no file")
    func unbalanced() throws {
        try withTempDir { dir in
            var open = try Self.line("열림", .paragraph, y: 60)
            open.add(.begin(Tag(.paragraph)), at: .zero)
            var closed = try Self.line("닫힘", .paragraph, y: 60)
            closed.add(.end, at: .zero)
            for (frame, problem) in [(open, "page 2: its P element is left open"),
                                     (closed, "page 2: an element closed that was never opened")] {
                let url = dir.appendingPathComponent("u.pdf")
                let stream = try PDFStream(to: url, metadata: Metadata())
                try stream.add(Page(size: .a4, frame: try Self.line("앞", .paragraph, y: 60), number: 1))
                let error = try #require(throws: RenderError.self) {
                    try stream.add(Page(size: .a4, frame: frame, number: 2))
                }
                #expect(error.description.contains(problem), "\(error)")
                #expect(!FileManager.default.fileExists(atPath: url.path))
            }
        }
    }

    @Test("the example minutes: Cairo's tree is the canvas's list of elements, in the same order")
    func minutes() throws {
        try withTempDir { dir in
            let spec = try Fixture.spec()
            let document = try Composer(for: spec).minutes(try Fixture.meeting(), spec: spec)
            let (url, tags) = try Self.written(document.pages.map(\.frame), in: dir)
            let names = try Self.structure(url).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.hasPrefix("\"") && !$0.hasPrefix("Object ") }.map { String($0.prefix { $0 != " " }) }
            #expect(names.count > 100)
            #expect(tags.map(\.role.tag) == names)
        }
    }
}
