import Foundation
import HanjiLayout
import HanjiModel

/// A layout spec: the page, the named styles and the tree of blocks a document is made of.
public struct Spec {
    public var page = PageSetup()
    /// The fewest lines of a paragraph left alone at a page's bottom (orphans) or top (widows).
    public var orphans = 2
    public var widows = 2
    public var footer: (Template, Style)?
    public var header: (Template, Style)?
    public var styles: [String: Style] = [:]
    public var metadata: [String: Template] = [:]
    /// How a public edition masks personal names.
    public var mask = "ㅇㅇㅇ"
    /// A line printed at the top of every page of the public edition.
    public var publicHeader: Template?
    /// Where the public edition's header is given, for one too big for its band.
    public var publicHeaderOrigin: Origin?
    /// Whether the public edition prints the record's photos (`public.photos: keep | omit`).
    public var publicPhotos = true
    var body: [SpecNode] = []
    public let file: String
    /// The spec as read, to find where a text of its own stands (a character no font has).
    let root: Field
    /// Folders of the organisation's own fonts, relative to the spec (default: `../fonts`, `fonts`).
    public var fontFolders: [URL]
    /// Whether a character no font has is a warning rather than an error.
    public var missingGlyphsWarn = false
    /// Every font family the styles name, with where, to check against the fonts available.
    public private(set) var families: [(name: String, field: Field)] = []

    /// Pages printed per sheet (`page.up: 2` puts two A5 pages on A4 landscape) and the sheet.
    public var up = 1
    public var sheet: Size?
    /// Who a batch document (certificates) is for, and how a roster's columns map to fields.
    public var recipients: Recipients?

    /// Characters printed as others in every bound text (`display: {"․": "·"}`).
    public var display = Display()

    static let keys = ["document", "page", "fonts", "display", "styles", "metadata", "public", "recipients", "body"]

    /// The font folders of a spec that names none: `../fonts` and `fonts` beside it.
    public static func fontFolders(near spec: URL) -> [URL] {
        let folder = spec.deletingLastPathComponent()
        return [folder.appendingPathComponent("../fonts").standardized, folder.appendingPathComponent("fonts")]
    }

    /// Reads a spec file.
    /// The spec's own texts, each with its key path and place (as read, not as the file is now).
    public var sources: [(path: String, location: Location, text: String)] { root.scalars() }

    public static func load(_ url: URL, allowOutside: Bool = false) throws -> Spec {
        try Spec(try Field.load(url), allowOutside: allowOutside)
    }

    /// Reads a spec. Its font folders must lie in the project that holds it (the spec's folder
    /// and the folder above it, where `layouts/` and `fonts/` sit side by side) unless allowed.
    public init(_ root: Field, allowOutside: Bool = false) throws {
        file = root.file
        self.root = root
        let f = try root.fields(Spec.keys)
        let folder = URL(fileURLWithPath: root.file).deletingLastPathComponent()
        fontFolders = Spec.fontFolders(near: URL(fileURLWithPath: root.file))
        if let fonts = f["fonts"] {
            let ff = try fonts.fields(["folders", "missing"])
            if let folders = ff["folders"] {
                let project = folder.deletingLastPathComponent()
                fontFolders = try folders.list().map {
                    try Paths.resolve(try $0.text(), in: folder, allowOutside: true, what: "font folder", at: $0)
                }
                for (url, field) in zip(fontFolders, try folders.list())
                where !allowOutside && !Paths.inside(url, project) {
                    throw field.error("font folder '\(try field.text())' is outside "
                                      + project.standardizedFileURL.path,
                                      hint: "keep fonts in the project's fonts/ folder, "
                                          + "or pass --allow-outside to allow it")
                }
            }
            if let missing = ff["missing"] {
                switch try missing.text() {
                case "error": missingGlyphsWarn = false
                case "warning": missingGlyphsWarn = true
                case let other: throw missing.error("unknown value '\(other)'", hint: "write error or warning")
                }
            }
        }
        if let map = f["display"] { display = try Display(map) }
        if let styles = f["styles"] { (self.styles, families) = try Spec.readStyles(styles) }
        if let page = f["page"] { try readPage(page) }
        if let meta = f["metadata"] {
            for (key, value, _) in try meta.pairs() {
                guard ["title", "author", "subject", "keywords", "creator"].contains(key) else {
                    throw value.error("unknown metadata '\(key)'",
                                      hint: "use title, author, subject, keywords or creator")
                }
                metadata[key] = try Template(value)
            }
        }
        if let pub = f["public"] {
            let p = try pub.fields(["mask", "header", "photos"])
            if let m = p["mask"] { mask = try m.text() }
            if let photos = p["photos"] {
                switch try photos.text() {
                case "keep": publicPhotos = true
                case "omit": publicPhotos = false
                case let other: throw photos.error("unknown choice '\(other)'", hint: "write keep or omit")
                }
            }
            if let h = p["header"] {
                publicHeader = try Template(h)
                publicHeaderOrigin = h.origin
            }
        }
        if let r = f["recipients"] { recipients = try Recipients(r) }
        body = try readBlocks(try f.required("body", hint: "add 'body:' with the document's blocks"))
        // A name no record of the document can have is a mistake of the spec, found here.
        if let kind = try f["document"]?.text(), let shape = Shape.document(kind) {
            try checkFields(shape)
        }
    }

