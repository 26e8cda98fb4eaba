import Foundation

extension Meeting {
    /// Reads a meeting record from a YAML file.
    public static func load(_ url: URL) throws -> Meeting {
        var meeting = try read(try RecordKind.load(.meeting, url))
        meeting.folder = url.deletingLastPathComponent()
        return meeting
    }

    static let keys = ["body", "number", "date", "weekday", "time", "end", "place", "recorder", "confirmer", "written",
                       "approval", "attendance", "totals",
                       "agenda", "summary", "next", "photos", "remarks", "mask",
                       "layout", "attendees", "reports", "decisions",
                       "session", "issue", "office", "banner", "statuses", "chair", "speakers", "transcript"]

    /// Builds and checks a meeting from a parsed record.
    public static func read(_ root: Field) throws -> Meeting {
        let f = try root.fields(keys)
        let layout = try Collector.attempt("minutes") { try readLayout(f["layout"]) }
        // Only the full minutes need the attendance grid, the agenda and a recorder.
        let full = layout == "minutes"
        // The kinds of verbatim minutes (council-plenary, committee) need no place or meeting number.
        let verbatim = !full && layout != "summary"
        let statuses = try Collector.attempt(Status.allCases) { try f["statuses"].map(readStatuses) ?? Status.allCases }
        // Each part is read on its own: `hanji check` notes a problem and reads on (with a
        // stand-in value), so one run names every mistake; otherwise the first one stops.
        let read: Day? = try Collector.attempt(nil) { try f.required("date", hint: "add 'date: YYYY-MM-DD'").day() }
        let date = read ?? Day(year: 2000, month: 1, day: 1)!
        if let weekday = f["weekday"], read != nil { try Collector.attempt(()) {
            let written = try weekday.text().trimmingCharacters(in: CharacterSet(charactersIn: "()요일"))
            if written != date.weekday {
                throw weekday.error("\(date.year)-\(date.month)-\(date.day) is a \(date.weekday)요일, not \(written)요일",
                                    hint: "correct the date or the weekday "
                                        + "(or leave 'weekday' out: it is derived from the date)")
            }
        } }
        let attendance = try Collector.attempt([]) {
            try (full ? f.required("attendance") : f["attendance"])?.list() ?? []
        }.compactMap { group in
            try Collector.attempt(nil) { try readGroup(group, statuses: statuses, full: full) }
        }
        let members = attendance.flatMap(\.members)
        var warnings: [InputError] = []
        if let totals = f["totals"] {
            // Totals are counted from the rows; a record that also states them must agree.
            let pairs: [(key: String, value: Field, keyField: Field)] = try Collector.attempt([]) { try totals.pairs() }
            for (key, value, keyField) in pairs { try Collector.attempt(()) {
                let status = Status(rawValue: key)
                guard statuses.contains(status) else {
                    throw keyField.error("unknown status '\(key)' in totals", hint: "write \(Meeting.spoken(statuses))")
                }
                let stated = try value.int(), counted = members.filter { $0.status == status }.count
                if stated != counted {
                    throw value.error("the record states \(stated) \(key) but its attendance rows count \(counted)",
                                      hint: "correct the statuses in 'attendance' "
                                          + "or delete 'totals' (Hanji counts them)")
                }
            } }
        }
        var agenda: [AgendaItem] = []
        for item in try Collector.attempt([], { try (full ? f.required("agenda") : f["agenda"])?.list() ?? [] }) {
            guard var read = try Collector.attempt(nil, { try readItem(item, members: members, warnings: &warnings) })
            else { continue }
            if read.marker == nil { read.number = agenda.filter { $0.marker == nil }.count + 1 }
            agenda.append(read)
            let last = agenda[agenda.count - 1]
            if full && last.notes.isEmpty && last.transcript.isEmpty && last.appendix == nil && last.event == nil {
                warnings.append(item.error("agenda item '\(last.title)' has no notes, transcript, appendix or event",
                                           hint: "add what was said or decided, "
                                               + "or leave it if the item was only announced").asWarning)
            }
        }
        var meeting = Meeting(
            body: try Collector.attempt("") { try f.required("body").text() },
            number: try Collector.attempt(0) { try (verbatim ? f["number"] : f.required("number"))?.int() ?? 0 },
            date: date,
            time: try Collector.attempt(nil) { try f["time"]?.clock() },
            end: try Collector.attempt(nil) { try f["end"]?.clock() },
            place: try Collector.attempt("") { try (verbatim ? f["place"] : f.required("place"))?.text() ?? "" },
            recorder: try Collector.attempt(Person(role: "", name: nil)) {
                try (full ? f.required("recorder") : f["recorder"]).map(readPerson) ?? Person(role: "", name: nil)
            },
            confirmer: try Collector.attempt(nil) { try f["confirmer"].map(readPerson) },
            written: try Collector.attempt(date) { try f["written"]?.day() ?? date },
            attendance: attendance,
            agenda: agenda,
            summary: try Collector.attempt([]) { try f["summary"]?.list().map { try $0.text() } ?? [] },
            next: try Collector.attempt(nil) { try f["next"].map(readNext) },
            photos: try Collector.attempt([]) { try f["photos"]?.list().map(readPhoto) ?? [] },
            remarks: try Collector.attempt("") { try f["remarks"]?.string() ?? "" },
            folder: nil,
            origin: root.source.map { ($0, root.file) })
        meeting.layout = layout
        meeting.attendees = try Collector.attempt([]) { try f["attendees"]?.list().map(readAttendee) ?? [] }
        meeting.reports = try Collector.attempt([]) { try f["reports"]?.list().map(readReport) ?? [] }
        meeting.decisions = try Collector.attempt([]) { try f["decisions"]?.list().map(readDecision) ?? [] }
        meeting.statuses = statuses
        meeting.session = try Collector.attempt(nil) { try f["session"].map(readSession) }
        meeting.issue = try Collector.attempt(nil) { try f["issue"]?.int(in: 1...99999) }
        meeting.office = try Collector.attempt(nil) { try f["office"]?.text() }
        meeting.banner = try Collector.attempt(nil) { try f["banner"]?.text() }
        meeting.speakers = try Collector.attempt([]) { try f["speakers"]?.list().compactMap { s in
            try Collector.attempt(nil) { try readSpeaker(s) }
        } ?? [] }
        let people = meeting.people
        meeting.chair = try Collector.attempt(nil) { try f["chair"].map { try readChair($0, people: people) } }
        meeting.transcript = try Collector.attempt([]) {
            try f["transcript"].map {
                try readTranscript($0, people: people, chair: meeting.chair, agenda: agenda, warnings: &warnings)
            } ?? []
        }
        meeting.warnings = warnings
        let named = meeting.names
        meeting.mask = try Collector.attempt([]) { try f["mask"].map { try Masked.list($0, known: named) } ?? [] }
        meeting.approval = try Collector.attempt([]) { try f["approval"]?.pairs().map { pair in
            let raw = try pair.value.text()
            guard let sign = Sign(rawValue: raw) else {
                throw pair.value.error("'\(raw)' is not a way to sign",
                                       hint: "write 전결, 대결 or 없음 (a role not listed signs in person)")
            }
            return (pair.key, sign)
        } ?? [] }
        return meeting
    }

