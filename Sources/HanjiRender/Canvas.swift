// HanjiRender: walks laid-out pages onto Cairo surfaces. It draws what layout placed and
// measures nothing: text lines arrive shaped, rules and fills arrive positioned.
import CPangoCairo
import HanjiLayout
import HanjiText

/// A Cairo drawing context that draws pages' items.
final class Canvas {
    /// The surface drawn on; the canvas keeps it.
    let target: Surface
    let cr: OpaquePointer
    /// The PDF surface, when drawing one: sections become link targets and outline entries,
    /// contents rows become links.
    let pdf: OpaquePointer?
    /// Sections met so far, and the outline entry open at each level.
    var sections = 0
    var outline: [Int32] = []
    /// The images painted on the page being drawn, held until it is shown: Cairo records a page
    /// before writing it, and an image freed meanwhile is first copied whole.
    var held: [Surface] = []
    /// Where the images drawn are decoded and kept.
    let images: ImageCache
    /// The Cairo fonts of the text items' font keys.
    let fonts = ScaledFonts()
    /// Every structure element opened so far, in the order opened (Cairo's tree, pre-order).
    var tags: [Tag] = []
    /// The structure elements open now, innermost last; a link is closed with the element it stands in.
    var open: [(name: String, link: Bool)] = []

    init(surface: Surface, pdf: Bool = false, images: ImageCache) throws {
        self.images = images
        target = surface
        cr = cairo_create(surface.pointer)
        self.pdf = pdf ? surface.pointer : nil
        try RenderError.check(cairo_status(cr), "cairo_create")
    }

    deinit {
        cairo_destroy(cr)
        release()
    }

    /// Lets go of the images of a page that is shown.
    func release() {
        held = []
    }

    /// Draws every item of a frame, offset by `origin`.
    /// `tagging` is off inside a scaled page (a sheet for print), where targets and links mean nothing.
    func draw(_ frame: Frame, at origin: Point = .zero, tagging: Bool = true) throws {
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        let kept = pdf == nil ? [] : Canvas.listsKeptOpen(frame)
        for (i, (p, item)) in frame.items.enumerated() where !kept.contains(i) {
            let x = origin.x + p.x, y = origin.y + p.y
            switch item {
            case .text(let line, let color):
                set(color)
                for run in line.runs where !run.glyphs.isEmpty { try show(run, at: Point(x: x, y: y)) }
            case .rule(let to, let width, let color):
                set(color)
                cairo_set_line_width(cr, width)
                cairo_move_to(cr, x, y)
                cairo_line_to(cr, x + to.x, y + to.y)
                cairo_stroke(cr)
            case .fill(let size, let color):
                set(color)
                cairo_rectangle(cr, x, y, size.width, size.height)
                cairo_fill(cr)
            case .image(let bitmap, let size):
                guard bitmap.width > 0, bitmap.height > 0 else { continue }
                let pixels = Pixels(file: bitmap.file, cache: images)
                held.append(try pixels.paint(on: cr, at: Point(x: x, y: y), size: size, forPDF: pdf != nil))
            case .scaled(let inner, let k):
                // A page set on a sheet for print: its links and targets mean nothing there; its
                // structure is kept, in the order the sheet draws it.
                cairo_save(cr)
                cairo_translate(cr, x, y)
                cairo_scale(cr, k, k)
                try draw(inner, tagging: false)
                cairo_restore(cr)
            case .mark(let title, let level):
                guard let pdf, tagging else { continue }
                let name = "s\(sections)"
                sections += 1
                cairo_tag_begin(cr, "cairo.dest", "name='\(name)' x=\(x) y=\(max(y - 12, 0))")
                cairo_tag_end(cr, "cairo.dest")
                let depth = min(max(level, 1), outline.count + 1)
                outline = Array(outline.prefix(depth - 1))
                let parent = outline.last ?? 0
                let id = cairo_pdf_surface_add_outline(pdf, parent, title, "dest='\(name)'",
                                                       depth == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN
                                                                  : cairo_pdf_outline_flags_t(0))
                outline.append(id)
            case .link(let size, let target):
                guard pdf != nil, tagging else { continue }
                // Inside an element, the link holds the rest of its items (a contents row's text).
                begin(Tag(.link), "dest='s\(target)' rect=[\(x) \(y) \(size.width) \(size.height)]", link: true)
                if open.count == 1 { try end() }
            case .begin(let tag):
                if pdf != nil { begin(tag) }
            case .end:
                if pdf != nil { try end() }
            case .numbering:
                continue
            }
        }
    }

    /// The `end` of a list and the `begin` of the list continuing it on the same page (each item
    /// of an `each` is a list the finishing pass joins), with only rules and fills between: left
    /// out, the one list stays open over its items, as one element Cairo writes and no join.
    static func listsKeptOpen(_ frame: Frame) -> Set<Int> {
        var kept: Set<Int> = [], roles: [Role] = [], closed: Int?
        for (i, (_, item)) in frame.items.enumerated() {
            switch item {
            case .begin(let tag):
                if let at = closed, tag.role == .list, tag.continued { kept.formUnion([at, i]) }
                roles.append(tag.role)
                closed = nil
            case .end:
                closed = roles.popLast() == .list ? i : nil
            case .rule, .fill:
                continue
            default:
                closed = nil
            }
        }
        return kept
    }

    /// Opens a structure element (a link with its annotation's attributes).
    func begin(_ tag: Tag, _ attributes: String = "", link: Bool = false) {
        let name = tag.role.tag
        tags.append(tag)
        open.append((name, link))
        cairo_tag_begin(cr, name, attributes)
    }

    /// Closes the innermost element, and the link standing in it first if one does.
    func end() throws {
        if open.last?.link == true && open.count > 1 { try close() }
        try close()
    }

    private func close() throws {
        guard let last = open.popLast() else { throw RenderError.structure("an element closed that was never opened") }
        cairo_tag_end(cr, last.name)
    }

    /// Draws a run with its line's start at `origin`, its text and clusters kept for copying and search.
    func show(_ run: GlyphRun, at origin: Point) throws {
        let placed = run.glyphs.map { cairo_glyph_t(index: UInt($0.id), x: origin.x + $0.x, y: origin.y + $0.y) }
        let clusters = run.clusters.map { cairo_text_cluster_t(num_bytes: $0.bytes, num_glyphs: $0.glyphs) }
        cairo_set_scaled_font(cr, try fonts.font(run.font))
        cairo_show_text_glyphs(cr, run.text, Int32(run.text.utf8.count), placed, Int32(placed.count),
                               clusters, Int32(clusters.count), cairo_text_cluster_flags_t(0))
    }

    func set(_ color: Color) {
        cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    }
}

/// A failure in Cairo, named by the call that failed.
public enum RenderError: Error, CustomStringConvertible {
    case cairo(call: String, status: String)
    /// The structure elements of a page do not nest (a bug in the layout that made it).
    case structure(String)

    static func check(_ status: cairo_status_t, _ call: String) throws {
        if status != CAIRO_STATUS_SUCCESS {
            throw RenderError.cairo(call: call, status: String(cString: cairo_status_to_string(status)))
        }
    }

    public var description: String {
        switch self {
        case .cairo(let call, let status): return "\(call) failed: \(status)"
        case .structure(let problem): return "tagged structure: \(problem); no file was written (please report this)"
        }
    }
}
