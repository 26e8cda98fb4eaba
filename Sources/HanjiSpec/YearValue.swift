import HanjiModel

extension Year {
    /// The year as the spec sees it: `year`, `organisation`, `subcommittees` (with `members`),
    /// `members` (everyone, with `group`), `projects`, `event` and `meetings`.
    public var value: Value {
        func text(_ s: String?) -> Value { .text(s ?? "") }
        let org: Value = .map([("name", .text(organisation.name)), ("district", text(organisation.district)),
                               ("issuer", .text(organisation.issuer)), ("seal", text(organisation.seal)),
                               ("office", text(organisation.office))])
        let groups: [Value] = subcommittees.map { s in
            .map([("name", .text(s.name)), ("members", .list(s.members.map(\.value)))])
        }
        let works: [Value] = projects.map { p in
            .map([("title", .text(p.title)), ("subcommittee", .text(p.subcommittee)),
                  ("budget", p.budget.map(Value.number) ?? .null), ("summary", text(p.summary))])
        }
        return .map([("year", .number(year)), ("organisation", org), ("subcommittees", .list(groups)),
                     ("members", .list(members.map(\.value))), ("projects", .list(works)),
                     ("event", event?.value ?? .null), ("meetings", .list(meetings.map(\.value))), ("stats", stats),
                     ("booklet", book.map { b in
                         .map([("title", .text(b.title)), ("subtitle", text(b.subtitle)), ("cover", text(b.cover)),
                               ("foreword", .list(b.foreword.map(Value.text))), ("signed", text(b.signed)),
                               ("published", b.published.map(Value.day) ?? .null)])
                     } ?? .null)])
    }

    /// Figures for the booklet's charts and tables:
    /// - `stats.meetings`: per meeting `label` (11차; 협치분과 3차 when the year has several bodies),
    ///   `body`, `title` (제11차 분과실무협의회), `date`, `place`, counts per status, `전체`, `rate` (% present);
    /// - `stats.body`: the body that held every meeting, or nothing when several did;
    ///   `stats.bodies`: each body (`name`, `count` of meetings) in the order of its first meeting;
    /// - `stats.subcommittees`: per group of the attendance `name`, `present`, `rows`, `rate`;
    /// - `stats.months`: `month` (1월 … 12월) and `meetings` held;
    /// - `stats.count`, `stats.rate` (over the year), `stats.projects`, `stats.budget` (won).
    public var stats: Value {
        func percent(_ part: Int, _ whole: Int) -> Int {
            whole == 0 ? 0 : Int((Double(part) * 100 / Double(whole)).rounded())
        }
        var bodies: [String] = []
        for m in meetings where !bodies.contains(m.body) { bodies.append(m.body) }
        let perMeeting: [Value] = meetings.map { m in
            // A committee's minutes have no meeting number (제N차): the date stands for it.
            let nth = m.number > 0 ? "\(m.number)차" : "\(m.date.month)월 \(m.date.day)일"
            let label = bodies.count > 1 ? "\(m.body) \(nth)" : nth
            var fields: [(String, Value)] = [("label", .text(label)), ("body", .text(m.body)),
                                             ("title", .text(m.number > 0 ? "제\(m.number)차 \(m.body)" : m.body)),
                                             ("number", m.number > 0 ? .number(m.number) : .null),
                                             ("date", .day(m.date)), ("place", .text(m.place))]
            fields += Status.allCases.map { ($0.rawValue, .number(m.count($0))) }
            fields += [("전체", .number(m.members.count)), ("rate", .number(percent(m.present, m.members.count)))]
            return .map(fields)
        }
        var order: [String] = []
        var present: [String: Int] = [:], rows: [String: Int] = [:]
        for meeting in meetings {
            for m in meeting.members {
                if rows[m.group] == nil { order.append(m.group) }
                rows[m.group, default: 0] += 1
                if m.status == meeting.statuses[0] { present[m.group, default: 0] += 1 }
            }
        }
        let groups: [Value] = order.map { g in
            .map([("name", .text(g)), ("present", .number(present[g] ?? 0)), ("rows", .number(rows[g] ?? 0)),
                  ("rate", .number(percent(present[g] ?? 0, rows[g] ?? 0)))])
        }
        let months: [Value] = (1...12).map { month in
            .map([("month", .text("\(month)월")),
                  ("meetings", .number(meetings.filter { $0.date.month == month }.count))])
        }
        let all = meetings.flatMap(\.members)
        let held: [Value] = bodies.map { b in
            .map([("name", .text(b)), ("count", .number(meetings.filter { $0.body == b }.count))])
        }
        return .map([("meetings", .list(perMeeting)), ("body", .text(bodies.count == 1 ? bodies[0] : "")),
                     ("bodies", .list(held)), ("subcommittees", .list(groups)), ("months", .list(months)),
                     ("count", .number(meetings.count)),
                     ("rate", .number(percent(meetings.map(\.present).reduce(0, +), all.count))),
                     ("projects", .number(projects.count)),
                     ("budget", .number(projects.compactMap(\.budget).reduce(0, +)))])
    }
}
