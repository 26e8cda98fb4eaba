import Foundation

extension Member {
    /// The member a reference names: a name, or `group/name` when two share a name.
    static func find(_ reference: String, in members: [Member], at field: Field) throws -> Member {
        let parts = reference.split(separator: "/", maxSplits: 1).map { $0.trimmed }
        let matches = parts.count == 2 ? members.filter { $0.group == parts[0] && $0.name == parts[1] }
                                       : members.filter { $0.name == reference }
        if matches.count > 1 {
            throw field.error("'\(reference)' names \(matches.count) members",
                              hint: "write 'group/name', such as '\(matches[0].group)/\(reference)'")
        }
        guard let match = matches.first else {
            let names = members.compactMap(\.name)
            throw field.error("no member named '\(reference)'",
                              hint: nearest(parts.last ?? reference, in: names).map { "did you mean '\($0)'?" }
                                  ?? "add them to a subcommittee's members")
        }
        return match
    }
}

extension Project {
    /// The budgets a project may state, in won: up to 10조, so that a year's total cannot overflow.
    public static let budgets = 0...10_000_000_000_000
}

extension Year {
    public static let keys = ["year", "organisation", "subcommittees", "projects", "event", "meetings", "booklet"]

    /// Reads a year record and the meeting records it lists.
    public static func load(_ url: URL, allowOutside: Bool = false) throws -> Year {
        let folder = url.deletingLastPathComponent()
        var year = try read(try RecordKind.load(.year, url), folder: folder, allowOutside: allowOutside)
        year.folder = folder
        return year
    }

    static func readSubcommittee(_ field: Field) throws -> Subcommittee {
        let sf = try field.fields(["name", "members"])
        let name = try sf.required("name").text()
        return Subcommittee(name: name, members: try sf.required("members").list().compactMap { m in
            try Collector.attempt(nil) {
                let mf = try m.fields(["name", "role"])
                return Member(group: name, role: try mf.required("role").text(), name: try mf.required("name").text(),
                              title: nil, status: .present)
            }
        })
    }

    static func readProject(_ field: Field, groups: [String]) throws -> Project {
        let pf = try field.fields(["title", "subcommittee", "budget", "summary"])
        let sub = try pf.required("subcommittee")
        if !groups.contains(try sub.text()) {
            throw sub.error("no subcommittee named '\(try sub.text())'",
                            hint: nearest(try sub.text(), in: groups).map { "did you mean '\($0)'?" }
                                ?? "subcommittees: \(groups.joined(separator: ", "))")
        }
        return Project(title: try pf.required("title").text(), subcommittee: try sub.text(),
                       budget: try pf["budget"]?.int(in: Project.budgets), summary: try pf["summary"]?.text())
    }

    /// Builds and checks a year from a parsed record; meeting files are read from `folder`, unless
    /// `meetings` is false (the year's own fields only, its `meetings` left empty).
    public static func read(_ root: Field, folder: URL? = nil, allowOutside: Bool = false,
                            meetings: Bool = true) throws -> Year {
        let f = try root.fields(keys)
        let of = try f.required("organisation", hint: "add 'organisation:' with name and issuer")
            .fields(["name", "district", "issuer", "seal", "office"])
        let organisation = Organisation(name: try of.required("name").text(), district: try of["district"]?.text(),
                                        issuer: try of.required("issuer", hint: "the 발신명의 printed on certificates")
                                            .text(),
                                        seal: try of["seal"]?.filePath(), office: try of["office"]?.text())
        // Each entry is read on its own, so `hanji check` names every bad one (see `Collector`).
        let subcommittees = try Collector.attempt([]) { try f.required("subcommittees").list() }.compactMap { entry in
            try Collector.attempt(nil) { try readSubcommittee(entry) }
        }
        let members = subcommittees.flatMap(\.members)
        let groups = subcommittees.map(\.name)
        let projects = try Collector.attempt([]) { try f["projects"]?.list() ?? [] }.compactMap { entry in
            try Collector.attempt(nil) { try readProject(entry, groups: groups) }
        }
        var year = Year(year: try Collector.attempt(2000) { try f.required("year").int(in: Day.years) },
                        organisation: organisation, subcommittees: subcommittees, projects: projects,
                        event: try Collector.attempt(nil) {
                            try f["event"].map { try Meeting.readEvent($0, members: members) }
                        },
                        meetings: [], folder: folder)
        year.origin = root.source.map { ($0, root.file) }
        year.book = try Collector.attempt(nil) { try f["booklet"].map { b in
            let bf = try b.fields(["title", "subtitle", "cover", "foreword", "signed", "published"])
            return Book(title: try bf.required("title").text(), subtitle: try bf["subtitle"]?.text(),
                        cover: try bf["cover"]?.filePath(),
                        foreword: try bf["foreword"]?.text().split(separator: "\n").map { $0.trimmed }
                            .filter { !$0.isEmpty } ?? [],
                        signed: try bf["signed"]?.text(), published: try bf["published"]?.day())
        } }
        for entry in meetings ? try f["meetings"]?.list() ?? [] : [] {
            let path = try entry.filePath()
            let url = try Paths.resolve(path,
                                        in: folder ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                        allowOutside: allowOutside, what: "meeting record", at: entry)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw entry.error("no meeting record '\(path)' (looked for \(url.path))",
                                  hint: "paths are relative to the year record")
            }
            let meeting = try Meeting.load(url)
            // Only the seed's grid lists the year's subcommittee members; a council's lists do not.
            if meeting.layout == "minutes" { year.warnings += strangers(in: meeting, members: members, file: root.file) }
            year.meetings.append(meeting)
        }
        return year
    }

    /// A meeting's named attendees are the year's members: a name the year does not know is a
    /// slip, warned at the attendee's line in the meeting record.
    static func strangers(in meeting: Meeting, members: [Member], file: String) -> [InputError] {
        guard !members.isEmpty else { return [] }
        let sources = meeting.sources
        var found: [InputError] = []
        for (index, group) in meeting.attendance.enumerated() {
            for (row, m) in group.members.enumerated() {
                guard let name = m.name, !members.contains(where: { $0.name == name && $0.group == m.group })
                else { continue }
                let path = "attendance[\(index)].members[\(row)].name"
                let at = sources.first { $0.path == path }
                let elsewhere = members.first { $0.name == name }.map { " (the year has them in \($0.group))" } ?? ""
                let year = URL(fileURLWithPath: file).lastPathComponent
                let hint = "add them to that subcommittee in \(year)'s 'subcommittees', or correct the name or group"
                let message = "attendee '\(name)' of \(m.group) is not a member of \(m.group) in \(year)\(elsewhere)"
                found.append(InputError(message,
                                        at: at?.location ?? Location(file: file, line: 1, column: 1), path: path,
                                        hint: hint).asWarning)
            }
        }
        return found
    }
}
