import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import HanjiText
import Testing

/// The characters of real 국회-style minutes: ｢｣, 【】, Hanja, compatibility ideographs, ㎡ ① ～ ―,
/// and name chains joined by ㆍ, ․ or · with no space.
@Suite struct CJKTests {
    /// 李 as HWP exports it in a name (U+F9E1), and the unified ideograph it decomposes to.
    static let compatibleLee = "\u{F9E1}", unifiedLee = "\u{674E}"
    static let chain = "김가나ㆍ이다라ㆍ박마바ㆍ최사아ㆍ정자차ㆍ강카타ㆍ조파하ㆍ윤가나ㆍ장다라ㆍ임마바ㆍ한사아"
    static let remark = "｢국회법｣ 제5조와 【보고사항】을 봅니다. \(compatibleLee)가나 위원(\(unifiedLee)와 다름)의 말씀처럼 "
        + "파사현정(破邪顯正)의 자세로 면적 30㎡, ① 안건, 10～20명, ―끝― 입니다. "
        + "(\(chain) 의원 발의) 임시회․폐회중 김가나·이다라"
    static let remarks = "｢없습니다｣ 【보고사항】 \(compatibleLee) 破邪顯正 30㎡ ① ～ ― 임시회․폐회중 김가나ㆍ이다라·박마바"
    /// Every character the tests expect in print, one scalar each.
    static let characters: [Unicode.Scalar] = ["\u{FF62}", "\u{FF63}", "【", "】", "\u{F9E1}", "\u{674E}", "破", "邪", "顯",
                                               "正", "㎡", "①", "～", "―", "ㆍ", "\u{2024}", "·"]

