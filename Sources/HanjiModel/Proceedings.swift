import Foundation

/// The session a meeting belongs to: 제264회 솔빛시의회(임시회), 제357회국회(임시회․폐회중).
public struct Session: Sendable {
    /// 제N회.
    public var number: Int
    /// 임시회, 정례회, 임시회․폐회중 … as the body writes it.
    public var kind: String?
    /// The assembly holding the session (국회, 솔빛시의회); the meeting's body when not given.
    public var of: String?
}

/// One element of a verbatim transcript (`transcript:` at the top of a record), in the order
/// it happened: turns anywhere, agenda headings, stage directions, time marks, chair changes.
public enum Entry: Sendable {
    /// A speaker's turn.
    case turn(Turn)
    /// The agenda items taken up here (several when taken up together), by their place in `agenda`.
    case items([Int])
    /// A stage direction: `“예” 하는 의원 있음`, `의사봉 3타` (printed in parentheses by the layout).
    case stage(String)
    /// A time mark: `10시 09분 개의`, `11시17분`.
    case time(Clock, note: String?)
    /// 사회교대: from here the chair's title names `to`.
    case chair(from: Member, to: Member)
}

extension Meeting {
    /// The people who may speak: the attendance and the declared `speakers`.
    public var people: [Member] { members + speakers }

    /// Reads `session:`: a number (제264회) or `{number, kind, of}`.
    static func readSession(_ field: Field) throws -> Session {
        if case .scalar = field.node { return Session(number: try field.int(in: 1...9999), kind: nil, of: nil) }
        let f = try field.fields(["number", "kind", "of"])
        return Session(number: try f.required("number", hint: "add 'number: 264' (제264회)").int(in: 1...9999),
                       kind: try f["kind"]?.text(), of: try f["of"]?.text())
    }

    /// Reads `speakers:`, the people who speak without being in the attendance (a minister, a
    /// guest): each `{name, title}` with an optional `org`.
    static func readSpeaker(_ field: Field) throws -> Member {
        let f = try field.fields(["name", "title", "org"])
        let title = try f.required("title", hint: "add 'title:' as the transcript names them (부시장, 장관)").text()
        return Member(group: "", role: title, name: try f.required("name").text(), title: title, status: nil,
                      org: try f["org"]?.text())
    }

    /// Reads the top-level `transcript:`, resolving speakers against `people` and agenda
    /// references against `agenda`; the chair's title follows `chair:` and each 사회교대.
    static func readTranscript(_ field: Field, people: [Member], chair: Member?, agenda: [AgendaItem],
                               warnings: inout [InputError]) throws -> [Entry] {
        var chair = chair
        var entries: [Entry] = []
        for element in try field.list() {
            let read: Entry? = try Collector.attempt(nil) {
                if case .mapping = element.node {
                    let pairs = try element.pairs()
                    let keys = Set(pairs.map(\.key))
                    if keys.contains("time") {
                        let f = try element.fields(["time", "note"])
                        return .time(try f["time"]!.clock(), note: try f["note"]?.text())
                    }
                    if pairs.count == 1, let (key, value, _) = pairs.first {
                        switch key {
                        case "item":
                            let refs = (try? value.list()) ?? [value]
                            return .items(try refs.map { try Meeting.agendaIndex($0, in: agenda) })
                        case "stage":
                            return .stage(Meeting.unwrapped(try value.text()))
                        case "chair":
                            let to = try Meeting.person(value, in: people)
                            guard let from = chair else {
                                throw value.error("'chair' changes who presides, but the record names no one",
                                                  hint: "add 'chair: NAME' at the top "
                                                      + "(who presides when the meeting opens)")
                            }
                            chair = Member(group: to.group, role: to.role, name: to.name,
                                           title: from.title ?? from.role, status: to.status, org: to.org)
                            let own = people.first { $0.name == from.name } ?? from
                            return .chair(from: own, to: to)
                        default: break
                        }
                    }
                }
                return .turn(try readTurn(element, members: people, chair: chair, warnings: &warnings))
            }
            if let read { entries.append(read) }
        }
        return entries
    }

    /// The place in `agenda` of the item `ref` names: its number (`item: 2`), or for an item
    /// with its own marker, the marker or the title (`item: ○`).
    static func agendaIndex(_ ref: Field, in agenda: [AgendaItem]) throws -> Int {
        let text = try ref.text()
        let found = Int(text).flatMap { n in agenda.firstIndex { $0.number == n } }
            ?? agenda.firstIndex { $0.number == nil && ($0.marker == text || $0.title == text) }
        guard let found else {
            let numbers = agenda.compactMap(\.number).map(String.init).joined(separator: ", ")
            throw ref.error("agenda item \(text) is not in 'agenda'",
                            hint: "write the number of an agenda item (\(numbers)), or the marker of an unnumbered one")
        }
        return found
    }

    /// The person of `people` the name in `field` names, or an error with the nearest name.
    static func person(_ field: Field, in people: [Member]) throws -> Member {
        let name = try field.text()
        guard let person = people.first(where: { $0.name == name }) else {
            throw field.error("no one named '\(name)' attends or speaks",
                              hint: nearest(name, in: people.compactMap(\.name)).map { "did you mean '\($0)'?" }
                                  ?? "add them to 'attendance' or 'speakers' with the title they speak under")
        }
        return person
    }

    /// A stage direction or time note as typed, without the parentheses a layout adds.
    static func unwrapped(_ text: String) -> String {
        let t = text.trimmed
        guard t.hasPrefix("("), t.hasSuffix(")"), t.count > 2 else { return t }
        return String(t.dropFirst().dropLast()).trimmed
    }

    /// Who a turn's key names, and how the turn prints them. The key is written as the
    /// minutes print it: a title or a name alone (`협치조정관`, `의장`, `김하늘`), or a title and a
    /// name in the order printed (`의장 김하늘`, `박서진 의원`, `위원장 박서진`: the same person
    /// under another title). The chair's title names whoever presides at that point.
    static func speaker(_ key: String, in people: [Member], chair: Member?) -> (member: Member, label: String)? {
        if let chair, key == chair.title ?? chair.role { return (chair, chair.label) }
        let words = key.split(whereSeparator: \.isWhitespace).map(String.init)
        if words.count == 2 {
            for (name, title, nameFirst) in [(words[1], words[0], false), (words[0], words[1], true)] {
                if var person = people.first(where: { $0.name == name }) {
                    person.title = title
                    return (person, nameFirst ? "\(name) \(title)" : "\(title) \(name)")
                }
            }
        }
        return nil
    }
}

extension Member {
    /// How a turn prints this person by default: the title (or role), then the name.
    var label: String { [title ?? role, name].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ") }
}
