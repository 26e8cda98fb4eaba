// The canonical layout of a record saved from the web form: block YAML as Hanji's examples write
// it, each scalar written by Yams' emitter (libyaml), the rest by hand.
//
// What is done by hand, and why:
// - The block structure (mappings, sequences, two-space indent). libyaml writes a sequence that
//   is a mapping's value unindented (`key:` then `- item` in the key's column); Hanji's records
//   indent it (`  - item`), and a form save should look like the file it replaces.
// - Plain or quoted. Yams hands libyaml every scalar as implicitly typed, so libyaml would write
//   the string `yes` or `14` plain, and it would read back as a boolean or a number. A string
//   that YAML (1.1, as libyaml and Yams read it, or 1.2) would resolve to anything else, or that
//   looks like a time (`18:30`, `09:05`), is asked for single-quoted. A date stays plain: Hanji
//   reads it as text. libyaml still chooses double quotes where single ones cannot hold the
//   text (a tab), and single where plain cannot (`a: b`, a leading `- `).
// - Characters beyond U+FFFF (an emoji). libyaml's emitter counts them unprintable and escapes
//   them (`"\U0001F984"`); each is handed to it as a private-use character the text does not
//   hold, and put back after.
// - Line breaks other than `\n` (U+2028, U+2029, NEL). libyaml reads them as line breaks but
//   writes them raw in plain and quoted text, where they would fold into a space: such a text is
//   asked for double quotes, where they are escaped.
import Foundation
import Yams

/// Writes a JSON tree (as Yams composed it) as canonical block YAML.
enum CanonicalYAML {
    /// The whole document: the root mapping's entries, or `{}` for an empty one.
    static func text(of root: Yams.Node) throws -> String {
        var out = ""
        switch root {
        case .mapping(let mapping) where !mapping.isEmpty:
            try entries(Array(mapping), column: 0, lead: nil, into: &out)
        default:
            try value(root, column: 0, lead: "", into: &out)
            // A lone value has no key before it: drop the space the lead leaves.
            if out.hasPrefix(" ") { out.removeFirst() }
        }
        return out
    }

    /// A mapping's entries at `column`, the first after `lead` when given (`- ` of a sequence).
    static func entries(_ pairs: [(key: Yams.Node, value: Yams.Node)], column: Int, lead: String?,
                        into out: inout String) throws {
        for (i, pair) in pairs.enumerated() {
            let start = i == 0 ? lead ?? pad(column) : pad(column)
            try value(pair.value, column: column, lead: start + (try key(pair.key)) + ":", into: &out)
        }
    }

    /// A sequence's items at `column`, the first after `lead` when given.
    static func items(_ nodes: [Yams.Node], column: Int, lead: String?, into out: inout String) throws {
        for (i, node) in nodes.enumerated() {
            let dash = (i == 0 ? lead ?? pad(column) : pad(column)) + "-"
            switch node {
            case .mapping(let mapping) where !mapping.isEmpty:
                try entries(Array(mapping), column: column + 2, lead: dash + " ", into: &out)
            case .sequence(let sequence) where !sequence.isEmpty:
                try items(Array(sequence), column: column + 2, lead: dash + " ", into: &out)
            default:
                try value(node, column: column, lead: dash, into: &out)
            }
        }
    }

    /// `node` after `lead` (a key and its colon, or a dash), whose own column is `column`.
    static func value(_ node: Yams.Node, column: Int, lead: String, into out: inout String) throws {
        switch node {
        case .mapping(let mapping):
            if mapping.isEmpty { out += lead + " {}\n"; return }
            out += lead + "\n"
            try entries(Array(mapping), column: column + 2, lead: nil, into: &out)
        case .sequence(let sequence):
            if sequence.isEmpty { out += lead + " []\n"; return }
            out += lead + "\n"
            try items(Array(sequence), column: column + 2, lead: nil, into: &out)
        case .scalar(let scalar):
            let text = try self.scalar(scalar)
            if text.isEmpty { out += lead + "\n"; return }
            // A block scalar's lines follow its header, indented under the key or dash.
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            out += lead + " " + lines.removeFirst() + "\n"
            for line in lines { out += line.isEmpty ? "\n" : pad(column) + line + "\n" }
        case .alias:
            out += lead + "\n"
        }
    }

    /// A JSON value's YAML text: a string as `written` writes it; a number, true or false as it
    /// stands; null as nothing (Hanji's empty value).
    static func scalar(_ scalar: Yams.Node.Scalar) throws -> String {
        if scalar.style == .plain { return scalar.string == "null" ? "" : scalar.string }
        let text = scalar.string
        if text.unicodeScalars.contains(where: { ["\u{85}", "\u{2028}", "\u{2029}"].contains($0) }) {
            return try written(text, style: .doubleQuoted)
        }
        if text.contains("\n") { return try written(text, style: .literal) }
        return try written(text, style: misread(text) ? .singleQuoted : .plain)
    }

    /// A key: as a string value, but on one line.
    static func key(_ node: Yams.Node) throws -> String {
        guard case .scalar(let key) = node else { return "''" }
        if key.string.contains("\n") { return try written(key.string, style: .doubleQuoted) }
        return try self.scalar(key)
    }

    /// What Yams' emitter writes for the string `text` asked for in `style`, without the end of
    /// the document (`...` after a `|+` block) and its last line break; characters beyond U+FFFF
    /// as they are.
    static func written(_ text: String, style: Yams.Node.Scalar.Style) throws -> String {
        var stand: [Unicode.Scalar: Unicode.Scalar] = [:]
        var handed = String.UnicodeScalarView()
        var free = UInt32(0xE000)
        for c in text.unicodeScalars {
            guard c.value > 0xFFFF else { handed.append(c); continue }
            if stand[c] == nil {
                while text.unicodeScalars.contains(Unicode.Scalar(free)!) || stand.values.contains(Unicode.Scalar(free)!) {
                    free += 1
                }
                stand[c] = Unicode.Scalar(free)!
            }
            handed.append(stand[c]!)
        }
        var out = try Yams.serialize(node: .scalar(.init(String(handed), Tag(.str), style)), width: -1,
                                     allowUnicode: true)
        if out.hasSuffix("\n...\n") { out.removeLast(4) }
        if out.hasSuffix("\n") { out.removeLast() }
        for (c, placeholder) in stand {
            out = String(String.UnicodeScalarView(out.unicodeScalars.map { $0 == placeholder ? c : $0 }))
        }
        return out
    }

    /// The rules by which YAML (Yams' default resolver, as YAML 1.1) reads a plain scalar as
    /// other than a string, but for timestamps: Hanji reads a date as text.
    static let resolver = Resolver.default.removing(.timestamp)

    /// Whether the plain scalar `text` would read back as something other than this string.
    static func misread(_ text: String) -> Bool {
        if resolver.resolveTag(of: .scalar(.init(text))) != .str { return true }
        // YAML 1.1's one-letter booleans, and times with a leading zero (`09:05`) or seconds.
        if ["y", "Y", "n", "N"].contains(text) { return true }
        return text.range(of: #"^[-+]?[0-9]+(:[0-9]+)+(\.[0-9]*)?$"#, options: .regularExpression) != nil
    }

    static func pad(_ column: Int) -> String { String(repeating: " ", count: column) }
}
