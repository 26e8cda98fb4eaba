// A character no font has, found while printing a year's documents, told at the year record's
// field that holds it (a meeting's minutes are located by the façade itself).
import Foundation
import Hanji
import HanjiModel
import HanjiText

extension Runner {
    /// `run`, with a missing character located in `record` (or named with its text when the
    /// record does not hold it, as when it comes from a roster): exit 1, never an internal error.
    static func run(record path: String, _ body: () throws -> Void) throws {
        try run {
            do {
                try body()
            } catch FontError.missingGlyph(let c, let text, let fonts) {
                let sources = (try? Field.load(URL(fileURLWithPath: path)).scalars()) ?? []
                throw Composer.missing(c, in: text, fonts: fonts, sources: sources, otherwise: nil)
            }
        }
    }
}
