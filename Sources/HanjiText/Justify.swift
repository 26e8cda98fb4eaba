import CPangoCairo

/// Justification with a limit on word gaps: each line but the last is stretched to the full
/// width, first by widening its spaces up to `maxGap`, then by spreading what remains evenly
/// between the letters (as Korean typesetting does), so no line shows a river of white.
enum Justify {
    /// Stretches the lines of `shaped` (all but the last) to `width`, less the first line's
    /// `indent` (or, when negative, the other lines'); returns each line's new width.
    static func apply(_ shaped: Shaped, bytes: [UInt8], width full: Double, indent: Double = 0,
                      maxGap: Double, maxLetter: Double) -> [Int: Double] {
        var widths: [Int: Double] = [:]
        let count = Int(pango_layout_get_line_count(shaped.layout))
        guard count > 1 else { return widths }
        let scale = Double(PANGO_SCALE)
        for index in 0..<(count - 1) {
            guard let line = pango_layout_get_line(shaped.layout, Int32(index)) else { continue }
            let width = full - ((index == 0) == (indent > 0) ? abs(indent) : 0)
            let start = Int(line.pointee.start_index)
            var end = min(start + Int(line.pointee.length), bytes.count)
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A { end -= 1 }
            // Visit the glyphs of the line that stand before its trailing spaces.
            var glyphs: [(run: UnsafeMutablePointer<PangoGlyphString>, index: Int, space: Bool)] = []
            var natural = 0.0
            var node = line.pointee.runs
            while let n = node {
                let run = n.pointee.data.assumingMemoryBound(to: PangoGlyphItem.self)
                let offset = Int(run.pointee.item.pointee.offset)
                let string = run.pointee.glyphs!
                for i in 0..<Int(string.pointee.num_glyphs) {
                    let byte = offset + Int(string.pointee.log_clusters[i])
                    guard byte < end else { continue }
                    glyphs.append((string, i, bytes[byte] == 0x20))
                    natural += Double(string.pointee.glyphs[i].geometry.width) / scale
                }
                node = n.pointee.next
            }
            let extra = width - natural
            let spaces = glyphs.filter(\.space).count
            guard extra > 0.01, glyphs.count > 1 else { continue }
            let perSpace = spaces > 0 ? min(extra / Double(spaces), maxGap) : 0
            let perLetter = (extra - perSpace * Double(spaces)) / Double(glyphs.count - 1)
            // Past both limits the line stays ragged rather than look broken.
            if perLetter > maxLetter { continue }
            for (k, g) in glyphs.enumerated() where k < glyphs.count - 1 {
                let add = (g.space ? perSpace : 0) + perLetter
                g.run.pointee.glyphs[g.index].geometry.width += Int32((add * scale).rounded())
            }
            widths[index] = width
        }
        return widths
    }
}
