import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// Blocks kept together: the closing block of the minutes (끝., 작성일, 작성자, 확인자) never
/// splits across pages, and `keep: together` in a spec keeps any group on one page.
@Suite struct KeepTests {
    /// The first-year record `hanji init` writes.
    static let firstYear = Fixture.root.appendingPathComponent("templates/new-year/minutes-01.yaml")

    /// The 1-based pages that hold each line of the closing block, by the line's start.
    static func closingPages(_ document: Document) -> [String: Set<Int>] {
        var found: [String: Set<Int>] = [:]
        for page in document.pages {
            for (_, line) in page.frame.lines {
                let text = line.text.trimmingCharacters(in: .whitespaces)
                for start in ["끝.", "작성일", "작성자", "확인자"] where text.hasPrefix(start) {
                    found[start, default: []].insert(page.number)
                }
            }
        }
        return found
    }

    /// Every line of the closing block is printed once, all four on one page; returns that page.
    @discardableResult
    static func expectTogether(_ document: Document, _ what: String,
                               sourceLocation: SourceLocation = #_sourceLocation) -> Int? {
        let found = closingPages(document)
        let pages = Set(found.values.flatMap { $0 })
        #expect(found.count == 4 && found.values.allSatisfy { $0.count == 1 },
                "\(what): closing lines \(found)", sourceLocation: sourceLocation)
        #expect(pages.count == 1, "\(what): the closing block is split over pages \(pages.sorted()): \(found)",
                sourceLocation: sourceLocation)
        return pages.count == 1 ? pages.first : nil
    }

    @Test func firstYearPublicMinutesKeepTheClosingBlockTogether() throws {
        let spec = try Fixture.spec()
        let meeting = try Meeting.load(Self.firstYear)
        let document = try Composer(for: spec).minutes(meeting, spec: spec, edition: .public)
        Self.expectTogether(document, "first-year minutes, public edition")
    }

    /// The first-year record with `extra` more one-line remarks in its transcript.
    static func grown(_ extra: Int, base: String) -> String {
        let turns = (0..<extra).map { "      - 협치조정관: 추가 의견 \($0 + 1)번을 기록합니다.\n" }.joined()
        let line = "    transcript:                 # `title (or name): remark`; each line is a paragraph\n"
        return base.replacingOccurrences(of: line, with: "    transcript:\n" + turns)
    }

    @Test func closingBlockStaysTogetherAsTheRecordGrows() throws {
        let spec = try Fixture.spec()
        let composer = try Composer(for: spec)
        let base = try String(contentsOf: Self.firstYear, encoding: .utf8)
        #expect(Self.grown(1, base: base) != base, "the record's transcript line changed; update grown(_:base:)")
        var closing: [Edition: Set<Int>] = [:]
        var counts: [Int] = []
        for extra in 0...64 {
            let meeting = try Fixture.meeting(Self.grown(extra, base: base))
            for edition in [Edition.official, .public] {
                let document = try composer.minutes(meeting, spec: spec, edition: edition)
                if edition == .official { counts.append(document.pages.count) }
                if let page = Self.expectTogether(document, "\(edition) edition, \(extra) extra remarks") {
                    closing[edition, default: []].insert(page)
                }
            }
        }
        // The steps moved the block across both page breaks: pages 1, 2 and 3 each held it.
        #expect(closing[.official] == [1, 2, 3], "the closing block stood on pages \(closing)")
        #expect(closing[.public]?.isSuperset(of: [2, 3]) == true, "the closing block stood on pages \(closing)")
        #expect(counts.first == 1 && counts.last == 3, "pages per step: \(counts)")
    }
}

/// `Together` in the layout engine: whole or nothing, and a split only when it must.
@Suite struct TogetherTests {
    let context = Fixture.context()
    let style = Fixture.style(align: .left)

    func lines(_ prefix: String, _ count: Int) -> [any Block] {
        (1...count).map { Paragraph("\(prefix) \($0)", style: style) as any Block }
    }

