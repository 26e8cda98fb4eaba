import CPangoCairo
import HanjiLayout

/// The Cairo fonts of the font keys a canvas draws with, each opened once: a FreeType face for
/// the key's file and index, set up as the shaper's (no hinting, metrics unhinted), and scaled
/// to the key's size. Cairo shares the face and scaled font with any equal one already open.
final class ScaledFonts {
    private var opened: [FontKey: OpaquePointer] = [:]

    deinit {
        for font in opened.values { cairo_scaled_font_destroy(font) }
    }

    /// The Cairo scaled font of `key`, opened on first use.
    func font(_ key: FontKey) throws -> OpaquePointer {
        if let font = opened[key] { return font }
        let font = try Self.open(key)
        opened[key] = font
        return font
    }

    /// A slant of fontconfig's synthetic oblique (its `matrix` 1 0.2 0 1).
    static let obliqueSlant = 0.2

    static func open(_ key: FontKey) throws -> OpaquePointer {
        guard let pattern = FcPatternCreate() else {
            throw RenderError.cairo(call: "FcPatternCreate", status: "nothing made")
        }
        defer { FcPatternDestroy(pattern) }
        FcPatternAddString(pattern, "file", key.file)
        FcPatternAddInteger(pattern, "index", Int32(key.index))
        // What Pango's pattern says under the shaper's font options: no hinting at all.
        FcPatternAddBool(pattern, "hinting", 0)
        FcPatternAddInteger(pattern, "hintstyle", 0)
        if key.syntheticBold { FcPatternAddBool(pattern, "embolden", 1) }
        guard let face = cairo_ft_font_face_create_for_pattern(pattern) else {
            throw RenderError.cairo(call: "cairo_ft_font_face_create_for_pattern", status: "nothing made")
        }
        defer { cairo_font_face_destroy(face) }
        try RenderError.check(cairo_font_face_status(face), "cairo_ft_font_face_create_for_pattern (\(key.file))")
        var matrix = cairo_matrix_t(), ctm = cairo_matrix_t()
        cairo_matrix_init(&matrix, 1, 0, key.syntheticOblique ? -obliqueSlant : 0, 1, 0, 0)
        cairo_matrix_scale(&matrix, key.size, key.size)
        cairo_matrix_init_identity(&ctm)
        let options = cairo_font_options_create()
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        guard let font = cairo_scaled_font_create(face, &matrix, &ctm, options) else {
            throw RenderError.cairo(call: "cairo_scaled_font_create", status: "nothing made")
        }
        if cairo_scaled_font_status(font) != CAIRO_STATUS_SUCCESS {
            defer { cairo_scaled_font_destroy(font) }
            try RenderError.check(cairo_scaled_font_status(font), "cairo_scaled_font_create (\(key.file))")
        }
        return font
    }
}
