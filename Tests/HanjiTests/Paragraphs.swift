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
