import Foundation
import HanjiLayout
import HanjiModel
import HanjiSpec

/// One entry of a document's table of contents.
public struct Entry: Equatable, Sendable {
    public var title: String
    public var level: Int
    /// The page's printed number (`3`, `ii`).
    public var page: String
    /// The physical page (1-based) the section starts on.
    public var sheet: Int
}

extension Document {
    /// Every section in page order: title, level, printed page number and physical page.
    public var contents: [Entry] {
        pages.flatMap { page in
            page.frame.sections.map { Entry(title: $0.title, level: $0.level, page: page.label, sheet: page.number) }
        }
    }
}

extension Composer {
    /// The year's booklet. The spec's `contents` block lists the sections with their page numbers,
    /// so the book is laid out again until the numbers stop changing (at most `passes` times).
    /// The public edition (the default) masks every name the year knows.
    public func booklet(_ year: Year, spec: Spec, edition: Edition = .public, passes: Int = 6) throws -> Document {
        let (value, masking) = spec.edition(of: year.value, isPublic: edition == .public, names: year.names,
                                            also: year.meetings.flatMap(\.mask)) {
            // Each word is named where it stands: in the year record or in one of its meetings'.
            let own = year.origin.flatMap { try? Field.parse($0.text, file: $0.file) }?.scalars() ?? []
            return [(own, year.origin?.text)] + year.meetings.map { ($0.sources, $0.origin?.text) }
        }
        let date = year.meetings.map(\.written).max { $0.epochSeconds < $1.epochSeconds }
            ?? year.event?.date ?? Day(year: year.year, month: 12, day: 31)!
        var entries: [Entry] = []
        for _ in 0..<passes {
            let listed: [Value] = entries.enumerated().map { i, e in
                .map([("title", .text(e.title)), ("level", .number(e.level)), ("page", .text(e.page)),
                      ("target", .number(i))])
            }
            var document = try compose(value.replacing("contents", with: .list(listed)), spec: spec, date: date,
                                       edition: edition, folder: year.folder)
            let found = document.contents
            if found == entries {
                document.warnings = masking + document.warnings
                return document
            }
            entries = found
        }
        throw InputError("the contents never settle: their page numbers change each time the book is laid out",
                         at: Location(file: spec.file, line: 1, column: 1),
                         hint: "give the contents a page of its own ('break: page' after it), "
                             + "so its length cannot move what follows")
    }
}
