import HanjiModel

extension Meeting {
    /// The fields of a summary record as the spec sees them: `layout`, `attendees` (name, role),
    /// `reports` (title, notes, rows: each row's columns by name), `decisions` (title, kind, background,
    /// opinions, decision, followup), `roll` (the attendees on one line, roles in parentheses) and `clock12`, the
    /// start time as `오후 3:30` (also `next.clock12`).
    var summaryFields: [(String, Value)] {
        func text(_ s: String?) -> Value { s.map(Value.text) ?? .null }
        return [
            ("layout", .text(layout)),
            ("clock12", time.map { .text($0.twelveHour) } ?? .null),
            ("roll", .text(attendees.map { $0.name + ($0.role.map { "(\($0))" } ?? "") }.joined(separator: ", "))),
            ("attendees", .list(attendees.map { .map([("name", .text($0.name)), ("role", text($0.role))]) })),
            ("reports", .list(reports.map { r in
                .map([("title", .text(r.title)), ("notes", .list(r.notes.map(\.value))),
                      ("rows", .list(r.rows.map { row in .map(row.map { ($0.column, .text($0.text)) }) }))])
            })),
            ("decisions", .list(decisions.map { d in
                .map([("title", .text(d.title)), ("kind", text(d.kind)), ("background", .text(d.background)),
                      ("opinions", .list(d.opinions.map(Value.text))), ("decision", .text(d.decision)),
                      ("followup", text(d.followup))])
            })),
        ]
    }
}

extension Clock {
    /// The time as a Korean document writes it: `오전 9:05`, `오후 3:30`, `낮 12:00` is `오후 12:00`.
    public var twelveHour: String {
        let hour = self.hour % 12 == 0 ? 12 : self.hour % 12
        let half = (12..<24).contains(self.hour) ? "오후" : "오전"
        return "\(half) \(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}
