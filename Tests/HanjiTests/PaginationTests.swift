import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// Long documents: the rules that hold page after page.
@Suite struct PaginationTests {
    let context = Fixture.context()

    @Test func totalsRowStaysWithAtLeastOneDataRow() throws {
        var style = Fixture.style(align: .center)
        style.lineSpacing = 1.2
        func row(_ text: String, keep: Bool = false) -> Row {
            Row([Cell(Paragraph(text, style: style), padding: Insets(all: 2))], breakable: false, keepWithPrevious: keep)
        }
        let rowHeight = 10 * 1.2 + 4
        let table = Table(columns: [.share(1)], header: [row("머리")], rows: (1...10).map { row("행 \($0)") } + [row("합계", keep: true)])
        var setup = PageSetup()
        setup.margins = Insets(all: 10)
        setup.size = Size(width: 120, height: rowHeight * 11 + 20 + 1)  // header + 10 rows fit, the totals row does not
        let pages = try Paginator(setup: setup).pages(table, context)
        #expect(pages.count == 2)
        #expect(pages[1].frame.lines.map(\.1.text) == ["머리", "행 10", "합계"])
        #expect(!pages[0].frame.text.contains("행 10"))
    }

    /// The example with its discussion repeated until the minutes run past 40 pages.
    static func longMeeting() throws -> Meeting {
        var meeting = try Fixture.meeting()
        let turns = meeting.agenda[1].transcript + meeting.agenda[2].transcript
        meeting.agenda[1].transcript = Array(Array(repeating: turns, count: 15).joined())
        return meeting
    }

    @Test func fortyPageMinutesKeepEveryRule() throws {
        let spec = try Fixture.spec()
        let document = try Composer(for: spec).minutes(try Self.longMeeting(), spec: spec)
        #expect(document.pages.count > 40)
        let bottom = spec.page.size.height - spec.page.margins.bottom
        for page in document.pages {
            let lines = page.frame.lines
            // The footer names the page; nothing of the body crosses the bottom margin.
            #expect(lines.contains { $0.1.text == "- \(page.number) -" })
            for (point, line) in lines where line.text != "- \(page.number) -" {
                #expect(point.y + line.descent <= bottom + 0.5, "page \(page.number): '\(line.text)' runs into the margin")
            }
            if page.number > 1 && page.number < document.pages.count {
                // Continuation pages of 회의 내용 say so in the label column.
                #expect(lines.map(\.1.text).joined().contains("(계속)"), "page \(page.number) lacks the continued label")
            }
        }
        // Every turn's text is there, in order, as many times as it was written.
        let all = document.pages.flatMap { $0.frame.lines.map(\.1.text) }.joined().filter { !$0.isWhitespace }
        let first = try Self.longMeeting().agenda[1].transcript[0].paragraphs[0].filter { !$0.isWhitespace }
        #expect(all.components(separatedBy: first).count - 1 == 15)
    }

    @Test func continuationPagesGolden() throws {
        let spec = try Fixture.spec()
        let document = try Composer(for: spec).minutes(try Self.longMeeting(), spec: spec)
        // Page 2 continues the 별첨 table (header repeated); page 20 is deep in the transcript.
        try Golden.check(document, page: 2, name: "continued-table", crop: .top(0.45))
        // The left column down to the repeated label, and the start of each line beside it.
        try Golden.check(document, page: 20, name: "continued-transcript", crop: Crop(width: 260, height: 842))
    }

