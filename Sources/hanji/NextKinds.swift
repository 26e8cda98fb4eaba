// `hanji new` for a record printed by another layout than the seed's form (summary,
// council-plenary, committee): what carries over is that kind's identity and attendance.
import Foundation
import HanjiModel

extension NextRecord {
    /// The new record's file name beside a record of another kind: its name's stem (summary,
    /// plenary, committee) and the new meeting's month and day, as the examples are named.
    static func kindFileName(after url: URL, date: Day) -> String {
        let base = url.deletingPathExtension().lastPathComponent
        let stem = String(base.reversed().drop { $0.isASCII && $0.isNumber }.reversed())
        let prefix = stem.trimmingCharacters(in: CharacterSet(charactersIn: "-_"))
        return "\(prefix.isEmpty ? "minutes" : prefix)-\(String(format: "%02d%02d", date.month, date.day)).yaml"
    }

    /// The lines of the next record of a summary or verbatim kind.
    func kindLines(named name: String) -> [String] {
        let y = NextRecord.scalar
        let verbatim = last.layout != "summary"
        var out = [
            "# \(last.body) \(label): started by `hanji new` from \(previous).",
            "#",
            "# Carried over from the last meeting (check them): the layout, body, "
                + (verbatim ? "session, office, statuses, attendance, speakers and chair." : "place and attendees."),
            verbatim ? "# Fill in: the agenda and the transcript (see the examples/ records of this kind)."
                     : "# Fill in: the summary, reports, decisions and next meeting (see examples/jumin-2026).",
            "#   after the meeting:   hanji check \(name) && hanji minutes \(name)",
            "",
            "layout: \(last.layout)",
            "body: \(y(last.body))",
        ]
        if let s = last.session {
            let kind = s.kind.map { ", kind: \(y($0))" } ?? "", of = s.of.map { ", of: \(y($0))" } ?? ""
            out.append(c("session: {number: \(s.number)\(kind)\(of)}", "제N회: change it for a new session"))
        }
        if number > 0 { out.append("number: \(number)") }
        if let issue = last.issue { out.append(c("issue: \(issue + 1)", "제N호")) }
        if let office = last.office { out.append("office: \(y(office))") }
        out.append(c("date: \(date.recordText)", dateSource))
        if let time { out.append(c("time: \"\(time.text)\"", "24-hour, quoted")) }
        if !last.place.isEmpty { out.append("place: \(y(last.place))") }
        if !verbatim {
            out += ["", "attendees:"] + last.attendees.map { a in
                a.role.map { "  - {name: \(y(a.name)), role: \(y($0))}" } ?? "  - \(y(a.name))"
            }
            out += ["", "summary: []", "reports: []", "decisions: []"]
            return out
        }
        if last.statuses != Status.allCases {
            out.append("statuses: [\(last.statuses.map { y($0.rawValue) }.joined(separator: ", "))]")
        }
        out += ["", c("attendance:", "a name alone is \(last.statuses[0].rawValue); mark others with status:")]
        for group in last.attendance {
            out += ["  - group: \(y(group.name))", "    members:"]
            for m in group.members {
                let fields = [m.org.map { "org: \(y($0))" }, m.role.isEmpty ? nil : "role: \(y(m.role))",
                              m.name.map { "name: \(y($0))" }, m.title.map { "title: \(y($0))" }].compactMap { $0 }
                out.append(fields == [m.name.map { "name: \(y($0))" }] ? "      - \(y(m.name ?? ""))"
                                                                        : "      - {\(fields.joined(separator: ", "))}")
            }
        }
        if !last.speakers.isEmpty {
            out += ["", "speakers:"]
                + last.speakers.map { "  - {name: \(y($0.name ?? "")), title: \(y($0.title ?? $0.role))}" }
        }
        if let chair = last.chair {
            out += ["", "chair: {name: \(y(chair.name ?? "")), title: \(y(chair.title ?? chair.role))}"]
        }
        out += ["", c("agenda: []", "- title: 안건 제목 (numbered 1., 2. …)"),
                c("transcript: []", "- 의장: 발언, - stage: 의사봉 3타, - item: 1 …")]
        return out
    }

    /// How the new meeting is named in messages: 제2차 회의, or 제2호 for a committee.
    var label: String {
        if number > 0 { return "\(number)차 회의" }
        if let issue = last.issue { return "제\(issue + 1)호" }
        return "회의"
    }
}