    /// The texts of each page laid out on pages `rows` lines high.
    func pages(_ blocks: [any Block], rows: Int) throws -> [[String]] {
        guard case .whole(let one) = try Paragraph("줄", style: style)
            .layout(in: Region(width: 200, height: 100, fresh: true), context) else { return [] }
        var setup = PageSetup()
        setup.margins = Insets(all: 10)
        setup.size = Size(width: 220, height: one.size.height * Double(rows) + 20 + 1)
        return try Paginator(setup: setup).pages(Stack(blocks), context).map { $0.frame.lines.map(\.1.text) }
    }

    @Test func aGroupThatFitsAnEmptyPageMovesWhole() throws {
        let split = try pages(lines("본문", 7) + [Stack(lines("끝", 4))], rows: 10)
        #expect(split.map(\.count) == [10, 1], "without a keep the group splits: \(split)")
        let kept = try pages(lines("본문", 7) + [Together(Stack(lines("끝", 4)))], rows: 10)
        #expect(kept == [(1...7).map { "본문 \($0)" }, ["끝 1", "끝 2", "끝 3", "끝 4"]])
    }

    @Test func aGroupTallerThanAnEmptyPageSplitsWhereItStands() throws {
        let kept = try pages(lines("본문", 3) + [Together(Stack(lines("긴", 15)))], rows: 10)
        #expect(kept.map(\.count) == [10, 8], "\(kept)")
        #expect(Array(kept.joined()) == (1...3).map { "본문 \($0)" } + (1...15).map { "긴 \($0)" })
        // At the top of a page, too: it splits rather than move on for ever.
        let alone = try pages([Together(Stack(lines("긴", 25)))], rows: 10)
        #expect(alone.map(\.count) == [10, 10, 5])
    }

    /// The texts of each page of a small spec whose body is `count` lines of text, then `blocks`
    /// (spec lines), for `count` from 1 to `most`; `closing` lists 끝., 작성자 and 확인자.
    func pagesGrowing(_ blocks: String, most: Int) throws -> [(count: Int, pages: [Set<String>])] {
        let yaml = """
            page:
              size: [100mm, 70mm]
              margins: {top: 10mm, right: 8mm, bottom: 10mm, left: 8mm}
            styles:
              base: {font: "NanumMyeongjo, DejaVu Serif", size: 9pt}
            body:
              - each: lines
                do:
                  - {text: "{.}"}

            """ + blocks
        let spec = try Spec(try Field.parse(yaml, file: "s.yaml"))
        let composer = try Composer()
        let closing: Value = .list(["끝.", "작성자", "확인자"].map { .text($0) })
        return try (1...most).map { count in
            let value: Value = .map([("lines", .list((1...count).map { .text("본문 \($0)") })), ("closing", closing)])
            let document = try composer.compose(value, spec: spec, date: Day(year: 2019, month: 1, day: 1)!,
                                                edition: .official)
            return (count, document.pages.map { Set($0.frame.lines.map(\.1.text)) })
        }
    }

    @Test func keepTogetherInASpec() throws {
        let blocks = """
              - keep: true
                blocks:
                  - {text: "머리"}
              - keep: together
                blocks:
                  - {text: "끝."}
                  - {text: "작성자"}
                  - {text: "확인자"}
            """
        var pagesOfTheEnd: Set<Int> = []
        for (count, texts) in try pagesGrowing(blocks, most: 14) {
            let holding = texts.indices.filter { !texts[$0].isDisjoint(with: ["머리", "끝.", "작성자", "확인자"]) }
            #expect(holding.count == 1, "\(count) lines: the heading and the group are split over \(holding)")
            pagesOfTheEnd.formUnion(holding)
        }
        #expect(pagesOfTheEnd == [0, 1], "the lines never pushed the group to page 2")
    }

