import CPangoCairo
import HanjiLayout

/// One run of a shaped line as Cairo draws it: a font, glyphs placed from the line's start, and
/// the run's text with its clusters, so a PDF keeps the words for copying and search.
public final class GlyphRun {
    public let font: OpaquePointer
    public var glyphs: [cairo_glyph_t]
    public let text: [CChar]
    public var clusters: [cairo_text_cluster_t]

    init(font: OpaquePointer, glyphs: [cairo_glyph_t], text: [CChar], clusters: [cairo_text_cluster_t]) {
        self.font = cairo_scaled_font_reference(font)
        self.glyphs = glyphs; self.text = text; self.clusters = clusters
    }

    deinit { cairo_scaled_font_destroy(font) }
}

/// A paragraph's lines as Cairo glyph runs, taken from Pango once shaping and justification
/// are done. Drawing them needs only Cairo, never Pango, so pages can be drawn on another
/// thread while the next ones are shaped.
public final class Glyphs {
    /// The runs of each line, by line index.
    public let lines: [[GlyphRun]]

    init(_ shaped: Shaped) {
        var lines: [[GlyphRun]] = []
        let count = pango_layout_get_line_count(shaped.layout)
        let text = pango_layout_get_text(shaped.layout)!
        for index in 0..<count {
            var runs: [GlyphRun] = []
            var x = 0.0
            var node = pango_layout_get_line_readonly(shaped.layout, index)?.pointee.runs
            while let cell = node {
                defer { node = cell.pointee.next }
                guard let run = cell.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self) else { continue }
                let item = run.pointee.item.pointee, string = run.pointee.glyphs.pointee
                let advance = Double(pango_glyph_string_get_width(run.pointee.glyphs)) / Double(PANGO_SCALE)
                defer { x += advance }
                guard let font = item.analysis.font,
                      let scaled = pango_cairo_font_get_scaled_font(OpaquePointer(font)) else { continue }
                // Glyphs, placed as Pango's renderer places them; empty and unknown glyphs draw nothing.
                var kept = [Bool](repeating: false, count: Int(string.num_glyphs))
                var glyphs: [cairo_glyph_t] = []
                var position = x
                for i in 0..<Int(string.num_glyphs) {
                    let info = string.glyphs[i]
                    let g = info.glyph
                    if g != 0x0FFF_FFFF && g & 0x1000_0000 == 0 {
                        glyphs.append(cairo_glyph_t(index: UInt(g),
                                                    x: position + Double(info.geometry.x_offset) / Double(PANGO_SCALE),
                                                    y: Double(info.geometry.y_offset) / Double(PANGO_SCALE)))
                        kept[i] = true
                    }
                    position += Double(info.geometry.width) / Double(PANGO_SCALE)
                }
                // Clusters: bytes of text to glyphs, from Pango's own cluster iterator.
                var clusters: [cairo_text_cluster_t] = []
                var iter = PangoGlyphItemIter()
                var more = pango_glyph_item_iter_init_start(&iter, run, text) != 0
                // A right-to-left run (a U+200F mark is enough) counts its clusters backwards:
                // the glyphs of a cluster are end_glyph + 1 ... start_glyph.
                let backwards = item.analysis.level % 2 == 1
                while more {
                    let lo = Int(backwards ? iter.end_glyph + 1 : iter.start_glyph)
                    let hi = Int(backwards ? iter.start_glyph + 1 : iter.end_glyph)
                    let first = min(max(lo, 0), kept.count), end = min(max(hi, first), kept.count)
                    let drawn = (first..<end).filter { kept[$0] }.count
                    clusters.append(cairo_text_cluster_t(num_bytes: iter.end_index - iter.start_index, num_glyphs: Int32(drawn)))
                    more = pango_glyph_item_iter_next_cluster(&iter) != 0
                }
                let bytes = UnsafeBufferPointer(start: text + Int(item.offset), count: Int(item.length))
                runs.append(GlyphRun(font: scaled, glyphs: glyphs, text: Array(bytes), clusters: clusters))
            }
            lines.append(runs)
        }
        self.lines = lines
    }
}
