import CPangoCairo
import HanjiLayout

extension PangoShaper {
    /// `words` without those wider than `width` on their own line. Pango 1.50 aborts the
    /// program (process_line: assertion failed) laying out a no-break span that is wider than
    /// its line and holds a break opportunity (`aaaa…|bb`); such a word is broken between
    /// letters anyway, so it is not kept whole. Words are measured only when one could be that
    /// wide (no character is much wider than 1.25 em), on one unwrapped layout of the text.
    func fitting(_ words: [Range<Int>], _ text: String, _ bytes: [UInt8], style: Style,
                 width: Double) throws -> [Range<Int>] {
        let em = style.size * 1.25 * (1 + max(style.tracking, 0))
        let suspects = Set(words.filter { w in
            Double(String(decoding: bytes[w], as: UTF8.self).unicodeScalars.count) * em > width
        })
        guard !suspects.isEmpty else { return words }
        let line = try make(text, style: style, width: .infinity, keep: [])
        func x(_ index: Int) -> Double {
            var position = PangoRectangle()
            pango_layout_index_to_pos(line.layout, Int32(index), &position)
            return Double(position.x) / Double(PANGO_SCALE)
        }
        return words.filter { w in !suspects.contains(w) || abs(x(w.upperBound) - x(w.lowerBound)) <= width }
    }
}
