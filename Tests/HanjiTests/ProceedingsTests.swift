// The verbatim kinds (council-plenary, committee): one meeting model for identity, attendance
// lists with a body's own statuses, declared speakers, turns keyed as printed, chair changes,
// agenda markers and headings taken up together, stage directions and time marks.
import Foundation
import Hanji
import HanjiModel
import HanjiSpec
import HanjiTestSupport
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
            items: [첫째, {marker: o, title: 둘째}]
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

    @Test("agenda: a marked item takes no number, sub-items are lettered unless marked, schedule leaves unscheduled items off")
    func agenda() throws {
        let value = try Fixture.meeting(Self.record).value
        let agenda = try #require(value["agenda"]?.list)
        #expect(agenda.map { $0["mark"]?.plain } == ["○", "1.", "2."])
        #expect(agenda[2]["items"]?.list?.map { "\($0["mark"]?.plain ?? "")\($0["title"]?.plain ?? "")" } == ["가.첫째", "o둘째"])
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

@Suite("EndToEnd: the council-plenary and committee examples")
struct ProceedingsExampleTests {
    static let plenary = repoRoot.appendingPathComponent("examples/solbit-council-2026/plenary-0720.yaml")
    static let committee = repoRoot.appendingPathComponent("examples/assembly-2018/committee-0112.yaml")
    static let examples = [(plenary, "council-plenary"), (committee, "committee")]

    @Test("each example names its layout, checks clean, and prints in both editions in 10 to 20 pages",
          arguments: [0, 1])
    func bothEditions(_ n: Int) throws {
        let (record, layout) = Self.examples[n]
        let meeting = try Meeting.load(record)
        #expect(meeting.layout == layout && meeting.warnings.isEmpty)
        let checked = run(["check", record.path])
        #expect(checked.status == 0 && checked.stdout.contains("0 errors, 0 warnings"), "\(checked)")
        try withTempDir { dir in
            for extra in [[], ["--public"]] {
                let pdf = dir.appendingPathComponent("e\(extra.count).pdf")
                let out = try render(record, to: pdf, extra: extra)
                let pages = Int(out.stdout.split(separator: ":").last?.split(separator: " ").first ?? "") ?? 0
                #expect((10...20).contains(pages), "\(out.stdout)")
                #expect(tool("qpdf", ["--check", pdf.path]).status == 0)
            }
        }
    }

    @Test("no Korean word or name of either example breaks across lines", arguments: [0, 1])
    func noWordBroken(_ n: Int) throws {
        let (record, layout) = Self.examples[n]
        let spec = try Spec.load(repoRoot.appendingPathComponent("layouts/\(layout).yaml"))
        let document = try Composer(for: spec).minutes(try Meeting.load(record), spec: spec)
        let (pairs, broken) = brokenWords(document)
        #expect(broken.isEmpty, "words broken: \(broken)")
        #expect(pairs > 200, "the transcript wraps hundreds of lines")
    }

    @Test("the plenary prints its header, schedule, headings, stage directions, time marks and lists in order")
    func plenaryInOrder() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("p.pdf")
            try render(Self.plenary, to: pdf)
            let text = squeezed(try pdfText(pdf, raw: true))
            var from = text.startIndex
            for part in ["이 회의록은", "제264회 솔빛시의회(임시회)", "본회의회의록", "제1호", "솔빛시의회사무국",
                         "2026년 7월 20일(월) 10시 00분", "의사일정", "부의된 안건", "○5분 자유발언", "(10시 00분 개의)",
                         "(의사봉 3타)", "○의장 윤석재", "○5분 자유발언", "1. 제264회 솔빛시의회(임시회) 회기 결정의 건",
                         "(“없습니다” 하는 의원 있음)", "(10시 55분 산회)", "○출석의원(16인)", "○출석공무원"] {
                let found = text.range(of: squeezed(part), range: from..<text.endIndex)
                #expect(found != nil, "'\(part)' missing or out of order")
                if let found { from = found.upperBound }
            }
        }
    }

    @Test("the committee: ◯ turns, halfwidth ｢｣, 李 U+F9E1 as typed, 사회교대 both ways, 청가 beside 출석, 【보고사항】")
    func committeeCharacters() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("c.pdf")
            try render(Self.committee, to: pdf)
            let text = try pdfText(pdf, raw: true)
            let flat = squeezed(text)
            for part in ["◯위원장", "｢없습니다｣", "\u{F9E1}", "사회교대", "○출석위원(14인)", "○청가위원(2인)", "【보고사항】",
                         "破邪顯正", "제357회국회(임시회·폐회중)"] {
                #expect(flat.contains(squeezed(part)), "'\(part)' not in the text layer")
            }
            // (Scalars, not String.contains: Swift's comparison takes U+F9E1 and U+674E as equal.)
            #expect(!text.unicodeScalars.contains("\u{674E}") && text.unicodeScalars.contains("\u{F9E1}"),
                    "李 stays the compatibility ideograph")
            #expect(flat.components(separatedBy: "사회교대)").count == 3, "the chair changes and comes back")
            let fonts = tool("pdffonts", [pdf.path]).stdout
            #expect(fonts.contains("NotoSerifCJK"), "Hanja in 명조 text come from the serif face: \(fonts)")
        }
    }

    @Test("the public edition masks every attendee, declared speaker and mask: name, in turns and lists", arguments: [0, 1])
    func publicEdition(_ n: Int) throws {
        let (record, _) = Self.examples[n]
        let meeting = try Meeting.load(record)
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("p.pdf")
            try render(record, to: pdf, extra: ["--public"])
            let text = squeezed(try pdfText(pdf, raw: true))
            let leaked = meeting.names.filter { text.contains($0) }
            #expect(leaked.isEmpty, "names in the public edition: \(leaked)")
            #expect(text.contains("ㅇㅇㅇ"))
        }
    }
}

