// Hanji: the façade. compose(record, spec) → Document of pages; write(document, to:) → files.
//
// record (YAML) → HanjiModel value → HanjiSpec binds it into a block tree → HanjiLayout splits
// it into pages → HanjiRender writes PDF or PNG. Nothing here draws or measures.
import Foundation
import HanjiInput
import HanjiLayout
import HanjiModel
import HanjiRender
import HanjiSpec
import HanjiText

/// Which copy of a document: the official one, or the public one with personal names masked.
public enum Edition: Sendable {
    case official
    case `public`
}

/// A laid-out document: its pages and what the PDF says about it.
public struct Document {
    public var pages: [Page]
    public var metadata: Metadata
    /// Problems that did not stop the document (a missing glyph, where the spec allows it).
    public var warnings: [String] = []
    /// Where its images are decoded as it is written: its composer's.
    public var images = ImageCache()

    /// Writes the document as a PDF.
    public func writePDF(to url: URL) throws {
        try PageWriter(pdf: url, metadata: metadata, images: images).write(pages)
    }

    /// Writes each page as `NAME-N.png` into `folder`, N padded to sort (see `Previews`).
    public func writePNG(to folder: URL, name: String, dpi: Double) throws {
        try PageWriter(pdf: nil, png: PNGPages(folder: folder, name: name, dpi: dpi), images: images).write(pages)
    }

    /// The text of each page, line by line (for tests and checks).
    public var text: [String] { pages.map(\.frame.text) }
}

/// Where a document goes as it is written: the PDF, and each page as a PNG besides.
public struct Output {
    public var pdf: URL
    public var png: PNGPages?
    /// Told how many pages are written so far, after each.
    public var progress: ((Int) -> Void)?

    /// The PDF, and each page as `NAME-N.png` into `folder` when one is given, N padded to sort.
    public init(pdf: URL, png folder: URL? = nil, name: String = "", dpi: Double = 96) {
        self.pdf = pdf
        png = folder.map { PNGPages(folder: $0, name: name, dpi: dpi) }
    }
}

/// What a written document came to.
public struct Written {
    public var pages: Int
    public var warnings: [String]
    /// Seconds Cairo spent drawing the pages (on the writer's thread) and finishing the PDF, and
    /// the PDF/A finishing pass took.
    public var drawing = 0.0, finishing = 0.0, archiving = 0.0
}

/// Composes documents from records and specs. A composer is used by one thread at a time: its
/// shaper (a Pango font map and context, which are not thread-safe) with its shaping cache, the
/// image loader of the folder it composed last, and the layout context are its own, and each
/// document changes them (`prepare`). Another thread makes its own composer, cheaply, with
/// `Composer(sharing: composer.shared)`: the same fonts, read-only, and its own shaper, caches
/// and images.
public final class Composer {
    let context: Context
    /// Whether images may come from outside the record's folder (`--allow-outside`).
    public var allowOutside = false
    /// What the PDFs it writes conform to (`--pdf-standard`).
    public var standard = PDFStandard.a2a
    /// Whether a missing character is only noted (for `check`), whatever the spec says.
    var checking = false
    let shaper: PangoShaper
    public var fonts: Fonts { shaper.fonts }
    /// The images decoded for drawing, a few kept, shared by the writers of its documents.
    public let decoded = ImageCache()

    /// A composer over the given fonts.
    public init(fonts: Fonts) throws {
        shaper = try PangoShaper(fonts: fonts)
        context = Context(shaper: shaper)
    }

    /// A composer over a spec's font folders and the installed font packages.
    public convenience init(for spec: Spec) throws {
        try self.init(fonts: try Fonts(folders: spec.fontFolders))
    }

    /// A composer over the installed font packages only.
    public convenience init() throws {
        try self.init(fonts: try Fonts(folders: []))
    }

    /// What composers on other threads share with this one: its fonts.
    public var shared: SharedFonts { SharedFonts(fonts: fonts, allowOutside: allowOutside) }

    /// A composer for this thread over fonts another composer set up (no font folders read
    /// again), with its own shaper, caches and images.
    public convenience init(sharing shared: SharedFonts) throws {
        try self.init(fonts: shared.fonts)
        allowOutside = shared.allowOutside
    }

    /// Lays out a meeting's minutes by a spec.
    public func minutes(_ meeting: Meeting, spec: Spec, edition: Edition = .official) throws -> Document {
        try located(meeting, spec) {
            var (value, masking) = minutesValue(meeting, spec, edition)
            value = try withAgendaPages(value, meeting, spec: spec, date: meeting.written, edition: edition)
            var document = try laidOut(value, spec: spec, date: meeting.written, edition: edition,
                                       folder: meeting.folder)
            document.warnings = masking + document.warnings
            return document
        }
    }

    /// Lays out a meeting's minutes and writes them page by page: memory stays flat however long.
    public func minutes(_ meeting: Meeting, spec: Spec, edition: Edition = .official,
                        to output: Output) throws -> Written {
        try located(meeting, spec) {
            var (value, masking) = minutesValue(meeting, spec, edition)
            value = try withAgendaPages(value, meeting, spec: spec, date: meeting.written, edition: edition)
            var written = try write(value, spec: spec, date: meeting.written, edition: edition,
                                    folder: meeting.folder, to: output)
            written.warnings = masking + written.warnings
            return written
        }
    }

