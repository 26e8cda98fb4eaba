// JSON text checked strictly and made ready for YAML's reader: JSON is YAML, but libyaml reads
// more than JSON (`{a: b}`, a trailing comma, comments), refuses some of what JSON allows (an
// escaped half of a character beyond U+FFFF, as Python's json.dumps writes `\ud83e\udd84`; a raw
// U+FEFF or C1 control in a string) and reads raw U+2028, U+2029 and NEL as line breaks.
import Foundation

/// A JSON text's checker: every mistake an `InputError` at its line and column; the text handed
/// on with each string written so that libyaml reads the same string.
struct JSONText {
    let scalars: [Unicode.Scalar]
    let file: String
    var i = 0
    var out = String.UnicodeScalarView()
    /// How many objects and lists are open here; past `maxDepth`, the JSON is refused (a
    /// record is a few levels deep; thousands would exhaust the stack of whoever reads it).
    var depth = 0
    static let maxDepth = 100

    /// The JSON text (an object at the top) as libyaml should read it, or where it is not JSON.
    static func forYAML(_ json: String, file: String) throws -> String {
        var text = JSONText(scalars: Array(json.unicodeScalars), file: file)
        text.space()
        guard text.peek == "{" else {
            let found = text.peek == nil ? "nothing" : text.peek == "[" ? "a list" : text.peek == "\"" ? "a text"
                : "a single value"
            throw text.error("the record must be a JSON object ({…}), not \(found)", syntax: false)
        }
        try text.value()
        text.space()
        if text.peek != nil { throw text.error("more after the end of the JSON object") }
        return String(text.out)
    }

    var peek: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    mutating func take() {
        out.append(scalars[i])
        i += 1
    }

    mutating func space() {
        while let c = peek, c == " " || c == "\t" || c == "\n" || c == "\r" { take() }
    }

    mutating func expect(_ c: Unicode.Scalar) throws {
        guard peek == c else { throw error("expected '\(c)'") }
        take()
    }

    mutating func value() throws {
        switch peek {
        case "{":
            try open()
            if peek == "}" { return close() }
            while true {
                guard peek == "\"" else { throw error("expected a key in double quotes") }
                try string(); space()
                try expect(":"); space()
                try value(); space()
                if peek == "," { take(); space(); continue }
                try expect("}")
                return depth -= 1
            }
        case "[":
            try open()
            if peek == "]" { return close() }
            while true {
                try value(); space()
                if peek == "," { take(); space(); continue }
                try expect("]")
                return depth -= 1
            }
        case "\"": try string()
        case "t": try word("true")
        case "f": try word("false")
        case "n": try word("null")
        case let c? where c == "-" || ("0"..."9").contains(c): try number()
        default: throw error(peek == nil ? "the JSON ends too early" : "expected a value")
        }
    }

    /// Takes `{` or `[`, one level deeper.
    mutating func open() throws {
        depth += 1
        guard depth <= JSONText.maxDepth else { throw error("more than \(JSONText.maxDepth) levels of {…} and […]") }
        take()
        space()
    }

    /// Takes the `}` or `]` of an empty object or list.
    mutating func close() {
        take()
        depth -= 1
    }

    mutating func word(_ word: String) throws {
        for c in word.unicodeScalars {
            guard peek == c else { throw error("expected \(word)") }
            take()
        }
    }

    mutating func number() throws {
        let start = i
        while let c = peek, "+-.eE0123456789".unicodeScalars.contains(c) { take() }
        guard Canonical.isNumber(String(String.UnicodeScalarView(scalars[start..<i]))) else {
            i = start
            throw error("not a JSON number")
        }
    }

    /// A string, its escapes checked; an escaped surrogate pair and the characters libyaml would
    /// misread written as libyaml reads them.
    mutating func string() throws {
        take()
        while let c = peek {
            switch c {
            case "\"": take(); return
            case "\\":
                if let high = escape(at: i), (0xD800...0xDBFF).contains(high),
                   let low = escape(at: i + 6), (0xDC00...0xDFFF).contains(low),
                   let joined = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                    out.append(joined)
                    i += 12
                } else if let lone = escape(at: i) {
                    guard !(0xD800...0xDFFF).contains(lone) else { throw error("half of a character (a lone surrogate)") }
                    for _ in 0..<6 { take() }
                } else {
                    guard i + 1 < scalars.count, "\"\\/bfnrt".unicodeScalars.contains(scalars[i + 1]) else {
                        throw error("not a JSON escape")
                    }
                    take(); take()
                }
            case _ where c.value < 0x20:
                throw error("a control character in a string (write it as \\n, \\t or \\u00XX)")
            case _ where (0x7F...0x9F).contains(c.value) || [0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF].contains(c.value):
                out += String(format: "\\u%04x", c.value).unicodeScalars
                i += 1
            default: take()
            }
        }
        throw error("a string is not closed")
    }

    /// The value of a `\uXXXX` escape starting at `at`, or nil.
    func escape(at start: Int) -> UInt32? {
        guard start + 6 <= scalars.count, scalars[start] == "\\", scalars[start + 1] == "u" else { return nil }
        let hex = scalars[(start + 2)..<(start + 6)]
        guard hex.allSatisfy({ $0.properties.isASCIIHexDigit }) else { return nil }
        return UInt32(String(String.UnicodeScalarView(hex)), radix: 16)
    }

    /// An error at the current position (its column counted in Unicode scalars); a syntax
    /// error says that the text is not JSON.
    func error(_ message: String, syntax: Bool = true) -> InputError {
        var line = 1, column = 1
        for c in scalars[..<min(i, scalars.count)] {
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return InputError(syntax ? "the record is not valid JSON: \(message)" : message,
                          at: Location(file: file, line: line, column: column),
                          hint: "send the record as a JSON object, such as {\"body\": \"…\"}")
    }
}
