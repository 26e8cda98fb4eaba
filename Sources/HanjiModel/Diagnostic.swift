// HanjiModel: the records Hanji prints from, read from YAML into value types.
//
// Flow: `Source` parses a YAML file into located nodes; `Node` readers (`Field`, `Fields`) turn
// them into typed values and throw `InputError`s that carry the file, line, column and key path;
// `Meeting.read` builds and validates one meeting record.

/// A place in an input file.
public struct Location: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A problem with an input file, located and explained, with a hint on how to fix it.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var location: Location?
    /// The key path inside the document, such as `agenda[1].transcript[0]`.
    public var path: String
    public var message: String
    public var hint: String?
    /// A warning does not stop the run; it is printed and the document is still made.
    public var isWarning = false

    public init(_ message: String, at location: Location?, path: String = "", hint: String? = nil) {
        self.location = location
        self.path = path
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += (isWarning ? "warning: " : "error: ") + message
        if !path.isEmpty { text += " (at \(path))" }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

extension InputError {
    /// The same problem as a warning.
    public var asWarning: InputError {
        var w = self
        w.isWarning = true
        return w
    }
}

/// The closest candidate to `word` by edit distance, if it is close enough to be a likely typo.
public func nearest(_ word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(Array(word), Array($0))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, word.count / 2) ? best.0 : nil
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
        var previous = row[0]
        row[0] = i
        for j in 1...b.count {
            let kept = row[j]
            row[j] = a[i - 1] == b[j - 1] ? previous : min(previous, row[j], row[j - 1]) + 1
            previous = kept
        }
    }
    return row[b.count]
}
