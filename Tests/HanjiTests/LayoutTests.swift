import Foundation
import HanjiLayout
import HanjiTestSupport
import HanjiText
import Testing

/// Splitting rules on small pages, asserted on frames: what lands on which page, and where.
@Suite struct LayoutTests {
    let context = Fixture.context()

    func paginate(_ block: any Block, height: Double, width: Double = 200) throws -> [Page] {
        var setup = PageSetup()
        setup.size = Size(width: width + 20, height: height + 20)
        setup.margins = Insets(all: 10)
        return try Paginator(setup: setup).pages(block, context)
    }

    func paragraph(_ lines: Int, _ label: String = "줄") -> Paragraph {
        // Each sentence is short enough to fill about one line at width 200 and size 10.
        let text = (1...lines).map { "\(label)\($0) 가나다라마바사 아자차카타파하" }.joined(separator: " ")
        return Paragraph(text, style: Fixture.style(), source: label)
    }

    @Test func paragraphSplitsBetweenLinesNeverThroughOne() throws {
        let p = paragraph(30)
        let all = try p.lines(width: 200, context).count
        let pitch = Fixture.style().pitch
        let pages = try paginate(p, height: pitch * 5 + 3)
        #expect(pages.count == Int((Double(all) / 5).rounded(.up)))
        #expect(pages.map { $0.frame.lines.count }.reduce(0, +) == all)
        for page in pages {
            #expect(page.frame.lines.count <= 5)
            for (point, line) in page.frame.lines {
                #expect(point.y - line.ascent >= 10 - 0.01)
                #expect(point.y + line.descent <= 10 + pitch * 5 + 3 + 0.01)
            }
        }
    }

    @Test func noSingleLineLeftAtTopOrBottom() throws {
        let pitch = Fixture.style().pitch
        // Four lines of room: a 3-line paragraph after a 3-line one cannot leave 1 line alone.
        let stack = Stack([paragraph(3, "가"), paragraph(3, "나")])
        let lines = try paragraph(3, "나").lines(width: 200, context).count
        let pages = try paginate(stack, height: pitch * 4 + 1)
        #expect(lines >= 3)
        #expect(pages.count >= 2, "the two paragraphs must break over pages, or no break is checked")
        for page in pages {
            let counts = paragraphs(page.frame.lines.map(\.1)).map(\.count)
            #expect(counts.allSatisfy { $0 >= 2 }, "a paragraph left a single line on page \(page.number)")
        }
    }

    @Test func headingKeepsWithWhatFollows() throws {
        let pitch = Fixture.style().pitch
        var headingStyle = Fixture.style()
        headingStyle.bold = true
        let heading = HeadingBlock(Paragraph("제목입니다", style: headingStyle, source: "heading"))
        let pages = try paginate(Stack([paragraph(4, "앞"), heading, paragraph(3, "뒤")]), height: pitch * 5 + 1)
        let first = pages[0].frame.text, second = pages[1].frame.text
        #expect(!first.contains("제목입니다"))
        #expect(second.hasPrefix("제목입니다"))
    }