    /// Reads `chair:`: the name of who presides at the opening (their title is the chair's), or
    /// `{name, title}` for a member listed by name alone (`{name: 윤석재, title: 의장}`).
    static func readChair(_ field: Field, people: [Member]) throws -> Member {
        var title: String?
        var nameField = field
        if case .mapping = field.node {
            let f = try field.fields(["name", "title"])
            nameField = try f.required("name", hint: "add 'name:' (who presides when the meeting opens)")
            title = try f["title"]?.text()
        }
        var person = try Meeting.person(nameField, in: people)
        let name = person.name ?? ""
        if let title { person.title = title }
        guard !(person.title ?? person.role).isEmpty else {
            throw field.error("'\(name)' has no title to preside under",
                              hint: "write 'chair: {name: \(name), title: 의장}' (the title turns use for the chair)")
        }
        return person
    }

    static func readPerson(_ field: Field) throws -> Person {
        if case .scalar = field.node { return Person(role: try field.text(), name: nil) }
        let f = try field.fields(["role", "name"])
        return Person(role: try f.required("role").text(), name: try f["name"]?.text())
    }

    /// Reads a group of the attendance. The seed's grid (`full`) needs each member's role and
    /// status; the lists of the other kinds take a bare name, and a status left out is the first.
    static func readGroup(_ field: Field, statuses: [Status], full: Bool) throws -> Group {
        let f = try field.fields(["group", "members"])
        let name = try f.required("group").text()
        let members = try f.required("members").list().map { member -> Member in
            if !full, case .scalar = member.node {
                return Member(group: name, role: "", name: try member.text(), title: nil, status: statuses.first)
            }
            let m = try member.fields(["role", "name", "title", "status", "org"])
            let statusHint = "add 'status: \(statuses[0].rawValue)' (or \(spoken(statuses)))"
            let statusField = full ? try m.required("status", hint: statusHint) : m["status"]
            var status: Status? = full ? nil : statuses.first
            if let statusField {
                let raw = try statusField.string().trimmed
                // Left empty (`status:`), it is not recorded yet: the meeting has not been held.
                status = raw.isEmpty ? nil : Status(rawValue: raw)
                if let status, !statuses.contains(status) {
                    throw statusField.error("unknown status '\(raw)'",
                                            hint: "write \(spoken(statuses))" + (statuses == Status.allCases
                                                ? " (or list the body's own statuses under 'statuses:')" : ""))
                }
            }
            return Member(group: name, role: try (full ? m.required("role") : m["role"])?.text() ?? "",
                          name: try m["name"]?.text(), title: try m["title"]?.text(), status: status,
                          org: try m["org"]?.text())
        }
        return Group(name: name, members: members)
    }

