import Foundation
import HanjiLayout
import HanjiModel
import HanjiText
import HanjiRender
import HanjiSpec

/// One person a batch document is printed for: their number, fields, and the roster line
/// they came from (nil when they came from the record).
public struct Recipient {
    public var number: Int
    public var name: String
    public var fields: Value
    public var line: Int?
    public var file: String?
}

extension Composer {
    /// The showcase programme of a year, by a spec (2-up when the spec says so).
    public func program(_ year: Year, spec: Spec) throws -> Document {
        guard let event = year.event else {
            throw InputError("the year record has no 'event'",
                             at: Location(file: year.folder?.path ?? "year.yaml", line: 1, column: 1),
                             hint: "add 'event:' with the showcase's title, date, venue and running order")
        }
        return try compose(year.value, spec: spec, date: event.date, edition: .official, folder: year.folder)
    }

    /// Who the certificates are for: the roster's rows when given, else the record's list the
    /// spec names (`recipients.from`), numbered from the spec's `start`.
    public func recipients(_ year: Year, spec: Spec, roster: Roster?) throws -> [Recipient] {
        let plan = try spec.plan()
        if let roster {
            let rows = try roster.records(columns: plan.rosterColumns, required: plan.required)
            return rows.enumerated().map { i, row in
                Recipient(number: plan.start + i, name: row.fields.first { $0.0 == "name" }?.1 ?? "",
                          fields: .map(row.fields.map { ($0.0, Value.text($0.1)) }), line: row.line, file: roster.file)
            }
        }
        guard case .list(let items)? = Scope(year.value).lookup(plan.from) else {
            throw InputError("the record has no list '\(plan.from.joined(separator: "."))' to print certificates for",
                             at: Location(file: spec.file, line: 1, column: 1),
                             hint: "give --roster FILE.csv, or add the list to the year record")
        }
        return items.enumerated().map { i, item in
            Recipient(number: plan.start + i, name: item["name"]?.plain ?? "", fields: item, line: nil, file: nil)
        }
    }

    /// One recipient's certificate: the year's fields, with `recipient` and `n` (its number).
    public func certificate(_ recipient: Recipient, year: Year, value: Value, spec: Spec) throws -> Document {
        let filled = value.replacing("recipient", with: recipient.fields)
            .replacing("n", with: .number(recipient.number))
        let date = year.event?.date ?? Day(year: year.year, month: 12, day: 31)!
        do {
            return try compose(filled, spec: spec, date: date, edition: .official, folder: year.folder)
        } catch let error as LayoutError {
            guard let line = recipient.line, let file = recipient.file else { throw error }
            throw InputError("\(recipient.name): \(error)", at: Location(file: file, line: line, column: 1),
                             hint: "shorten the value in this row, or give its box more room in the spec")
        } catch FontError.missingGlyph(let c, let text, let fonts) {
            // A character of the roster's row: told at that row, as its other problems are.
            guard let line = recipient.line, let file = recipient.file,
                  case .map(let cells) = recipient.fields,
                  let (column, _) = cells.first(where: { $0.1.plain.holds(c) }) else {
                throw FontError.missingGlyph(c, text: text, fonts: fonts)
            }
            throw InputError("no font has the character \(FontError.describe(c)) (fonts tried: \(fonts))",
                             at: Location(file: file, line: line, column: 1), path: column,
                             hint: "delete or replace it in the roster, or put a font that has it into fonts/ "
                                 + "and add it to the style's font list")
        }
    }
}

extension Composer {
    /// Prints every recipient's certificate into one PDF, page by page, so memory stays flat
    /// however long the roster; with `previews`, each certificate's pages as PNGs too (see
    /// `preview`). Returns the number of pages; `progress` hears (done, total).
    @discardableResult
    public func certificates(_ year: Year, spec: Spec, roster: Roster?, to url: URL, previews: PNGPages? = nil,
                             progress: (Int, Int) -> Void = { _, _ in }) throws -> Int {
        // Each certificate is laid out once, here, and drawn on the writers' threads.
        var writer: PageWriter?
        do {
            try eachCertificate(year, spec: spec, roster: roster, progress: progress) { stem, document in
                let pdf = try writer ?? PageWriter(pdf: url, metadata: document.metadata, images: decoded)
                writer = pdf
                for page in document.pages { try pdf.add(page) }
                try preview(document, stem: stem, previews)
            }
        } catch {
            // The drawing thread ends before the error leaves, so the unfinished file goes.
            writer?.abandon()
            throw error
        }
        // (No one to print for is refused above.)
        guard let writer else { return 0 }
        try writer.finish()
        return writer.count
    }

    /// Prints one PDF per recipient into `folder`, named `NNN-NAME.pdf` with a safe file name;
    /// with `previews`, each certificate's pages as PNGs too. Returns the files written.
    @discardableResult
    public func certificates(_ year: Year, spec: Spec, roster: Roster?, split folder: URL, previews: PNGPages? = nil,
                             progress: (Int, Int) -> Void = { _, _ in }) throws -> [URL] {
        var files: [URL] = []
        try eachCertificate(year, spec: spec, roster: roster, progress: progress) { stem, document in
            let url = folder.appendingPathComponent("\(stem).pdf")
            try document.writePDF(to: url)
            try preview(document, stem: stem, previews)
            files.append(url)
        }
        return files
    }

    /// Lays out each recipient's certificate once and hands it on with its file stem; an error
    /// when there is no one to print for.
    func eachCertificate(_ year: Year, spec: Spec, roster: Roster?, progress: (Int, Int) -> Void,
                         _ body: (String, Document) throws -> Void) throws {
        let people = try recipients(year, spec: spec, roster: roster)
        guard !people.isEmpty else {
            throw InputError("no one to print certificates for",
                             at: Location(file: roster?.file ?? spec.file, line: 1, column: 1),
                             hint: "the roster has a header and no rows, or the record's list is empty")
        }
        let value = year.value
        for (i, (person, stem)) in zip(people, Composer.stems(people)).enumerated() {
            try body(stem, try certificate(person, year: year, value: value, spec: spec))
            progress(i + 1, people.count)
        }
    }

    /// A certificate's pages as PNGs named by person, as --split names its files:
    /// `certificate-003-홍길동.png` (`certificate-003-홍길동-N.png` for a certificate of several pages).
    func preview(_ document: Document, stem: String, _ previews: PNGPages?) throws {
        guard var target = previews else { return }
        target.name = "certificate-\(stem)"
        target.bare = true
        try PageWriter(pdf: nil, png: target, images: decoded).write(document.pages)
    }

    /// Each recipient's file name without its extension: `NNN-NAME`, the number padded to
    /// three digits or more, so the files sort in order, and the name made safe.
    public static func stems(_ people: [Recipient]) -> [String] {
        let width = max(3, String(people.count + (people.first?.number ?? 1)).count)
        return people.map { "\(Previews.padded($0.number, width: width))-\(safeName($0.name))" }
    }

    /// A name fit for a file on any system: letters, digits, Hangul, `-` and `_`; anything else
    /// (slashes, dots, spaces, control characters) becomes `_`.
    public static func safeName(_ name: String) -> String {
        let cleaned = String(name.prefix(40).map { c -> Character in
            c.isLetter || c.isNumber || c == "-" || c == "_" ? c : "_"
        })
        return cleaned.allSatisfy({ $0 == "_" }) ? "recipient" : cleaned
    }
}
