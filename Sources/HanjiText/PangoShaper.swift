// HanjiText: shapes text with Pango into the lines the layout places and the writer draws.
// Korean word-based breaking lives here: breaks are allowed only at spaces unless a word is
// longer than its line, which then breaks between syllables.
import CPangoCairo
import HanjiLayout

/// A Pango layout kept alive for the lines cut from it; the writer draws its lines.
public final class Shaped {
    public let layout: OpaquePointer
    init(_ layout: OpaquePointer) { self.layout = layout }
    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }
}

/// Shapes text with Pango over its own font map at 72 dpi, positions unrounded.
public final class PangoShaper: Shaper {
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer

    public let fonts: Fonts
    /// Whether a character no font has stops the document; otherwise it is noted in `warnings`.
    public var missingIsError = true
    public var warnings: [String] = []
    /// Every missing character noted (not thrown) since `warnings` was last cleared, with its text.
    public var missed: [FontError] = []
    /// Lines already shaped, by text, style and width: a batch shapes its fixed texts once.
    /// Cleared when it grows past `cacheLimit` entries, so memory stays flat.
    var cache: [Key: [Line]] = [:]
    var chains: [String: Set<String>] = [:]
    let cacheLimit = 256

    struct Key: Hashable {
        var text: String
        var style: Style
        var width: Double
        var spans: [Span]
    }