    /// Reads `statuses:`, the statuses a body records (출석, 청가, 출장, 결석), present first.
    static func readStatuses(_ field: Field) throws -> [Status] {
        let list = try field.list()
        guard !list.isEmpty else {
            throw field.error("'statuses' is empty", hint: "list the statuses, present first: [출석, 청가, 결석]")
        }
        var seen: [Status] = []
        for item in list {
            let status = Status(rawValue: try item.text())
            if seen.contains(status) { throw item.error("'\(status.rawValue)' is listed twice in 'statuses'") }
            seen.append(status)
        }
        return seen
    }

    /// Statuses as a hint writes them: 참석, 위임 or 불참.
    static func spoken(_ statuses: [Status]) -> String {
        let names = statuses.map(\.rawValue)
        return names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    static func readItem(_ field: Field, members: [Member], warnings: inout [InputError]) throws -> AgendaItem {
        let f = try field.fields(["title", "notes", "appendix", "transcript", "event", "marker", "items", "schedule"])
        var item = AgendaItem(
            title: try f.required("title").text(),
            notes: try f["notes"]?.list().map(readNote) ?? [],
            appendix: try f["appendix"].map { a in
                let af = try a.fields(["title", "items"])
                return Appendix(title: try af.required("title").text(),
                                items: try af.required("items").list().map { try $0.text() })
            },
            transcript: try f["transcript"]?.list()
                .map { try readTurn($0, members: members, warnings: &warnings) } ?? [],
            event: try f["event"].map { try readEvent($0, members: members) })
        item.marker = try f["marker"]?.string()
        item.items = try f["items"]?.list().map { sub in
            if case .scalar = sub.node { return (nil, try sub.text()) }
            let sf = try sub.fields(["marker", "title"])
            return (try sf["marker"]?.string(), try sf.required("title").text())
        } ?? []
        item.scheduled = try f["schedule"]?.bool() ?? true
        return item
    }

    static func readNote(_ field: Field) throws -> Note {
        if case .scalar = field.node { return .item(try field.text(), []) }
        let f = try field.fields(["text", "items", "note"])
        if let note = f["note"] {
            if f["text"] != nil || f["items"] != nil {
                throw field.error("a note entry has 'note' alone",
                                  hint: "split it into a 'text' entry and a 'note' entry")
            }
            return .remark(try note.text())
        }
        return .item(try f.required("text").text(), try f["items"]?.list().map(readNote) ?? [])
    }

    static func readTurn(_ field: Field, members: [Member], chair: Member? = nil,
                         warnings: inout [InputError]) throws -> Turn {
        let pairs = try field.pairs()
        guard pairs.count == 1, let (key, value, keyField) = pairs.first else {
            throw field.error("a turn is one line 'speaker: remark'", hint: "write each turn as '- 협치조정관: …'")
        }
        var matches = members.filter { $0.title == key || $0.name == key }
        if matches.isEmpty {
            // A listed official without a separate title (시장, 기획조정실장) is named by the role.
            let byRole = members.filter { $0.title == nil && $0.role == key }
            if byRole.count == 1 { matches = byRole }
        }
        if matches.count > 1 && (chair == nil || key != chair?.title) {
            throw keyField.error("'\(key)' names \(matches.count) attendees",
                                 hint: "give each a distinct 'title' in attendance")
        }
        let speaker: Member
        var label = key
        if let (found, printed) = Meeting.speaker(key, in: members, chair: chair) {
            (speaker, label) = (found, printed)
        } else if let match = matches.first {
            speaker = match
            label = match.label
        } else {
            // A guest who is not in the attendance still speaks; the label shows the title alone.
            let known = members.compactMap(\.title) + members.compactMap(\.name)
            let add = key.contains(" ") ? "write the title and a name from 'attendance' or 'speakers' (의장 김하늘, 박서진 의원)"
                                        : "add them to 'attendance' with 'title: \(key)' to print their name"
            warnings.append(InputError("speaker '\(key)' is not in the attendance", at: keyField.location,
                                       path: value.path,
                                       hint: nearest(key, in: known).map { "did you mean '\($0)'?" } ?? add).asWarning)
            speaker = Member(group: "", role: key, name: nil, title: key, status: .present)
        }
        let paragraphs = try value.text().lines().map {
            $0.trimmed
        }.filter { !$0.isEmpty }
        return Turn(speaker: speaker, paragraphs: paragraphs, label: label)
    }

    /// Reads an event; a presenter may name a `member` of `members` instead of group, name and role.
    static func readEvent(_ field: Field, members: [Member]) throws -> Event {
        let f = try field.fields(["title", "subtitle", "date", "start", "end", "venue", "address", "audience", "host",
                                  "organiser", "program", "order", "presenters"])
        var event = Event(
            title: try f.required("title").text(),
            date: try f.required("date").day(),
            start: try f["start"]?.clock(),
            end: try f["end"]?.clock(),
            venue: try f.required("venue").text(),
            address: try f["address"]?.text(),
            audience: try f["audience"]?.text(),
            program: try f["program"]?.list().map { try $0.text() } ?? [],
            presenters: try f["presenters"]?.list().map { try readPresenter($0, members: members) } ?? [])
        event.subtitle = try f["subtitle"]?.text()
        event.host = try f["host"]?.text()
        event.organiser = try f["organiser"]?.text()
        event.order = try f["order"]?.list().map { slot in
            let sf = try slot.fields(["start", "end", "title", "by"])
            return Slot(start: try sf["start"]?.clock(), end: try sf["end"]?.clock(),
                        title: try sf.required("title").text(), by: try sf["by"]?.text())
        } ?? []
        return event
    }

    static func readPresenter(_ field: Field, members: [Member]) throws -> Presenter {
        let f = try field.fields(["member", "group", "project", "name", "role"])
        let project = try f.required("project").text()
        guard let ref = f["member"] else {
            return Presenter(group: try f.required("group", hint: "or name a 'member'").text(), project: project,
                             name: try f["name"]?.text(),
                             role: try f.required("role", hint: "or name a 'member'").text())
        }
        let member = try Member.find(try ref.text(), in: members, at: ref)
        return Presenter(group: member.group, project: project, name: member.name, role: member.role)
    }

    static func readNext(_ field: Field) throws -> Next {
        if case .scalar = field.node { return Next(title: try field.text(), date: nil, time: nil) }
        let f = try field.fields(["title", "date", "time"])
        return Next(title: try f.required("title").text(), date: try f["date"]?.day(), time: try f["time"]?.clock())
    }

    static func readPhoto(_ field: Field) throws -> Photo {
        let f = try field.fields(["file", "caption"])
        return Photo(file: try f.required("file").filePath(), caption: try f["caption"]?.string() ?? "")
    }
}
