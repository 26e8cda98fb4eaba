import Foundation
import HanjiLayout
import HanjiRender
import HanjiTestSupport
import HanjiText
import Testing

/// Text items are values: glyph ids, positions, clusters and a font key, which the writer
/// opens again; nothing of Pango's or Cairo's travels with a page.
@Suite struct TextItemTests {
    let shaper = Fixture.shaper()

    /// Only a `Sendable` value passes here: the compiler checks it.
    func crossing<T: Sendable>(_ value: T) -> T { value }

    @Test func aShapedLineIsAValueNamingItsFontByFileAndSize() throws {
        var style = Fixture.style(align: .left)
        style.size = 10.5
        let lines = crossing(try shaper.shape("영등포 협치 ABC 가나다", style: style, width: 400))
        let line = try #require(lines.first)
        #expect(lines.count == 1 && !line.runs.isEmpty)
        #expect(line.runs.map(\.text).joined() == line.text)
        for run in line.runs {
            #expect(FileManager.default.fileExists(atPath: run.font.file), "\(run.font)")
            #expect(run.font.size == 10.5 && !run.font.syntheticBold && !run.font.syntheticOblique)
            #expect(run.clusters.map { Int($0.bytes) }.reduce(0, +) == run.text.utf8.count)
            #expect(run.clusters.map { Int($0.glyphs) }.reduce(0, +) == run.glyphs.count)
            #expect(run.glyphs.allSatisfy { $0.id != 0 })
        }
        let xs = line.runs.flatMap(\.glyphs).map(\.x)
        #expect(xs == xs.sorted() && (xs.last ?? 0) < line.width)
    }

    @Test func theSameTextShapedAgainGivesAnEqualLine() throws {
        let style = Fixture.style(align: .justify)
        let text = "지역사회 혁신계획 협치사업 분과체제 운영에 관한 논의를 진행하였다"
        let once = try shaper.shape(text, style: style, width: 120)
        let again = try Fixture.shaper().shape(text, style: style, width: 120)
        #expect(once.count > 1 && once == again)
    }

    @Test func theWriterOpensTheFontKeyOfALineMadeElsewhere() throws {
        let shaped = try #require(try shaper.shape("가나다 분과", style: Fixture.style(align: .left), width: 300)
            .first)
        // Copied as a value, with no shaper left: the writer needs nothing else.
        let line = Line(text: shaped.text, x: 0, width: shaped.width, ascent: shaped.ascent, descent: shaped.descent,
                        runs: shaped.runs, index: 0)
        var frame = Frame(size: Size(width: 200, height: 100))
        frame.add(.text(line, Color(red: 0, green: 0, blue: 0)), at: Point(x: 20, y: 40))
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("line.pdf")
            try PageWriter(pdf: pdf).write([Page(size: Size(width: 200, height: 100), frame: frame, number: 1)])
            #expect(squeezed(try pdfText(pdf)) == "가나다분과")
        }
    }

    @Test func theWriterDrawsAKeysSyntheticBoldAndOblique() throws {
        let plain = try #require(try shaper.shape("가나다 분과", style: Fixture.style(size: 24, align: .left), width: 300)
            .first)
        try withTempDir { dir in
            func png(_ name: String, _ change: (inout FontKey) -> Void) throws -> URL {
                var line = plain
                for i in line.runs.indices { change(&line.runs[i].font) }
                var frame = Frame(size: Size(width: 200, height: 60))
                frame.add(.text(line, Color(red: 0, green: 0, blue: 0)), at: Point(x: 10, y: 40))
                let page = Page(size: Size(width: 200, height: 60), frame: frame, number: 1)
                try PageWriter(pdf: nil, png: PNGPages(folder: dir, name: name, dpi: 72, bare: true)).write([page])
                return dir.appendingPathComponent(name + ".png")
            }
            let regular = try png("regular") { _ in }
            #expect(try PNGCompare.difference(regular, try png("again") { _ in }) == 0)
            #expect(try PNGCompare.difference(regular, try png("bold") { $0.syntheticBold = true }) > 0.005)
            #expect(try PNGCompare.difference(regular, try png("oblique") { $0.syntheticOblique = true }) > 0.005)
        }
    }

    @Test func aFontKeyNamingNoFileIsAnErrorNamingIt() throws {
        var line = try #require(try shaper.shape("가나다", style: Fixture.style(), width: 300).first)
        line.runs[0].font.file = "/nonexistent/Gone.ttf"
        var frame = Frame(size: Size(width: 200, height: 100))
        frame.add(.text(line, Color(red: 0, green: 0, blue: 0)), at: Point(x: 20, y: 40))
        try withTempDir { dir in
            let page = Page(size: Size(width: 200, height: 100), frame: frame, number: 1)
            let error = #expect(throws: (any Error).self) {
                try PageWriter(pdf: nil, png: PNGPages(folder: dir, name: "line", dpi: 36, bare: true)).write([page])
            }
            #expect("\(error.map { "\($0)" } ?? "")".contains("/nonexistent/Gone.ttf"))
        }
    }
}
