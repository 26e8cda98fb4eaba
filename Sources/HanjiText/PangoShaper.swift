// HanjiText: shapes text with Pango into the lines the layout places and the writer draws.
// Korean word-based breaking lives here: breaks are allowed only at spaces unless a word is
// longer than its line, which then breaks between syllables.
import CPangoCairo
import HanjiLayout

/// A Pango layout, kept while its lines are measured, justified and read into glyph runs.
final class Shaped {
    let object: PangoObject
    var layout: OpaquePointer { object.opaque }

    init(in context: PangoObject) throws {
        object = try PangoObject(pango_layout_new(context.opaque), "pango_layout_new")
    }

    /// Walks the layout with Pango's iterator (the one way it is made and freed).
    func iterate<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        guard let iter = pango_layout_get_iter(layout) else { throw FontError.setup("pango_layout_get_iter failed") }
        defer { pango_layout_iter_free(iter) }
        return try body(iter)
    }
}

/// Shapes text with Pango over its own font map at 72 dpi, positions unrounded. Used from one
/// thread at a time (Pango's font map and context are not thread-safe); make one per thread.
public final class PangoShaper: Shaper {
    let fontMap: PangoObject
    let context: PangoObject

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
    /// How many times a text is laid out again, each time letting the words of its overflowing
    /// lines break between syllables; after that every word may break. Each round frees at least
    /// one word, and a real text needs one or two: the limit bounds the layouts a text costs.
    static let wordRounds = 4

    struct Key: Hashable {
        var text: String
        var style: Style
        var width: Double
        var spans: [Span]
    }

    public init(fonts: Fonts) throws {
        self.fonts = fonts
        let map: UnsafeMutablePointer<PangoFontMap>? = pango_cairo_font_map_new()
        fontMap = try PangoObject(UnsafeMutableRawPointer(map), "pango_cairo_font_map_new")
        pango_fc_font_map_set_config(fontMap.opaque, fonts.config)
        pango_cairo_font_map_set_resolution(fontMap.opaque, 72)
        context = try PangoObject(pango_font_map_create_context(map), "pango_font_map_create_context")
        // Korean text whatever the machine's locale (Pango would take it from LC_CTYPE).
        pango_context_set_language(context.opaque, pango_language_from_string("ko"))
        let options = cairo_font_options_create()
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        pango_cairo_context_set_font_options(context.opaque, options)
        pango_context_set_round_glyph_positions(context.opaque, 0)
    }

    public func shape(_ text: String, style: Style, width: Double, spans: [Span]) throws -> [Line] {
        let key = Key(text: text, style: style, width: width, spans: spans)
        if let known = cache[key] { return known }
        let (lines, complete) = try shapeAnew(text, style: style, width: width, spans: spans)
        // A text with a missing character is not cached, so each document hears its warning.
        if complete {
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[key] = lines
        }
        return lines
    }

    /// Shapes `text`, keeping its words whole where they fit; and whether every character was drawn.
    func shapeAnew(_ text: String, style: Style, width: Double, spans: [Span] = []) throws
        -> (lines: [Line], complete: Bool) {
        let bytes = Array(text.utf8)
        let chain = chains[style.font] ?? Self.chain(style.font)
        chains[style.font] = chain
        var words = style.breaking == .words ? Breaking.unbreakable(in: text) : []
        words = try fitting(words, text, bytes, style: style, width: width)
        var complete = true
        for _ in 0..<Self.wordRounds {
            let layout = try make(text, style: style, width: width, keep: words, spans: spans)
            if try !allDrawn(layout, text, bytes, chain: chain, style: style) { complete = false }
            let lines = try Self.lines(of: layout, bytes: bytes)
            let kept = Self.freeing(words, overflowing: lines, of: layout, width: width)
            if kept.count == words.count { return (justified(lines, layout, bytes, style, width), complete) }
            words = kept
        }
        let layout = try make(text, style: style, width: width, keep: [], spans: spans)
        return (justified(try Self.lines(of: layout, bytes: bytes), layout, bytes, style, width), complete)
    }

