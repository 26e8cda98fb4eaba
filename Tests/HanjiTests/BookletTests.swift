import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// The yearly booklet: contents that match their pages, bookmarks, labels, charts, imposition.
@Suite struct BookletTests {
    static let yearFile = Fixture.example.deletingLastPathComponent().appendingPathComponent("year.yaml")
    static let bookletSpec = Fixture.root.appendingPathComponent("layouts/booklet.yaml")

    func booklet(_ edition: Edition = .public) throws -> Document {
        let spec = try Spec.load(Self.bookletSpec)
        return try Composer(for: spec).booklet(try Year.load(Self.yearFile), spec: spec, edition: edition)
    }

    @Test func contentsListEverySectionAtItsPage() throws {
        let document = try booklet()
        let sections = document.contents.filter { $0.level >= 1 }
        #expect(sections.map(\.title) == ["발간사", "1. 한눈에 보는 2018", "2. 분과실무협의회 회의록",
                                          "제11차 분과실무협의회 (2018. 6. 21.)", "제12차 분과실무협의회 (2018. 8. 23.)",
                                          "제13차 분과실무협의회 (2018. 10. 18.)", "제14차 분과실무협의회 (2018. 11. 22.)",
                                          "3. 2018 승인 협치사업", "4. 2018 영등포 협치분과 성과공유회", "5. 감사장 수여"])
        // The contents page prints each title with the label of the page the title stands on.
        let tocPage = try #require(document.pages.first { $0.frame.text.contains("차례") && $0.frame.text.contains("발간사") })
        let rows = tocPage.frame.lines.map(\.1.text)
        for entry in sections {
            let row = try #require(rows.firstIndex(of: entry.title), "\(entry.title) is not in the contents")
            let number = rows[(row + 1)...].first { !$0.allSatisfy { $0 == "·" || $0 == " " } }
            #expect(number == entry.page, "\(entry.title): contents say \(number ?? "-"), the title stands on \(entry.page)")
            let page = document.pages[entry.sheet - 1]
            #expect(page.frame.sections.contains { $0.title == entry.title })
        }
        // Front matter counts i, ii; the body starts again at 1; covers carry no number.
        #expect(document.pages.map(\.label).prefix(4) == ["", "i", "ii", "1"])
        #expect(document.pages.last?.label == "")
    }

    @Test func publicBookletMasksNamesAndOfficialPrintsThem() throws {
        let year = try Year.load(Self.yearFile)
        let masked = try booklet().text.joined(separator: "\n")
        let named = try booklet(.official).text.joined(separator: "\n")
        for name in ["한부영", "다솜빛", "안란"] {
            #expect(!masked.contains(name), "\(name) printed in the public booklet")
            #expect(named.contains(name))
        }
        #expect(masked.contains("한○○"))
        #expect(year.meetings.count == 4 && year.meetings.allSatisfy { m in masked.contains("제\(m.number)차") })
    }

    @Test func chartsAreVectorsProportionalToTheirValues() throws {
        var style = Fixture.style(size: 9, align: .left)
        style.font = "NanumGothic"
        let rows = [Chart.Row(label: "가", values: [50]), Chart.Row(label: "나다", values: [100]), Chart.Row(label: "라", values: [25])]
        let bars = Chart(kind: .bars, rows: rows, series: [], colors: [.black], maximum: 100, unit: "%", height: 40 * mm, style: style)
        guard case .whole(let frame) = try bars.layout(in: Region(width: 150 * mm, height: 100 * mm, fresh: true), Fixture.context()) else {
            Issue.record("the chart did not fit")
            return
        }
        let widths = frame.items.compactMap { _, item -> Double? in if case .fill(let s, _) = item { return s.width } else { return nil } }
        #expect(widths.count == 3)
        #expect(abs(widths[0] * 2 - widths[1]) < 0.01 && abs(widths[2] * 4 - widths[1]) < 0.01)
        #expect(["가", "나다", "라", "50%", "100%", "25%"].allSatisfy { t in frame.lines.contains { $0.1.text == t } })
        #expect(frame.size.height == 40 * mm)

        let stacked = Chart(kind: .stacked, rows: [Chart.Row(label: "11차", values: [9, 0, 4])], series: ["참석", "위임", "불참"],
                            colors: [.black, .gray, .white], unit: "명", height: 20 * mm, style: style)
        guard case .whole(let s) = try stacked.layout(in: Region(width: 150 * mm, height: 100 * mm, fresh: true), Fixture.context()) else {
            Issue.record("the stacked chart did not fit")
            return
        }
        let segments = s.items.compactMap { p, item -> (Double, Double)? in
            if case .fill(let size, _) = item, size.height > 3 * mm / 2, p.y < 15 * mm { return (p.x, size.width) } else { return nil }
        }
        // Two segments (9 and 4; a zero draws nothing), end to end, 9:4.
        try #require(segments.count == 2, "\(segments)")
        #expect(abs(segments[0].0 + segments[0].1 - segments[1].0) < 0.01)
        #expect(abs(segments[0].1 / segments[1].1 - 9.0 / 4.0) < 0.001)
        #expect(s.lines.contains { $0.1.text == "13명" } && s.lines.contains { $0.1.text == "참석" })
    }

    func pages(_ count: Int, backCover: Bool = false) -> [Page] {
        (1...count).map { n in
            Page(size: .a4, frame: Frame(size: .a4), number: n, label: backCover && n == count ? "" : String(n))
        }
    }

    @Test func saddleStitchOrderForEightAndTwelvePages() {
        let eight = Imposition.booklet(pages(8), sheet: Size.a4.landscape)
        #expect(eight.map(\.label) == ["8|1", "2|7", "6|3", "4|5"])
        let twelve = Imposition.booklet(pages(12), sheet: Size.a4.landscape)
        #expect(twelve.map(\.label) == ["12|1", "2|11", "10|3", "4|9", "8|5", "6|7"])
        // Folded, the stack reads in order: the sides, taken right then left on odd sides and
        // left then right on even ones, visit 1…n in turn.
        for sides in [eight, twelve] {
            let n = sides.count * 2
            var reading = [Int](repeating: 0, count: n)
            for (k, side) in sides.enumerated() {
                let pair = side.label.split(separator: "|").map { Int($0)! }
                reading[k] = k % 2 == 0 ? pair[1] : pair[0]
                reading[n - 1 - k] = k % 2 == 0 ? pair[0] : pair[1]
            }
            #expect(reading == Array(1...n))
        }
        for sheet in twelve { #expect(sheet.size == Size.a4.landscape) }
    }

    @Test func paddingBlanksGoBeforeTheBackCover() {
        let sides = Imposition.booklet(pages(6, backCover: true), sheet: Size.a4.landscape)
        // 6 pages become 8: 1–5, two blanks, then the back cover as page 8.
        #expect(sides.map(\.label) == ["-|1", "2|-", "-|3", "4|5"])
        #expect(sides[0].frame.items.count >= 2)
    }
}

