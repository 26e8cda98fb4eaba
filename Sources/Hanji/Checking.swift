// What `hanji check` asks of the façade: the problems printing would meet, found without
// writing anything.
import HanjiModel
import HanjiSpec
import HanjiText

/// The fields of a record with their texts, to tell where a printed text came from.
public typealias Sources = [(path: String, location: Location, text: String)]

extension Composer {
    /// Every character of a meeting's minutes that no font of its style has, each once at the
    /// record field that holds it: errors, or warnings where the spec says `missing: warning`.
    /// The minutes are laid out (both editions' texts are the record's) but not written.
    public func missingGlyphs(_ meeting: Meeting, spec: Spec) throws -> [InputError] {
        try missingGlyphs(spec: spec, sources: meeting.sources) { _ = try $0.minutes(meeting, spec: spec) }
    }

    /// Every character no font has that `compose` meets laying out documents by `spec` with the
    /// composer it is given (which notes them instead of stopping), each once at the field of
    /// `sources` that holds it.
    public func missingGlyphs(spec: Spec, sources: Sources, _ compose: (Composer) throws -> Void) rethrows
        -> [InputError] {
        let was = checking
        checking = true
        defer { checking = was }
        shaper.missed = []
        try compose(self)
        var found: [InputError] = []
        var seen = Set<String>()
        // A character printed in two styles is one mistake of its field.
        for case .missingGlyph(let c, let text, let fonts) in shaper.missed {
            let error = Composer.missing(c, in: text, fonts: fonts, sources: sources,
                                         otherwise: Location(file: spec.file, line: 1, column: 1))
            if seen.insert("\(error.location?.description ?? "") \(c)").inserted {
                found.append(spec.missingGlyphsWarn ? error.asWarning : error)
            }
        }
        return found
    }
}
