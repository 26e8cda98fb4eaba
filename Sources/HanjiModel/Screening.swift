import Foundation
import Yams

/// Checks on a record's bytes and text before YAML reads them, so a wrong encoding, a control
/// character or a tab is named at its place with the fix, not as a parser's puzzle.
enum Screening {
    static let saveAsUTF8 = "save it as UTF-8 (메모장: 다른 이름으로 저장 → 인코딩 UTF-8; other editors: Save As, Encoding: UTF-8)"

    /// UTF-16 (Notepad's "Unicode"), with or without its byte-order mark: an error naming it.
    static func utf16(_ bytes: Data.SubSequence, file: String) -> InputError? {
        let head = Array(bytes.prefix(4096))
        let marked = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        // Without a mark, the ASCII letters (keys, spaces, line breaks) of UTF-16 text have their
        // zero byte all on one side: even places for big-endian, odd for little-endian.
        let zeros = head.indices.filter { head[$0] == 0 }
        let odd = zeros.filter { $0 % 2 == 1 }.count, even = zeros.count - odd
        let encoding: String.Encoding = odd >= even ? .utf16LittleEndian : .utf16BigEndian
        let sided = zeros.count >= 2 && max(odd, even) * 10 >= zeros.count * 9
        guard marked || (sided && String(data: Data(head.prefix(head.count & ~1)), encoding: encoding) != nil) else {
            return nil
        }
        return InputError("the file is UTF-16 text (Notepad's \"Unicode\"), not UTF-8",
                          at: Location(file: file, line: 1, column: 1), hint: saveAsUTF8)
    }

    /// Bytes that are not UTF-8 but read as CP949 (EUC-KR, as HWP and older Windows save text):
    /// refused, naming CP949, since a record must be UTF-8 for every tool that reads it.
    /// Located at the first letter beyond ASCII, which is the first Korean one.
    static func cp949(_ bytes: Data.SubSequence, file: String) -> InputError? {
        guard CP949.decode(Data(bytes)) != nil, let first = bytes.firstIndex(where: { $0 >= 0x80 }) else { return nil }
        let at = Field.location(of: first, in: bytes, file: file)
        return InputError("the file is CP949 (EUC-KR) text, not UTF-8", at: at,
                          hint: saveAsUTF8)
    }

    /// The first control character (C0 or C1, other than tab, line feed and carriage return), at
    /// its line and column.
    static func control(_ text: String, file: String) -> InputError? {
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if Field.isForbidden(scalar) {
                let code = String(format: "U+%04X", scalar.value)
                return InputError("the control character \(code) is here (invisible in most editors)",
                                  at: Location(file: file, line: line, column: column),
                                  hint: "delete it (text pasted from HWP or Excel can carry invisible characters)")
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return nil
    }

    /// A tab among a line's leading white space, up to the line where YAML gave up. The lines
    /// of a block scalar (`|`, `>`) are text, where a tab after the block's indentation is
    /// what the clerk typed: they are passed over.
    static func tab(_ text: String, file: String, through last: Int) -> InputError? {
        var block: Int?
        for (index, line) in text.lines(keepEmpty: true).prefix(last).enumerated() {
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            let spaces = line.prefix { $0 == " " }.count
            if let parent = block {
                if line.allSatisfy({ $0 == " " || $0 == "\t" }) || spaces > parent { continue }
                block = nil
            }
            if let tab = indent.firstIndex(of: "\t") {
                let column = indent.distance(from: indent.startIndex, to: tab) + 1
                return InputError("a tab in the indentation", at: Location(file: file, line: index + 1, column: column),
                                  hint: "indent with spaces: YAML allows no tabs there "
                                      + "(set your editor to insert spaces)")
            }
            if opensBlock(line) { block = spaces }
        }
        return nil
    }

    /// Whether a line ends in a block scalar's indicator (`key: |`, `- >-`, `text: |2 # note`).
    static func opensBlock(_ line: String) -> Bool {
        var rest = line.trimmingCharacters(in: .whitespaces)
        if let hash = rest.range(of: " #") {
            rest = String(rest[..<hash.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
        let indicator = rest.reversed().prefix { "|>+-0123456789".contains($0) }
        guard indicator.contains(where: { $0 == "|" || $0 == ">" }) else { return false }
        let before = rest.dropLast(indicator.count)
        return before.isEmpty || before.hasSuffix(": ") || before.hasSuffix("- ") || before == "-"
            || before.hasSuffix(":")
    }
}

extension YamlError {
    /// The line the parser gave up at (the last line, when it names none).
    var line: Int {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return Int.max
        }
    }
}