    // MARK: Page

    mutating func readPage(_ field: Field) throws {
        let f = try field.fields(["size", "margins", "footer", "header", "orphans", "widows", "border", "up", "sheet"])
        if let o = f["orphans"] { orphans = max(try o.int(in: 0...100), 1) }
        if let w = f["widows"] { widows = max(try w.int(in: 0...100), 1) }
        if let size = f["size"] { page.size = try size.paper() }
        if let u = f["up"] {
            up = try u.int()
            guard (1...4).contains(up) else { throw u.error("'up' is 1 to 4 pages per sheet") }
            sheet = try f["sheet"]?.paper() ?? Size.a4.landscape
        }
        page.borders = try f["border"]?.list().map(Spec.readBorder) ?? []
        if let m = f["margins"] {
            let mf = try m.fields(["top", "right", "bottom", "left"])
            page.margins = Insets(top: try mf["top"]?.length(Bounds.width) ?? page.margins.top,
                                  right: try mf["right"]?.length(Bounds.width) ?? page.margins.right,
                                  bottom: try mf["bottom"]?.length(Bounds.width) ?? page.margins.bottom,
                                  left: try mf["left"]?.length(Bounds.width) ?? page.margins.left)
        }
        for key in ["footer", "header"] {
            guard let node = f[key] else { continue }
            let nf = try node.fields(["text", "style", "offset"])
            let text = try nf.required("text")
            let entry = (try Template(text), try style(nf["style"]))
            if key == "footer" {
                footer = entry
                page.footerOrigin = text.origin
                if let o = nf["offset"] { page.footerOffset = try o.length() }
            } else {
                header = entry
                page.headerOrigin = text.origin
                if let o = nf["offset"] { page.headerOffset = try o.length() }
            }
        }
    }

    /// One of the page's borders: `inset`, `width`, `color`, and the corner ornaments' `corner`
    /// size, `corner-fill` (inside their outline) and `corner-centre` (the side of their heart).
    static func readBorder(_ field: Field) throws -> Border {
        let f = try field.fields(["inset", "width", "color", "corner", "corner-fill", "corner-centre"])
        var border = Border(inset: try f.required("inset").length(Bounds.width),
                            width: try f["width"]?.length(Bounds.width) ?? 1,
                            color: try f["color"]?.color(example: "#7a5c1e") ?? .black,
                            corner: try f["corner"]?.length(Bounds.width) ?? 0)
        if let fill = f["corner-fill"] { border.cornerFill = try fill.color(example: "#ffffff") }
        if let centre = f["corner-centre"] {
            let most = border.corner - 2 * border.width
            border.cornerCentre = try centre.length((0...max(most, 0), "a length from 0 to the ornament's inside "
                                                     + "('corner' less twice 'width'), such as 3mm"))
        }
        return border
    }

    // MARK: Styles

    static let styleKeys = ["parent", "font", "size", "bold", "italic", "line", "align", "tracking", "color",
                            "breaking", "before", "after", "indent", "first-indent", "max-gap", "max-letter-gap"]

    /// The named styles, resolved through their parents, and every font family they name (with
    /// where) to check against the fonts available.
    static func readStyles(_ field: Field) throws -> ([String: Style], [(name: String, field: Field)]) {
        let pairs = try field.pairs()
        var raw: [String: Fields] = [:]
        var families: [(name: String, field: Field)] = []
        for (name, value, _) in pairs {
            let f = try value.fields(styleKeys)
            raw[name] = f
            if let font = f["font"] {
                families += try font.text().split(separator: ",")
                    .map { ($0.trimmingCharacters(in: .whitespaces), font) }
            }
        }
        var done: [String: Style] = [:]
        func resolve(_ name: String, _ seen: [String], at field: Field) throws -> Style {
            if let s = done[name] { return s }
            guard let f = raw[name] else {
                throw field.error("unknown style '\(name)'",
                                  hint: nearest(name, in: Array(raw.keys)).map { "did you mean '\($0)'?" })
            }
            if seen.contains(name) {
                throw field.error("styles '\(seen.joined(separator: " → "))' inherit in a circle")
            }
            var style = Style()
            if let parent = f["parent"] { style = try resolve(try parent.text(), seen + [name], at: parent) }
            try apply(f, to: &style)
            done[name] = style
            return style
        }
        for (name, value, _) in pairs { _ = try resolve(name, [], at: value) }
        return (done, families)
    }

