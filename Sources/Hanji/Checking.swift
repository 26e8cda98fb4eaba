// What `hanji check` asks of the façade: the problems printing would meet, found without
// writing anything.
import HanjiModel
import HanjiSpec
import HanjiText

extension Composer {
    /// Every character of a meeting's minutes that no font of its style has, each once at the
    /// record field that holds it: errors, or warnings where the spec says `missing: warning`.
    /// The minutes are laid out (both editions' texts are the record's) but not written.
    public func missingGlyphs(_ meeting: Meeting, spec: Spec) throws -> [InputError] {
        var checker = self
        checker.checking = true
        _ = try checker.minutes(meeting, spec: spec)
        var found: [InputError] = []
        var seen = Set<String>()
        // A character printed in two styles is one mistake of its field.
        for case .missingGlyph(let c, let text, let fonts) in shaper.missed {
            let error = Composer.missing(c, in: text, fonts: fonts, sources: meeting.sources,
                                         otherwise: Location(file: spec.file, line: 1, column: 1))
            if seen.insert("\(error.location?.description ?? "") \(c)").inserted {
                found.append(spec.missingGlyphsWarn ? error.asWarning : error)
            }
        }
        return found
    }
}