@Suite("EndToEnd: hanji booklet")
struct BookletCommandTests {
    static let year = exampleRecord.deletingLastPathComponent().appendingPathComponent("year.yaml")

    /// qpdf's JSON view of a PDF.
    func json(_ pdf: URL) throws -> [String: Any] {
        let out = tool("qpdf", ["--json", "--json-key=outlines", "--json-key=pagelabels", pdf.path])
        try #require(out.status == 0, "qpdf --json: \(out.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
    }

    @Test("booklet: contents match the pages in the PDF; bookmarks per section and meeting; links")
    func booklet() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("b.pdf")
            let out = run(["booklet", Self.year.path, "-o", pdf.path])
            try #require(out.status == 0, "\(out)")
            #expect(tool("qpdf", ["--check", pdf.path]).status == 0)
            let root = try json(pdf)
            // Bookmarks: chapters with the meetings nested under 회의록.
            let outlines = try #require(root["outlines"] as? [[String: Any]])
            let titles = outlines.compactMap { $0["title"] as? String }
            #expect(titles.contains("발간사") && titles.contains("2. 분과실무협의회 회의록") && titles.contains("5. 감사장 수여"))
            let minutes = try #require(outlines.first { ($0["title"] as? String) == "2. 분과실무협의회 회의록" })
            let kids = (minutes["kids"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
            #expect(kids.count == 4 && kids.allSatisfy { $0.contains("분과실무협의회") }, "\(kids)")
            // Read the contents page from the PDF and check each entry against the page its title is on.
            let pages = try pdfText(pdf).components(separatedBy: "\u{0C}")
            let raw = try pdfText(pdf, raw: true).components(separatedBy: "\u{0C}")
            let toc = try #require(pages.firstIndex { $0.contains("차례") && $0.contains("감사장 수여") })
            var bookmarks: [(String, Int)] = []
            func walk(_ items: [[String: Any]]) {
                for item in items {
                    if let t = item["title"] as? String, let p = item["destpageposfrom1"] as? Int { bookmarks.append((t, p)) }
                    walk(item["kids"] as? [[String: Any]] ?? [])
                }
            }
            walk(outlines)
            let labels = try pageLabels(root, count: pages.count - 1)
            #expect(bookmarks.count >= 10, "the outline's bookmarks with their pages: \(bookmarks)")
            for (title, page) in bookmarks where title != "차례" {
                // The title stands on its bookmark's page, outside the running header …
                let body = pages[page - 1].split(separator: "\n").dropFirst().joined(separator: "\n")
                #expect(body.contains(title), "\(title) is not on page \(page)")
                // … and the contents give that page's label.
                let line = raw[toc].split(separator: "\n").first { $0.hasPrefix(title) }
                let printed = line?.split(separator: " ").last.map(String.init)
                #expect(printed == labels[page - 1], "\(title): contents say \(printed ?? "nothing"), page \(page) is labelled \(labels[page - 1])")
            }
            // The finished PDF keeps its objects in compressed object streams: read them unpacked.
            let unpacked = pdf.deletingPathExtension().appendingPathExtension("qdf.pdf")
            try #require(tool("qpdf", ["--qdf", "--object-streams=disable", pdf.path, unpacked.path]).status == 0)
            let bytes = try Data(contentsOf: unpacked)
            #expect(occurrences(of: "/Subtype /Link", in: String(decoding: bytes, as: UTF8.self)) >= 10, "contents rows link to their sections")
        }
    }

