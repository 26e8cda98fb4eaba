import Foundation
import Hanji
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

@Suite struct SpecTests {
    func spec(_ yaml: String) throws -> Spec { try Spec(try Field.parse(yaml, file: "spec.yaml")) }

    func specError(_ yaml: String) -> InputError? {
        do { _ = try spec(yaml); return nil } catch let e as InputError { return e } catch { return nil }
    }

    @Test func datePatternsFollowTheOfficialForms() {
        let day = Day(year: 2018, month: 11, day: 22)!
        #expect(Template.format(day, "YYYY. M. D.(ddd)") == "2018. 11. 22.(목)")
        #expect(Template.format(day, "YYYY년 M월 D일") == "2018년 11월 22일")
        #expect(Template.format(Day(year: 2018, month: 6, day: 3)!, "'YY. M. D.") == "'18. 6. 3.")
        #expect(Template.format(Day(year: 2018, month: 6, day: 3)!, "YYYY.MM.DD") == "2018.06.03")
    }

    @Test func templatesFillFieldsAndFilters() throws {
        let scope = Scope(.map([("status", .text("참석")), ("name", .text("")), ("n", .number(3)),
                                ("who", .map([("role", .text("분과장"))]))]))
        #expect(try Template("{who.role}{name|prefix: }").render(scope) == "분과장")
        #expect(try Template("{status|is:참석:○}|{status|is:불참:○}").render(scope) == "○|")
        #expect(try Template("{name|or:없음} {n}명 {{괄호}}").render(scope) == "없음 3명 {괄호}")
        #expect(throws: InputError.self) { try Template("{nam}").render(scope) }
        #expect(throws: InputError.self) { try Template("{name|upper}") }
        #expect(throws: InputError.self) { try Template("{name") }
    }

    @Test func specErrorsAreLocatedWithHints() throws {
        let unknownStyle = try #require(specError("""
            styles:
              base: {size: 10pt}
            body:
              - text: hi
                style: titel
            """))
        #expect(unknownStyle.location?.line == 5)
        #expect(unknownStyle.message.contains("titel"))
        let badKey = try #require(specError("body:\n  - txt: hi\n"))
        #expect(badKey.hint?.contains("'text'") == true && badKey.location?.line == 2)
        let badLength = try #require(specError("page: {margins: {top: 20px}}\nbody: []\n"))
        #expect(badLength.path == "page.margins.top" && badLength.hint?.contains("20mm") == true)
        let cycle = try #require(specError("styles:\n  a: {parent: b}\n  b: {parent: a}\nbody: []\n"))
        #expect(cycle.message.contains("circle"))
    }

    @Test func unknownFieldInTheSpecNamesTheSpecLine() throws {
        let s = try spec("body:\n  - text: \"{bodyy}\"\n")
        do {
            _ = try Composer().minutes(try Fixture.meeting(), spec: s)
            Issue.record("expected an error")
        } catch let e as InputError {
            #expect(e.location?.file == "spec.yaml" && e.location?.line == 2)
            #expect(e.hint?.contains("'body'") == true)
        }
    }

    @Test func aChangedLabelInTheSpecChangesTheDocument() throws {
        let text = try String(contentsOf: Fixture.minutesSpec, encoding: .utf8)
        let renamed = try spec(text.replacingOccurrences(of: "{text: 기록자,", with: "{text: 기록담당,"))
        let composer = try Composer()
        let before = try composer.minutes(try Fixture.meeting(), spec: try Fixture.spec()).text.joined()
        let after = try composer.minutes(try Fixture.meeting(), spec: renamed).text.joined()
        #expect(before.contains("기록자") && !before.contains("기록담당"))
        #expect(after.contains("기록담당") && !after.contains("기록자"))
    }

    @Test func mergedGroupCellsAndTotalsComeFromTheRecord() throws {
        let document = try Composer().minutes(try Fixture.meeting(), spec: try Fixture.spec())
        let lines = document.pages[0].frame.lines.map(\.1.text)
        // Each group label appears once on the page (merged over its rows), totals are counted.
        for group in ["도시재생분과", "지역특화분과", "생활밀착분과", "복지분과", "지역협치팀"] {
            #expect(lines.filter { $0 == group }.count == 1, "\(group)")
        }
        let total = try #require(lines.firstIndex { $0.hasPrefix("총 참석자") })
        #expect(Array(lines[(total + 1)...(total + 3)]) == ["8", "0", "5"])
    }

    @Test func maskFindsNamesAsWordsOnly() {
        let mask = Mask(names: ["한부영", "안란"], pattern: "ㅇㅇㅇ")
        #expect(mask.apply("한부영 분과장님께서 발표") == "ㅇㅇㅇ 분과장님께서 발표")
        #expect(mask.apply("한부영분과장님, 한부영님") == "ㅇㅇㅇ분과장님, ㅇㅇㅇ님")
        #expect(mask.apply("참여한 안란 분과원이") == "참여한 ㅇㅇㅇ 분과원이")
        // A longer word that merely contains the syllables stays: 안란다 is not a name here.
        #expect(mask.apply("불안란다, 안란다") == "불안란다, 안란다")
        // The pattern may keep the family name.
        #expect(Mask(names: ["한부영"], pattern: "{first}○○").apply("한부영 분과장님") == "한○○ 분과장님")
    }
}
