import Hanji
import HanjiLayout
import HanjiTestSupport

/// Lines in drawing order cut into paragraphs: a line whose index is not one more than the
/// line's before it starts a new paragraph (a paragraph's lines are drawn in order, across pages).
func paragraphs(_ lines: [Line]) -> [[Line]] {
    var result: [[Line]] = []
    for line in lines {
        if let last = result.last?.last, line.index == last.index + 1 {
            result[result.count - 1].append(line)
        } else {
            result.append([line])
        }
    }
    return result
}

/// The places where a paragraph of `document` wraps inside a Korean word (a line ending in a
/// Hangul syllable followed by one starting with one), and how many wrapped pairs were looked at.
func brokenWords(_ document: Document) -> (pairs: Int, broken: [String]) {
    func hangul(_ c: Character?) -> Bool { c?.unicodeScalars.first.map { (0xAC00...0xD7A3).contains($0.value) } ?? false }
    var pairs = 0, broken: [String] = []
    for paragraph in paragraphs(document.pages.flatMap { $0.frame.lines.map(\.1) }) {
        for (before, line) in zip(paragraph, paragraph.dropFirst()) {
            pairs += 1
            if hangul(before.text.last) && hangul(line.text.first) { broken.append("'\(before.text)' / '\(line.text)'") }
        }
    }
    return (pairs, broken)
}