    @Test("booklet --impose a5-booklet: sheets of two pages, a multiple of four")
    func imposed() throws {
        try withTempDir { dir in
            let plain = dir.appendingPathComponent("b.pdf"), imposed = dir.appendingPathComponent("i.pdf")
            try #require(run(["booklet", Self.year.path, "-o", plain.path]).status == 0)
            let out = run(["booklet", Self.year.path, "--impose", "a5-booklet", "-o", imposed.path])
            try #require(out.status == 0, "\(out)")
            let pages = try pdfText(plain).components(separatedBy: "\u{0C}").count - 1
            let info = tool("pdfinfo", [imposed.path]).stdout
            #expect(info.contains("Pages:           \((pages + 3) / 4 * 2)"), "\(pages) pages → \(info)")
            #expect(info.contains("841.89 x 595.276 pts"), "sheets are A4 landscape")
        }
    }
}

/// Page labels from qpdf's JSON (`/P` prefix, `/S /D` decimal or `/r` roman from `/St`).
func pageLabels(_ root: [String: Any], count: Int) throws -> [String] {
    let ranges = (root["pagelabels"] as? [[String: Any]] ?? []).compactMap { r -> (Int, [String: Any])? in
        guard let i = r["index"] as? Int, let l = r["label"] as? [String: Any] else { return nil }
        return (i, l)
    }
    return (0..<count).map { page in
        guard let (start, label) = ranges.last(where: { $0.0 <= page }) else { return String(page + 1) }
        let prefix = (label["/P"] as? String).map { $0.hasPrefix("u:") ? String($0.dropFirst(2)) : $0 } ?? ""
        let n = (label["/St"] as? Int ?? 1) + page - start
        switch label["/S"] as? String {
        case "/D": return prefix + String(n)
        case "/r": return prefix + PageNumbers.roman.label(n)
        default: return prefix
        }
    }
}
