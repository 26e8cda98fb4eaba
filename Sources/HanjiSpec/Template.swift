import HanjiModel

/// A text with `{path}` and `{path|filter:argument}` holes, filled from a scope.
///
/// Filters: `date:PATTERN` (YYYY YY M MM D DD and ddd for the weekday letter), `time:PATTERN`
/// (H HH h hh MM M and 오전/오후: `H시 MM분` gives 10시 00분, `오전/오후 h:MM` 오후 3:30), `is:VALUE:MARK`
/// (MARK when the value equals VALUE, else nothing), `or:TEXT` (TEXT when empty),
/// `prefix:TEXT` and `suffix:TEXT` (only when not empty), `josa:으로서` (the particle form that
/// fits the word: 분과장으로서, 분과위원으로서, 팀장으로서), `money` (30,000,000), `count` (how many
/// items a list holds), `join:SEP:N:KEY` (a list's items, or each item's KEY, joined by SEP, N to
/// a line). `{{` and `}}` are literal braces. `**` around literal text and holes marks a bold
/// run (`**논의 배경** {background}`), shaped with the rest of its paragraph.
public struct Template: Sendable {
    enum Part: Sendable {
        case literal(String)
        case hole(path: [String], filters: [(String, [String])], source: String)
        /// `**`: a bold run starts or ends here.
        case bold
    }
    let parts: [Part]
    let field: Location?
    let path: String

    static let filters = ["date", "time", "join", "is", "or", "prefix", "suffix", "josa", "money", "count"]

    /// Whether the template names `field` anywhere (`{pages}` in a footer).
    public func uses(_ field: String) -> Bool {
        parts.contains { if case .hole(let path, _, _) = $0 { return path.first == field } else { return false } }
    }

    /// Parses a template from a spec field.
    public init(_ field: Field) throws {
        try self.init(try field.string(), location: field.location, path: field.path)
    }

