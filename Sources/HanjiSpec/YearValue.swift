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
                     ("event", event?.value ?? .null), ("meetings", .list(meetings.map(\.value)))])
    }
}
