import Foundation
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// What a document draws beyond its text (a chart's bars and axis, a border's corner ornaments,
/// the seal's place) comes from the spec, with defaults that print as before.
@Suite struct SpecValuesTests {
    func spec(_ yaml: String) throws -> Spec { try Spec(try Field.parse(yaml, file: "spec.yaml")) }

    func specError(_ yaml: String) -> InputError? {
        do { _ = try spec(yaml); return nil } catch let e as InputError { return e } catch { return nil }
    }

    // MARK: Charts

    static func chart(_ extra: String) -> String {
        "styles:\n  base: {font: NanumGothic, size: 9pt}\nbody:\n"
            + "  - {chart: bars, data: items, label: \"{label}\", values: [\"{v}\"], height: 40mm\(extra)}\n"
    }

    /// The bars' fills and the axis rule's colour of a chart bound to ten rows.
    func drawn(_ yaml: String) throws -> (bars: [Double], axis: [Color]) {
        let items: [Value] = (1...10).map { .map([("label", .text("항목\($0)")), ("v", .text("\($0 * 10)"))]) }
        let block = try spec(yaml).bind(.map([("items", .list(items))]))
        guard case .whole(let frame) = try block.layout(in: Region(width: 400, height: 400, fresh: true),
                                                        Fixture.context()) else {
            Issue.record("the chart did not fit")
            return ([], [])
        }
        var bars: [Double] = [], axis: [Color] = []
        for (_, item) in frame.items {
            if case .fill(let size, _) = item { bars.append(size.height) }
            if case .rule(_, _, let color) = item { axis.append(color) }
        }
        return (bars, axis)
    }

    @Test func aChartsBarThicknessAndAxisColourAreSpecValues() throws {
        let plain = try drawn(Self.chart(""))
        let thin = try drawn(Self.chart(", bar: 31%, axis-color: \"#ff0000\""))
        #expect(plain.bars.count == 10 && thin.bars.count == 10)
        let ratio = try #require(thin.bars.first) / (try #require(plain.bars.first))
        #expect(abs(ratio - 0.5) < 0.001, "31% is half of the default 62%: \(ratio)")
        #expect(plain.axis == [Color(red: 0.55, green: 0.55, blue: 0.55)])
        #expect(thin.axis == [Color(hex: "#ff0000")!])
    }

    // MARK: Borders

    static func border(_ extra: String) -> String {
        "page:\n  border:\n    - {inset: 10mm, width: 2pt, corner: 9mm\(extra)}\nbody: []\n"
    }

    /// The fills of the spec's first border drawn on an A4 page.
    func ornaments(_ yaml: String) throws -> [(Size, Color)] {
        let border = try #require(try spec(yaml).page.borders.first)
        var page = Frame(size: .a4)
        border.draw(on: &page, size: .a4)
        return page.items.compactMap { if case .fill(let s, let c) = $0.1 { return (s, c) } else { return nil } }
    }

    @Test func aBordersCornerOrnamentsAreSpecValues() throws {
        let plain = try ornaments(Self.border(""))
        #expect(plain.count == 12)
        #expect(plain[1].1 == .white && abs(plain[2].0.width - 3 * mm) < 1e-9, "today's ornament by default")
        let drawn = try ornaments(Self.border(", corner-fill: \"#eeeeee\", corner-centre: 4.5mm"))
        #expect(drawn[1].1 == Color(hex: "#eeeeee")!)
        #expect(abs(drawn[2].0.width - 4.5 * mm) < 1e-9)
    }

    @Test("a chart's bar and axis colour, a border's ornament are checked at their line",
          arguments: [(chart(", bar: 150%"), "body[0].bar", 4, "62%"), (chart(", bar: 0%"), "body[0].bar", 4, "62%"),
                      (chart(", axis-color: grey"), "body[0].axis-color", 4, "#rrggbb"),
                      (border(", corner-fill: white"), "page.border[0].corner-fill", 3, "#rrggbb"),
                      (border(", corner-centre: 12mm"), "page.border[0].corner-centre", 3, "3mm")])
    func drawingValuesAreChecked(_ yaml: String, _ path: String, _ line: Int, _ hint: String) throws {
        let error = try #require(specError(yaml))
        #expect(error.path == path && error.location?.line == line, "\(error)")
        #expect(error.hint?.contains(hint) == true, "\(error)")
    }

    // MARK: Seals

    static func seal(_ extra: String) -> String {
        """
        body:
          - text: 발신명의
            seal: seal.png
            seal-size: 20mm
        \(extra)
        """
    }

    @Test func theSealsRaiseIsASpecValue() throws {
        func raise(_ yaml: String) throws -> Double? {
            let stack = try #require(try spec(yaml).bind(.map([])) as? Stack)
            return (stack.children.first as? Sealed)?.raise
        }
        #expect(try raise(Self.seal("")) == 0.38)
        #expect(try raise(Self.seal("    seal-raise: 0.5em")) == 0.5)
        let error = try #require(specError(Self.seal("    seal-raise: 9em")))
        #expect(error.path == "body[0].seal-raise" && error.location?.line == 5, "\(error)")
        #expect(error.hint?.contains("0.38em") == true, "\(error)")
    }
}
