import HanjiModel

/// The fields a record of one kind can ever have, whatever one record holds: the names a
/// spec's templates may use. A field one record leaves out (no `next` this time) is in the
/// shape; a misspelt one (`next.titel`) is in no record's. Mirrors `Meeting.value` and
/// `Year.value`; a test holds every example's value to it.
public indirect enum Shape: Sendable {
    /// Text, a number, a date or a time: nothing below it.
    case leaf
    /// Items of one shape.
    case list(Shape)
    /// Named fields.
    case map([String: Shape])
    /// Fields the record names (the roles of `approval`), each of one shape.
    case keyed(Shape)
    /// Anything at all.
    case any

    /// A map whose fields are all leaves.
    static func leaves(_ names: [String]) -> Shape { .map(Dictionary(uniqueKeysWithValues: names.map { ($0, .leaf) })) }

    /// This map with `more` fields (those of `more` win).
    func adding(_ more: [String: Shape]) -> Shape {
        guard case .map(let fields) = self else { return self }
        return .map(fields.merging(more) { $1 })
    }

    /// The fields of a map, sorted (for suggestions that do not change from run to run).
    var names: [String] {
        if case .map(let fields) = self { return fields.keys.sorted() }
        return []
    }
}

extension Shape {
    /// A member of the attendance grid or a subcommittee, and a transcript's speaker.
    static let member = leaves(["group", "role", "name", "title", "status", "org"])

    /// A turn of a transcript (`Turn.fields`).
    static let turn: [String: Shape] = ["speaker": member, "label": .leaf, "paragraphs": .list(.leaf), "opening": .leaf,
                                        "more": .list(.leaf)]

    /// An agenda item as a list of items names it (`AgendaItem.heading`).
    static let heading = leaves(["title", "number", "mark", "page"]).adding(["items": .list(leaves(["mark", "title"]))])

    /// An agenda item with what was said under it (`AgendaItem.value`).
    static let item = heading.adding([
        "notes": .list(note()),
        "appendix": leaves(["title"]).adding(["items": .list(.leaf)]),
        "transcript": .list(.map(turn)),
        "event": event,
    ])

    /// An outline item: a text, or `text` with `items`, or a `note`.
    static func note(depth: Int = 6) -> Shape {
        leaves(["text", "note"]).adding(["items": .list(depth > 0 ? note(depth: depth - 1) : .any)])
    }

    /// A showcase event (`Event.value`).
    static let event = leaves(["title", "subtitle", "date", "start", "end", "venue", "address", "audience", "host",
                               "organiser"])
        .adding(["program": .list(.leaf), "order": .list(leaves(["start", "end", "title", "by"])),
                 "presenters": .list(leaves(["group", "project", "name", "role"]))])

    /// The status counts of a meeting: 참석, 위임, 불참, and 전체.
    static var statuses: [String] { Status.allCases.map(\.rawValue) + ["전체"] }

    /// A meeting record as `Meeting.value` gives it.
    public static let meeting = leaves(["body", "number", "date", "weekday", "time", "end", "place", "written",
                                        "remarks"])
        .adding([
            "recorder": leaves(["name", "role"]), "confirmer": leaves(["name", "role"]),
            "approval": .keyed(leaves(["mark", "unsigned"])),
            "attendance": .list(leaves(["group", "count"]).adding([
                "members": .list(member),
                "statuses": .list(leaves(["status", "count"]).adding(["members": .list(member)])),
                "orgs": .list(leaves(["org"]).adding(["members": .list(member)])),
                "roles": .list(.leaf),
            ])),
            // Statuses are the body's own (`statuses:`), so any name may follow `totals.`.
            "members": .list(member), "totals": .keyed(.leaf), "present": .leaf,
            "agenda": .list(item), "schedule": .list(heading),
            // The verbatim kinds (council-plenary, committee).
            "session": leaves(["number", "kind", "of"]), "issue": .leaf, "office": .leaf, "banner": .leaf,
            "statuses": .list(leaves(["status", "count"])), "chair": member, "speakers": .list(member),
            "transcript": .list(leaves(["kind", "text", "time", "note"]).adding(turn).adding([
                "items": .list(heading), "from": member, "to": member,
            ])),
            "summary": .list(.leaf), "next": leaves(["title", "date", "time", "clock12"]),
            "photos": .list(leaves(["file", "caption"])),
            // A summary record (요약형): `layout: summary`.
            "layout": .leaf, "clock12": .leaf, "roll": .leaf,
            "attendees": .list(leaves(["name", "role"])),
            "reports": .list(leaves(["title"]).adding(["notes": .list(note()), "rows": .list(.keyed(.leaf))])),
            "decisions": .list(leaves(["title", "kind", "background", "decision", "followup"])
                .adding(["opinions": .list(.leaf)])),
        ])

    /// A year record as `Year.value` gives it.
    public static let year = leaves(["year"]).adding([
        "organisation": leaves(["name", "district", "issuer", "seal", "office"]),
        "subcommittees": .list(leaves(["name"]).adding(["members": .list(member)])),
        "members": .list(member),
        "projects": .list(leaves(["title", "subcommittee", "budget", "summary"])),
        "event": event, "meetings": .list(meeting),
        "stats": leaves(["count", "rate", "projects", "budget", "body"]).adding([
            "meetings": .list(leaves(["label", "body", "title", "number", "date", "place", "rate"] + statuses)),
            "bodies": .list(leaves(["name", "count"])),
            "subcommittees": .list(leaves(["name", "present", "rows", "rate"])),
            "months": .list(leaves(["month", "meetings"])),
        ]),
        "booklet": leaves(["title", "subtitle", "cover", "signed", "published"]).adding(["foreword": .list(.leaf)]),
    ])

    /// What a running header or footer adds: `{page}`, `{pages}`, `{section}` and `{label}`.
    public static let running = leaves(["page", "pages", "section", "label"])

    /// The fields of a document a spec's `document:` names (with `public` where the document
    /// has a public edition), or nil for a kind Hanji does not know.
    static func document(_ kind: String) -> Shape? {
        switch kind {
        case "minutes", "signin":
            return meeting.adding(["public": .leaf])
        case "program":
            return year
        case "certificate", "certificates":
            // A recipient may come from a roster, whose every column is a field: any name goes.
            return year.adding(["recipient": .any, "n": .leaf])
        case "booklet":
            return year.adding(["public": .leaf, "contents": .list(leaves(["title", "level", "page", "target"]))])
        default:
            return nil
        }
    }
}
