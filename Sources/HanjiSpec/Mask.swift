import HanjiModel

/// Replaces personal names in displayed text for a public edition.
///
/// A name is masked where it starts a word (no letter of its script before it) and the rest of
/// the word is empty or titles, particles and copula forms (`NameSuffixes`): "한부영", "한부영 씨",
/// "한부영위원장님께서는", "한부영입니다". Where a word goes on with anything else ("한부영상"),
/// or holds the name after other letters ("신한부영"), the word is printed as written and
/// reported as `Kept`, for the officer to decide. File paths (`pathKeys`) are never masked.
///
/// The pattern is the spec's `public.mask`: `ㅇㅇㅇ` replaces the whole name; `{first}○○` keeps
/// the family name (김하늘 → 김○○). Every other spelling of a person is replaced as their name is.
public struct Mask: Sendable {
    public var pattern: String
    /// Each spelling, the person's name and what replaces it, longest first.
    let spellings: [(text: [Character], name: String, replacement: String)]
    /// The spellings that may start at a character, by that character.
    let starting: [Character: [Int]]

    /// The fields of a record's value that hold file paths: a photo's file, the seal, the cover.
    public static let pathKeys: Set<String> = ["file", "seal", "cover"]

    /// A mask for `names` and for the other spellings (`also`) of the `mask:` entries.
    public init(names: [String], also: [Masked] = [], pattern: String) {
        self.pattern = pattern
        func replacement(_ name: String) -> String {
            pattern.replacingOccurrences(of: "{first}", with: name.first.map(String.init) ?? "")
        }
        var all = names.filter { !$0.isEmpty }.map { ($0, $0) }
        for entry in also { all += entry.also.map { ($0, entry.name) } }
        // Longest first, so a name that contains another is masked whole; then by text, so the
        // order never depends on the record's.
        let sorted = all.map { (text: Array($0.0), name: $0.0, replacement: replacement($0.1)) }
            .sorted { $0.text.count != $1.text.count ? $0.text.count > $1.text.count : $0.name < $1.name }
        spellings = sorted
        starting = Dictionary(grouping: sorted.indices) { sorted[$0].text[0] }
    }

    public func apply(_ text: String) -> String { scan(text).text }

    /// The text masked, and the words that hold a name but were left as written.
    public func scan(_ text: String) -> (text: String, kept: [Kept]) {
        let chars = Array(text), scripts = chars.map(Script.init)
        // The run of letters of one script around each letter, found once (so a long run costs no
        // more than a short one). A change of script is a word's edge: 故한부영, 韓富英은.
        var starts = Array(chars.indices), ends = Array(chars.indices)
        for i in chars.indices.dropFirst() where scripts[i] != nil && scripts[i] == scripts[i - 1] {
            starts[i] = starts[i - 1]
        }
        for i in chars.indices.reversed() where scripts[i] != nil {
            ends[i] = i + 1 < chars.count && scripts[i + 1] == scripts[i] ? ends[i + 1] : i + 1
        }
        var out = "", kept: [Kept] = [], i = 0, keptWord = -1
        while i < chars.count {
            let found = starting[chars[i]]?.lazy.map { spellings[$0] }.first { chars[i...].starts(with: $0.text) }
            guard let s = found else {
                out.append(chars[i])
                i += 1
                continue
            }
            let end = i + s.text.count, start = starts[i]
            // What follows in the word: Hangul is read as titles and particles (韓富英은 too); more
            // Hanja after a Hanja spelling, or Latin after a Latin one, makes a longer word.
            let next = end < chars.count ? scripts[end] : nil
            let goesOn = next != nil && next != .hangul && next == scripts[end - 1]
            let stop = next == .hangul || goesOn ? ends[end] : end
            if start == i && !goesOn && NameSuffixes.allows(chars[end..<stop], after: chars[end - 1]) {
                out += s.replacement
            } else {
                out += String(chars[i..<end])
                // Once a word, and no more of it than a word can be (a run of letters may be long).
                if start != keptWord {
                    kept.append(Kept(word: String(chars[start..<min(stop, start + 40)]), name: s.name))
                }
                keptWord = start
            }
            i = end
        }
        return (out, kept)
    }

