import Foundation

/// Where Korean lines may break: between words (어절) and after each ㆍ ․ · of a name chain,
/// never inside a date such as `2018. 11. 22.(목)`, a time range such as `18:00~21:00`, or a
/// number with its unit (`8 명`).
enum Breaking {
    /// Patterns that read as one unit although they hold spaces.
    static let units: [NSRegularExpression] = [
        // 2018. 11. 22.(목), 2018.11.22., '18. 6. 3.
        #"['‘]?\d{2,4}\.\s?\d{1,2}\.\s?\d{1,2}\.?(\s?\([월화수목금토일]\))?"#,
        // 2018년 12월 13일(목), 12월 13일
        #"(\d{4}년\s)?\d{1,2}월\s?\d{1,2}일(\s?\([월화수목금토일]\))?"#,
        // 18:00~21:00, 18:00 ~ 21:00
        #"\d{1,2}:\d{2}(\s?[~∼-]\s?\d{1,2}:\d{2})?"#,
        // 8 명, 1,000 원, 500 KB, 30 %
        #"\d[\d,.]*\s(명|개|원|층|호|건|회|부|쪽|km|kg|cm|mm|m|g|%|KB|MB|GB)(?=$|[\s.,)」』])"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    /// Byte ranges that must not break inside: the space-delimited words, with the words of a
    /// date, time range or number-with-unit joined into one.
    static func unbreakable(in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        var ranges = words(in: bytes)
        // Every unit pattern holds a digit; most texts have none and skip the regular expressions.
        guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return ranges }
        let ns = text as NSString
        for pattern in units {
            for match in pattern.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let start = ns.substring(to: match.range.location).utf8.count
                let span = start..<(start + ns.substring(with: match.range).utf8.count)
                guard ns.substring(with: match.range).contains(" ") else { continue }
                let joined = ranges.filter { $0.overlaps(span) }
                guard let first = joined.first, let last = joined.last else { continue }
                ranges.removeAll { $0.overlaps(span) }
                ranges.append(min(first.lowerBound, span.lowerBound)..<max(last.upperBound, span.upperBound))
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Byte ranges of the space-delimited words, a name chain cut after each of its separators.
    static func words(in bytes: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        for (i, b) in bytes.enumerated() {
            let space = b == 0x20 || b == 0x0A || b == 0x09
            if space, let s = start { result += names(in: s..<i, bytes); start = nil }
            if !space && start == nil { start = i }
        }
        if let s = start { result += names(in: s..<bytes.count, bytes) }
        return result
    }

    /// What joins names with no space (`김가나ㆍ이다라․박마바·최사아`), as UTF-8.
    static let joiners = ["\u{318D}", "\u{2024}", "\u{00B7}"].map { Array($0.utf8) }

    /// A word cut right after each joiner it holds, so a line breaks only between whole names and
    /// never starts with a joiner; a word without one stays whole.
    static func names(in word: Range<Int>, _ bytes: [UInt8]) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = word.lowerBound, i = word.lowerBound
        while i < word.upperBound {
            guard let joiner = joiners.first(where: { bytes[i..<word.upperBound].starts(with: $0) }) else {
                i += 1
                continue
            }
            i += joiner.count
            if i < word.upperBound { parts.append(start..<i); start = i }
        }
        return parts + [start..<word.upperBound]
    }
}