    @Test func blockTallerThanAnEmptyPageIsAnErrorNotALoop() throws {
        let rows = [Row([Cell(paragraph(20))], breakable: false)]
        #expect(throws: LayoutError.self) {
            try paginate(Table(columns: [.share(1)], rows: rows), height: 100)
        }
    }

    /// A grid of 3 groups × 6 rows on pages of about 7 rows.
    func groupedTable() -> Table {
        var style = Fixture.style(align: .center)
        style.lineSpacing = 1.4
        func cell(_ text: String, rows: Int = 1) -> Cell { Cell(Paragraph(text, style: style), rows: rows, padding: Insets(all: 2), middle: true) }
        var body: [Row] = []
        for g in 0..<3 {
            for r in 0..<6 {
                var cells = [cell("\(g * 6 + r + 1)")]
                if r == 0 { cells.append(cell("분과\(g + 1)", rows: 6)) }
                cells.append(cell("위원 \(r + 1)"))
                body.append(Row(cells, breakable: false))
            }
        }
        return Table(columns: [.fixed(30), .fixed(60), .share(1)],
                     header: [Row([cell("순번"), cell("구분"), cell("명단")])], rows: body)
    }

    @Test func tableRepeatsHeaderAndGroupLabelOnEveryPage() throws {
        let pages = try paginate(groupedTable(), height: 150)
        #expect(pages.count >= 3)
        var seen: [String] = []
        for page in pages {
            let texts = page.frame.lines.map(\.1.text)
            #expect(Array(texts.prefix(3)) == ["순번", "구분", "명단"], "header missing on page \(page.number)")
            // The first body row on the page shows its group's label.
            let first = try #require(Int(texts[3]))
            #expect(texts.contains("분과\((first - 1) / 6 + 1)"), "group label missing on page \(page.number)")
            seen += texts.filter { Int($0) != nil }
        }
        #expect(seen == (1...18).map(String.init), "every row once, in order")
    }

    @Test func groupLabelIsCentredInItsSpanOnThePage() throws {
        let pages = try paginate(groupedTable(), height: 400)
        #expect(pages.count == 1)
        let lines = pages[0].frame.lines
        let label = try #require(lines.first { $0.1.text == "분과1" })
        let rowOne = try #require(lines.first { $0.1.text == "1" })
        let rowSix = try #require(lines.first { $0.1.text == "6" })
        let middle = (rowOne.0.y + rowSix.0.y) / 2
        #expect(abs(label.0.y - middle) < 2)
    }

    @Test func splitCellShowsItsContinuationLabel() throws {
        let label = Cell(Paragraph("회의 내용", style: Fixture.style()), continuation: Paragraph("회의 내용(계속)", style: Fixture.style()))
        let table = Table(columns: [.fixed(60), .share(1)], rows: [Row([label, Cell(paragraph(40))])])
        let pages = try paginate(table, height: 120, width: 260)
        #expect(pages.count > 1)
        #expect(pages[0].frame.text.contains("회의 내용") && !pages[0].frame.text.contains("(계속)"))
        for page in pages.dropFirst() {
            #expect(page.frame.lines.map(\.1.text).joined().hasPrefix("회의 내용(계속)"))
        }
    }
}

/// A heading that keeps with the next block, as the spec's `keep: true` makes one.
struct HeadingBlock: Block {
    let inner: Paragraph
    init(_ inner: Paragraph) { self.inner = inner }
    func layout(in region: Region, _ context: Context) throws -> Fit { try inner.layout(in: region, context) }
    var keepWithNext: Bool { true }
}

@Suite struct FittedTests {
    let context = Fixture.context()
    let style = Fixture.style(size: 10, align: .left)

    @Test func shortTextKeepsItsSize() throws {
        let box = Fitted("한부영", style: style, height: 20, minScale: 0.7, source: "recipient")
        let fit = try #require(try box.fit(width: 100, context))
        #expect(fit.scale == 1)
    }

    @Test func longerTextShrinksWithinTheLimit() throws {
        // One line of 16pt at 10pt: a name a little too long for its box shrinks to fit.
        let box = Fitted("영등포구 민관협치회의 도시재생분과 분과위원", style: style, height: 16, minScale: 0.6, source: "recipient")
        let fit = try #require(try box.fit(width: 150, context))
        #expect(fit.scale < 1 && fit.scale >= 0.6)
        #expect(fit.lines.count == 1)
        guard case .whole(let frame) = try box.layout(in: Region(width: 150, height: 100, fresh: true), context) else {
            Issue.record("did not fit")
            return
        }
        #expect(frame.size.height == 16)
    }

    @Test func textThatCannotFitFailsNamingItsSource() throws {
        let box = Fitted(String(repeating: "아주 긴 이름 ", count: 20), style: style, height: 16, minScale: 0.8, source: "recipients[3].name")
        do {
            _ = try box.layout(in: Region(width: 100, height: 100, fresh: true), context)
            Issue.record("expected an error")
        } catch let error as LayoutError {
            #expect("\(error)".contains("recipients[3].name") && "\(error)".contains("80%"))
        }
    }
}
