// The verbatim kinds (council-plenary, committee): one meeting model for identity, attendance
// lists with a body's own statuses, declared speakers, turns keyed as printed, chair changes,
// agenda markers and headings taken up together, stage directions and time marks.
import Foundation
import Hanji
import HanjiModel
import HanjiSpec
import Testing

@Suite("The verbatim kinds: model")
struct ProceedingsModelTests {
    static let record = """
        layout: council-plenary
        body: 솔빛시의회
        session: {number: 264, kind: 임시회}
        number: 1
        issue: 1
        office: 솔빛시의회사무국
        date: 2026-07-20
        time: "10:00"
        statuses: [출석, 청가]
        attendance:
          - group: 출석의원
            members: [김하늘, 박서진, {name: 이도윤, status: 청가}]
          - group: 출석공무원
            members:
              - {role: 시장, name: 정민호}
              - {role: 기획조정실장, name: 한지우, org: 솔빛시}
        speakers:
          - {name: 오세라, title: 의장}
        chair: 오세라
        agenda:
          - {marker: "○", title: "5분 자유발언(김하늘·박서진)", schedule: false}
          - title: 회기 결정의 건
          - title: 조례안
            items: [첫째, 둘째]
        transcript:
          - time: "10:00"
            note: 개의
          - stage: (의사봉 3타)
          - 의장: 개의하겠습니다.
          - item: 1
          - 박서진 의원: |
              첫 문단입니다.
              둘째 문단입니다.
          - 위원장 박서진: 위원장으로서 보고드립니다.
          - chair: 김하늘
          - 의장: 사회를 맡았습니다.
          - item: [1, 2]
          - 시장: 시장입니다.
          - 낯선 사람: 누구일까요.
        """

    @Test("turn keys name the speaker as printed; the chair's title follows 사회교대; a listed official by role")
    func speakers() throws {
        let meeting = try Fixture.meeting(Self.record)
        let turns = meeting.transcript.compactMap { if case .turn(let t) = $0 { return t } else { return nil } }
        #expect(turns.map(\.label) == ["의장 오세라", "박서진 의원", "위원장 박서진", "의장 김하늘", "시장 정민호", "낯선 사람"])
        #expect(turns[1].speaker.name == "박서진" && turns[1].speaker.title == "의원" && turns[1].paragraphs.count == 2)
        #expect(turns[3].speaker.name == "김하늘" && turns[3].speaker.title == "의장")
        #expect(meeting.warnings.count == 1 && meeting.warnings[0].message.contains("'낯선 사람'"), "\(meeting.warnings)")
        guard case .chair(let from, let to) = meeting.transcript[6] else { Issue.record("no chair entry"); return }
        #expect(from.name == "오세라" && (from.title ?? from.role) == "의장" && to.name == "김하늘")
        #expect(meeting.names.contains("오세라"), "declared speakers are masked too")
    }

    @Test("time marks, stage directions (typed parentheses dropped) and agenda items taken up together")
    func entries() throws {
        let meeting = try Fixture.meeting(Self.record)
        guard case .time(let clock, let note) = meeting.transcript[0], case .stage(let stage) = meeting.transcript[1],
              case .items(let one) = meeting.transcript[3], case .items(let two) = meeting.transcript[8] else {
            Issue.record("entries out of order: \(meeting.transcript)"); return
        }
        #expect(clock.hour == 10 && note == "개의" && stage == "의사봉 3타" && one == [1] && two == [1, 2])
    }

    @Test("agenda: a marked item takes no number, sub-items are lettered, schedule leaves unscheduled items off")
    func agenda() throws {
        let value = try Fixture.meeting(Self.record).value
        let agenda = try #require(value["agenda"]?.list)
        #expect(agenda.map { $0["mark"]?.plain } == ["○", "1.", "2."])
        #expect(agenda[2]["items"]?.list?.map { "\($0["mark"]?.plain ?? "")\($0["title"]?.plain ?? "")" } == ["가.첫째", "나.둘째"])
        #expect(value["schedule"]?.list?.count == 2)
    }

    @Test("a body's own statuses: counted per group and in totals; a status it does not list is an error naming them")
    func statuses() throws {
        let value = try Fixture.meeting(Self.record).value
        #expect(value["totals"]?["출석"]?.plain == "4" && value["totals"]?["청가"]?.plain == "1")
        let members = try #require(value["attendance"]?.list?.first)
        #expect(members["statuses"]?.list?.map { $0["status"]?.plain } == ["출석", "청가"])
        #expect(members["roles"]?.list?.isEmpty == true && value["attendance"]?.list?[1]["roles"]?.list?.count == 2)
        let bad = Self.record.replacingOccurrences(of: "status: 청가", with: "status: 결석")
        #expect { try Fixture.meeting(bad) } throws: { error in
            let e = error as? InputError
            return e?.message == "unknown status '결석'" && e?.hint?.contains("출석 or 청가") == true && e?.location?.line == 12
        }
    }

    @Test("a turn naming an agenda number that does not exist, or a chair change to a stranger, is an error at its line")
    func badReferences() throws {
        for (from, to, message) in [("  - item: [1, 2]", "  - item: [1, 7]", "agenda item 7 is not in 'agenda'"),
                                    ("  - chair: 김하늘", "  - chair: 김하날", "no one named '김하날' attends or speaks")] {
            let bad = Self.record.replacingOccurrences(of: from, with: to)
            let line = bad.components(separatedBy: "\n").firstIndex(of: to).map { $0 + 1 }
            #expect { try Fixture.meeting(bad) } throws: { error in
                let e = error as? InputError
                return e?.message == message && e?.location?.line == line
            }
        }
    }

    @Test("the verbatim kinds need no place or meeting number; the seed's form still does")
    func optionalIdentity() throws {
        let bare = "layout: committee\nbody: 특별위원회\ndate: 2018-01-12\n"
        let meeting = try Fixture.meeting(bare)
        #expect(meeting.place.isEmpty && meeting.value["number"]?.isPresent == false)
        #expect(throws: InputError.self) { try Fixture.meeting(bare.replacingOccurrences(of: "layout: committee", with: "layout: minutes")) }
    }

    @Test("the record's value has only fields Shape.meeting knows")
    func fitsTheShape() throws {
        #expect(fieldsOutside(try Fixture.meeting(Self.record).value, Shape.meeting) == [])
    }
}

extension Value {
    /// The items of a list value (nil for any other).
    var list: [Value]? { if case .list(let items) = self { return items } else { return nil } }
}