@Suite("The booklet of a year holding every kind of minutes")
struct ProceedingsBookletTests {
    @Test("a year listing a plenary, a committee and a summary record beside the seed's prints its booklet; the public one masks them")
    func everyKindInTheBooklet() throws {
        try withTempDir { dir in
            let year = dir.appendingPathComponent("year")
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("examples/yeongdeungpo-2018"), to: year)
            var records: [URL] = []
            for path in ["examples/solbit-council-2026/plenary-0720.yaml", "examples/assembly-2018/committee-0112.yaml",
                         "examples/jumin-2026/summary-0807.yaml"] {
                let from = repoRoot.appendingPathComponent(path)
                records.append(year.appendingPathComponent(from.lastPathComponent))
                try FileManager.default.copyItem(at: from, to: records.last!)
            }
            let file = year.appendingPathComponent("year.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            try (text + records.map { "  - \($0.lastPathComponent)\n" }.joined()).write(to: file, atomically: true, encoding: .utf8)
            let spec = try Spec.load(repoRoot.appendingPathComponent("layouts/booklet.yaml"))
            let loaded = try Year.load(file)
            #expect(loaded.meetings.count == 7 && loaded.warnings.isEmpty, "\(loaded.warnings)")
            let official = try Composer(for: spec).booklet(loaded, spec: spec, edition: .official).text.joined(separator: "\n")
            let masked = try Composer(for: spec).booklet(loaded, spec: spec, edition: .public).text.joined(separator: "\n")
            for heading in ["제1차 솔빛시의회 (2026. 7. 20.)", "사법제도개선특별위원회 (2018. 1. 12.)", "제8차 솔빛동 주민자치회 운영위원회"] {
                #expect(official.contains(heading) && masked.contains(heading), "\(heading)")
            }
            #expect(!official.contains("제차"), "a committee's minutes have no 제N차")
            let names = try records.flatMap { try Meeting.load($0).names }
            #expect(names.contains { official.contains($0) }, "the official booklet names people")
            let leaked = names.filter { masked.contains($0) }
            #expect(leaked.isEmpty, "names in the public booklet: \(leaked)")
        }
    }
}

