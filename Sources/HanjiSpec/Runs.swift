import HanjiLayout

extension Spec {
    /// A template's lines as printed, each with its bold runs (`**…**`) as byte spans: every
    /// run mapped by the spec's `display`, then cut at line breaks like any text.
    func markedLines(_ template: Template, _ scope: Scope) throws -> [(text: String, spans: [Span])] {
        var lines: [(text: String, spans: [Span])] = [("", [])]
        for run in try template.runs(scope) {
            let pieces = display.apply(run.text).split(separator: "\n", omittingEmptySubsequences: false)
            for (k, piece) in pieces.enumerated() {
                if k > 0 { lines.append(("", [])) }
                let start = lines[lines.count - 1].text.utf8.count
                lines[lines.count - 1].text += piece
                if run.bold && !piece.isEmpty {
                    lines[lines.count - 1].spans.append(Span(start..<(start + piece.utf8.count)))
                }
            }
        }
        return lines
    }
}
