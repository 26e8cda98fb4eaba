/// A page's content stream rewritten so that everything painted is marked: runs that paint
/// outside any structure element's marked content (rules, fills, running headers and footers,
/// page numbers) are wrapped in `/Artifact BMC … EMC`, and a sequence whose MCID no element
/// lists (an orphan) becomes an artifact too.
///
/// It reads Cairo 1.16's content line by line, which is exact for what Cairo writes: every BDC,
/// BMC and EMC is a line of its own, a structure element's sequence opens and closes outside
/// text objects (Cairo ends the text object first), and strings hold no line breaks. Inline
/// marked content without an MCID (Cairo's `/Span << /ActualText … >> BDC` inside a text object)
/// is ordinary content of the run around it, so no sequence crosses BT/ET.
struct ContentMarker {
    /// The MCIDs of this page whose sequences become artifacts.
    var orphans: Set<Int> = []

    func rewrite(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count + input.count / 8 + 64)
        // Open marked content: true for a structure element's or an artifact's, false for inline.
        var stack: [Bool] = []
        var marked = 0
        var run: Range<Int>? = nil, runPaints = false
        func flush() {
            guard let range = run else { return }
            if runPaints { out += Self.artifact }
            out += input[range]
            if runPaints {
                if out.last != newline { out.append(newline) }
                out += Self.close
            }
            run = nil
            runPaints = false
        }
        var start = 0
        while start < input.count {
            var end = start
            while end < input.count && input[end] != newline { end += 1 }
            let next = end < input.count ? end + 1 : end
            let line = input[start..<end]
            let opens = line.first == slash && (line.hasSuffix(Self.bdc) || line.hasSuffix(Self.bmc))
            let mcid = opens ? Self.mcid(in: line) : nil
            let structural = opens && (mcid != nil || line.starts(with: Self.artifactName))
            if marked > 0 || structural {
                flush()
                if let mcid, orphans.contains(mcid) {
                    out += Self.artifact
                } else {
                    out += input[start..<next]
                }
            } else {
                run = (run?.lowerBound ?? start)..<next
                runPaints = runPaints || Self.paints(line)
            }
            if opens {
                stack.append(structural)
                if structural { marked += 1 }
            } else if line.elementsEqual(Self.close.dropLast()), let top = stack.popLast(), top {
                marked -= 1
            }
            start = next
        }
        flush()
        return out
    }

    static let artifact = Array("/Artifact BMC\n".utf8), close = Array("EMC\n".utf8)
    static let artifactName = Array("/Artifact".utf8), bdc = Array("BDC".utf8), bmc = Array("BMC".utf8)
    static let mcidKey = Array("/MCID".utf8)

    /// The number after `/MCID` on a BDC line.
    static func mcid(in line: ArraySlice<UInt8>) -> Int? {
        guard let at = line.firstRange(of: mcidKey) else { return nil }
        var i = at.upperBound, value: Int? = nil
        while i < line.endIndex && line[i] == space { i += 1 }
        while i < line.endIndex, (zero...nine).contains(line[i]) {
            value = (value ?? 0) * 10 + Int(line[i] - zero)
            i += 1
        }
        return value
    }

    /// Whether an operator paints: text shown (Tj TJ ' "), a path filled or stroked (f F f* S s B
    /// B* b b*), an XObject (Do), a shading (sh), an inline image (BI … EI).
    static func isPainting(_ token: ArraySlice<UInt8>) -> Bool {
        let first = token.first ?? 0, second = token.count > 1 ? token[token.startIndex + 1] : 0
        switch token.count {
        case 1: return [0x27, 0x22, 0x66, 0x46, 0x53, 0x73, 0x42, 0x62].contains(first)   // ' " f F S s B b
        case 2:
            switch (first, second) {
            case (0x54, 0x6A), (0x54, 0x4A), (0x66, 0x2A), (0x42, 0x2A), (0x62, 0x2A),    // Tj TJ f* B* b*
                 (0x44, 0x6F), (0x73, 0x68), (0x42, 0x49), (0x45, 0x49): return true     // Do sh BI EI
            default: return false
            }
        default: return false
        }
    }

    /// Whether a line holds a painting operator (outside strings, names and numbers).
    static func paints(_ line: ArraySlice<UInt8>) -> Bool {
        var i = line.startIndex
        while i < line.endIndex {
            let c = line[i]
            switch c {
            case openParen:
                // A literal string, with escapes and balanced parentheses.
                var depth = 0
                while i < line.endIndex {
                    if line[i] == backslash { i += 2; continue }
                    if line[i] == openParen { depth += 1 } else if line[i] == closeParen { depth -= 1 }
                    i += 1
                    if depth == 0 { break }
                }
            case lessThan where i + 1 < line.endIndex && line[i + 1] != lessThan:
                // A hex string.
                while i < line.endIndex && line[i] != greaterThan { i += 1 }
            case slash:
                // A name.
                i += 1
                while i < line.endIndex && !delimiters.contains(line[i]) { i += 1 }
            case lessThan, greaterThan, openBracket, closeBracket, space, tab, carriageReturn:
                i += 1
            default:
                var end = i
                while end < line.endIndex && !delimiters.contains(line[end]) { end += 1 }
                if end == i { end += 1 }
                if isPainting(line[i..<end]) { return true }
                i = end
            }
        }
        return false
    }

    static let delimiters: Set<UInt8> = [space, tab, carriageReturn, openParen, closeParen, lessThan, greaterThan,
                                         openBracket, closeBracket, slash, 0x7B, 0x7D, 0x25]
}

private let newline: UInt8 = 0x0A, space: UInt8 = 0x20, tab: UInt8 = 0x09, carriageReturn: UInt8 = 0x0D
private let slash: UInt8 = 0x2F, backslash: UInt8 = 0x5C, zero: UInt8 = 0x30, nine: UInt8 = 0x39
private let openParen: UInt8 = 0x28, closeParen: UInt8 = 0x29, lessThan: UInt8 = 0x3C, greaterThan: UInt8 = 0x3E
private let openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D

private extension ArraySlice where Element == UInt8 {
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self.suffix(suffix.count).elementsEqual(suffix)
    }
}
