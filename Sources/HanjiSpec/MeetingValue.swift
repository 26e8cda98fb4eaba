import HanjiModel

extension Meeting {
    /// The meeting as the spec sees it, with computed fields: `title`, `members` (numbered rows
    /// of the attendance grid), `totals` per status, and each agenda item's position.
    public var value: Value {
        func person(_ name: String?, _ role: String) -> Value {
            .map([("name", name.map(Value.text) ?? .text("")), ("role", .text(role))])
        }
        // approval.ROLE.mark prints 전결 or 대결; approval.ROLE.unsigned is set when no one signs.
        let signs: Value = .map(approval.map { role, sign -> (String, Value) in
            let mark: Value = sign == .none ? .null : .text(sign.rawValue)
            let unsigned: Value = sign == .none ? .text(sign.rawValue) : .null
            return (role, .map([("mark", mark), ("unsigned", unsigned)]))
        })
        let groups: [Value] = attendance.map { $0.value(statuses: statuses) }
        var totals: [(String, Value)] = statuses.map { ($0.rawValue, .number(count($0))) }
        totals.append(("전체", .number(members.count)))
        return .map(summaryFields + proceedingsFields + [
            ("body", .text(body)), ("number", number == 0 ? .null : .number(number)), ("date", .day(date)),
            ("weekday", .text(date.weekday)),
            ("time", time.map(Value.clock) ?? .null), ("end", end.map(Value.clock) ?? .null),
            ("place", .text(place)), ("recorder", person(recorder.name, recorder.role)),
            ("confirmer", confirmer.map { person($0.name, $0.role) } ?? .null), ("written", .day(written)),
            ("approval", signs),
            ("attendance", .list(groups)),
            ("members", .list(members.map(\.value))),
            ("totals", .map(totals)), ("present", .number(present)),
            ("agenda", .list(agenda.map(\.value))),
            ("summary", .list(summary.map(Value.text))),
            ("next", next.map { n in
                .map([("title", .text(n.title)), ("date", n.date.map(Value.day) ?? .null),
                      ("time", n.time.map(Value.clock) ?? .null),
                      ("clock12", n.time.map { .text($0.twelveHour) } ?? .null)])
            } ?? .null),
            ("photos", .list(photos.map { .map([("file", .text($0.file)), ("caption", .text($0.caption))]) })),
            ("remarks", .text(remarks)),
        ])
    }
}

extension Note {
    /// An outline entry as the spec sees it: a text, or `text` with `items`, or a `note`.
    public var value: Value {
        switch self {
        case .item(let text, let items):
            return items.isEmpty ? .text(text) : .map([("text", .text(text)), ("items", .list(items.map(\.value)))])
        case .remark(let text):
            return .map([("note", .text(text))])
        }
    }
}

extension Member {
    /// A member as the spec sees it: group, role, name, title (the role when none), status
    /// (empty when not recorded yet) and org.
    public var value: Value {
        .map([("group", .text(group)), ("role", .text(role)), ("name", .text(name ?? "")),
              ("title", .text(title ?? role)), ("status", .text(status?.rawValue ?? "")), ("org", .text(org ?? ""))])
    }
}

extension Event {
    /// An event as the spec sees it, with its running order (`order`: start, end, title, by).
    public var value: Value {
        func text(_ s: String?) -> Value { .text(s ?? "") }
        func clock(_ c: Clock?) -> Value { c.map(Value.clock) ?? .null }
        return .map([("title", .text(title)), ("subtitle", text(subtitle)), ("date", .day(date)),
                     ("start", clock(start)), ("end", clock(end)), ("venue", .text(venue)), ("address", text(address)),
                     ("audience", text(audience)),
                     ("host", text(host)), ("organiser", text(organiser)),
                     ("program", .list(program.map(Value.text))),
                     ("order", .list(order.map { slot in
                         .map([("start", clock(slot.start)), ("end", clock(slot.end)), ("title", .text(slot.title)),
                               ("by", text(slot.by))])
                     })),
                     ("presenters", .list(presenters.map { p in
                         .map([("group", .text(p.group)), ("project", .text(p.project)), ("name", text(p.name)),
                               ("role", .text(p.role))])
                     }))])
    }
}
