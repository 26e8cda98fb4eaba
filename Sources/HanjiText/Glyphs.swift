import CPangoCairo
import HanjiLayout

/// A shaped layout's lines as glyph runs, taken from Pango once shaping and justification are
/// done: values (glyph ids, positions, clusters, a font key) that hold nothing of Pango's, so
/// a page can be drawn on any thread while the next ones are shaped.
enum Glyphs {
    /// The runs of each line of `shaped`, by line index.
    static func lines(of shaped: Shaped) -> [[GlyphRun]] {
        let count = pango_layout_get_line_count(shaped.layout)
        guard let text = pango_layout_get_text(shaped.layout) else { return [] }
        return (0..<count).map { index in
            var runs: [GlyphRun] = []
            var x = 0.0
            var node = pango_layout_get_line_readonly(shaped.layout, index)?.pointee.runs
            while let cell = node {
                defer { node = cell.pointee.next }
                guard let run = cell.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self) else { continue }
                let advance = Double(pango_glyph_string_get_width(run.pointee.glyphs)) / Double(PANGO_SCALE)
                defer { x += advance }
                guard let font = run.pointee.item.pointee.analysis.font, let key = Self.key(of: font) else { continue }
                runs.append(Self.run(run, text: text, font: key, from: x))
            }
            return runs
        }
    }

    /// One run's glyphs, placed as Pango's renderer places them from `x` (empty and unknown
    /// glyphs draw nothing), with its text and clusters.
    static func run(_ run: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>, font: FontKey,
                    from x: Double) -> GlyphRun {
        let item = run.pointee.item.pointee, string = run.pointee.glyphs.pointee
        var kept = [Bool](repeating: false, count: Int(string.num_glyphs))
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(kept.count)
        var position = x
        for i in 0..<Int(string.num_glyphs) {
            let info = string.glyphs[i]
            if info.glyph != 0x0FFF_FFFF && info.glyph & 0x1000_0000 == 0 {
                glyphs.append(Glyph(id: info.glyph, x: position + Double(info.geometry.x_offset) / Double(PANGO_SCALE),
                                    y: Double(info.geometry.y_offset) / Double(PANGO_SCALE)))
                kept[i] = true
            }
            position += Double(info.geometry.width) / Double(PANGO_SCALE)
        }
        let start = UnsafeRawPointer(text + Int(item.offset)).assumingMemoryBound(to: UInt8.self)
        let bytes = UnsafeBufferPointer(start: start, count: Int(item.length))
        return GlyphRun(font: font, glyphs: glyphs, text: String(decoding: bytes, as: UTF8.self),
                        clusters: clusters(run, text: text, kept: kept))
    }

    /// Clusters: bytes of text to glyphs drawn, from Pango's own cluster iterator.
    static func clusters(_ run: UnsafeMutablePointer<PangoGlyphItem>, text: UnsafePointer<CChar>,
                         kept: [Bool]) -> [Cluster] {
        var clusters: [Cluster] = []
        var iter = PangoGlyphItemIter()
        var more = pango_glyph_item_iter_init_start(&iter, run, text) != 0
        // A right-to-left run (a U+200F mark is enough) counts its clusters backwards:
        // the glyphs of a cluster are end_glyph + 1 ... start_glyph.
        let backwards = run.pointee.item.pointee.analysis.level % 2 == 1
        while more {
            let lo = Int(backwards ? iter.end_glyph + 1 : iter.start_glyph)
            let hi = Int(backwards ? iter.start_glyph + 1 : iter.end_glyph)
            let first = min(max(lo, 0), kept.count), end = min(max(hi, first), kept.count)
            let drawn = (first..<end).filter { kept[$0] }.count
            clusters.append(Cluster(bytes: iter.end_index - iter.start_index, glyphs: Int32(drawn)))
            more = pango_glyph_item_iter_next_cluster(&iter) != 0
        }
        return clusters
    }

    /// The key of the face Pango chose: the file and index fontconfig matched, the pixel size
    /// Pango scales it to (at 72 dpi, the size in points), and fontconfig's synthetic styles.
    static func key(of font: UnsafeMutablePointer<PangoFont>) -> FontKey? {
        let fc = UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self)
        guard let pattern = pango_fc_font_get_pattern(fc) else { return nil }
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(pattern, "file", 0, &file) == FcResultMatch, let file else { return nil }
        var index: Int32 = 0, size = 0.0, bold: FcBool = 0
        _ = FcPatternGetInteger(pattern, "index", 0, &index)
        guard FcPatternGetDouble(pattern, "pixelsize", 0, &size) == FcResultMatch
                || FcPatternGetDouble(pattern, "size", 0, &size) == FcResultMatch else { return nil }
        _ = FcPatternGetBool(pattern, "embolden", 0, &bold)
        var matrix: UnsafeMutablePointer<FcMatrix>?
        let slanted = FcPatternGetMatrix(pattern, "matrix", 0, &matrix) == FcResultMatch
            && (matrix?.pointee.xy ?? 0) != 0
        return FontKey(file: String(cString: file), index: Int(index), size: size,
                       syntheticBold: bold != 0, syntheticOblique: slanted)
    }
}
