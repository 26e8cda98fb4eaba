import CPangoCairo
import HanjiLayout

/// A Pango attribute list: made, filled and released in one place, each attribute checked.
final class Attributes {
    let list: OpaquePointer

    init() throws {
        guard let list = pango_attr_list_new() else { throw FontError.setup("pango_attr_list_new failed") }
        self.list = list
    }

    deinit { pango_attr_list_unref(list) }

    /// Adds what `call` made over `range` of the text's bytes (all of it when nil), or throws naming the call.
    func insert(_ attribute: UnsafeMutablePointer<PangoAttribute>?, _ call: String, over range: Range<Int>? = nil)
        throws {
        guard let attribute else { throw FontError.setup("\(call) failed") }
        if let range {
            attribute.pointee.start_index = guint(range.lowerBound)
            attribute.pointee.end_index = guint(range.upperBound)
        }
        pango_attr_list_insert(list, attribute)
    }
}

extension PangoShaper {
    /// The attributes of a text: its unbreakable `words`, its bold `spans`, the style's tracking.
    static func attributes(keep words: [Range<Int>], spans: [Span], style: Style) throws -> Attributes {
        let attributes = try Attributes()
        for word in words {
            try attributes.insert(pango_attr_allow_breaks_new(0), "pango_attr_allow_breaks_new", over: word)
        }
        for span in spans {
            try attributes.insert(pango_attr_weight_new(span.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL),
                                  "pango_attr_weight_new", over: span.range)
        }
        if style.tracking != 0 {
            let spacing = Int32(style.tracking * style.size * Double(PANGO_SCALE))
            try attributes.insert(pango_attr_letter_spacing_new(spacing), "pango_attr_letter_spacing_new")
        }
        return attributes
    }
}
