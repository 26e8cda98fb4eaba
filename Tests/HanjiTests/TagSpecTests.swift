import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// A spec's `role:`, `alt:` and `scope:`: what its blocks are in a tagged PDF, and errors at their line.
@Suite struct TagSpecTests {
    /// The spec language tests' spec from a body (its styles above it) and its error.
    let language = SpecLanguageTests()

    /// The elements the spec's first page opens, with their text.
    func elements(_ body: String, _ value: Value = .null) throws -> [PageTags.Element] {
        let document = try Composer().compose(value, spec: try language.spec(body),
                                              date: Day(year: 2018, month: 11, day: 22)!, edition: .official)
        let tags = PageTags(document.pages[0].frame)
        #expect(tags.problems.isEmpty)
        return tags.elements
    }

    @Test("defaults: a text is P, a section H1, an item of an each a list item; role: and alt: say otherwise")
    func roles() throws {
        let body = """
            body:
              - {text: 제목, role: h1}
              - {text: 개요, section: true, role: h2}
              - {text: 본문}
              - {text: 장식, role: artifact}
              - {text: 도장, role: figure, alt: "직인: {who}"}
              - each: items
                do:
                  - hang: "{#}. "
                    body: [{text: "{.}"}]
              - blocks: [{text: 가}, {text: 나}]
                role: section

            """
        let value = Value.map([("who", .text("위원장")), ("items", .list([.text("하나"), .text("둘")]))])
        let found = try elements(body, value)
        #expect(found.map(\.tag.role.tag)
                    == ["H1", "H2", "P", "Figure", "L", "LI", "Lbl", "LBody", "L", "LI", "Lbl", "LBody",
                        "Sect", "P", "P"])
        // A body of one paragraph is the LBody's own text (no P inside it).
        #expect(found.filter { $0.tag.role == .body }.map(\.text) == ["하나", "둘"])
        #expect(found[3].tag.role == .figure(alt: "직인: 위원장") && found[3].text == "도장")
        // The second item's list goes on the first's: the finishing pass joins them.
        #expect(found.filter { $0.tag.role == .list }.map(\.tag.continued) == [false, true])
    }

    @Test("an item of an each that prints no list breaks the run of lists: the next one starts anew")
    func listRuns() throws {
        let body = """
            body:
              - each: items
                do:
                  - hang: "- "
                    body: [{text: "{.}"}]
                    unless: {field: ., is: 둘}
                    else: [{text: "{.}"}]

            """
        let items = Value.list(["하나", "둘", "셋", "넷"].map { Value.text($0) })
        let found = try elements(body, .map([("items", items)]))
        #expect(found.filter { $0.tag.role == .list }.map(\.tag.continued) == [false, false, true])
    }

    @Test("a table that heads nothing is no Table element unless role: table says so")
    func layoutTable() throws {
        let table = """
              - table:
                  columns: ["*", "*"]
                  rows:
                    - cells: [{text: 가}, {text: 나}]

            """
        #expect(try elements("body:\n" + table).map(\.tag.role.tag) == ["P", "P"])
        let forced = table + "    role: table\n"
        #expect(try elements("body:\n" + forced).map(\.tag.role.tag) == ["Table", "TR", "TD", "P", "TD", "P"])
    }

    @Test("a chart is a figure whose alternative text is its data")
    func chart() throws {
        let body = """
            body:
              - {chart: bars, data: items, label: "{label}", values: ["{v}"], unit: "%", height: 40mm}

            """
        let items = Value.list([.map([("label", .text("도시재생분과")), ("v", .text("88"))]),
                                .map([("label", .text("주거복지분과")), ("v", .text("75"))])])
        let found = try elements(body, .map([("items", items)]))
        let sentence = "가로 막대 그래프: 도시재생분과 88%, 주거복지분과 75%"
        #expect(found.map(\.tag.role) == [.figure(alt: sentence)])
        let titled = try elements(body.replacingOccurrences(of: "height: 40mm}", with: "height: 40mm, alt: 출석률}"),
                                  .map([("items", items)]))
        #expect(titled.map(\.tag.role) == [.figure(alt: "출석률: 도시재생분과 88%, 주거복지분과 75%")])
    }

    @Test("an unknown role, an alt: on no figure, an unknown scope: errors at their line",
          arguments: [("  - {text: 가, role: heading}\n", "unknown value 'heading'", "h1"),
                      ("  - {text: 가, alt: 그림}\n", "'alt' describes a figure", "role: figure"),
                      ("  - table:\n      columns: [\"*\"]\n      rows:\n        - cells:\n"
                          + "            - {text: 가, scope: sideways}\n", "unknown scope 'sideways'", "row")])
    func errors(_ block: String, _ message: String, _ hint: String) throws {
        let error = try #require(language.specError("body:\n" + block))
        let line = block.split(separator: "\n").count + 3
        #expect(error.location?.line == line, "\(error)")
        #expect(error.message.contains(message) && error.hint?.contains(hint) == true, "\(error)")
    }
}
