import Foundation
import Yams

/// One YAML node with where it came from: the file and the key path leading to it.
public struct Field {
    public let node: Yams.Node
    public let file: String
    public let path: String
    /// The whole text the root field was parsed from (nil below the root), to find a field
    /// again later without keeping the parsed tree.
    public var source: String?

    public init(node: Yams.Node, file: String, path: String) {
        self.node = node
        self.file = file
        self.path = path
    }

    /// Parses a YAML text into its root field; syntax errors come back located.
    public static func parse(_ text: String, file: String) throws -> Field {
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw Screening.tab(text, file: file, through: error.line) ?? InputError.yaml(error, file: file)
        }
        guard let root else {
            throw InputError("the file is empty", at: Location(file: file, line: 1, column: 1),
                             hint: "write the record's keys, as in the examples/ folder")
        }
        // YAML aliases are copied where they stand, so a few lines can stand for billions of
        // values: count them, and stop at a bound no real record comes near.
        var budget = Field.maxValues
        guard Field.count(root, budget: &budget) else {
            throw InputError("the file expands to more than \(Field.maxValues) values",
                             at: Location(file: file, line: 1, column: 1),
                             hint: "YAML anchors and aliases (&name, *name) repeat what they name; "
                                 + "write the values out instead")
        }
        var field = Field(node: root, file: file, path: "")
        field.source = text
        return field
    }

    /// The most values (scalars, lists, mappings) a file may hold, aliases expanded.
    public static let maxValues = 500_000
    /// The largest record or spec file, and the longest single text in it.
    public static let maxBytes = 8 << 20
    public static let maxText = 1 << 20

    /// Counts the nodes under `node` down from `budget`; false once it runs out.
    static func count(_ node: Yams.Node, budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let seq): return seq.allSatisfy { count($0, budget: &budget) }
        case .mapping(let map):
            return map.allSatisfy { count($0.key, budget: &budget) && count($0.value, budget: &budget) }
        }
    }

    /// Reads and parses a YAML file.
    public static func load(_ url: URL) throws -> Field {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw InputError("cannot read the file", at: nil, path: url.path,
                             hint: "check that the path is right and the file readable")
        }
        return try parse(try decode(data, file: url.path), file: url.path)
    }

    /// The text of a record or spec file: UTF-8 (a byte-order mark is dropped), not binary, not huge.
    public static func decode(_ data: Data, file: String) throws -> String {
        if data.count > maxBytes {
            throw InputError("the file is \(data.count >> 20) MB; a record or spec may be at most \(maxBytes >> 20) MB",
                             at: Location(file: file, line: 1, column: 1),
                             hint: "split it, or check that this is the file you meant")
        }
        let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        if let utf16 = Screening.utf16(bytes, file: file) { throw utf16 }
        if let nul = bytes.firstIndex(of: 0) {
            throw InputError("the file holds binary data (a zero byte)", at: location(of: nul, in: bytes, file: file),
                             hint: "records and specs are YAML text; check that this is the file you meant")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let end = firstInvalidUTF8(bytes)
            if let cp949 = Screening.cp949(bytes, file: file) { throw cp949 }
            throw InputError("the file is not UTF-8 text", at: location(of: end, in: bytes, file: file),
                             hint: "save it as UTF-8 (in most editors: Save As, Encoding: UTF-8); "
                                 + "text from HWP or Excel may be CP949")
        }
        if let control = Screening.control(text, file: file) { throw control }
        return text
    }

    /// Where UTF-8 first breaks in `bytes`: a bad lead byte or a missing continuation byte.
    static func firstInvalidUTF8(_ bytes: Data.SubSequence) -> Data.Index {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3
                : b >= 0xF0 && b < 0xF5 ? 4 : 0
            guard length > 0, i + length <= bytes.endIndex,
                  bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) else { return i }
            i += length
        }
        return i
    }

    /// The line and column of a byte offset.
    static func location(of index: Data.Index, in bytes: Data.SubSequence, file: String) -> Location {
        let before = bytes[bytes.startIndex..<index]
        let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let column = before.count - ((before.lastIndex(of: 0x0A)).map { $0 - bytes.startIndex + 1 } ?? 0) + 1
        return Location(file: file, line: line, column: column)
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
        if scalar.string.utf8.count > Field.maxText {
            throw error("this text is \(scalar.string.utf8.count >> 10) KB; "
                            + "one value may be at most \(Field.maxText >> 10) KB",
                        hint: "split it into paragraphs or turns, or check what was pasted here")
        }
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
                return [(path.isEmpty ? name : "\(path).\(name)", keyField.location, name)]
                    + child(value, key: name).scalars()
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

    /// A whole number within `range` (a count, a year, an amount): beyond it, an error naming the range.
    public func int(in range: ClosedRange<Int>) throws -> Int {
        let value = try int()
        guard range.contains(value) else {
            throw error("\(value) is out of range",
                        hint: "write a whole number from \(range.lowerBound) to \(range.upperBound)")
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
                // Collecting (hanji check), the key is noted and skipped so reading goes on.
                let hint = guess.map { "did you mean '\($0)'?" } ?? "known keys here: \(known.joined(separator: ", "))"
                try Collector.report(InputError("unknown key '\(key)'", at: keyField.location,
                                                path: path.isEmpty ? key : "\(path).\(key)", hint: hint))
                continue
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
            if let context {
                detail += " (\(context.text), which starts here; the parser gave up at line \(mark.line))"
            }
            return InputError("YAML syntax: \(detail)", at: Location(file: file, line: at.line, column: at.column),
                              hint: "check the indentation and quoting here; close every [ and {, "
                                  + "and put text with ': ' or a leading quote in \"quotes\"")
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

extension String {
    /// The lines of the text, split at line feeds by bytes (no grapheme breaking, so cheap on
    /// long Korean texts); `keepEmpty` keeps empty lines.
    public func lines(keepEmpty: Bool = false) -> [String] {
        guard utf8.contains(0x0A) else { return keepEmpty || !isEmpty ? [self] : [] }
        return utf8.split(separator: 0x0A, omittingEmptySubsequences: !keepEmpty).map { String(Substring($0)) }
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
