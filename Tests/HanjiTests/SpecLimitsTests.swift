import Foundation
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// Lengths that cannot be negative are refused at their line; `space: fill` works only in the
/// body's own list of blocks.
@Suite struct SpecLimitsTests {
    func spec(_ yaml: String) throws -> Spec { try Spec(try Field.parse(yaml, file: "spec.yaml")) }

    func specError(_ yaml: String) -> InputError? {
        do { _ = try spec(yaml); return nil } catch let e as InputError { return e } catch { return nil }
    }

    // MARK: Lengths that cannot be negative

    @Test("a negative space, gap or offset is refused at its line",
          arguments: [
            ("styles:\n  base: {before: -2mm}\nbody: []\n", "styles.base.before", 2),
            ("styles:\n  base: {after: -2mm}\nbody: []\n", "styles.base.after", 2),
            ("styles:\n  base: {indent: -2mm}\nbody: []\n", "styles.base.indent", 2),
            ("body:\n  - space: -5mm\n", "body[0].space", 2),
            ("body:\n  - blocks: []\n    before: -1mm\n", "body[0].before", 3),
            ("body:\n  - hang: \"-\"\n    body: []\n    gap: -1mm\n", "body[0].gap", 4),
            ("body:\n  - table: {columns: [\"*\"], after: -3mm}\n", "body[0].table.after", 2),
            ("body:\n  - grid: items\n    do: []\n    after: -3mm\n", "body[0].after", 4),
            ("body:\n  - outline: items\n    step: -1em\n", "body[0].step", 3),
            ("body:\n  - contents: items\n    step: -6mm\n", "body[0].step", 3),
            ("page:\n  footer: {text: x, offset: -3mm}\nbody: []\n", "page.footer.offset", 2),
          ])
    func negativeLengthsAreRefused(_ yaml: String, _ path: String, _ line: Int) throws {
        let error = try #require(specError(yaml), "\(path) was accepted")
        #expect(error.path == path && error.location?.line == line, "\(error)")
        #expect(error.hint?.contains("negative") == true, "\(error)")
    }

    @Test func aNegativeFirstIndentStillHangs() throws {
        let s = try spec("styles:\n  base: {first-indent: -2em, size: 10pt}\nbody: []\n")
        #expect(s.styles["base"]?.firstIndent == -20)
    }

    // MARK: space: fill

    @Test("space: fill inside a group, cell, hang or grid is refused at its line",
          arguments: [
            "body:\n  - blocks:\n      - space: fill\n",
            "body:\n  - table:\n      columns: [\"*\"]\n      rows:\n        - cells:\n            - blocks:\n"
                + "                - space: fill\n",
            "body:\n  - hang: \"-\"\n    body:\n      - space: fill\n",
            "body:\n  - grid: items\n    do:\n      - space: fill\n",
            "body:\n  - keep: together\n    blocks:\n      - text: x\n      - space: fill\n",
          ])
    func fillOutsideTheBodyIsRefused(_ yaml: String) throws {
        let error = try #require(specError(yaml), "accepted:\n\(yaml)")
        #expect(error.path.hasSuffix(".space") && error.message.contains("fill"), "\(error)")
        #expect(error.location?.line == yaml.split(separator: "\n").count, "\(error)")
    }

    @Test func fillInTheBodysOwnListStillWorks() throws {
        _ = try spec("body:\n  - space: fill\n  - each: items\n    do:\n      - space: fill\n"
                     + "  - if: x\n    space: fill\n    else:\n      - space: fill\n")
    }
}
