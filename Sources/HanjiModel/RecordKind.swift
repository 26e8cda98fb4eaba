import Foundation

/// What kind of input a file is, told from its top-level keys (or a roster's `.csv`), so a file
/// given to the wrong command is named with the command that takes it.
public enum RecordKind: Sendable {
    case meeting, year, layout, roster

    /// The kind of `url` whose parsed root is `root` (nil when the keys tell nothing).
    public static func of(_ url: URL, root: Field?) -> RecordKind? {
        if url.pathExtension.lowercased() == "csv" { return .roster }
        let keys = (try? root?.pairs().map(\.key)) ?? []
        if keys.contains("agenda") { return .meeting }
        if keys.contains("subcommittees") || keys.contains("meetings") { return .year }
        if keys.contains("styles") || keys.contains("page") || keys.contains("document") { return .layout }
        return nil
    }

    /// What the file is and the key that tells it.
    var described: String {
        switch self {
        case .meeting: return "a meeting record (it has agenda:)"
        case .year: return "a year record (it has subcommittees:)"
        case .layout: return "a layout spec (it has styles:)"
        case .roster: return "a roster (a .csv table)"
        }
    }

    /// The commands that take it.
    var taken: String {
        switch self {
        case .meeting: return "print it with hanji minutes, or list it under meetings: in year.yaml"
        case .year: return "print it with hanji booklet, program or certificates"
        case .layout: return "give it to a command with --layout, after the record"
        case .roster: return "give it to hanji certificates with --roster, after year.yaml"
        }
    }

    /// Throws when `url` is of another kind than `wanted` (a year record given to `minutes`).
    public static func expect(_ wanted: RecordKind, _ url: URL, root: Field?) throws {
        guard let kind = of(url, root: root), kind != wanted else { return }
        let name = wanted == .meeting ? "a meeting record" : "a year record"
        throw InputError("this is \(kind.described), not \(name)", at: Location(file: url.path, line: 1, column: 1),
                         hint: kind.taken)
    }

    /// Reads `url` as a record of kind `wanted`, or says what it is instead.
    static func load(_ wanted: RecordKind, _ url: URL) throws -> Field {
        try expect(wanted, url, root: nil)
        let root = try Field.load(url)
        try expect(wanted, url, root: root)
        return root
    }
}