    static func apply(_ f: Fields, to style: inout Style) throws {
        if let v = f["font"] { style.font = try v.text() }
        if let v = f["size"] { style.size = try v.length(Bounds.fontSize) }
        if let v = f["bold"] { style.bold = try v.bool() }
        if let v = f["italic"] { style.italic = try v.bool() }
        if let v = f["line"] { style.lineSpacing = try v.percent(Bounds.spacing) }
        if let v = f["align"] { style.align = try v.choice(Style.Align.self) }
        if let v = f["tracking"] { style.tracking = try v.em() }
        if let v = f["color"] { style.color = try v.color() }
        if let v = f["breaking"] { style.breaking = try v.choice(Style.Breaking.self) }
        if let v = f["before"] { style.spaceBefore = try v.length() }
        if let v = f["after"] { style.spaceAfter = try v.length() }
        if let v = f["indent"] { style.indent = try v.length() }
        if let v = f["first-indent"] {
            // The one length that may be negative: a hanging indent (`-2em`).
            style.firstIndent = try v.text().hasSuffix("em") ? try v.em() * style.size : try v.length(Bounds.length)
        }
        if let v = f["max-gap"] { style.maxGap = try v.em(Bounds.gap) }
        if let v = f["max-letter-gap"] { style.maxLetterGap = try v.em(Bounds.gap) }
    }

    /// The style a block names; `base` when it names none.
    func style(_ field: Field?) throws -> Style {
        guard let field else { return styles["base"] ?? Style() }
        let name = try field.text()
        guard let style = styles[name] else {
            throw field.error("unknown style '\(name)'",
                              hint: nearest(name, in: Array(styles.keys)).map { "did you mean '\($0)'?" }
                                  ?? "styles: \(styles.keys.sorted().joined(separator: ", "))")
        }
        return style
    }
}

extension Field {
    /// A paper size: A4, A5, A3, B5 (optionally `landscape`), or [width, height].
    func paper() throws -> Size {
        guard case .scalar = node else {
            let dims = try list()
            guard dims.count == 2 else { throw error("a size is [width, height]") }
            return Size(width: try dims[0].length(Bounds.paper), height: try dims[1].length(Bounds.paper))
        }
        let words = try text().uppercased().split(separator: " ")
        let sizes: [String: Size] = ["A4": .a4, "A5": .a5, "A3": Size(width: 297 * mm, height: 420 * mm),
                                     "B5": Size(width: 182 * mm, height: 257 * mm)]
        guard let name = words.first, let size = sizes[String(name)],
              words.count == 1 || (words.count == 2 && words[1] == "LANDSCAPE") else {
            throw error("unknown paper size '\(try text())'",
                        hint: "write A4, A5, A3 or B5, optionally with 'landscape', or [width, height]")
        }
        return words.count == 2 ? size.landscape : size
    }

    /// A length: `20mm`, `1.5cm`, `10pt`, or a bare number of points, within a PDF page and never
    /// negative (a space, an indent, a gap, an offset).
    public func length() throws -> Double { try length(Bounds.space) }

    /// A percentage (`160%`) or a factor (`1.6`) within `bounds`.
    func percent(_ bounds: (range: ClosedRange<Double>, text: String)) throws -> Double {
        let raw = try text()
        if raw.hasSuffix("%"), let v = Double(raw.dropLast()) { return try bounded(v / 100, bounds) }
        if let v = Double(raw) { return try bounded(v, bounds) }
        throw error("'\(raw)' is not a percentage", hint: "write it as 160%")
    }

    /// A length in em (`0.3em`, or a bare number) within `bounds`.
    func em(_ bounds: (range: ClosedRange<Double>, text: String) = Bounds.em) throws -> Double {
        let raw = try text()
        if let v = Double(raw.hasSuffix("em") ? String(raw.dropLast(2)) : raw) { return try bounded(v, bounds) }
        throw error("'\(raw)' is not a spacing in em", hint: "write it as 0.3em")
    }

    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type) throws -> T where T.RawValue == String {
        let raw = try text()
        guard let value = T(rawValue: raw) else {
            let all = T.allCases.map(\.rawValue)
            throw error("unknown value '\(raw)'", hint: "write one of: \(all.joined(separator: ", "))")
        }
        return value
    }
}

/// Who a batch document is for: a list of the record by default, or the rows of a roster CSV
/// whose columns the spec maps to fields.
public struct Recipients: Sendable {
    /// The record's list used when no roster is given (`event.presenters`).
    public var from: [String]
    /// Field name → roster column header, in order.
    public var columns: [(field: String, header: String)]
    /// Fields every recipient must have.
    public var required: [String]
    /// The number of the first document (`{n}` in templates).
    public var start: Int

    init(_ field: Field) throws {
        let f = try field.fields(["from", "roster", "required", "start"])
        from = try Spec.path(try f.required("from", hint: "name the record's list, such as 'from: event.presenters'"))
        columns = try f["roster"]?.pairs().map { ($0.key, try $0.value.text()) } ?? []
        required = try f["required"]?.list().map { try $0.text() } ?? ["name"]
        start = try f["start"]?.int(in: 0...1_000_000) ?? 1
    }
}
