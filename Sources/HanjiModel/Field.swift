import Foundation
import Yams

/// One YAML node with where it came from: the file and the key path leading to it.
public struct Field {
    public let node: Yams.Node
    public let file: String
    public let path: String

    public init(node: Yams.Node, file: String, path: String) {
        self.node = node
        self.file = file
        self.path = path
    }

    /// Parses a YAML text into its root field; syntax errors come back located.
    public static func parse(_ text: String, file: String) throws -> Field {
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputError.yaml(error, file: file)
        }
        guard let root else {
            throw InputError("the file is empty", at: Location(file: file, line: 1, column: 1),
                             hint: "write the record's keys, as in the examples/ folder")
        }
        return Field(node: root, file: file, path: "")
    }

    /// Reads and parses a YAML file.
    public static func load(_ url: URL) throws -> Field {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InputError("cannot read the file", at: nil, path: url.path,
                             hint: "check that the path is right and the file readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError("the file is not UTF-8 text", at: Location(file: url.path, line: 1, column: 1),
                             hint: "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)")
        }
        return try parse(text, file: url.path)
    }

    public var location: Location {
        let mark = node.mark
        return Location(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// An error located at this field.
    public func error(_ message: String, hint: String? = nil) -> InputError {
        InputError(message, at: location, path: path, hint: hint)
    }

    func child(_ node: Yams.Node, key: String) -> Field {
        Field(node: node, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    func element(_ node: Yams.Node, index: Int) -> Field {
        Field(node: node, file: file, path: "\(path)[\(index)]")
    }

    var kind: String {
        switch node {
        case .scalar: return "a single value"
        case .mapping: return "a mapping of keys"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    // MARK: Typed readers

    /// The scalar's text; numbers and dates are read as they were typed.
    public func string() throws -> String {
        guard case .scalar(let scalar) = node else {
            throw error("expected text, found \(kind)", hint: "write the value on the same line as its key")
        }
        if isNull() { return "" }
        if let bad = scalar.string.unicodeScalars.first(where: Field.isForbidden) {
            throw error("the text holds the control character \(String(format: "U+%04X", bad.value))",
                        hint: "delete it (text pasted from HWP or Excel can carry invisible characters)")
        }
        return scalar.string
    }

    /// Control characters other than line feed and tab never belong in a record.
    /// (The control category is exactly C0 and C1: U+0000–001F and U+007F–009F.)
    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x20 && v != 0x0A && v != 0x09 && v != 0x0D) || (0x7F...0x9F).contains(v)
    }

    /// Every scalar under this field with its key path and place, for finding where a text came from.
    public func scalars() -> [(path: String, location: Location, text: String)] {
        switch node {
        case .scalar(let s): return [(path, location, s.string)]
        case .sequence(let seq): return seq.enumerated().flatMap { element($1, index: $0).scalars() }
        case .mapping(let map):
            return map.flatMap { key, value -> [(path: String, location: Location, text: String)] in
                let name = key.scalar?.string ?? "?"
                let keyField = Field(node: key, file: file, path: path)
                return [(path.isEmpty ? name : "\(path).\(name)", keyField.location, name)] + child(value, key: name).scalars()
            }
        case .alias: return []
        }
    }

    /// A non-empty text.
    public func text() throws -> String {
        let value = try string().trimmed
        if value.isEmpty { throw error("this value is empty", hint: "write the text, or leave the key out") }
        return value
    }

    public func int() throws -> Int {
        let raw = try string()
        guard let value = Int(raw.trimmed) else {
            throw error("expected a whole number, found '\(raw)'", hint: "write digits only, such as 14")
        }
        return value
    }

    public func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        case let raw: throw error("expected true or false, found '\(raw)'")
        }
    }

    public func isNull() -> Bool {
        if case .scalar(let s) = node, s.style == .plain, ["", "~", "null"].contains(s.string) { return true }
        return false
    }

    /// The elements of a list; a null value is an empty list.
    public func list() throws -> [Field] {
        if isNull() { return [] }
        guard case .sequence(let seq) = node else {
            throw error("expected a list, found \(kind)", hint: "start each element on its own line with '- '")
        }
        return seq.enumerated().map { element($1, index: $0) }
    }

    /// A mapping whose keys must be among `known`; an unknown key is an error naming the nearest.
    public func fields(_ known: [String]) throws -> Fields {
        guard case .mapping(let map) = node else {
            throw error("expected a mapping of keys (\(known.joined(separator: ", "))), found \(kind)")
        }
        var entries: [(String, Field)] = []
        for (keyNode, value) in map {
            let keyField = Field(node: keyNode, file: file, path: path)
            let key = try keyField.string()
            guard known.contains(key) else {
                let guess = nearest(key, in: known)
                throw InputError("unknown key '\(key)'", at: keyField.location, path: path.isEmpty ? key : "\(path).\(key)",
                                 hint: guess.map { "did you mean '\($0)'?" } ?? "known keys here: \(known.joined(separator: ", "))")
            }
            entries.append((key, child(value, key: key)))
        }
        return Fields(owner: self, entries: entries)
    }

    /// The pairs of a mapping in order, keys as typed (for maps whose keys are data).
    public func pairs() throws -> [(key: String, value: Field, keyField: Field)] {
        guard case .mapping(let map) = node else {
            throw error("expected a mapping, found \(kind)")
        }
        return try map.map { keyNode, value in
            let keyField = Field(node: keyNode, file: file, path: path)
            let key = try keyField.string()
            return (key, child(value, key: key), keyField)
        }
    }
}

/// The keys of one mapping, read by name.
public struct Fields {
    public let owner: Field
    let entries: [(String, Field)]

    public subscript(key: String) -> Field? {
        entries.first { $0.0 == key }?.1
    }

    /// A key that must be present.
    public func required(_ key: String, hint: String? = nil) throws -> Field {
        guard let field = self[key] else {
            throw owner.error("missing key '\(key)'", hint: hint ?? "add '\(key):' here")
        }
        return field
    }

    public var keys: [String] { entries.map(\.0) }
}

extension InputError {
    static func yaml(_ error: YamlError, file: String) -> InputError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // Point at what was left open (the context), which is where the fix goes; the
            // parser's own position is often the line after, or the end of the file.
            let at = context?.mark ?? mark
            var detail = problem
            if let context { detail += " (\(context.text), which starts here; the parser gave up at line \(mark.line))" }
            return InputError("YAML syntax: \(detail)", at: Location(file: file, line: at.line, column: at.column),
                              hint: "check the indentation and quoting here; close every [ and {, and put text with ': ' or a leading quote in \"quotes\"")
        case .reader(let problem, _, _, _):
            return InputError("YAML: \(problem)", at: Location(file: file, line: 1, column: 1),
                              hint: "the file must be UTF-8 text")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputError("duplicate key \(duplicates.joined(separator: ", "))",
                              at: Location(file: file, line: context.mark.line, column: context.mark.column),
                              hint: "each key may appear once per mapping")
        default:
            return InputError("YAML: \(error)", at: Location(file: file, line: 1, column: 1))
        }
    }
}

extension StringProtocol {
    /// The text without white space (spaces, tabs, line breaks, U+3000) at either end, in pure
    /// Swift: cheaper than Foundation's trimming on long Korean texts.
    public var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(self[first..<scalars.index(after: last)])
    }
}
