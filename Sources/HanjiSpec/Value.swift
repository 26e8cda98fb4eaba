// HanjiSpec: reads a layout spec (layouts/*.yaml) and binds a record's values into a tree of
// layout blocks. The record becomes a `Value` tree; templates such as "{body} {number}차" and
// blocks such as `each: agenda` read it through a `Scope`.
import HanjiModel

/// A record's data as the spec sees it: text, numbers, dates, lists and keyed maps.
public indirect enum Value: Sendable {
    case text(String)
    case number(Int)
    case day(Day)
    case clock(Clock)
    case list([Value])
    case map([(String, Value)])
    case null

    public subscript(key: String) -> Value? {
        if case .map(let pairs) = self { return pairs.first { $0.0 == key }?.1 }
        return nil
    }

    /// Whether the value counts as present for `if:` (non-empty text, list or map).
    public var isPresent: Bool {
        switch self {
        case .null: return false
        case .text(let s): return !s.isEmpty
        case .list(let l): return !l.isEmpty
        case .map(let m): return !m.isEmpty
        default: return true
        }
    }

    /// The value as printed when no filter says otherwise.
    public var plain: String {
        switch self {
        case .text(let s): return s
        case .number(let n): return String(n)
        case .day(let d): return "\(d.year). \(d.month). \(d.day)."
        case .clock(let c): return c.text
        case .list(let l): return l.map(\.plain).joined(separator: ", ")
        case .map, .null: return ""
        }
    }

    /// Every text in the tree transformed (for masking names).
    public func mapText(_ transform: (String) -> String) -> Value {
        switch self {
        case .text(let s): return .text(transform(s))
        case .list(let l): return .list(l.map { $0.mapText(transform) })
        case .map(let m): return .map(m.map { ($0.0, $0.1.mapText(transform)) })
        default: return self
        }
    }

    /// A map with `key` set to `value`, added at the end when it was not there.
    public func replacing(_ key: String, with value: Value) -> Value {
        guard case .map(var pairs) = self else { return self }
        if let i = pairs.firstIndex(where: { $0.0 == key }) { pairs[i].1 = value } else { pairs.append((key, value)) }
        return .map(pairs)
    }

    var keys: [String] {
        if case .map(let pairs) = self { return pairs.map(\.0) }
        return []
    }
}

/// Where a template looks names up: the innermost `each` item first, then outwards.
public struct Scope {
    var frames: [(value: Value, index: Int?)]
    /// Told each image path as its picture is bound, so the file can be read ahead of the layout.
    var images: ((String) -> Void)?
    /// Inside an artifact or a leaf element given by `role:`: blocks get no elements of their own.
    var untagged = false
    /// The `alt:` of the figure being bound (an image, a chart, a seal), as printed.
    var alt: String?

    public init(_ root: Value) { frames = [(root, nil)] }

    /// This scope with `value`'s keys looked up first.
    public func with(_ value: Value) -> Scope {
        var s = self
        s.frames.append((value, nil))
        return s
    }

    func entering(_ value: Value, index: Int) -> Scope {
        var s = self
        s.frames.append((value, index))
        return s
    }

    /// Looks up a dotted path: `.` is the current item, `#` its 1-based position, `#first` is
    /// present only for the first item (`unless: "#first"`).
    public func lookup(_ path: [String]) -> Value? {
        guard let first = path.first else { return nil }
        if first == "." { return frames.last?.value }
        if first == "#" { return frames.last?.index.map { .number($0 + 1) } }
        if first == "#first" { return frames.last?.index == 0 ? .text("first") : .null }
        for frame in frames.reversed() {
            if var value = frame.value[first] {
                for key in path.dropFirst() {
                    guard let next = value[key] else { return .null }
                    value = next
                }
                return value
            }
        }
        return nil
    }

    var knownNames: [String] { frames.flatMap { $0.value.keys } }
}
