import Foundation
import HanjiModel
import HanjiTestSupport
import Testing

@Suite struct ModelTests {
    static let minimal = """
        body: 분과실무협의회
        number: 14
        date: 2018-11-22
        time: "18:30"
        place: 한우리카페
        recorder: 협치지원관
        attendance:
          - group: 도시재생분과
            members:
              - {role: 분과장, name: 한부영, title: 도시재생분과장, status: 참석}
              - {role: 부분과장, name: 나래솔, status: 위임}
          - group: 지역협치팀
            members:
              - {role: 협치조정관, name: 타래빛, title: 협치조정관, status: 불참}
        agenda:
          - title: 첫 안건
            transcript:
              - 도시재생분과장: |
                  첫 문단입니다.
                  둘째 문단입니다.
        """

    func read(_ yaml: String) throws -> Meeting { try Meeting.read(try Field.parse(yaml, file: "m.yaml")) }

    func error(_ yaml: String) -> InputError? {
        do { _ = try read(yaml); return nil } catch let e as InputError { return e } catch { return nil }
    }

    @Test func decodesTheExampleCompletely() throws {
        let m = try Fixture.meeting()
        #expect(m.body == "분과실무협의회")
        #expect(m.number == 14)
        #expect(m.date == Day(year: 2018, month: 11, day: 22))
        #expect(m.date.weekday == "목")
        #expect(m.members.count == 13)
        #expect(m.count(.present) == 8)
        #expect(m.count(.proxy) + m.count(.absent) == 5)
        #expect(m.agenda.count == 3)
        #expect(m.agenda.map(\.transcript.count).reduce(0, +) == 26)
        #expect(m.agenda[0].appendix?.items.count == 10)
        #expect(m.agenda[2].event?.presenters.count == 3)
        #expect(m.summary.count == 3)
        #expect(m.names.contains("한부영") && m.names.contains("안란"))
        let text = m.agenda.flatMap(\.transcript).flatMap(\.paragraphs).joined()
        #expect(!text.contains("\u{FFFD}"))
    }

    @Test func readsTurnsAsParagraphsAndCountsStatuses() throws {
        let m = try read(Self.minimal)
        #expect(m.agenda[0].transcript[0].speaker.name == "한부영")
        #expect(m.agenda[0].transcript[0].paragraphs == ["첫 문단입니다.", "둘째 문단입니다."])
        #expect(m.count(.present) == 1 && m.count(.proxy) == 1 && m.count(.absent) == 1)
        #expect(m.recorder.role == "협치지원관")
    }

    @Test func unknownKeyNamesPathLineAndNearestKey() throws {
        let e = try #require(error(Self.minimal.replacingOccurrences(of: "place:", with: "plac:")))
        #expect(e.path == "plac")
        #expect(e.location?.line == 5 && e.location?.column == 1)
        #expect(e.hint?.contains("'place'") == true)
        let nested = try #require(error(Self.minimal.replacingOccurrences(of: "{role: 부분과장", with: "{rol: 부분과장")))
        #expect(nested.path == "attendance[0].members[1].rol")
        #expect(nested.hint?.contains("'role'") == true)
    }

    @Test func wrongTypesAreLocated() throws {
        let e = try #require(error(Self.minimal.replacingOccurrences(of: "number: 14", with: "number: abc")))
        #expect(e.path == "number" && e.location?.line == 2 && e.location?.column == 9)
        let list = try #require(error(Self.minimal.replacingOccurrences(of: "  - title: 첫 안건", with: "  - title: [첫, 안건]")))
        #expect(list.path == "agenda[0].title")
    }

    @Test func datesAndWeekdaysAreChecked() throws {
        let bad = try #require(error(Self.minimal.replacingOccurrences(of: "2018-11-22", with: "2018-02-30")))
        #expect(bad.path == "date" && bad.message.contains("not a date"))
        let weekday = try #require(error(Self.minimal.replacingOccurrences(of: "time:", with: "weekday: 금\ntime:")))
        #expect(weekday.path == "weekday" && weekday.message.contains("목요일"))
        #expect(try read(Self.minimal.replacingOccurrences(of: "time:", with: "weekday: (목)\ntime:")).date.weekday == "목")
        #expect(Day(year: 2024, month: 2, day: 29) != nil && Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(iso: "2018-12-13")?.weekday == "목")
    }

    @Test func unknownSpeakerIsAWarningAndUnknownStatusAnError() throws {
        let m = try read(Self.minimal.replacingOccurrences(of: "- 도시재생분과장: |", with: "- 도시재생분과쟝: |"))
        let speaker = try #require(m.warnings.first)
        #expect(speaker.isWarning && speaker.message.contains("not in the attendance"))
        #expect(speaker.hint?.contains("도시재생분과장") == true)
        #expect(speaker.description.contains("warning:") && speaker.location?.line == 18)
        #expect(m.agenda[0].transcript[0].speaker.name == nil && m.agenda[0].transcript[0].speaker.title == "도시재생분과쟝")
        let status = try #require(error(Self.minimal.replacingOccurrences(of: "status: 위임", with: "status: 출석")))
        #expect(status.hint?.contains("참석") == true)
    }

    @Test func syntaxErrorsAreLocated() {
        #expect(throws: InputError.self) { try Field.parse("body: [x\nplace: y\n", file: "s.yaml") }
        do { _ = try Field.parse("a: 1\nb: [x\nc: y\n", file: "s.yaml") } catch let e as InputError {
            #expect(e.location?.file == "s.yaml" && e.location?.line == 2 && e.location?.column == 4)
            #expect(e.description.hasPrefix("s.yaml:2:4: error: YAML syntax"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func statedTotalsMustAgreeWithTheRows() throws {
        let ok = Self.minimal + "\ntotals: {참석: 1, 위임: 1, 불참: 1}\n"
        #expect(try read(ok).count(.present) == 1)
        let bad = try #require(error(Self.minimal + "\ntotals: {참석: 2, 불참: 1}\n"))
        #expect(bad.path == "totals.참석" && bad.message.contains("count 1"))
    }

    @Test func emptyAgendaItemIsAWarning() throws {
        let m = try read(Self.minimal + "\n  - title: 빈 안건\n")
        #expect(m.warnings.contains { $0.message.contains("빈 안건") && $0.path == "agenda[1]" })
        #expect(try read(Self.minimal).warnings.isEmpty)
    }
}
