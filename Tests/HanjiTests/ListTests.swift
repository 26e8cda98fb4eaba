import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// The 공문서 item hierarchy: markers, 2타 steps and hanging indents, checked on frames.
@Suite struct ListTests {
    static let spec = """
        page: {size: [120mm, 150mm], margins: {top: 8mm, right: 8mm, bottom: 8mm, left: 8mm}}
        styles:
          base: {font: "NanumMyeongjo, DejaVu Serif, NanumGothic", size: 9pt, line: 150%, align: justify}
        body:
          - outline: items
            markers: ["1.", "가.", "1)", "가)", "(1)", "(가)", "①", "㉮"]
            step: 1em
        """

    /// Two items per level, eight levels deep; every second item long enough to wrap.
    static func items(level: Int) -> Value {
        let long = "항목의 내용이 길어서 다음 줄로 넘어가면 둘째 줄은 표지가 아니라 글의 첫 글자 아래에 맞추어 섭니다"
        let first: Value = level < 7
            ? .map([("text", .text("수준 \(level + 1) 첫째")), ("items", items(level: level + 1))])
            : .text("수준 \(level + 1) 첫째")
        return .list([first, .text("수준 \(level + 1) 둘째 \(long)")])
    }

    func document() throws -> Document {
        let spec = try Spec(try Field.parse(Self.spec, file: "list.yaml"))
        return try Composer().compose(.map([("items", Self.items(level: 0))]), spec: spec,
                                      date: Day(year: 2018, month: 11, day: 22)!, edition: .official)
    }

    @Test func numberingFollowsTheRules() {
        #expect((1...14).map(Numbering.hangul).joined() == "가나다라마바사아자차카타파하")
        #expect(Numbering.hangul(15) == "거" && Numbering.hangul(28) == "허" && Numbering.hangul(29) == "고")
        #expect(Numbering.marker("(가)", 15) == "(거)")
        #expect(Numbering.marker("1)", 12) == "12)")
        #expect(Numbering.marker("①", 3) == "③" && Numbering.marker("①", 21) == "㉑")
        #expect(Numbering.marker("㉮", 14) == "㉻" && Numbering.marker("㉮", 15) == "(거)")
        #expect(Numbering.marker("□", 4) == "□" && !Numbering.counts("▸"))
    }

    @Test func everyLevelHasItsMarkerStepAndHangingIndent() throws {
        let document = try document()
        let lines = document.pages.flatMap { $0.frame.lines }
        let expected = [["1.", "2."], ["가.", "나."], ["1)", "2)"], ["가)", "나)"], ["(1)", "(2)"], ["(가)", "(나)"], ["①", "②"], ["㉮", "㉯"]]
        var markerX: [Double] = []
        for (level, markers) in expected.enumerated() {
            for (i, marker) in markers.enumerated() {
                let label = "수준 \(level + 1) \(i == 0 ? "첫째" : "둘째")"
                let m = try #require(lines.first { candidate in
                    candidate.1.text.trimmingCharacters(in: .whitespaces) == marker
                        && lines.contains { $0.1.text.hasPrefix(label) && abs($0.0.y - candidate.0.y) < 0.5 }
                }, "marker \(marker) of level \(level + 1)")
                if i == 0 { markerX.append(m.0.x) }
                // The item's text starts right of its marker, on the same baseline.
                let text = try #require(lines.first { $0.1.text.hasPrefix("수준 \(level + 1) \(i == 0 ? "첫째" : "둘째")") })
                #expect(text.0.x > m.0.x + 3)
                if i == 1 {
                    // Wrapped lines hang under the text's first character, never under the marker.
                    let index = try #require(lines.firstIndex { $0.1.text == text.1.text })
                    let next = lines[index + 1]
                    #expect(abs(next.0.x - text.0.x) < 0.5, "level \(level + 1): continuation at \(next.0.x), text at \(text.0.x)")
                }
            }
        }
        // Each level stands one step (1em = 9pt) right of its parent's marker.
        for (a, b) in zip(markerX, markerX.dropFirst()) { #expect(abs(b - a - 9) < 0.5) }
    }

    @Test func listLevelsGolden() throws {
        try Golden.check(try document(), page: 1, name: "list-levels", dpi: 40)
    }
}
