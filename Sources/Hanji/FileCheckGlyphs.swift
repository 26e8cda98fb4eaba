// The part of `hanji check` that lays a record out as printing would, to find each character no
// font of its layout has.
import Foundation
import HanjiModel
import HanjiSpec

extension FileCheck {
    /// The record shaped with its layout's fonts, as `hanji minutes` would: each character no
    /// font has (or the layout's own error, which printing would meet first).
    func shaped(_ meeting: Meeting, at url: URL) -> [InputError] {
        located(url) {
            let (spec, composer) = try layout(meeting.layout, near: url)
            return try composer.missingGlyphs(meeting, spec: spec)
        }
    }

    /// The year's programme, its certificates for the record's own list and its booklet, each
    /// shaped with its layout: each character no font has, at the year's (or a meeting's) field.
    /// A document the year cannot print (no event) is left to its printing command to refuse.
    func shaped(_ year: Year, fields: Sources, at url: URL) -> [InputError] {
        let sources = fields + year.meetings.flatMap(\.sources)
        var seen = Set<String>()
        let found = ["program", "certificate", "booklet"].flatMap { name in
            located(url) {
                let (spec, composer) = try layout(name, near: url)
                return composer.missingGlyphs(spec: spec, sources: sources) { composer in
                    switch name {
                    case "program": _ = try? composer.program(year, spec: spec)
                    case "certificate":
                        for person in (try? composer.recipients(year, spec: spec, roster: nil)) ?? [] {
                            _ = try? composer.certificate(person, year: year, value: year.value, spec: spec)
                        }
                    default: _ = try? composer.booklet(year, spec: spec)
                    }
                }
            }
        }
        // A field printed in two documents (in other fonts) is one mistake.
        return found.filter { error in
            seen.insert("\(error.location?.description ?? "") \(error.message.prefix { $0 != "(" })").inserted
        }
    }

    /// The layout `name` printing would use for the record at `url`, with a composer over its fonts.
    func layout(_ name: String, near url: URL) throws -> (Spec, Composer) {
        let spec = try Spec.load(try Layouts.find(nil, name: name, near: url.path), allowOutside: allowOutside)
        return (spec, try composer(spec))
    }

    /// The problems `body` finds, or the one that stopped it.
    func located(_ url: URL, _ body: () throws -> [InputError]) -> [InputError] {
        do {
            return try body()
        } catch let error as InputError {
            return [error]
        } catch let gathered as InputErrors {
            return gathered.errors
        } catch {
            return [InputError("\(error)", at: Location(file: url.path, line: 1, column: 1))]
        }
    }
}
