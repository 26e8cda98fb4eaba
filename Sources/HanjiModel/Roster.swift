import Foundation

/// A table of people from a CSV file: a header row naming the columns, then one row per person.
public struct Roster: Sendable {
    public var file: String
    public var header: [String]
    /// Each row with the line it starts on (1-based, the header being line 1).
    public var rows: [(line: Int, cells: [String])]
    /// The column (in characters, 1-based) where each cell of each row starts, row by row.
    public var starts: [[Int]] = []

    /// Reads a CSV file in UTF-8 (with or without a byte-order mark) or CP949, as Korean Excel saves it.
    public static func load(_ url: URL) throws -> Roster {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputError("cannot read the roster", at: Location(file: url.path, line: 1, column: 1),
                             hint: "check the path after --roster")
        }
        return try parse(try decode(data, file: url.path), file: url.path)
    }

    /// The text of CSV bytes: UTF-8 when they are valid UTF-8 (a BOM is dropped), else CP949.
    public static func decode(_ data: Data, file: String) throws -> String {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: bytes, encoding: .utf8) { return text }
        if let text = CP949.decode(bytes) { return text }
        throw InputError("the roster is neither UTF-8 nor CP949 text", at: Location(file: file, line: 1, column: 1),
                         hint: "save it from Excel as 'CSV UTF-8' or 'CSV (쉼표로 분리)'")
    }

    /// Splits CSV text (RFC 4180: quoted fields may hold commas, quotes as "" and line breaks).
    public static func parse(_ text: String, file: String) throws -> Roster {
        var records: [(line: Int, cells: [String], starts: [Int])] = []
        var field = "", record: [String] = [], starts: [Int] = []
        var line = 1, start = 1
        // The column of the next character, and where the field being read started.
        var column = 1, fieldStart = 1
        var quoted = false, wasQuoted = false
        var chars = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return chars.next()
        }
        func endField() {
            record.append(field); starts.append(fieldStart)
            field = ""; wasQuoted = false
        }
        func endRecord() {
            endField()
            // A row of nothing but empty or blank cells (Excel's trailing `,,,,`) is no row.
            if record.contains(where: { !$0.trimmed.isEmpty }) { records.append((start, record, starts)) }
            record = []; starts = []
        }
        while let c = next() {
            column += 1
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\""); column += 1 } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1; column = 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !wasQuoted:
                quoted = true; wasQuoted = true
            case ",":
                endField()
                fieldStart = column
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                start = line
                column = 1
                fieldStart = 1
            default:
                field.append(c)
            }
        }
        if quoted {
            throw InputError("a quoted field is never closed", at: Location(file: file, line: start, column: 1),
                             hint: "add the closing \" (a quote inside a field is written \"\")")
        }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        guard let first = records.first else {
            throw InputError("the roster is empty", at: Location(file: file, line: 1, column: 1),
                             hint: "the first row names the columns, such as 성명,소속,직위")
        }
        let header = first.cells.map { $0.trimmed }
        var roster = Roster(file: file, header: header, rows: records.dropFirst().map { ($0.line, $0.cells) })
        roster.starts = records.dropFirst().map(\.starts)
        return roster
    }
}

/// CP949 (Korean Windows, a superset of EUC-KR) through the C library's iconv.
enum CP949 {
    static func decode(_ data: Data) -> String? {
        let cd = iconv_open("UTF-8", "CP949")
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = data.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: data.count * 3 + 4)
        var written = -1
        input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress
                var outLeft = outBuf.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1 && inLeft == 0 {
                    written = outBuf.count - outLeft
                }
            }
        }
        guard written >= 0 else { return nil }
        return String(decoding: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