    /// The meeting as the spec sees it in an edition: names masked and photos left out as the
    /// public edition asks, and `public` set for `if: public`; with a warning for each word that
    /// holds a name but was left as written.
    func minutesValue(_ meeting: Meeting, _ spec: Spec, _ edition: Edition) -> (Value, [String]) {
        spec.edition(of: meeting.value, isPublic: edition == .public, names: meeting.names, also: meeting.mask) {
            [(meeting.sources, meeting.origin?.text)]
        }
    }

    /// Runs `body`, turning a missing image or glyph into an error at the meeting record's field
    /// behind it (or the layout's line naming the image); a glyph not found there (or with no
    /// meeting) at the spec's text that holds it. A meeting's 결재 roles are checked first.
    func located<T>(_ meeting: Meeting?, _ spec: Spec, _ body: () throws -> T) throws -> T {
        if let meeting { try spec.checkApproval(meeting) }
        do {
            return try body()
        } catch let error as ImageError where meeting != nil {
            let source = meeting?.sources.first { $0.text == error.path }
            if source == nil, let named = spec.located(error) { throw named }
            throw InputError(error.reason.hasPrefix("no such") ? "photo '\(error.path)' is missing: \(error.reason)"
                                                               : "photo '\(error.path)': \(error.reason)",
                             at: source?.location ?? Location(file: spec.file, line: 1, column: 1),
                             path: source?.path ?? "photos",
                             hint: "photo paths are relative to the record's folder and stay inside it; "
                                 + "use a JPEG or PNG file")
        } catch FontError.missingGlyph(let c, let text, let fonts) {
            // The meeting's fields first, then the spec's own texts. A year document's values keep
            // no place: a character not in its spec goes on to the CLI, which finds it in the year record.
            let inSpec = Composer.sources(holding: c, in: spec)
            guard let meeting else {
                if inSpec.isEmpty { throw FontError.missingGlyph(c, text: text, fonts: fonts) }
                throw Composer.missing(c, in: text, fonts: fonts, sources: inSpec, otherwise: nil)
            }
            let inRecord = meeting.sources.contains { $0.text.holds(c) }
            throw Composer.missing(c, in: text, fonts: fonts, sources: inRecord ? meeting.sources : inSpec,
                                   otherwise: Location(file: spec.file, line: 1, column: 1))
        }
    }

    /// The texts of the spec that hold `character`, with their key paths and places.
    static func sources(holding character: Character, in spec: Spec)
        -> [(path: String, location: Location, text: String)] {
        spec.sources.filter { $0.text.holds(character) }
    }

    /// A character no font of `fonts` has, at the record field (of `sources`) that holds it: the
    /// one whose text the shaped `text` came from, when several hold it; else at `otherwise`.
    public static func missing(_ c: Character, in text: String, fonts: String,
                               sources: [(path: String, location: Location, text: String)], otherwise: Location?)
        -> InputError {
        let hint = "delete or replace it, or put a font that has it into fonts/ and add it to the style's font list"
        let message = "no font has the character \(FontError.describe(c)) (fonts tried: \(fonts))"
        let holding = sources.filter { $0.text.holds(c) }
        // The field printed as it is, else the one the text was cut from, else the longest printed within it.
        let within = holding.filter { text.contains($0.text) }.max { $0.text.count < $1.text.count }
        if let source = holding.first(where: { $0.text == text }) ?? holding.first(where: { $0.text.contains(text) })
            ?? within ?? holding.first {
            return InputError(message, at: source.location, path: source.path, hint: hint)
        }
        return InputError(message + " in \"\(text.prefix(40))\"", at: otherwise, hint: hint)
    }

    /// Checks that every font family the spec names is available.
    public func check(_ spec: Spec) throws {
        for (name, field) in spec.families where !fonts.has(name) {
            let folder = fonts.folders.first { !Fonts.packageFolders.contains($0) }
                ?? spec.fontFolders.first?.path ?? "fonts/"
            throw field.error("no font family '\(name)'", hint: fonts.advice(for: name, folder: folder))
        }
    }

    /// Lays out any record value by a spec; a character no font has is an error at the spec's
    /// text that holds it (a year document's values keep no place), or at the spec's first line.
    public func compose(_ value: Value, spec: Spec, date: Day, edition: Edition,
                        folder: URL? = nil) throws -> Document {
        try located(nil, spec) { try laidOut(value, spec: spec, date: date, edition: edition, folder: folder) }
    }

    func laidOut(_ value: Value, spec: Spec, date: Day, edition: Edition, folder: URL?) throws -> Document {
        let (setup, metadata) = try prepare(value, spec: spec, date: date, edition: edition, folder: folder)
        let block = try spec.bind(value, images: prefetch)
        var pages = try Spec.locating { try Paginator(setup: setup).pages(block, context) }
        if spec.up > 1, let sheet = spec.sheet { pages = Imposition.sheets(pages, sheet: sheet, up: spec.up) }
        return Document(pages: pages, metadata: metadata, warnings: shaper.warnings, images: decoded)
    }

