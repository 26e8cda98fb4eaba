// The text of the next meeting's record: what carries over from the last one, the rest left
// empty with commented examples, and read back before it is written.
import Foundation
import HanjiModel

/// The next meeting's record as `hanji new` writes it.
struct NextRecord {
    let last: Meeting
    /// The last record's file name, and where the new date came from (for the comments).
    let previous: String
    let date: Day
    let dateSource: String

    /// The new meeting's number (제N차); none when the last had none (a committee's minutes).
    var number: Int { last.layout != "minutes" && last.number == 0 ? 0 : last.number + 1 }
    /// The planned time, else the last meeting's.
    var time: Clock? { last.next?.time ?? last.time }

    /// `minutes-NN.yaml`, NN zero-padded to as many digits as the last record's name ends with.
    static func fileName(after url: URL, number: Int) -> String {
        let base = url.deletingPathExtension().lastPathComponent
        let digits = base.reversed().prefix { $0.isASCII && $0.isNumber }.count
        let width = (1...4).contains(digits) ? digits : 2
        return "minutes-" + String(format: "%0\(width)d", number) + ".yaml"
    }

    /// The record's YAML, read back as Hanji reads it (a failure is Hanji's own mistake).
    func text(named name: String) throws -> String {
        let lines = last.layout == "minutes" ? lines(named: name) : kindLines(named: name)
        let text = lines.joined(separator: "\n") + "\n"
        let read = try Meeting.read(try Field.parse(text, file: name))
        guard read.number == number, read.date == date, read.members.count == last.members.count,
              read.layout == last.layout, read.attendees.count == last.attendees.count else {
            throw InternalError("the new record does not read back as written")
        }
        return text
    }

    func lines(named name: String) -> [String] {
        let y = NextRecord.scalar
        var out = [
            "# \(last.body) \(number)차 회의록: started by `hanji new` from \(previous) (\(last.number)차).",
            "#",
            "# Carried over from the last meeting (check them): body, time, place, recorder, attendees.",
            "# Fill in after the meeting: each attendee's status, the agenda with what was said, the",
            "# summary (주요 내용 and decisions), the next meeting, photos and remarks. Commented lines",
            "# show the form: remove the '# ' to use them. The full format, with every key explained,",
            "# is in examples/yeongdeungpo-2018/minutes-14.yaml.",
            "#   before the meeting:  hanji signin \(name)      (참석자 서명부, the sign-in sheet)",
            "#   after it:            hanji check \(name) && hanji minutes \(name)",
            "",
            "body: \(y(last.body))",
            "number: \(number)",
            c("date: \(date.recordText)", "\(dateSource)"),
        ]
        if let time { out.append(c("time: \"\(time.text)\"", "24-hour, quoted")) }
        out.append("place: \(y(last.place))")
        out += person("recorder", last.recorder)
        if let confirmer = last.confirmer { out += person("confirmer", confirmer) }
        if !last.approval.isEmpty {
            out.append(c("approval:", "결재: 전결 | 대결 | 없음; a role not named signs in person"))
            out += last.approval.map { "  \(y($0.role)): \($0.sign.rawValue)" }
        }
        out += ["", c("attendance:", "status: 참석 | 위임 | 불참, once the meeting is held")]
        for group in last.attendance {
            out += ["  - group: \(y(group.name))", "    members:"]
            for member in group.members {
                out.append("      - role: \(y(member.role))")
                if let name = member.name { out.append("        name: \(y(name))") }
                if let title = member.title { out.append("        title: \(y(title))") }
                out.append("        status:")
            }
        }
        let speaker = last.members.first { $0.title != nil }?.title ?? "협치조정관"
        out += [
            "",
            c("agenda:", "회의 안건: one entry per item, in order, for example"),
            "  # - title: 안건 제목",
            "  #   notes:                   # ○ a heading with - items; `note:` prints a ※ note",
            "  #     - text: 진행 경과",
            "  #       items:",
            "  #         - 세부 내용",
            "  #   transcript:              # `title: remark`, the title as in attendance",
            "  #     - \(y(speaker)): 발언 요지",
            "",
            c("summary:", "주요 내용: one ▸ bullet each, decisions too"),
            "  # - 주요 내용",
            "",
            "# next:                        # 다음 회의: `hanji new` takes the next record's date from here",
            "#   title: \(last.body) \(number + 1)차 회의",
            "#   date: YYYY-MM-DD",
            "",
            c("photos:", "JPEG or PNG files beside the record, with captions"),
            "  # - file: photos/meeting.jpg",
            "  #   caption: 회의 전경",
            c("remarks: \"\"", "비고"),
        ]
        return out
    }

    /// A line with a comment from column 32, as the example records write them.
    func c(_ line: String, _ comment: String) -> String {
        line.padding(toLength: max(line.count + 1, 31), withPad: " ", startingAt: 0) + "# " + comment
    }

    func person(_ key: String, _ person: Person) -> [String] {
        ["\(key):", "  role: \(NextRecord.scalar(person.role))"]
            + (person.name.map { ["  name: \(NextRecord.scalar($0))"] } ?? [])
    }

    /// A text as a YAML scalar: plain when YAML reads it back as the same text, else double-quoted.
    static func scalar(_ text: String) -> String {
        let special = "-?:,[]{}#&*!|>'\"%@`"
        let typed = text.allSatisfy { "0123456789.:+-_eE ".contains($0) }
            || ["true", "false", "yes", "no", "on", "off", "null", "~"].contains(text.lowercased())
        let plain = !text.isEmpty && !typed && text.trimmingCharacters(in: .whitespaces) == text
            && !special.contains(text.first!) && !text.hasSuffix(":") && !text.contains(": ") && !text.contains(" #")
            && !text.contains { $0.isNewline || $0 == "\t" || $0 == "\\" }
        if plain { return text }
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        return "\"\(escaped)\""
    }
}

/// A mistake of Hanji's own (exit 3), not of the input.
struct InternalError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
