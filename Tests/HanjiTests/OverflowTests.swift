import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import Testing

/// Nothing drawn off the page: a row taller than the room left and a merged label taller than
/// its rows are laid out inside the page.
@Suite struct OverflowTests {
    static let base = "styles:\n  base: {font: NanumGothic, size: 10pt, line: 150%}\n"

    func spec(_ yaml: String) throws -> Spec { try Spec(try Field.parse(Self.base + yaml, file: "overflow.yaml")) }

    func compose(_ yaml: String) throws -> (Document, Spec) {
        let spec = try spec(yaml)
        let date = Day(year: 2018, month: 11, day: 22)!
        let document = try Composer(fonts: Fixture.fonts).compose(.map([]), spec: spec, date: date, edition: .official)
        return (document, spec)
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
}
