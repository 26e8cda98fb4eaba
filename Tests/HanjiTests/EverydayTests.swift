// The everyday documents of an officer's week: `hanji signin` (the 참석자 서명부 printed before a meeting).
//
// Build first: swift build --build-tests; then: swift test --skip-build --filter Everyday
import Foundation
import HanjiModel
import Testing

@Suite("Everyday documents")
struct EverydayTests {
    /// The sign-in sheet of `record` as text, with the CLI's outcome.
    func signin(_ record: URL, in dir: URL, extra: [String] = []) throws -> (text: String, result: (status: Int32, stdout: String, stderr: String)) {
        let pdf = dir.appendingPathComponent("signin.pdf")
        let result = run(["signin", record.path, "-o", pdf.path] + extra)
        try #require(result.status == 0, "\(result)")
        return (try pdfText(pdf), result)
    }

    @Test("signin prints the title, the 공문서 date and every attendee's name, in order")
    func signinNames() throws {
        try withTempDir { dir in
            let meeting = try Meeting.load(exampleRecord)
            let (text, _) = try signin(exampleRecord, in: dir)
            #expect(text.contains("참석자 서명부"))
            #expect(text.contains("2018. 11. 22.(목) 18:30"), "\(text)")
            #expect(text.contains("한우리카페 공용테이블") && text.contains("분과실무협의회 14차 회의"))
            var rest = Substring(text)
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
            text = text.replacingOccurrences(of: "attendance:", with: "attendance:\n  - group: 추가분과\n    members:\n\(members)")
            let record = dir.appendingPathComponent("long.yaml")
            try text.write(to: record, atomically: true, encoding: .utf8)
            let (printed, _) = try signin(record, in: dir)
            let pages = printed.split(separator: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            #expect(pages.count >= 3, "\(pages.count) pages")
            for (index, page) in pages.enumerated() {
                #expect(page.contains("순번") && page.contains("서명") && page.contains("성명"), "page \(index + 1) has no header row")
            }
            for n in 1...60 { #expect(printed.contains("위원\(n)호"), "위원\(n)호 missing") }
        }
    }

    @Test("signin --public masks every name")
    func signinPublic() throws {
        try withTempDir { dir in
            let meeting = try Meeting.load(exampleRecord)
            let (text, _) = try signin(exampleRecord, in: dir, extra: ["--public"])
            for name in meeting.members.compactMap(\.name) { #expect(!text.contains(name), "\(name) printed in the public edition") }
            #expect(text.contains("ㅇㅇㅇ") && text.contains("참석자 서명부"))
        }
    }
}