    /// `words` less those on a line wider than `width` (a word longer than its line), which may
    /// then break between syllables.
    static func freeing(_ words: [Range<Int>], overflowing lines: [Line], of layout: Shaped,
                        width: Double) -> [Range<Int>] {
        let over = lines.filter { $0.width > width + 0.5 }.compactMap { line -> Range<Int>? in
            guard let l = pango_layout_get_line_readonly(layout.layout, Int32(line.index))?.pointee else { return nil }
            return Int(l.start_index)..<Int(l.start_index + l.length)
        }
        return words.filter { w in !over.contains { $0.overlaps(w) } }
    }

    /// Whether every character of `layout` is drawn by a font of the style's chain. A missing
    /// one throws, or, when missing characters are not errors, is noted once in `warnings`.
    func allDrawn(_ layout: Shaped, _ text: String, _ bytes: [UInt8], chain: Set<String>, style: Style) throws
        -> Bool {
        guard let c = try Self.missing(in: layout, bytes: bytes, chain: chain) else { return true }
        let problem = FontError.missingGlyph(c, text: text, fonts: style.font)
        if missingIsError { throw problem }
        if !warnings.contains(problem.description) {
            warnings.append(problem.description)
            missed.append(problem)
        }
        return false
    }

    /// Justified text: every line but the last stretched to the width, gaps within limits. The
    /// lines leave with their glyph runs; the Pango layout is no longer needed.
    func justified(_ lines: [Line], _ layout: Shaped, _ bytes: [UInt8], _ style: Style, _ width: Double) -> [Line] {
        let stretched = stretch(lines, layout, bytes, style, width)
        let runs = Glyphs.lines(of: layout)
        return stretched.map { line in
            var line = line
            if line.index < runs.count { line.runs = runs[line.index] }
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
    static func missing(in shaped: Shaped, bytes: [UInt8], chain: Set<String>) throws -> Character? {
        try shaped.iterate { iter -> Character? in
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
    }

    func make(_ text: String, style: Style, width: Double, keep words: [Range<Int>], spans: [Span] = []) throws
        -> Shaped {
        let shaped = try Shaped(in: context)
        let layout = shaped.layout
        pango_layout_set_text(layout, text, -1)
        guard let desc = pango_font_description_new() else {
            throw FontError.setup("pango_font_description_new failed")
        }
        pango_font_description_set_family(desc, style.font)
        pango_font_description_set_absolute_size(desc, style.size * Double(PANGO_SCALE))
        pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        if style.italic { pango_font_description_set_style(desc, PANGO_STYLE_ITALIC) }
        pango_layout_set_font_description(layout, desc)
        pango_font_description_free(desc)
        // An unbounded (or absurd) width means one line per paragraph: Pango's -1.
        let scaled = width * Double(PANGO_SCALE)
        let bounded = scaled.isFinite && scaled >= 0 && scaled < Double(Int32.max)
        pango_layout_set_width(layout, bounded ? Int32(scaled) : -1)
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
        let attributes = try Self.attributes(keep: words, spans: spans, style: style)
        withExtendedLifetime(attributes) { pango_layout_set_attributes(layout, attributes.list) }
        return shaped
    }

    static func lines(of shaped: Shaped, bytes: [UInt8]) throws -> [Line] {
        try shaped.iterate { iter -> [Line] in
            var lines: [Line] = []
            var index = 0
            repeat {
                defer { index += 1 }
                var logical = PangoRectangle()
                pango_layout_iter_get_line_extents(iter, nil, &logical)
                let baseline = Double(pango_layout_iter_get_baseline(iter)) / Double(PANGO_SCALE)
                guard let line = pango_layout_iter_get_line_readonly(iter)?.pointee else { continue }
                let start = Int(line.start_index), end = min(start + Int(line.length), bytes.count)
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                let top = Double(logical.y) / Double(PANGO_SCALE)
                let height = Double(logical.height) / Double(PANGO_SCALE)
                lines.append(Line(text: text, x: Double(logical.x) / Double(PANGO_SCALE),
                                  width: Double(logical.width) / Double(PANGO_SCALE),
                                  ascent: baseline - top, descent: top + height - baseline, index: index))
            } while pango_layout_iter_next_line(iter) != 0
            return lines
        }
    }
}
