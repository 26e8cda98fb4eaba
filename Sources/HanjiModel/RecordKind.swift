import Foundation

/// What kind of input a file is, told from its top-level keys (or a roster's `.csv`), so a file
/// given to the wrong command is named with the command that takes it.
public enum RecordKind: Sendable {
    case meeting, year, layout, roster

    /// The kind of `url` whose parsed root is `root` (nil when the keys tell nothing).
    public static func of(_ url: URL, root: Field?) -> RecordKind? {
        if url.pathExtension.lowercased() == "csv" { return .roster }
        return told(by: topKeys(root))?.kind
    }

    static func topKeys(_ root: Field?) -> [String] {
        guard let root, let pairs = try? root.pairs() else { return [] }
        return pairs.map(\.key)
    }

    /// The keys each kind of YAML file may have at its top; a layout's are `Spec.keys`.
    static let keys: [(kind: RecordKind, keys: [String])] = [
        (.meeting, Meeting.keys), (.year, Year.keys),
        (.layout, ["document", "page", "fonts", "styles", "metadata", "public", "recipients", "body"]),
    ]

    /// The keys that say best what a file is, named in messages when the file has them.
    static let telling = ["agenda", "attendance", "subcommittees", "meetings", "styles"]

    /// The kind whose own keys (that no other kind has: agenda:, subcommittees:, styles:) are
    /// most of `keys`, and the first of them.
    static func told(by keys: [String]) -> (kind: RecordKind, key: String)? {
        let owned = Self.keys.map { kind, known in
            let others = Self.keys.filter { $0.kind != kind }.flatMap(\.keys)
            return (kind: kind, keys: keys.filter { known.contains($0) && !others.contains($0) })
        }
        guard let best = owned.max(by: { $0.keys.count < $1.keys.count }), let first = best.keys.first
        else { return nil }
        return (best.kind, telling.first { best.keys.contains($0) } ?? first)
    }

    /// What the file is.
    var described: String {
        switch self {
        case .meeting: return "a meeting record"
        case .year: return "a year record"
        case .layout: return "a layout spec"
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
        let key = told(by: topKeys(root)).map { " (it has \($0.key):)" } ?? ""
        throw InputError("this is \(kind.described)\(key), not \(wanted.described)",
                         at: Location(file: url.path, line: 1, column: 1), hint: kind.taken)
    }

    /// Reads `url` as a record of kind `wanted`, or says what it is instead.
    static func load(_ wanted: RecordKind, _ url: URL) throws -> Field {
        try expect(wanted, url, root: nil)
        let root = try Field.load(url)
        try expect(wanted, url, root: root)
        return root
    }
}
