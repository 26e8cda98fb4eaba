import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// Nothing drawn off the page: a table wider than its frame, a row taller than the page, a
/// merged label taller than its rows and a running footer or header too big for its band are
/// each laid out inside the page or refused with the spec line that asks for them.
@Suite struct OverflowTests {
    static let base = "styles:\n  base: {font: NanumGothic, size: 10pt, line: 150%}\n"

    func spec(_ yaml: String) throws -> Spec { try Spec(try Field.parse(Self.base + yaml, file: "overflow.yaml")) }

    func compose(_ yaml: String, edition: Edition = .official) throws -> (Document, Spec) {
        let spec = try spec(yaml)
        let date = Day(year: 2018, month: 11, day: 22)!
        let document = try Composer(fonts: Fixture.fonts).compose(.map([]), spec: spec, date: date, edition: edition)
        return (document, spec)
    }

    /// The error composing `yaml` gives, if it is an input error (nil when it lays out).
    func refusal(_ yaml: String, edition: Edition = .official) throws -> InputError? {
        do {
            _ = try compose(yaml, edition: edition)
            return nil
        } catch let error as InputError {
            return error
        }
    }

    @Test func fixedColumnsWiderThanThePageAreAnErrorAtTheColumns() throws {
        let error = try #require(try refusal("""
            body:
              - table:
                  columns: [60mm, 60mm, 60mm, 60mm]
                  rows:
                    - cells: [{text: 담당}, {text: 팀장}, {text: 과장}, {text: 국장}]
            """), "a 240 mm table on a 170 mm body was laid out")
        #expect(error.location?.file == "overflow.yaml" && error.location?.line == 5)
        #expect(error.path == "body[0].table.columns")
        #expect(error.message.contains("240 mm") && error.message.contains("170 mm"))
        #expect(error.hint?.contains("*") == true)
    }

    @Test func fixedHeightRowTooTallForTheRoomLeftMovesToTheNextPage() throws {
        let (document, spec) = try compose("""
            body:
              - text: 앞글
              - space: 150mm
              - table:
                  columns: ["*"]
                  rows:
                    - height: 150mm
                      cells: [{text: 서명}]
            """)
        #expect(document.pages.count == 2)
        #expect(!document.text[0].contains("서명") && document.text.last?.contains("서명") == true)
        #expect(strays(document, spec.page).isEmpty, "\(strays(document, spec.page))")
    }

    @Test func fixedHeightRowTallerThanAnEmptyBodyIsAnErrorAtItsHeight() throws {
        let error = try #require(try refusal("""
            body:
              - table:
                  columns: ["*"]
                  rows:
                    - cells: [{text: 위}]
                    - height: 300mm
                      cells: [{text: 서명}]
            """), "a 300 mm row was laid out on a 257 mm body")
        #expect(error.location?.line == 8)
        #expect(error.path == "body[0].table.rows[1].height")
        #expect(error.message.contains("300 mm"))
        #expect(error.hint?.contains("height") == true)
    }

    @Test func mergedLabelsTallerThanTheirRowsGrowThemBeforeTheyAreFitted() throws {
        // Each label fits beside its rows as they stand; grown for the first, the second would not.
        let (document, spec) = try compose("""
            body:
              - space: 215mm
              - table:
                  columns: [20mm, "*"]
                  rows:
                    - unbreakable: true
                      cells: [{text: "가\\n나\\n다\\n라", rows: 2}, {text: 하나}]
                    - cells: [{text: 둘}]
                    - unbreakable: true
                      cells: [{text: "마\\n바\\n사\\n아", rows: 2}, {text: 셋}]
                    - cells: [{text: 넷}]
            """)
        #expect(strays(document, spec.page).isEmpty, "\(strays(document, spec.page))")
        let page = try #require(document.text.firstIndex { $0.contains("사") })
        #expect(document.text[page].contains("셋") && document.text[page].contains("넷"))
    }

    @Test func mergedLabelGrowthIsDecidedInLayoutNotInDraw() throws {
        let context = Fixture.context()
        func label(_ text: String) -> Cell {
            let lines = text.map(String.init).joined(separator: "\n")
            return Cell(Paragraph(lines, style: Fixture.style(), source: "label"), rows: 2)
        }
        let short = Cell(Empty(height: 10))
        let table = Table(columns: [.fixed(30), .share(1)], rows: [
            Row([label("가나다라"), short], breakable: false), Row([short]),
            Row([label("마바사아"), short], breakable: false), Row([short]),
        ])
        // Each label needs 72 pt, each row 18: the first group grown, the second no longer fits in 120.
        let fit = try table.layout(in: Region(width: 200, height: 120, fresh: false), context)
        switch fit {
        case .nothing: Issue.record("the first group fits")
        case .whole(let frame), .part(let frame, _):
            #expect(frame.size.height <= 120, "the table took \(frame.size.height) pt of 120")
            let bottom = frame.items.compactMap { p, item -> Double? in
                if case .rule(let to, _, _) = item { return max(p.y, p.y + to.y) } else { return nil }
            }.max() ?? 0
            #expect(abs(bottom - frame.size.height) < 0.01, "rules end at \(bottom), the frame at \(frame.size.height)")
        }
    }

    @Test(arguments: ["footer", "header"])
    func runningLineTooLongForItsBandIsAnErrorAtIt(_ key: String) throws {
        // Dropped, a footer's page numbers vanish; let run, a header covers the body.
        let long = String(repeating: "주최 영등포구 협치회의 ", count: 30)
        let error = try #require(try refusal("""
            page:
              \(key): {text: "\(long) {page}", offset: 10mm}
            body:
              - text: 본문
            """), "a \(key) of many lines was laid out")
        #expect(error.location?.line == 4 && error.path == "page.\(key).text")
        #expect(error.message.contains(key) && error.hint?.contains("offset") == true)
    }

    @Test func publicHeaderTooLongForItsBandIsAnErrorAtIt() throws {
        let long = String(repeating: "공개용 개인 이름은 가렸습니다 ", count: 20)
        let yaml = "page:\n  header: {text: 머리말}\npublic:\n  header: \"\(long)\"\nbody:\n  - text: 본문\n"
        #expect(try refusal(yaml) == nil, "the official edition has a short header")
        let error = try #require(try refusal(yaml, edition: .public))
        #expect(error.location?.line == 6 && error.path == "public.header")
    }

    @Test func cliRefusesAnApprovalBoxWiderThanThePageAndKeepsTheOldOutput() throws {
        try withTempDir { dir in
            let text = try String(contentsOf: minutesLayout, encoding: .utf8)
            let wide = text.replacingOccurrences(of: "columns: [8mm, 20mm, 20mm, 20mm]",
                                                 with: "columns: [60mm, 60mm, 60mm, 60mm]")
            try #require(wide != text, "the approval box's columns moved in layouts/minutes.yaml")
            let spec = dir.appendingPathComponent("minutes.yaml")
            try wide.write(to: spec, atomically: true, encoding: .utf8)
            let line = try #require(wide.components(separatedBy: "\n").firstIndex { $0.contains("[60mm, 60mm") }) + 1
            let pdf = dir.appendingPathComponent("out.pdf")
            try Data("earlier".utf8).write(to: pdf)
            let result = run(["minutes", exampleRecord.path, "--layout", spec.path, "--allow-outside", "-o", pdf.path])
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("minutes.yaml:\(line):"), "\(result.stderr)")
            #expect(result.stderr.contains("columns") && !result.stderr.contains("internal"))
            #expect(try Data(contentsOf: pdf) == Data("earlier".utf8))
        }
    }
}
