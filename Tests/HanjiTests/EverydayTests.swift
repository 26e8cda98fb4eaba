// The two everyday documents of an officer's week: `hanji new` (the next meeting's record,
// started from the last) and `hanji signin` (the 참석자 서명부 printed before a meeting).
//
// Build first: swift build --build-tests; then: swift test --skip-build --filter Everyday
import Foundation
import HanjiModel
import HanjiTestSupport
import Testing

@Suite("Everyday documents")
struct EverydayTests {
    /// minutes-14 copied into `dir`, its `next:` given a date when `next` is set.
    func previous(in dir: URL, next: String? = "2018-12-20") throws -> URL {
        var text = try String(contentsOf: exampleRecord, encoding: .utf8)
        if let next {
            text = text.replacingOccurrences(of: "  title: 2018 영등포 협치분과 성과공유회   # the minutes give no date here",
                                             with: "  title: 2018 영등포 협치분과 성과공유회\n  date: \(next)")
        }
        let url = dir.appendingPathComponent("minutes-14.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("new: number + 1, the date from next:, statuses cleared, agenda empty, and it passes check")
    func newRecord() throws {
        try withTempDir { dir in
            let from = try previous(in: dir)
            let result = run(["new", from.path])
            #expect(result.status == 0, "\(result)")
            let made = dir.appendingPathComponent("minutes-15.yaml")
            #expect(result.stdout.contains(made.path) && result.stdout.contains("hanji signin"), "\(result.stdout)")
            let meeting = try Meeting.load(made)
            let last = try Meeting.load(from)
            #expect(meeting.number == 15)
            #expect(meeting.date == Day(year: 2018, month: 12, day: 20))
            #expect(meeting.members.map(\.name) == last.members.map(\.name))
            #expect(meeting.members.map(\.title) == last.members.map(\.title))
            #expect(meeting.members.allSatisfy { $0.status == nil })
            #expect(meeting.agenda.isEmpty && meeting.summary.isEmpty && meeting.photos.isEmpty && meeting.next == nil)
            #expect(meeting.place == last.place && meeting.time == last.time && meeting.body == last.body)
            let text = try String(contentsOf: made, encoding: .utf8)
            #expect(text.contains("# - title:"), "the agenda is a commented skeleton to fill in")
            let check = run(["check", made.path])
            #expect(check.status == 0 && !check.stderr.contains("error"), "\(check)")
            // The minutes print from it as it is: a blank form.
            let minutes = run(["minutes", made.path, "-o", dir.appendingPathComponent("m.pdf").path])
            #expect(minutes.status == 0, "\(minutes)")
        }
    }

    @Test("minutes of a record whose statuses are still empty warn, and stop under --strict; signin does not")
    func emptyStatusesWarn() throws {
        try withTempDir { dir in
            let from = try previous(in: dir)
            #expect(run(["new", from.path]).status == 0)
            let made = dir.appendingPathComponent("minutes-15.yaml").path
            let minutes = run(["minutes", made, "-o", dir.appendingPathComponent("m.pdf").path])
            #expect(minutes.status == 0 && minutes.stderr.contains("warning: 13 attendees have no status"), "\(minutes)")
            let strict = run(["minutes", made, "--strict", "-o", dir.appendingPathComponent("s.pdf").path])
            #expect(strict.status == 1, "\(strict)")
            let signin = run(["signin", made, "--strict", "-o", dir.appendingPathComponent("t.pdf").path])
            #expect(signin.status == 0 && signin.stderr.isEmpty, "\(signin)")
        }
    }

    @Test("new never overwrites: exit 1 naming the existing file, which is left as it was")
    func newRefusesToOverwrite() throws {
        try withTempDir { dir in
            let from = try previous(in: dir)
            let made = dir.appendingPathComponent("minutes-15.yaml")
            try "keep me\n".write(to: made, atomically: true, encoding: .utf8)
            let result = run(["new", from.path])
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains(made.path) && result.stderr.contains("already exists"), "\(result.stderr)")
            #expect(try String(contentsOf: made, encoding: .utf8) == "keep me\n")
        }
    }

    @Test("new without a next date, in a script: exit 1 asking for --date; with it, that date")
    func newNeedsDate() throws {
        try withTempDir { dir in
            let from = try previous(in: dir, next: nil)
            let result = run(["new", from.path])
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("--date YYYY-MM-DD"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("minutes-15.yaml").path))
            let next = dir.appendingPathComponent("next.yaml")
            let given = run(["new", from.path, "--date", "2019-01-17", "-o", next.path])
            #expect(given.status == 0, "\(given)")
            #expect(try Meeting.load(next).date == Day(year: 2019, month: 1, day: 17))
        }
    }