    public init(fonts: Fonts) {
        self.fonts = fonts
        fontMap = pango_cairo_font_map_new()
        pango_fc_font_map_set_config(OpaquePointer(fontMap), fonts.config)
        pango_cairo_font_map_set_resolution(OpaquePointer(fontMap), 72)
        context = pango_font_map_create_context(fontMap)
        // Korean text whatever the machine's locale (Pango would take it from LC_CTYPE).
        pango_context_set_language(context, pango_language_from_string("ko"))
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    public func shape(_ text: String, style: Style, width: Double, spans: [Span]) throws -> [Line] {
        let key = Key(text: text, style: style, width: width, spans: spans)
        if let known = cache[key] { return known }
        var clean = true
        let lines = try shape(text, style: style, width: width, spans: spans, clean: &clean)
        // A text with a missing character is not cached, so each document hears its warning.
        if clean {
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[key] = lines
        }
        return lines
    }

    func shape(_ text: String, style: Style, width: Double, spans: [Span] = [], clean: inout Bool) throws -> [Line] {
        let bytes = Array(text.utf8)
        let chain = chains[style.font] ?? Self.chain(style.font)
        chains[style.font] = chain
        var words = style.breaking == .words ? Breaking.unbreakable(in: text) : []
        words = fitting(words, text, bytes, style: style, width: width)
        for _ in 0..<4 {
            let layout = make(text, style: style, width: width, keep: words, spans: spans)
            if let c = Self.missing(in: layout, bytes: bytes, chain: chain) {
                clean = false
                let problem = FontError.missingGlyph(c, text: text, fonts: style.font)
                if missingIsError { throw problem }
                if !warnings.contains(problem.description) {
                    warnings.append(problem.description)
                    missed.append(problem)
                }
            }
            let lines = Self.lines(of: layout, bytes: bytes)
            let over = lines.filter { $0.width > width + 0.5 }
            if over.isEmpty || words.isEmpty { return justified(lines, layout, bytes, style, width) }
            // A word longer than its line: let that word alone break between syllables.
            let spans = over.map { line -> Range<Int> in
                let shaped = line.handle as! Shaped
                let l = pango_layout_get_line_readonly(shaped.layout, Int32(line.index))!.pointee
                return Int(l.start_index)..<Int(l.start_index + l.length)
            }
            let before = words.count
            words.removeAll { w in spans.contains { $0.overlaps(w) } }
            if words.count == before { return justified(lines, layout, bytes, style, width) }
        }
        let layout = make(text, style: style, width: width, keep: [], spans: spans)
        return justified(Self.lines(of: layout, bytes: bytes), layout, bytes, style, width)
    }

    /// Justified text: every line but the last stretched to the width, gaps within limits. The
    /// lines leave with Cairo glyph runs as their handle; the Pango layout is no longer needed.
    func justified(_ lines: [Line], _ layout: Shaped, _ bytes: [UInt8], _ style: Style, _ width: Double) -> [Line] {
        let stretched = stretch(lines, layout, bytes, style, width)
        let glyphs = Glyphs(layout)
        return stretched.map { line in
            var line = line
            line.handle = glyphs
            return line
        }
    }

    func stretch(_ lines: [Line], _ layout: Shaped, _ bytes: [UInt8], _ style: Style, _ width: Double) -> [Line] {
        guard style.align == .justify, lines.count > 1 else { return lines }
        let widths = Justify.apply(layout, bytes: bytes, width: width, indent: style.firstIndent,
                                   maxGap: style.maxGap * style.size, maxLetter: style.maxLetterGap * style.size)
        return lines.map { line in
            var line = line
            if let w = widths[line.index] { line.width = w }
            return line
        }
    }

    /// The families of a style's font list, lowercased: `NanumMyeongjo, DejaVu Serif`.
    static func chain(_ font: String) -> Set<String> {
        Set(font.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }

    /// The first character drawn with no glyph (Pango's hex box) or by a font outside the
    /// style's chain (a silent substitute), if any.
    static func missing(in shaped: Shaped, bytes: [UInt8], chain: Set<String>) -> Character? {
        let iter = pango_layout_get_iter(shaped.layout)!
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let run = pango_layout_iter_get_run_readonly(iter) else { continue }
            let item = run.pointee.item.pointee, glyphs = run.pointee.glyphs.pointee
            // Any of the font's names counts: fontconfig may give its Korean one first.
            let names = families(of: item)
            let outside = item.analysis.font != nil && !names.contains { chain.contains($0.lowercased()) }
            for i in 0..<Int(glyphs.num_glyphs) {
                let glyph = glyphs.glyphs[i].glyph
                guard glyph & 0x1000_0000 != 0 || (outside && glyph != 0x0FFF_FFFF) else { continue }
                let start = Int(item.offset) + Int(glyphs.log_clusters[i])
                let text = String(decoding: bytes[start...], as: UTF8.self)
                if let c = text.first, !c.isWhitespace { return c }
            }
        } while pango_layout_iter_next_run(iter) != 0
        return nil
    }

    func make(_ text: String, style: Style, width: Double, keep words: [Range<Int>], spans: [Span] = []) -> Shaped {
        let layout = pango_layout_new(context)!
        let shaped = Shaped(layout)
        pango_layout_set_text(layout, text, -1)
        let desc = pango_font_description_new()
        pango_font_description_set_family(desc, style.font)
        pango_font_description_set_absolute_size(desc, style.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        if style.italic { pango_font_description_set_style(desc, PANGO_STYLE_ITALIC) }
        pango_layout_set_font_description(layout, desc)
        pango_font_description_free(desc)
        // An unbounded (or absurd) width means one line per paragraph: Pango's -1.
        let scaled = width * Double(PANGO_SCALE)
        pango_layout_set_width(layout, scaled.isFinite && scaled >= 0 && scaled < Double(Int32.max) ? Int32(scaled) : -1)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        if style.firstIndent != 0 { pango_layout_set_indent(layout, Int32(style.firstIndent * Double(PANGO_SCALE))) }
        switch style.align {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        case .justify:
            // Justified afterwards by `Justify`, which limits the word gaps.
            pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        }
        let attrs = pango_attr_list_new()
        for word in words {
            let attr = pango_attr_allow_breaks_new(0)!
            attr.pointee.start_index = guint(word.lowerBound)
            attr.pointee.end_index = guint(word.upperBound)
            pango_attr_list_insert(attrs, attr)
        }
        for span in spans {
            let attr = pango_attr_weight_new(span.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)!
            attr.pointee.start_index = guint(span.range.lowerBound)
            attr.pointee.end_index = guint(span.range.upperBound)
            pango_attr_list_insert(attrs, attr)
        }
        if style.tracking != 0 {
            let attr = pango_attr_letter_spacing_new(Int32(style.tracking * style.size * Double(PANGO_SCALE)))!
            pango_attr_list_insert(attrs, attr)
        }
        pango_layout_set_attributes(layout, attrs)
        pango_attr_list_unref(attrs)
        return shaped
    }

    static func lines(of shaped: Shaped, bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        let iter = pango_layout_get_iter(shaped.layout)!
        defer { pango_layout_iter_free(iter) }
        var index = 0
        repeat {
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / Double(PANGO_SCALE)
            let line = pango_layout_iter_get_line_readonly(iter)!.pointee
            let start = Int(line.start_index), end = min(start + Int(line.length), bytes.count)
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            let top = Double(logical.y) / Double(PANGO_SCALE)
            let height = Double(logical.height) / Double(PANGO_SCALE)
            lines.append(Line(text: text, x: Double(logical.x) / Double(PANGO_SCALE),
                              width: Double(logical.width) / Double(PANGO_SCALE),
                              ascent: baseline - top, descent: top + height - baseline, handle: shaped, index: index))
            index += 1
        } while pango_layout_iter_next_line(iter) != 0
        return lines
    }
}