    /// Lays out any record value and writes it as it goes: each page is drawn into the PDF (and
    /// a PNG) and dropped as soon as it is laid out, unless a page count in a running header or
    /// footer, or printing several pages to a sheet, needs them all first.
    public func write(_ value: consuming Value, spec: Spec, date: Day, edition: Edition, folder: URL? = nil,
                      to output: Output) throws -> Written {
        let (setup, metadata) = try prepare(value, spec: spec, date: date, edition: edition, folder: folder)
        let writer = try PageWriter(pdf: output.pdf, metadata: metadata, png: output.png, images: decoded)
        var pages: [Page] = []
        // Bound, the record's values are no longer needed: let them go before the pages are made.
        let block = try spec.bind(value, images: prefetch)
        _ = consume value
        // Pages are drawn on the writer's thread while the next ones are laid out: lines carry
        // Cairo glyph runs, so drawing never touches Pango.
        do {
            try Paginator(setup: setup).pages(consume block, context) { page in
                if spec.up > 1 { pages.append(page); return }
                try writer.add(page)
                output.progress?(writer.count)
            }
        } catch {
            writer.abandon()
            throw Spec.located(error)
        }
        if spec.up > 1, let sheet = spec.sheet {
            let sheets = Imposition.sheets(pages, sheet: sheet, up: spec.up)
            try writer.drained { for page in sheets { try writer.add(page) } }
        }
        try writer.finish()
        return Written(pages: writer.count, warnings: shaper.warnings, drawing: writer.drawing,
                       finishing: writer.finishing, archiving: writer.archiving)
    }

    /// Everything before pagination: the checks, the page setup with its running header and
    /// footer, and the PDF's metadata.
    func prepare(_ value: Value, spec: Spec, date: Day, edition: Edition,
                 folder: URL?) throws -> (PageSetup, Metadata) {
        try check(spec)
        // One loader per folder, so a batch decodes its seal once.
        if (context.images as? ImageFiles)?.folder != folder
            || (context.images as? ImageFiles)?.allowOutside != allowOutside {
            context.images = ImageFiles(folder: folder, allowOutside: allowOutside)
        }
        shaper.missingIsError = !spec.missingGlyphsWarn && !checking
        // A font file of the user's that fontconfig cannot read is named in each document's warnings.
        shaper.warnings = fonts.unreadableWarnings
        // A check gathers them over all the documents it lays out.
        if !checking { shaper.missed = [] }
        context.orphans = spec.orphans
        context.widows = spec.widows
        let root = Scope(value)
        var setup = spec.page
        // Check the running templates once, so a wrong field is an error and not a blank line.
        for (template, _) in [spec.footer, spec.header, spec.publicHeader.map { ($0, Style()) }].compactMap({ $0 }) {
            _ = try template.render(root.with(Composer.running(Running(page: 1, pages: 1, section: ""))))
        }
        setup.footer = spec.footer.map { running($0.0, $0.1, root, spec.display) }
        // The public edition's marking line stands in for the running header.
        let header = (edition == .public ? spec.publicHeader.map { ($0, spec.styles["header"] ?? Style()) } : nil)
            ?? spec.header
        setup.header = header.map { running($0.0, $0.1, root, spec.display) }
        if edition == .public && spec.publicHeader != nil { setup.headerOrigin = spec.publicHeaderOrigin }
        setup.needsCount = [spec.footer?.0, header?.0].contains { $0?.uses("pages") ?? false }
        var metadata = Metadata()
        metadata.title = try spec.metadata["title"]?.render(root) ?? ""
        metadata.author = try spec.metadata["author"]?.render(root) ?? ""
        metadata.subject = try spec.metadata["subject"]?.render(root) ?? ""
        metadata.keywords = try spec.metadata["keywords"]?.render(root) ?? ""
        metadata.date = String(format: "%04d-%02d-%02dT00:00:00", date.year, date.month, date.day)
        metadata.standard = standard
        return (setup, metadata)
    }

    /// Starts reading each image the record names as it is bound, so the layout finds it ready.
    var prefetch: (String) -> Void {
        { [images = context.images] in images?.prefetch($0) }
    }

    /// A running header or footer: the template filled with `page` and `pages` for each page.
    func running(_ template: Template, _ style: Style, _ root: Scope,
                 _ display: Display) -> (Running) -> (any Block)? {
        { running in
            let text = display.apply((try? template.render(root.with(Composer.running(running)))) ?? "")
            return Paragraph(text, style: style, source: "running")
        }
    }

    /// The fields a running header or footer can name: `{page}`, `{pages}`, `{section}`, and
    /// `{label}`, the page's number as its numbering prints it (`3`, `ii`).
    static func running(_ r: Running) -> Value {
        .map([("page", .number(r.page)), ("pages", .number(r.pages)), ("section", .text(r.section)),
              ("label", .text(r.label))])
    }
}