    @Test func runningHeaderShowsTheCurrentSectionAndPageCount() throws {
        let yaml = """
            page:
              size: [100mm, 70mm]
              margins: {top: 12mm, right: 8mm, bottom: 12mm, left: 8mm}
              header: {text: "{section} · {page} / {pages}", offset: 4mm}
            styles:
              base: {font: "NanumMyeongjo, DejaVu Serif", size: 9pt}
            body:
              - each: parts
                do:
                  - {text: "{title}", section: true, keep: true}
                  - each: lines
                    do:
                      - {text: "{.}"}
            """
        let spec = try Spec(try Field.parse(yaml, file: "s.yaml"))
        let lines: Value = .list((1...12).map { .text("본문 \($0)번째 줄입니다") })
        let value: Value = .map([("parts", .list(["첫째 장", "둘째 장"].map { .map([("title", .text($0)), ("lines", lines)]) }))])
        let document = try Composer().compose(value, spec: spec, date: Day(year: 2018, month: 1, day: 1)!, edition: .official)
        #expect(document.pages.count >= 3)
        let headers = document.pages.map { $0.frame.lines.map(\.1.text).first { $0.contains(" / ") } ?? "" }
        let n = document.pages.count
        #expect(headers.first == "첫째 장 · 1 / \(n)")
        #expect(headers.last == "둘째 장 · \(n) / \(n)")
        // A page where 둘째 장 starts already names it; pages before it name 첫째 장.
        let start = try #require(document.pages.firstIndex { $0.frame.text.contains("둘째 장\n") || $0.frame.lines.contains { $0.1.text == "둘째 장" } })
        for (i, header) in headers.enumerated() {
            #expect(header.hasPrefix(i < start ? "첫째 장" : "둘째 장"), "page \(i + 1): \(header)")
        }
    }
}

@Suite struct TableSplitTests {
    let context = Fixture.context()
    let style: Style = { var s = Fixture.style(align: .center); s.lineSpacing = 1.2; return s }()

    func cell(_ text: String, span: Int = 1, rows: Int = 1) -> Cell {
        Cell(Paragraph(text, style: style), span: span, rows: rows, padding: Insets(all: 2), middle: true)
    }

    func pages(_ table: Table, height: Double) throws -> [Page] {
        var setup = PageSetup()
        setup.margins = Insets(all: 10)
        setup.size = Size(width: 220, height: height + 20)
        return try Paginator(setup: setup).pages(table, context)
    }

    /// Rules (as segments) lying within the band from y0 to y1 of a page.
    func rules(_ page: Page, from y0: Double, to y1: Double) -> [String] {
        page.frame.items.compactMap { p, item in
            guard case .rule(let to, _, _) = item, p.y >= y0 - 0.01, p.y + to.y <= y1 + 0.01 else { return nil }
            return String(format: "%.1f,%.1f→%.1f,%.1f", p.x, p.y - y0, p.x + to.x, p.y + to.y - y0)
        }.sorted()
    }

    @Test func multiRowHeaderRepeatsWithEveryRule() throws {
        let header = [Row([cell("구분", rows: 2), cell("출석", span: 2)]), Row([cell("참석"), cell("불참")])]
        let body = (1...30).map { Row([cell("행 \($0)"), cell("○"), cell("")]) }
        let table = Table(columns: [.fixed(100), .share(1), .share(1)], header: header, rows: body)
        let result = try pages(table, height: 200)
        #expect(result.count >= 3)
        let headerHeight = 2 * (10 * 1.2 + 4)
        let first = rules(result[0], from: 10, to: 10 + headerHeight)
        #expect(first.count >= 10)
        for page in result.dropFirst() {
            let inHeader = page.frame.lines.filter { $0.0.y < 10 + headerHeight }.map(\.1.text)
            #expect(Set(inHeader) == ["구분", "출석", "참석", "불참"] && inHeader.count == 4)
            #expect(rules(page, from: 10, to: 10 + headerHeight) == first, "header rules differ on page \(page.number)")
        }
    }

    @Test func unbreakableRowMovesWhole() throws {
        let tall = Paragraph("여러 줄에 걸친 칸입니다 한 줄 두 줄 세 줄 네 줄 다섯 줄 여섯 줄", style: style)
        let rows = (1...6).map { Row([cell("행 \($0)")]) } + [Row([Cell(tall, padding: Insets(all: 2))], breakable: false)]
        let result = try pages(Table(columns: [.fixed(60)], rows: rows), height: 7 * (12 + 4) + 8)
        #expect(result.count == 2)
        let lines = try tall.lines(width: 56, context).count
        #expect(lines >= 3)
        #expect(result[1].frame.lines.count == lines, "the whole row sits on page 2")
        #expect(!result[0].frame.text.contains("여러"))
    }
}
