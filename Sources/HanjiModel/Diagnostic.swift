// HanjiModel: the records Hanji prints from, read from YAML into value types.
//
// Flow: `Source` parses a YAML file into located nodes; `Node` readers (`Field`, `Fields`) turn
// them into typed values and throw `InputError`s that carry the file, line, column and key path;
// `Meeting.read` builds and validates one meeting record.

import Foundation
import Synchronization

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

extension InputError {
    /// The message in the style of a compiler's: the location and message, then the source
    /// line with a caret under the column (wide Hangul counted as two cells), then the hint.
    public func rendered(source: String?) -> String {
        guard let location, let source, location.line >= 1 else { return description }
        let lines = source.lines(keepEmpty: true)
        guard location.line <= lines.count else { return description }
        var head = "\(location): " + (isWarning ? "warning: " : "error: ") + message
        if !path.isEmpty { head += " (at \(path))" }
        let line = lines[location.line - 1].replacingOccurrences(of: "\t", with: " ")
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let before = line.prefix(max(location.column - 1, 0))
        let offset = before.reduce(0) { $0 + InputError.cells($1) }
        var text = "\(head)\n\(number) | \(line)\n\(gutter) | \(String(repeating: " ", count: offset))^"
        if let hint { text += "\n\(gutter) = hint: \(hint)" }
        return text
    }

    /// Terminal cells a character takes: two for Hangul, CJK and full-width forms.
    static func cells(_ c: Character) -> Int {
        guard let v = c.unicodeScalars.first?.value else { return 1 }
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v)
        return wide ? 2 : 1
    }
}

/// Problems gathered from one input instead of stopping at the first (for `hanji check`).
public struct InputErrors: Error, Sendable {
    public var errors: [InputError]
    public init(_ errors: [InputError]) { self.errors = errors }
}

/// Gathers problems while a reader goes on past them (`hanji check`). Readers call
/// `Collector.attempt` around parts that can fail on their own; with no collector active the
/// first problem is thrown as before.
///
/// The active collector is a task-local value: `run` binds it for its body only, on the calling
/// thread (or task), so two threads checking two records at once each gather their own problems.
/// A child task started inside `run` sees the same collector, so its list is kept under a lock.
public final class Collector: Sendable {
    private let gathered = Mutex<[InputError]>([])
    @TaskLocal static var current: Collector?

    public init() {}

    /// The problems gathered so far, in the order found.
    public var errors: [InputError] { gathered.withLock { $0 } }

    /// Runs `body` with this collector active; then throws what was gathered, if anything.
    public func run<T>(_ body: () throws -> T) throws -> T {
        do {
            let value = try Collector.$current.withValue(self, operation: body)
            if !errors.isEmpty { throw InputErrors(errors) }
            return value
        } catch let error as InputError {
            gathered.withLock { $0.append(error) }
            throw InputErrors(errors)
        }
    }

    /// Keeps `error` unless it repeats one already gathered.
    func add(_ error: InputError) {
        gathered.withLock { gathered in
            // A missing key that an unknown key's "did you mean" already names is the same mistake.
            if error.message.hasPrefix("missing key '"),
               let key = error.message.split(separator: "'").dropFirst().first,
               gathered.contains(where: { $0.hint == "did you mean '\(key)'?" }) {
                return
            }
            if !gathered.contains(where: { $0.location == error.location && $0.message == error.message }) {
                gathered.append(error)
            }
        }
    }

    /// Records a problem when collecting; otherwise throws it.
    public static func report(_ error: InputError) throws {
        guard let current else { throw error }
        current.add(error)
    }

    /// `body`'s value, or `fallback` after recording its problem when collecting.
    public static func attempt<T>(_ fallback: @autoclosure () -> T, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputError {
            try report(error)
            return fallback()
        }
    }
}

extension String {
    /// Whether the text holds `character`'s code points in a row, also where they belong to a
    /// larger character as written (a combining mark after a syllable is one Character with it,
    /// which `contains(Character)` would not find).
    public func holds(_ character: Character) -> Bool {
        let wanted = Array(character.unicodeScalars), scalars = Array(unicodeScalars)
        guard !wanted.isEmpty, scalars.count >= wanted.count else { return false }
        return (0...(scalars.count - wanted.count)).contains { start in
            scalars[start..<(start + wanted.count)].elementsEqual(wanted)
        }
    }
}