    /// `keep: together` works on any block, not only a group: a list, a text of several
    /// lines, a table.
    @Test func keepTogetherOnAnyBlock() throws {
        let blocks = """
              - each: closing
                keep: together
                do:
                  - {text: "{.}"}
              - {text: "하나\\n둘\\n셋", keep: together}
              - table:
                  columns: ["*"]
                  rows:
                    - each: closing
                      cells: [{text: "칸 {.}"}]
                keep: together
            """
        for (count, texts) in try pagesGrowing(blocks, most: 16) {
            for group: Set<String> in [["끝.", "작성자", "확인자"], ["하나", "둘", "셋"], ["칸 끝.", "칸 작성자", "칸 확인자"]] {
                let holding = texts.indices.filter { !texts[$0].isDisjoint(with: group) }
                #expect(holding.count == 1, "\(count) lines: \(group.sorted()) split over pages \(holding)")
            }
        }
    }

    @Test func anUnknownKeepIsLocatedWithAHint() throws {
        let yaml = "body:\n  - keep: sometimes\n    blocks:\n      - {text: 끝.}\n"
        do {
            _ = try Spec(try Field.parse(yaml, file: "s.yaml"))
            Issue.record("expected an error for keep: sometimes")
        } catch let e as InputError {
            #expect(e.location?.file == "s.yaml" && e.location?.line == 2 && e.location?.column == 11, "\(e)")
            #expect(e.message.contains("sometimes") && e.hint?.contains("keep: together") == true, "\(e)")
        }
    }
}

/// The booklet's stock layout keeps a chapter heading with its table and the foreword's date
/// with the signature under it.
@Suite struct BookletKeepTests {
    static let folder = Fixture.example.deletingLastPathComponent()

    /// The example booklet, public edition, with the year record's text changed by `edit`.
    func booklet(_ edit: (String) -> String) throws -> Document {
        let spec = try Spec.load(BookletTests.bookletSpec)
        let text = edit(try String(contentsOf: BookletTests.yearFile, encoding: .utf8))
        let year = try Year.read(try Field.parse(text, file: "year.yaml"), folder: Self.folder)
        return try Composer(for: spec).booklet(year, spec: spec)
    }

    /// The 0-based pages whose lines include one starting with `start`.
    func pages(_ document: Document, _ start: String) -> [Int] {
        document.pages.indices.filter { i in document.pages[i].frame.lines.contains { $0.1.text.hasPrefix(start) } }
    }

    @Test func chapterHeadingStaysWithItsTable() throws {
        let anchor = "    - {start: \"20:50\", end: \"21:00\", title: 감사장 수여 및 폐회, by: 협치조정관}\n"
        // Seven to ten more rows of 진행 순서 brought 5. 감사장 수여 to the bottom of a page.
        for extra in [7, 9] {
            let rows = (0..<extra).map { "    - {start: \"21:00\", end: \"21:10\", title: 추가 순서 \($0), by: 협치조정관}\n" }
            let document = try booklet { $0.replacingOccurrences(of: anchor, with: anchor + rows.joined()) }
            let heading = document.pages.indices.filter { document.pages[$0].frame.marks.contains("5. 감사장 수여") }
            let row = pages(document, "제 2018-1 호")
            #expect(heading.count == 1 && heading == row,
                    "\(extra) more rows: heading on page \(heading), its first row on \(row)")
        }
    }

    @Test func forewordDateStaysWithTheSignature() throws {
        let anchor = "  foreword: |                         # 발간사: one paragraph per line\n"
        // Twelve more short paragraphs left the signature alone at the top of a page.
        let lines = (0..<12).map { "    추가 문단 \($0)입니다.\n" }.joined()
        let document = try booklet { $0.replacingOccurrences(of: anchor, with: anchor + lines) }
        let date = pages(document, "2018년 12월"), signed = pages(document, "영등포구 민관협치회의 의장")
        #expect(!date.isEmpty && date == Array(signed.prefix(date.count)), "date on \(date), signature on \(signed)")
    }
}