    /// The kind of letter a word is made of; nil for what is not a letter of a word (spaces,
    /// punctuation, digits, and Hangul jamo such as ㆍ used as a middle dot).
    enum Script: Equatable {
        case hangul, han, other

        init?(_ c: Character) {
            guard let v = c.unicodeScalars.first?.value, c.isLetter else { return nil }
            switch v {
            case 0xAC00...0xD7A3: self = .hangul
            case 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF: return nil
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: self = .han
            default: self = .other
            }
        }
    }

    /// Every displayed text of `value` masked (not the keys, nor the paths of `pathKeys`), and the
    /// words kept, each once, in the order met.
    public func apply(to value: Value) -> (value: Value, kept: [Kept]) {
        var kept: [Kept] = [], seen = Set<Kept>()
        func walk(_ value: Value) -> Value {
            switch value {
            case .text(let s):
                let (masked, found) = scan(s)
                kept += found.filter { seen.insert($0).inserted }
                return .text(masked)
            case .list(let items): return .list(items.map(walk))
            case .map(let pairs): return .map(pairs.map { ($0.0, Mask.pathKeys.contains($0.0) ? $0.1 : walk($0.1)) })
            default: return value
            }
        }
        return (walk(value), kept)
    }
}

/// A word that holds a name's letters but is not the name alone with its particles and titles,
/// so the public edition prints it as written.
public struct Kept: Sendable, Hashable {
    public var word: String
    /// The spelling found in the word.
    public var name: String

    public init(word: String, name: String) {
        self.word = word
        self.name = name
    }

    /// A record's texts with their key paths and places.
    public typealias Sources = [(path: String, location: Location, text: String)]

    /// The warnings for `kept`: the first `most` words each at its place in the first of `records`
    /// (texts and the record's text) that holds it, then how many more there are.
    public static func warnings(_ kept: [Kept], in records: [(sources: Sources, text: String?)],
                                most: Int = 20) -> [String] {
        let listed = kept.prefix(most).map { word in
            let record = records.first { $0.sources.contains { $0.text.contains(word.word) } }
            return word.warning(in: record?.sources ?? [], record: record?.text)
        }
        guard kept.count > most else { return listed }
        return listed + ["\(kept.count - most) more words hold a name but are printed as written (not listed)"]
    }

    /// The warning for this word, at its first place among the record's texts (`sources`).
    public func warning(in sources: Sources, record: String?) -> String {
        let what = word.hasPrefix(name) ? "starts with the name '\(name)' but goes on as no particle or title does"
                                        : "holds the name '\(name)' after other letters"
        // A key's own entry has the key as its text; a value's path never ends in its text.
        let source = sources.first { $0.text.contains(word) && !$0.path.hasSuffix($0.text) }
        let place = source.map { Kept.place(of: word, from: $0.location, in: record) }
        let message = "the word '\(word)' \(what), so the public edition prints it as written"
            + (source.map { " (at \($0.path))" } ?? "")
        return (place.map { "\($0): " } ?? "") + message
            + "\n  hint: if it names the person, set the name apart with a space or reword it; if not, nothing to do"
    }

    /// Where `word` first stands in `record` at or after `start` (a value may span lines).
    static func place(of word: String, from start: Location, in record: String?) -> Location {
        guard let record else { return start }
        for (n, line) in record.lines(keepEmpty: true).enumerated().dropFirst(start.line - 1) {
            let from = n == start.line - 1 ? line.index(line.startIndex, offsetBy: max(start.column - 1, 0),
                                                         limitedBy: line.endIndex) ?? line.endIndex : line.startIndex
            if let range = line[from...].range(of: word) {
                let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                return Location(file: start.file, line: n + 1, column: column)
            }
        }
        return start
    }
}
