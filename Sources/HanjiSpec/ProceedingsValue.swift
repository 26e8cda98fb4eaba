import HanjiModel

extension Meeting {
    /// The fields of the verbatim kinds as the spec sees them: `session` (number, kind, of),
    /// `issue`, `office`, `banner`, `statuses` (status, count), `chair`, `speakers`, `schedule`
    /// (the agenda items on the 의사일정) and `transcript`, whose entries each have a `kind`:
    /// `turn` (speaker, label, paragraphs, opening, more), `items` (the agenda items taken up),
    /// `stage` (text), `time` (time, note) or `chair` (from, to).
    var proceedingsFields: [(String, Value)] {
        func text(_ s: String?) -> Value { s.map(Value.text) ?? .null }
        let session: Value = self.session.map { s in
            .map([("number", .number(s.number)), ("kind", text(s.kind)), ("of", .text(s.of ?? body))])
        } ?? .null
        let entries: [Value] = transcript.map { entry in
            switch entry {
            case .turn(let turn):
                return .map([("kind", .text("turn"))] + turn.fields)
            case .items(let places):
                return .map([("kind", .text("items")), ("items", .list(places.map { agenda[$0].heading }))])
            case .stage(let stage):
                return .map([("kind", .text("stage")), ("text", .text(stage))])
            case .time(let clock, let note):
                return .map([("kind", .text("time")), ("time", .clock(clock)), ("note", text(note))])
            case .chair(let from, let to):
                return .map([("kind", .text("chair")), ("from", from.value), ("to", to.value)])
            }
        }
        return [
            ("session", session), ("issue", issue.map(Value.number) ?? .null),
            ("office", text(office)), ("banner", text(banner)),
            ("statuses", .list(statuses.map { .map([("status", .text($0.rawValue)), ("count", .number(count($0)))]) })),
            ("chair", chair?.value ?? .null),
            ("speakers", .list(speakers.map(\.value))),
            ("schedule", .list(agenda.filter(\.scheduled).map(\.heading))),
            ("transcript", .list(entries)),
        ]
    }
}

extension Turn {
    /// A turn's fields: `speaker`, `label` (as printed: 의장 김하늘), `paragraphs`, and the
    /// first paragraph apart from the others (`opening`, `more`), for a turn whose first line
    /// starts with the speaker.
    var fields: [(String, Value)] {
        [("speaker", speaker.value), ("label", .text(label)), ("paragraphs", .list(paragraphs.map(Value.text))),
         ("opening", paragraphs.first.map(Value.text) ?? .text("")),
         ("more", .list(paragraphs.dropFirst().map(Value.text)))]
    }
}

extension AgendaItem {
    /// The letters that mark sub-items: 가. 나. 다. …
    static let letters = Array("가나다라마바사아자차카타파하")

    /// The item as a list of items shows it (`schedule`, an `items` heading of a transcript):
    /// `title`, `number`, `mark`, `items` and `page`, without what was said under it (a long
    /// record's transcript is not copied into every list that names its items).
    var heading: Value {
        let subs: [Value] = items.enumerated().map { i, sub in
            let letter = i < AgendaItem.letters.count ? "\(AgendaItem.letters[i])." : "\(i + 1))"
            return .map([("mark", .text(sub.marker ?? letter)), ("title", .text(sub.title))])
        }
        return .map([("title", .text(title)), ("number", number.map(Value.number) ?? .null),
                     ("mark", .text(marker ?? number.map { "\($0)." } ?? "")), ("items", .list(subs)),
                     ("page", .text(""))])
    }

    /// An agenda item as the spec sees it: `title`, `number`, `mark` (its marker, or `N.`),
    /// `items` (sub-items: mark 가., title), `notes`, `appendix`, `transcript`, `event`, and
    /// `page`, where the transcript takes it up (filled in when the layout prints it).
    public var value: Value {
        guard case .map(let head) = heading else { return heading }
        return .map(head + [
                     ("notes", .list(notes.map(\.value))),
                     ("appendix", appendix.map { a in
                         .map([("title", .text(a.title)), ("items", .list(a.items.map(Value.text)))])
                     } ?? .null),
                     ("transcript", .list(transcript.map { .map($0.fields) })),
                     ("event", event.map(\.value) ?? .null)])
    }
}

extension Group {
    /// A group of the attendance as the spec sees it: `group`, `members`, `count`, `statuses`
    /// (each status with members: status, count, members), `orgs` (org, members) in the
    /// order they first appear, and `roles` (the members' 직위, empty for a list of names).
    func value(statuses: [Status]) -> Value {
        let byStatus: [Value] = statuses.compactMap { status in
            let with = members.filter { $0.status == status }
            return with.isEmpty ? nil : .map([("status", .text(status.rawValue)), ("count", .number(with.count)),
                                              ("members", .list(with.map(\.value)))])
        }
        var orgs: [String] = []
        for m in members where !orgs.contains(m.org ?? "") { orgs.append(m.org ?? "") }
        let byOrg: [Value] = orgs.map { org in
            .map([("org", .text(org)), ("members", .list(members.filter { ($0.org ?? "") == org }.map(\.value)))])
        }
        let roles = members.map(\.role).filter { !$0.isEmpty }
        return .map([("group", .text(name)), ("members", .list(members.map(\.value))),
                     ("count", .number(members.count)),
                     ("statuses", .list(byStatus)), ("orgs", .list(byOrg)), ("roles", .list(roles.map(Value.text)))])
    }
}