    @Test("new writes back texts YAML would misread (a colon, a leading symbol, a number) as they were")
    func newQuotes() throws {
        try withTempDir { dir in
            var text = try String(contentsOf: try previous(in: dir), encoding: .utf8)
            text = text.replacingOccurrences(of: "place: 한우리카페 공용테이블", with: "place: \"회의실: 3층 #2\"")
                .replacingOccurrences(of: "      - role: 팀장", with: "      - role: \"2019\"")
                .replacingOccurrences(of: "        name: 하늬솔", with: "        name: \"[하늬솔] \\\"솔\\\"\"")
            let from = dir.appendingPathComponent("minutes-14.yaml")
            try text.write(to: from, atomically: true, encoding: .utf8)
            let last = try Meeting.load(from)
            let result = run(["new", from.path])
            #expect(result.status == 0, "\(result)")
            let made = try Meeting.load(dir.appendingPathComponent("minutes-15.yaml"))
            #expect(made.place == last.place && made.place == "회의실: 3층 #2")
            #expect(made.members.map(\.role) == last.members.map(\.role))
            #expect(made.members.map(\.name) == last.members.map(\.name))
        }
    }

    @Test("new lists the record in the year.yaml beside it, after the last one")
    func newListsInYear() throws {
        try withTempDir { dir in
            let from = try previous(in: dir)
            let before = "year: 2018\nmeetings:            # the records\n  - minutes-14.yaml   # last\n"
            let year = before + "booklet: {title: x}\n"
            try year.write(to: dir.appendingPathComponent("year.yaml"), atomically: true, encoding: .utf8)
            let result = run(["new", from.path])
            #expect(result.status == 0, "\(result)")
            let after = try String(contentsOf: dir.appendingPathComponent("year.yaml"), encoding: .utf8)
            #expect(after == before + "  - minutes-15.yaml\nbooklet: {title: x}\n")
            // A meeting of the next year is not listed in this one: the line is told instead.
            let next = run(["new", dir.appendingPathComponent("minutes-15.yaml").path, "--date", "2019-01-17"])
            #expect(next.status == 0 && next.stdout.contains("is the year 2018"), "\(next)")
            #expect(try String(contentsOf: dir.appendingPathComponent("year.yaml"), encoding: .utf8) == after)
        }
    }

    /// The sign-in sheet of `record` as text, with the CLI's outcome.
    func signin(_ record: URL, in dir: URL, extra: [String] = []) throws -> String {
        let pdf = dir.appendingPathComponent("signin.pdf")
        let result = run(["signin", record.path, "-o", pdf.path] + extra)
        try #require(result.status == 0, "\(result)")
        return try pdfText(pdf)
    }

    @Test("signin prints the title, the 공문서 date and every attendee's name, in order")
    func signinNames() throws {
        try withTempDir { dir in
            let meeting = try Meeting.load(exampleRecord)
            let text = try signin(exampleRecord, in: dir)
            #expect(text.contains("참석자 서명부"))
            #expect(text.contains("2018. 11. 22.(목) 18:30"), "\(text)")
            #expect(text.contains("한우리카페 공용테이블") && text.contains("분과실무협의회 14차 회의"))
            var rest = Substring(text)
            #expect(meeting.members.compactMap(\.name).count >= 10)
            for name in meeting.members.compactMap(\.name) {
                let found = rest.range(of: name)
                #expect(found != nil, "\(name) missing or out of order")
                if let found { rest = rest[found.upperBound...] }
            }
        }
    }

    @Test("signin splits 60 attendees over pages, the header row on each")
    func signinLongList() throws {
        try withTempDir { dir in
            var text = try String(contentsOf: exampleRecord, encoding: .utf8)
            let members = (1...60).map { "      - {role: 분과위원, name: 위원\($0)호, status: 참석}" }.joined(separator: "\n")
            let group = "attendance:\n  - group: 추가분과\n    members:\n\(members)"
            text = text.replacingOccurrences(of: "attendance:", with: group)
            let record = dir.appendingPathComponent("long.yaml")
            try text.write(to: record, atomically: true, encoding: .utf8)
            let printed = try signin(record, in: dir)
            let pages = printed.split(separator: "\u{0C}")
                .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            #expect(pages.count >= 3, "\(pages.count) pages")
            for (index, page) in pages.enumerated() {
                let header = page.contains("순번") && page.contains("서명") && page.contains("성명")
                #expect(header, "page \(index + 1) has no header row")
            }
            for n in 1...60 { #expect(printed.contains("위원\(n)호"), "위원\(n)호 missing") }
        }
    }

    @Test("signin --public masks every name")
    func signinPublic() throws {
        try withTempDir { dir in
            let meeting = try Meeting.load(exampleRecord)
            let text = try signin(exampleRecord, in: dir, extra: ["--public"])
            #expect(meeting.members.compactMap(\.name).count >= 10)
            for name in meeting.members.compactMap(\.name) {
                #expect(!text.contains(name), "\(name) printed in the public edition")
            }
            #expect(text.contains("ㅇㅇㅇ") && text.contains("참석자 서명부"))
        }
    }
}
