// A record between YAML and JSON, for the web form: the YAML tree as JSON (keys in file order),
// and a JSON tree back as YAML in one canonical layout, which reads back as the same record.
import Foundation
import Yams

/// A record's YAML tree as JSON text, and a JSON tree as canonical block YAML (`CanonicalYAML`).
///
/// A plain scalar becomes a JSON number, boolean or null only where it reads back the same
/// from the canonical YAML: the JSON forms (YAML 1.2's JSON schema: `14`, `-0.5`, `1e3`, `true`,
/// `false`, `null`) and Hanji's other nulls (`~` and nothing). Every other scalar is a string,
/// as Hanji reads it: dates, times, `yes`, `0x1F`, `Null`. (Were `yes` the JSON `true`, the
/// canonical YAML would write `true`, and a text field would print "true".)
public enum Canonical {
    /// The YAML text's tree as JSON: mappings as objects in file order, aliases copied where they
    /// stand, scalars typed as above. A syntax error, or a key that is not a single value, is
    /// an `InputError` at its line and column in `file`.
    public static func json(yaml: String, file: String) throws -> String {
        let root = try Field.parse(yaml, file: file)
        var out = ""
        try write(root.node, file: file, into: &out)
        return out
    }

    /// The JSON text's tree (an object at the top) as canonical block YAML: keys in the order
    /// the JSON holds them. Text that is not JSON, or JSON that is not an object, is an
    /// `InputError` (at its line and column where known) in `file`.
    public static func yaml(json: String, file: String = "record.json") throws -> String {
        try CanonicalYAML.text(of: try tree(json: json, file: file))
    }

    // MARK: YAML → JSON

    static func write(_ node: Yams.Node, file: String, into out: inout String) throws {
        switch node {
        case .scalar(let scalar):
            out += typed(scalar) ?? quoted(scalar.string)
        case .sequence(let sequence):
            out += "["
            for (i, element) in sequence.enumerated() {
                if i > 0 { out += "," }
                try write(element, file: file, into: &out)
            }
            out += "]"
        case .mapping(let mapping):
            out += "{"
            for (i, pair) in mapping.enumerated() {
                guard case .scalar(let key) = pair.key else {
                    let mark = pair.key.mark
                    throw InputError("a key must be a single value, not a list or mapping",
                                     at: Location(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1),
                                     hint: "write the key as text before ':'")
                }
                if i > 0 { out += "," }
                out += quoted(key.string) + ":"
                try write(pair.value, file: file, into: &out)
            }
            out += "}"
        case .alias:
            // Yams copies an alias's node where it stands; an alias node is never composed.
            out += "null"
        }
    }

    /// The JSON number, boolean or null a plain scalar stands for, or nil for a string.
    static func typed(_ scalar: Yams.Node.Scalar) -> String? {
        guard scalar.style == .plain else { return nil }
        let text = scalar.string
        if ["", "~", "null"].contains(text) { return "null" }
        if text == "true" || text == "false" || isNumber(text) { return text }
        return nil
    }

    /// Whether `text` is a JSON number (which is also a YAML 1.2 number): `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`.
    static func isNumber(_ text: String) -> Bool {
        var chars = Substring(text).utf8[...]
        func digits() -> Int {
            let n = chars.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            chars = chars.dropFirst(n)
            return n
        }
        if chars.first == UInt8(ascii: "-") { chars = chars.dropFirst() }
        let leadingZero = chars.first == UInt8(ascii: "0")
        let whole = digits()
        guard whole > 0, !(leadingZero && whole > 1) else { return false }
        if chars.first == UInt8(ascii: ".") {
            chars = chars.dropFirst()
            guard digits() > 0 else { return false }
        }
        if chars.first == UInt8(ascii: "e") || chars.first == UInt8(ascii: "E") {
            chars = chars.dropFirst()
            if chars.first == UInt8(ascii: "+") || chars.first == UInt8(ascii: "-") { chars = chars.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return chars.isEmpty
    }

    /// `text` as a JSON string: quotes, backslashes and control characters escaped, the rest as is
    /// (U+2028 and U+2029 escaped too, so the JSON is also a JavaScript literal).
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}", "\u{2029}": out += String(format: "\\u%04x", scalar.value)
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    // MARK: JSON → tree

    /// The JSON text's tree with its mappings in order: checked as JSON, then read by Yams
    /// (JSON is YAML), whose mappings keep their order (a dictionary would not).
    static func tree(json: String, file: String) throws -> Yams.Node {
        let node: Yams.Node?
        do {
            node = try Yams.compose(yaml: try JSONText.forYAML(json, file: file), .basic)
        } catch let error as YamlError {
            throw InputError.yaml(error, file: file)
        }
        guard let node else { throw InputError("the record is empty", at: Location(file: file, line: 1, column: 1)) }
        return node
    }
}