    /// The 13th example meeting with one remark and the 비고 holding the characters above.
    static func record() throws -> String {
        let url = Fixture.example.deletingLastPathComponent().appendingPathComponent("minutes-13.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let turn = "      - 협치조정관: |\n          늦은 시간에"
        #expect(text.contains(turn) && text.contains("remarks: \"\""))
        return text.replacingOccurrences(of: turn, with: "      - 협치조정관: |\n          \(remark)\n          늦은 시간에")
            .replacingOccurrences(of: "remarks: \"\"", with: "remarks: \"\(remarks)\"")
    }

    /// Whether `text` holds `scalar` itself (String comparison would take U+674E for U+F9E1).
    static func holds(_ text: String, _ scalar: Unicode.Scalar) -> Bool { text.unicodeScalars.contains(scalar) }

    static func hex(_ scalar: Unicode.Scalar) -> String { "U+" + String(scalar.value, radix: 16, uppercase: true) }

    /// The stock minutes layout with `display:` added.
    static func layout(display: String) throws -> String {
        try String(contentsOf: Fixture.minutesSpec, encoding: .utf8) + "\ndisplay: \(display)\n"
    }

    @Test func realMinutesPrintWithTheStockLayoutAndNoWarning() throws {
        let spec = try Fixture.spec()
        let meeting = try Fixture.meeting(try Self.record(), file: "cjk.yaml")
        let document = try Composer(for: spec).minutes(meeting, spec: spec)
        #expect(document.warnings.isEmpty, "\(document.warnings)")
        let text = document.text.joined(separator: "\n")
        for scalar in Self.characters {
            #expect(Self.holds(text, scalar), "\(Self.hex(scalar)) not laid out")
        }
    }

    @Test func everyCharacterReachesThePDFTextLayerInASerifAndASansFace() throws {
        try withTempDir { dir in
            let record = dir.appendingPathComponent("cjk.yaml"), pdf = dir.appendingPathComponent("cjk.pdf")
            try Self.record().write(to: record, atomically: true, encoding: .utf8)
            try render(record, to: pdf)
            let text = try pdfText(pdf)
            for scalar in Self.characters {
                #expect(Self.holds(text, scalar), "\(Self.hex(scalar)) not in the text layer")
            }
            let fonts = tool("pdffonts", [pdf.path]).stdout
            #expect(fonts.contains("NotoSerifCJK") && fonts.contains("NotoSansCJK"), "\(fonts)")
        }
    }

    @Test func hanjaInSerifTextAreDrawnByTheSerifFace() throws {
        let spec = try Fixture.spec()
        let shaper = Fixture.shaper()
        let hanja = { (text: String) in text.unicodeScalars.contains { $0.properties.isIdeographic } }
        let serif: Set = ["NanumMyeongjo", "Noto Serif CJK KR"], sans: Set = ["NanumGothic", "Noto Sans CJK KR"]
        for (style, faces) in [("body", serif), ("field", sans)] {
            let runs = try shaper.faces("파사현정(破邪顯正), \(Self.compatibleLee)가나 ｢국회법｣ 【보고】 ①～㎡",
                                    style: try #require(spec.styles[style]))
            let drawn = runs.filter {
                hanja($0.text) || $0.text.unicodeScalars.contains { !$0.properties.isAlphabetic }
            }
            #expect(drawn.count > 2 && drawn.allSatisfy { faces.contains($0.family) }, "\(style): \(runs)")
        }
    }

    @Test func theCompatibilityIdeographReachesPangoAsTyped() throws {
        let style = try #require(try Fixture.spec().styles["body"])
        let lines = try Fixture.shaper().shape("\(Self.compatibleLee)가나 위원", style: style, width: 300)
        #expect(lines.count == 1 && Self.holds(lines[0].text, "\u{F9E1}") && !Self.holds(lines[0].text, "\u{674E}"))
    }

    @Test(arguments: ["ㆍ", "\u{2024}", "·"])
    func aNameChainBreaksOnlyAfterItsSeparators(separator: String) throws {
        let chain = Self.chain.replacingOccurrences(of: "ㆍ", with: separator)
        let names = chain.components(separatedBy: separator)
        let style = try #require(try Fixture.spec().styles["body"])
        for width in [45.0, 70.0, 120.0] {
            let lines = try Fixture.shaper().shape("(\(chain) 의원 발의)", style: style, width: width)
            #expect(lines.count > 1)
            for (i, line) in lines.enumerated() {
                let text = line.text.trimmingCharacters(in: .whitespaces)
                #expect(!text.hasPrefix(separator), "line \(i) at \(width) pt starts with the separator: \(text)")
                let words = text.replacingOccurrences(of: "(", with: "").split(separator: " ").map(String.init)
                let parts = words.filter { $0 != "의원" && $0 != "발의)" }
                    .flatMap { $0.components(separatedBy: separator) }.filter { !$0.isEmpty }
                #expect(parts.allSatisfy(names.contains), "line \(i) at \(width) pt splits a name: \(text)")
            }
        }
    }

    @Test func theDisplayMapPrintsTheOneDotLeaderAsAMiddleDotAndLeavesTheRecord() throws {
        let layout = try Self.layout(display: "{\"\u{2024}\": \"·\"}")
        let spec = try Spec(try Field.parse(layout, file: Fixture.minutesSpec.path))
        let meeting = try Fixture.meeting(try Self.record(), file: "cjk.yaml")
        let text = try Composer(for: spec).minutes(meeting, spec: spec).text.joined(separator: "\n")
        #expect(text.contains("임시회·폐회중") && !Self.holds(text, "\u{2024}"))
        #expect(Self.holds(meeting.value["remarks"]?.plain ?? "", "\u{2024}"))
    }

    @Test func theDisplayMapReachesThePDFTextLayerAndTheRunningFooter() throws {
        try withTempDir { dir in
            let layout = dir.appendingPathComponent("layout.yaml"), record = dir.appendingPathComponent("cjk.yaml")
            try Self.layout(display: "{\"\u{2024}\": \"·\", \"- \": \"= \"}")
                .write(to: layout, atomically: true, encoding: .utf8)
            try Self.record().write(to: record, atomically: true, encoding: .utf8)
            let pdf = dir.appendingPathComponent("cjk.pdf")
            try render(record, to: pdf, extra: ["--layout", layout.path])
            let text = try pdfText(pdf)
            #expect(text.contains("임시회·폐회중") && !Self.holds(text, "\u{2024}") && squeezed(text).contains("=1-"))
            #expect(Self.holds(try String(contentsOf: record, encoding: .utf8), "\u{2024}"))
        }
    }

    @Test func theDisplayMapLeavesThePathsOfPhotos() throws {
        let layout = try Self.layout(display: "{\".\": \"。\"}")
        let spec = try Spec(try Field.parse(layout, file: Fixture.minutesSpec.path))
        let document = try Composer(for: spec).minutes(try Fixture.meeting(), spec: spec)
        let text = document.text.joined()
        #expect(document.pages.count > 3 && text.contains("。") && !text.contains("."))
    }

    @Test func aDisplayMapOfAnythingButTextsIsAnErrorAtItsKey() throws {
        let layout = try Self.layout(display: "[\"\u{2024}\"]")
        #expect(throws: InputError.self) { try Spec(try Field.parse(layout, file: "spec.yaml")) }
        let empty = try Self.layout(display: "{\"\": \"·\"}")
        do {
            _ = try Spec(try Field.parse(empty, file: "spec.yaml"))
            Issue.record("an empty key was accepted")
        } catch let e as InputError {
            #expect(e.path.hasPrefix("display") && e.location?.file == "spec.yaml")
        }
    }
}
