import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// A rectangle in page coordinates.
struct Box: CustomStringConvertible {
    var left, top, right, bottom: Double

    /// Whether `other` lies inside this box, give or take `slack` points.
    func holds(_ other: Box, slack: Double = 0.01) -> Bool {
        other.left >= left - slack && other.top >= top - slack
            && other.right <= right + slack && other.bottom <= bottom + slack
    }

    var description: String {
        func mm(_ v: Double) -> String { String(format: "%.1f", v / HanjiLayout.mm) }
        return "[\(mm(left)),\(mm(top)) – \(mm(right)),\(mm(bottom)) mm]"
    }
}

/// What each drawn item of a frame covers, in the frame's coordinates: a text line from its
/// ascent to its descent, a rule along its line, a fill or an image. Marks,
/// numbering and links are not drawn.
func extents(_ frame: Frame, at origin: Point = .zero, scale: Double = 1) -> [(what: String, box: Box)] {
    frame.items.flatMap { p, item -> [(what: String, box: Box)] in
        let x = origin.x + p.x * scale, y = origin.y + p.y * scale
        func box(_ w: Double, _ h: Double, _ what: String) -> [(what: String, box: Box)] {
            [(what, Box(left: x, top: y, right: x + w * scale, bottom: y + h * scale))]
        }
        switch item {
        case .text(let line, _):
            let extent = Box(left: x, top: y - line.ascent * scale,
                             right: x + line.width * scale, bottom: y + line.descent * scale)
            return [("text \"\(line.text.prefix(20))\"", extent)]
        case .rule(let to, let width, _):
            // A stroke centred on the body's edge reaches out by half its width: its line counts.
            let (x1, y1) = (x + to.x * scale, y + to.y * scale)
            return [("rule \(width) pt", Box(left: min(x, x1), top: min(y, y1), right: max(x, x1), bottom: max(y, y1)))]
        case .fill(let size, _): return box(size.width, size.height, "fill")
        case .image(_, let size): return box(size.width, size.height, "image")
        case .scaled(let inner, let k): return extents(inner, at: Point(x: x, y: y), scale: scale * k)
        case .mark, .numbering, .link, .begin, .end: return []
        }
    }
}

/// Every drawn item of a document that leaves its page, or stands neither in the body nor in
/// the running header's or footer's band (the page's decorative borders only have to stay on
/// the page).
func strays(_ document: Document, _ setup: PageSetup) -> [String] {
    let size = setup.size, m = setup.margins
    let paper = Box(left: 0, top: 0, right: size.width, bottom: size.height)
    let body = Box(left: m.left, top: m.top, right: size.width - m.right, bottom: size.height - m.bottom)
    let header = Box(left: m.left, top: setup.headerBand.top, right: body.right, bottom: setup.headerBand.bottom)
    let footer = Box(left: m.left, top: setup.footerBand.top, right: body.right, bottom: setup.footerBand.bottom)
    var decoration = Frame(size: size)
    for border in setup.borders { border.draw(on: &decoration, size: size) }
    var found: [String] = []
    for page in document.pages {
        for (n, (what, box)) in extents(page.frame).enumerated() {
            let allowed = n < decoration.items.count ? [paper] : [body, header, footer]
            if !paper.holds(box) || !allowed.contains(where: { $0.holds(box) }) {
                found.append("page \(page.number): \(what) at \(box)")
            }
        }
    }
    return found
}

/// Every page of every example document keeps what it draws inside the page, and inside its
/// body or its own running header or footer band.
@Suite struct InvariantTests {
    static let folder = Fixture.example.deletingLastPathComponent()
    static let layouts = Fixture.root.appendingPathComponent("layouts")

    func spec(_ name: String) throws -> Spec { try Spec.load(Self.layouts.appendingPathComponent("\(name).yaml")) }

    func expectInside(_ document: Document, _ spec: Spec, _ label: String) {
        let found = strays(document, spec.page)
        #expect(found.isEmpty, "\(label): \(found.count) items outside: \(found.prefix(8).joined(separator: "; "))")
        #expect(!document.pages.isEmpty, "\(label) has no pages")
    }

    @Test(arguments: [11, 12, 13, 14])
    func minutesStayInside(_ number: Int) throws {
        let spec = try spec("minutes")
        let meeting = try Meeting.load(Self.folder.appendingPathComponent("minutes-\(number).yaml"))
        let composer = try Composer(for: spec)
        for edition in [Edition.official, .public] {
            let document = try composer.minutes(meeting, spec: spec, edition: edition)
            expectInside(document, spec, "minutes-\(number) \(edition)")
        }
    }

    @Test func programAndBookletStayInside() throws {
        let year = try Year.load(Self.folder.appendingPathComponent("year.yaml"))
        let program = try spec("program")
        expectInside(try Composer(for: program).program(year, spec: program), program, "program")
        let booklet = try spec("booklet")
        for edition in [Edition.official, .public] {
            let document = try Composer(for: booklet).booklet(year, spec: booklet, edition: edition)
            expectInside(document, booklet, "booklet \(edition)")
        }
    }

    @Test func certificatesStayInside() throws {
        let year = try Year.load(Self.folder.appendingPathComponent("year.yaml"))
        let spec = try spec("certificate")
        let composer = try Composer(for: spec)
        let roster = try Roster.load(Self.folder.appendingPathComponent("roster.csv"))
        for list in [nil, roster] {
            let people = try composer.recipients(year, spec: spec, roster: list)
            #expect(!people.isEmpty)
            for person in people {
                let document = try composer.certificate(person, year: year, value: year.value, spec: spec)
                expectInside(document, spec, "certificate \(person.number) \(list == nil ? "" : "(roster)")")
            }
        }
    }
}
