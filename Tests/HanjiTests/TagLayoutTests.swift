import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// Structure roles in the laid-out pages: begin/end balanced on every page, text only in leaf
/// elements, headings in order, split blocks continued, repeated table headers untagged.
@Suite struct TagLayoutTests {
    let context = Fixture.context()

    @Test("the minutes' pages: balanced, text in leaves, the footer the only loose text, headings H1 then H2")
    func minutes() throws {
        let spec = try Fixture.spec()
        let document = try Composer(for: spec).minutes(try PaginationTests.longMeeting(), spec: spec)
        var headings: [String] = [], seen: Set<String> = []
        for page in document.pages {
            let tags = PageTags(page.frame)
            #expect(tags.problems.isEmpty, "page \(page.number): \(tags.problems)")
            // Loose: the footer, and labels repeated from an earlier page (`(계속)`).
            let loose = tags.loose.filter {
                $0 != "- \(page.number) -" && !$0.contains("(계속)") && !seen.contains($0)
            }
            seen.formUnion(tags.elements.map(\.text))
            #expect(loose.isEmpty, "page \(page.number): text outside elements: \(loose)")
            headings += tags.names.filter { $0.hasPrefix("H") }
            if page.number > 1 {
                // The form table goes on from the page before.
                #expect(tags.elements.first { $0.tag.role == .table }?.tag.continued == true, "page \(page.number)")
            }
        }
        #expect(headings.first == "H1" && headings.dropFirst().allSatisfy { $0 == "H2" }, "\(headings)")
        let first = PageTags(document.pages[0].frame)
        let title = try #require(first.elements.firstIndex { $0.tag.role == .heading(1) })
        #expect(first.elements[title].text.contains("회의록"))
        // The form: a table of rows, each a label (TH, scope row) and its content (TD, P …).
        #expect(Array(first.names[(title + 1)...].prefix(8)) == ["Table", "TR", "TH", "P", "TD", "P", "P", "TH"],
                "\(first.names)")
        #expect(first.elements[title + 3].tag.role == .header(.row))
        // The attendance table's header row: TH cells heading their columns.
        #expect(first.elements.contains { $0.tag.role == .header(.column) && $0.text.isEmpty && $0.children == 1 })
        // Speaker turns are list items: a label and a body.
        let all = document.pages.flatMap { PageTags($0.frame).names }
        #expect(all.contains("Lbl") && all.contains("LBody") && all.contains("LI"))
    }

    @Test("a paragraph split over pages is one element per page, the later ones continued")
    func splitParagraph() throws {
        let text = String(repeating: "가나다라 마바사 아자차카 ", count: 60)
        var setup = PageSetup()
        setup.size = Size(width: 200, height: 150)
        setup.margins = Insets(all: 10)
        let pages = try Paginator(setup: setup).pages(Tagged(.paragraph, Paragraph(text, style: Fixture.style())),
                                                      context)
        #expect(pages.count > 2)
        for (i, page) in pages.enumerated() {
            let tags = PageTags(page.frame)
            #expect(tags.problems.isEmpty && tags.loose.isEmpty)
            #expect(tags.elements.map(\.tag) == [Tag(.paragraph, continued: i > 0)])
        }
    }

    @Test("a table's header rows are elements on its first page only; a repeated group label is none")
    func tableHeaderRepeat() throws {
        let style = Fixture.style(align: .center)
        func cell(_ text: String, rows: Int = 1) -> Cell {
            Cell(Tagged(.paragraph, Paragraph(text, style: style)), rows: rows, padding: Insets(all: 2))
        }
        var table = Table(columns: [.share(1), .share(1)], header: [Row([cell("구분"), cell("내용")])],
                          rows: [Row([cell("묶음", rows: 12), cell("행 1")], breakable: false)]
                              + (2...12).map { Row([cell("행 \($0)")], breakable: false) })
        table.tagged = true
        var setup = PageSetup()
        setup.size = Size(width: 200, height: 130)
        setup.margins = Insets(all: 10)
        let pages = try Paginator(setup: setup).pages(table, context)
        #expect(pages.count > 1)
        let first = PageTags(pages[0].frame)
        #expect(first.names.prefix(7) == ["Table", "TR", "TH", "P", "TH", "P", "TR"], "\(first.names)")
        #expect(first.elements.contains { $0.tag.role == .cell(rows: 12, columns: 1) && $0.children == 1 })
        for page in pages.dropFirst() {
            let tags = PageTags(page.frame)
            #expect(tags.problems.isEmpty)
            #expect(tags.loose.sorted() == ["구분", "내용", "묶음"], "page \(page.number): \(tags.loose)")
            #expect(tags.elements.first?.tag == Tag(.table, continued: true))
            #expect(!tags.names.contains("TH"))
        }
    }

    @Test("every example minutes page has its elements balanced, in both editions")
    func examples() throws {
        let folder = Fixture.example.deletingLastPathComponent()
        let composer = try Composer(for: try Fixture.spec())
        for name in ["minutes-11", "minutes-12", "minutes-13", "minutes-14"] {
            let spec = try Fixture.spec()
            let meeting = try Meeting.load(folder.appendingPathComponent("\(name).yaml"))
            for edition in [Edition.official, .public] {
                for page in try composer.minutes(meeting, spec: spec, edition: edition).pages {
                    let tags = PageTags(page.frame)
                    #expect(tags.problems.isEmpty, "\(name) page \(page.number): \(tags.problems)")
                }
            }
        }
    }
}

/// Pages set on sheets for print keep their elements, in the order the sheet draws them.
@Suite struct TagImpositionTests {
    @Test("a one-page document copied into every slot of a sheet is tagged once")
    func copies() throws {
        var setup = PageSetup()
        setup.size = Size(width: 200, height: 150)
        let block = Stack([Tagged(.heading(1), Paragraph("프로그램", style: Fixture.style())),
                           Tagged(.paragraph, Paragraph("순서", style: Fixture.style()))])
        let pages = try Paginator(setup: setup).pages(block, Fixture.context())
        let sheet = Imposition.sheets(pages, sheet: Size(width: 400, height: 150), up: 2)
        let tags = PageTags(sheet[0].frame)
        #expect(tags.problems.isEmpty)
        #expect(tags.names == ["H1", "P"] && tags.loose == ["프로그램", "순서"], "\(tags.names) \(tags.loose)")
    }
}
