// Page references in an agenda (상정된 안건 with the page where each item is taken up): the
// minutes are laid out, the pages of the transcript's agenda headings read, and laid out again
// with them until they settle, as the booklet's contents are.
import HanjiLayout
import HanjiModel
import HanjiSpec

extension Composer {
    /// `value` with each agenda item's `page` (in `agenda` and `schedule`): the page label where
    /// the first heading holding its title starts (a section of the transcript), or empty. Only
    /// when the layout prints a `page` in its body and the transcript has agenda headings; the
    /// passes stream (no page is kept), so memory stays flat however long the minutes.
    func withAgendaPages(_ value: Value, _ meeting: Meeting, spec: Spec, date: Day, edition: Edition,
                         passes: Int = 6) throws -> Value {
        guard spec.refersToPages,
              meeting.transcript.contains(where: { if case .items = $0 { true } else { false } }) else {
            return value
        }
        var pages: [String: String]? = nil
        for _ in 0..<passes {
            let paged = Composer.paging(value, pages ?? [:])
            let (setup, _) = try prepare(paged, spec: spec, date: date, edition: edition, folder: meeting.folder)
            let block = try spec.bind(paged, images: prefetch)
            var sections: [(title: String, page: String)] = []
            try Spec.locating {
                try Paginator(setup: setup).pages(block, context) { page in
                    sections += page.frame.sections.map { ($0.title, page.label) }
                }
            }
            var found: [String: String] = [:]
            for case .map(let fields) in Composer.items(of: value) {
                guard let title = fields.first(where: { $0.0 == "title" })?.1.plain, !title.isEmpty else { continue }
                let shown = spec.display.apply(title)
                found[title] = sections.first { $0.title.contains(shown) }?.page ?? ""
            }
            if found == pages { return paged }
            pages = found
        }
        throw InputError("the agenda's page numbers never settle: they change each time the minutes are laid out",
                         at: Location(file: spec.file, line: 1, column: 1),
                         hint: "print the page numbers where their length cannot move the transcript "
                             + "(a fixed-width column)")
    }

    /// The agenda items of a meeting's value, in `agenda` order.
    static func items(of value: Value) -> [Value] {
        if case .list(let items)? = value["agenda"] { return items }
        return []
    }

    /// `value` with `page` set on every item of `agenda` and `schedule` from `pages` (by title).
    static func paging(_ value: Value, _ pages: [String: String]) -> Value {
        func paged(_ list: Value?) -> Value {
            guard case .list(let items)? = list else { return list ?? .null }
            return .list(items.map { item in
                guard case .map(var fields) = item else { return item }
                let title = fields.first { $0.0 == "title" }?.1.plain ?? ""
                fields.removeAll { $0.0 == "page" }
                fields.append(("page", .text(pages[title] ?? "")))
                return .map(fields)
            })
        }
        return value.replacing("agenda", with: paged(value["agenda"]))
            .replacing("schedule", with: paged(value["schedule"]))
    }
}