@Suite("EndToEnd: hanji new from a record of every kind")
struct ProceedingsNewTests {
    @Test("hanji new from a plenary, committee or summary record starts the next one of the same kind, which checks clean and prints",
          arguments: [("examples/solbit-council-2026/plenary-0720.yaml", "plenary-0901.yaml", "2차 회의"),
                      ("examples/assembly-2018/committee-0112.yaml", "committee-0901.yaml", "제2호"),
                      ("examples/jumin-2026/summary-0807.yaml", "summary-0901.yaml", "9차 회의")])
    func nextOfTheSameKind(_ example: String, _ written: String, _ label: String) throws {
        try withTempDir { dir in
            let from = repoRoot.appendingPathComponent(example)
            let copy = dir.appendingPathComponent(from.lastPathComponent)
            try FileManager.default.copyItem(at: from, to: copy)
            let made = run(["new", copy.path, "--date", "2026-09-01"])
            #expect(made.status == 0 && made.stdout.contains(label), "\(made)")
            let record = dir.appendingPathComponent(written)
            let last = try Meeting.load(from), next = try Meeting.load(record)
            #expect(next.layout == last.layout && next.body == last.body && next.members.count == last.members.count
                    && next.attendees.count == last.attendees.count && next.speakers.count == last.speakers.count)
            #expect(next.members.allSatisfy { $0.status == next.statuses[0] }, "statuses start afresh")
            #expect(run(["check", record.path]).stdout.contains("0 errors, 0 warnings"))
            try render(record, to: dir.appendingPathComponent("n.pdf"))
        }
    }
}

@Suite("Page references in an agenda")
struct AgendaPageTests {
    static let committee = repoRoot.appendingPathComponent("examples/assembly-2018/committee-0112.yaml")

    @Test("the committee's 상정된 안건 gives each item the page where the transcript takes it up")
    func pagesMatchTheHeadings() throws {
        let spec = try Spec.load(repoRoot.appendingPathComponent("layouts/committee.yaml"))
        #expect(spec.refersToPages)
        let meeting = try Meeting.load(Self.committee)
        // (The public edition masks the names in the bill's title; its pages are the same.)
        for edition in [Edition.official] {
            let document = try Composer(for: spec).minutes(meeting, spec: spec, edition: edition)
            let sections = document.pages.flatMap { page in page.frame.sections.map { ($0.title, page.label) } }
            let first = squeezed(document.text[0])
            let titles = meeting.agenda.map { squeezed($0.title) }
            var pages: [String] = []
            for (i, title) in titles.enumerated() {
                // The page follows the item's title (and its sub-items), before the next item.
                guard let at = first.range(of: title, options: .backwards) else { Issue.record("\(title) not on page 1"); continue }
                let end = i + 1 < titles.count ? first.range(of: titles[i + 1], options: .backwards)?.lowerBound ?? first.endIndex
                                               : first.range(of: "(10시", range: at.upperBound..<first.endIndex)?.lowerBound ?? first.endIndex
                let page = try #require(sections.first { squeezed($0.0).contains(title) }?.1, "no heading for \(title)")
                pages.append(page)
                let segment = first[at.upperBound..<end]
                let next = i + 1 < titles.count ? "\(i + 2)." : ""
                #expect(segment.hasSuffix(page + next), "\(title): '\(segment)' should end in \(page)\(next)")
            }
            #expect(Set(pages).count >= 2 && pages != pages.map { _ in "1" }, "the items are taken up over pages: \(pages)")
        }
    }

    @Test("a layout that prints no page in its body is laid out once: the plenary's and the seed's")
    func onlyWhenPrinted() throws {
        for name in ["council-plenary", "minutes", "summary"] {
            #expect(!(try Spec.load(repoRoot.appendingPathComponent("layouts/\(name).yaml")).refersToPages), "\(name)")
        }
    }
}

@Suite("EndToEnd: hanji signin for the other kinds")
struct KindSigninTests {
    @Test("the sign-in sheet of a summary record has a row per attendee; a plenary's, per listed person")
    func rows() throws {
        try withTempDir { dir in
            for (example, names) in [("examples/jumin-2026/summary-0807.yaml", ["김하늘", "서유나"]),
                                     ("examples/solbit-council-2026/plenary-0720.yaml", ["윤석재", "하윤철"])] {
                let pdf = dir.appendingPathComponent("s.pdf")
                let out = run(["signin", repoRoot.appendingPathComponent(example).path, "-o", pdf.path])
                #expect(out.status == 0, "\(out)")
                let text = try pdfText(pdf)
                for name in names { #expect(text.contains(name), "\(example): \(name) has no row") }
            }
        }
    }
}