    public init(_ text: String, location: Location? = nil, path: String = "") throws {
        var parts: [Part] = []
        var literal = ""
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if c == "{" && chars.first == "{" { chars.removeFirst(); literal.append("{"); continue }
            if c == "}" && chars.first == "}" { chars.removeFirst(); literal.append("}"); continue }
            if c == "*" && chars.first == "*" {
                chars.removeFirst()
                if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
                parts.append(.bold)
                continue
            }
            guard c == "{" else { literal.append(c); continue }
            guard let close = chars.firstIndex(of: "}") else {
                throw InputError("'{' without a closing '}' in \"\(text)\"", at: location, path: path,
                                 hint: "close the field name with '}', or write '{{' for a literal brace")
            }
            let inner = String(chars[..<close])
            chars = chars[chars.index(after: close)...]
            if !literal.isEmpty { parts.append(.literal(literal)); literal = "" }
            let pieces = inner.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let name = pieces[0].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                throw InputError("empty field name '{}' in \"\(text)\"", at: location, path: path,
                                 hint: "write a field such as {date}")
            }
            var filters: [(String, [String])] = []
            for piece in pieces.dropFirst() {
                let pattern = piece.hasPrefix("date:") || piece.hasPrefix("time:")
                let args = piece.split(separator: ":", maxSplits: pattern ? 1 : Int.max,
                                       omittingEmptySubsequences: false).map(String.init)
                guard Template.filters.contains(args[0]) else {
                    throw InputError("unknown filter '\(args[0])' in \"\(text)\"", at: location, path: path,
                                     hint: nearest(args[0], in: Template.filters).map { "did you mean '\($0)'?" }
                                         ?? "filters: \(Template.filters.joined(separator: ", "))")
                }
                filters.append((args[0], Array(args.dropFirst())))
            }
            let path = name == "." || name == "#" ? [name] : name.split(separator: ".").map(String.init)
            parts.append(.hole(path: path, filters: filters, source: inner))
        }
        if !literal.isEmpty { parts.append(.literal(literal)) }
        if parts.filter({ if case .bold = $0 { true } else { false } }).count % 2 == 1 {
            throw InputError("a bold run '**' is not closed in \"\(text)\"", at: location, path: path,
                             hint: "end the bold text with '**', as in \"**논의 배경** {background}\"")
        }
        self.parts = parts
        field = location
        self.path = path
    }

    /// The field each hole names, with the text between its braces.
    var holes: [(path: [String], source: String)] {
        parts.compactMap { if case .hole(let path, _, let source) = $0 { (path, source) } else { nil } }
    }

    /// Whether the template has no holes.
    public var isConstant: Bool { parts.allSatisfy { if case .hole = $0 { false } else { true } } }

    /// Whether the template marks bold runs with `**`.
    var hasRuns: Bool { parts.contains { if case .bold = $0 { true } else { false } } }

    /// Fills the holes from `scope`; an unknown name is an error located at the spec.
    public func render(_ scope: Scope) throws -> String {
        try runs(scope).map(\.text).joined()
    }

    /// The filled text in runs, each bold or not (`**` toggles), in order; empty runs left out.
    public func runs(_ scope: Scope) throws -> [(text: String, bold: Bool)] {
        var runs: [(text: String, bold: Bool)] = []
        var out = "", bold = false
        for part in parts {
            switch part {
            case .literal(let s): out += s
            case .bold:
                if !out.isEmpty { runs.append((out, bold)) }
                out = ""
                bold.toggle()
            case .hole(let path, let filters, let source):
                guard let value = scope.lookup(path) else {
                    let known = scope.knownNames
                    throw InputError("unknown field '\(path.joined(separator: "."))' in {\(source)}", at: field,
                                     path: self.path,
                                     hint: nearest(path[0], in: known).map { "did you mean '\($0)'?" }
                                         ?? "fields here: \(known.joined(separator: ", "))")
                }
                out += apply(filters, to: value)
            }
        }
        if !out.isEmpty || runs.isEmpty { runs.append((out, bold)) }
        return runs
    }

    func apply(_ filters: [(String, [String])], to value: Value) -> String {
        var text = value.plain
        for (name, args) in filters {
            switch name {
            case "date":
                if case .day(let d) = value { text = Template.format(d, args.first ?? "") }
            case "time":
                if let clock = value.clock { text = Template.format(clock, args.first ?? "") }
            case "is":
                text = text == (args.first ?? "") ? (args.count > 1 ? args[1] : "○") : ""
            case "or":
                if text.isEmpty { text = args.joined(separator: ":") }
            case "prefix":
                if !text.isEmpty { text = args.joined(separator: ":") + text }
            case "suffix":
                if !text.isEmpty { text += args.joined(separator: ":") }
            case "josa":
                if !text.isEmpty { text += Template.particle(after: text, args.first ?? "") }
            case "join":
                if case .list(let items) = value { text = Template.joined(items, args) }
            case "count":
                if case .list(let items) = value { text = String(items.count) }
            case "money":
                if let n = Int(text) { text = Template.grouped(n) }
            default: break
            }
        }
        return text
    }

    /// The form of a particle that fits the word before it (조사): 은/는, 이/가, 을/를, 과/와,
    /// 으로/로 (and 으로서, 으로써 …). A word ending in a consonant takes the first form, except
    /// that ㄹ takes 로; a word that does not end in Hangul takes the second form.
    public static func particle(after word: String, _ particle: String) -> String {
        let pairs = [("은", "는"), ("는", "는"), ("이", "가"), ("가", "가"), ("을", "를"), ("를", "를"), ("과", "와"), ("와", "와"),
                     ("이라", "라"), ("으로", "로"), ("로", "로")]
        guard let (full, short) = pairs.first(where: { particle.hasPrefix($0.0) }) else { return particle }
        let rest = particle.dropFirst(full.count)
        guard let last = word.unicodeScalars.last, (0xAC00...0xD7A3).contains(last.value) else { return short + rest }
        let final = (last.value - 0xAC00) % 28
        let consonant = final != 0 && !(full == "으로" && final == 8)
        return (consonant ? full : short) + rest
    }

    /// A whole number with thousands separators: 30000000 → 30,000,000.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// Formats a date by a pattern: `YYYY. M. D.(ddd)` gives `2018. 11. 22.(목)`.
    public static func format(_ day: Day, _ pattern: String) -> String {
        let tokens: [(String, (Day) -> String)] = [
            // Four digits and two, as ISO dates write them: 0918, and 05 for the year 2005 or 5.
            ("YYYY", { Template.padded($0.year, 4) }), ("YY", { Template.padded($0.year % 100, 2) }),
            ("MM", { $0.month < 10 ? "0\($0.month)" : "\($0.month)" }), ("M", { String($0.month) }),
            ("DD", { $0.day < 10 ? "0\($0.day)" : "\($0.day)" }), ("D", { String($0.day) }),
            ("ddd", { $0.weekday }),
        ]
        return expand(pattern, tokens.map { token, value in (token, { value(day) }) })
    }

    /// `n` with leading zeros to `width` digits.
    static func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// `pattern` with each token (tried in order, longest first) replaced by its value.
    static func expand(_ pattern: String, _ tokens: [(String, () -> String)]) -> String {
        var out = ""
        var rest = pattern[...]
        outer: while !rest.isEmpty {
            for (token, value) in tokens where rest.hasPrefix(token) {
                out += value()
                rest = rest.dropFirst(token.count)
                continue outer
            }
            out.append(rest.removeFirst())
        }
        return out
    }
}
