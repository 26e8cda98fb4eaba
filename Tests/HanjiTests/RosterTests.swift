import Foundation
import Hanji
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// Rosters saved from Excel: blank rows, every bad row at once, people listed twice, blank
/// cells the certificate's sentence needs; `hanji check` and `hanji certificates` agree.
@Suite struct RosterTests {
    static let folder = exampleRecord.deletingLastPathComponent()
    static let year = folder.appendingPathComponent("year.yaml")
    static let spec = repoRoot.appendingPathComponent("layouts/certificate.yaml")
    static let header = "성명,소속,직위,연락처\n"

    func review(_ csv: String) throws -> Roster.Review {
        let plan = try #require(try Spec.load(Self.spec).recipients)
        return try Roster.parse(csv, file: "r.csv").review(by: plan)
    }

    @Test("Excel's empty trailing rows (,,,, and blank or quoted-empty cells) are skipped silently")
    func trailingEmptyRows() throws {
        let csv = Self.header + "한부영,도시재생분과,분과장,010\n나래솔,도시재생분과,부분과장,011\n,,,\n  , ,,\n\"\",\"\",\" \",\n,,,\n"
        let review = try review(csv)
        #expect(review.errors.isEmpty && review.warnings.isEmpty, "\(review.errors) \(review.warnings)")
        #expect(review.records.map(\.line) == [2, 3])
    }

    @Test("every row missing a required cell is found in one run, each with its line and column")
    func everyBadRow() throws {
        let csv = Self.header + "한부영,도시재생분과,분과장,010\n,복지분과,분과위원,011\n나래솔,도시재생분과,부분과장,012\n가온결,,분과위원,013\n"
        let review = try review(csv)
        try #require(review.errors.map { $0.location?.line } == [3, 5])
        #expect(review.errors[0].message.contains("성명") && review.errors[1].message.contains("소속"))
        // Each at the column where its cell starts (characters, 1-based): 가온결, is four.
        #expect(review.errors.map { $0.location?.column } == [1, 5])
    }

    @Test("a row with more cells than the header is located at the first extra cell's column")
    func extraCellColumn() throws {
        let review = try review(Self.header + "한부영,도시재생분과,분과장,010,여분\n")
        try #require(review.errors.count == 1, "\(review.errors)")
        #expect(review.errors[0].location?.line == 2 && review.errors[0].location?.column == 20, "\(review.errors)")
    }

    @Test("a person listed twice (same name and group) is a warning naming both lines")
    func duplicatePerson() throws {
        let csv = Self.header + "한부영,도시재생분과,분과장,010\n나래솔,도시재생분과,부분과장,011\n한부영,도시재생분과,분과장,010\n한부영,복지분과,분과위원,012\n"
        let review = try review(csv)
        #expect(review.errors.isEmpty)
        try #require(review.warnings.count == 1, "\(review.warnings)")
        let warning = review.warnings[0]
        #expect(warning.isWarning && warning.location?.line == 4)
        #expect(warning.message.contains("한부영") && warning.message.contains("lines 2 and 4"), "\(warning)")
    }

    @Test("a blank 직위, which the certificate's sentence needs, is a warning naming its line and column")
    func blankRole() throws {
        let review = try review(Self.header + "한부영,도시재생분과,,010\n")
        #expect(review.errors.isEmpty)
        try #require(review.warnings.count == 1, "\(review.warnings)")
        let warning = review.warnings[0]
        #expect(warning.location?.line == 2 && warning.location?.column == 12 && warning.message.contains("직위"),
                "\(review.warnings)")
    }
}

@Suite("EndToEnd: hanji check and hanji certificates read a roster alike")
struct RosterCommandTests {
    static let year = RosterTests.year

    /// The `file:line:col: error|warning: message` lines of a run's standard error.
    func problems(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init)
            .filter { $0.contains(": error: ") || $0.contains(": warning: ") }
    }

    /// A folder with the example year, its layouts folder holding `certificate.yaml` as given,
    /// and `roster.csv`.
    func folder(_ dir: URL, roster: String, spec edit: (String) -> String = { $0 }) throws -> URL {
        for name in ["year.yaml", "seal.png", "photos"] + (1...4).map({ "minutes-1\($0).yaml" }) {
            let from = RosterTests.folder.appendingPathComponent(name)
            try FileManager.default.copyItem(at: from, to: dir.appendingPathComponent(name))
        }
        let layouts = dir.appendingPathComponent("layouts")
        try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("fonts"),
                                                withIntermediateDirectories: true)
        let spec = try String(contentsOf: RosterTests.spec, encoding: .utf8)
        try edit(spec).write(to: layouts.appendingPathComponent("certificate.yaml"), atomically: true, encoding: .utf8)
        let csv = dir.appendingPathComponent("roster.csv")
        try roster.write(to: csv, atomically: true, encoding: .utf8)
        return csv
    }

    /// `hanji check` of a roster of `rows`, and `hanji certificates` of the year beside it with it.
    func both(_ dir: URL, rows: String, _ extra: [String] = []) throws -> (checked: Outcome, printed: Outcome) {
        let csv = try folder(dir, roster: RosterTests.header + rows)
        let year = dir.appendingPathComponent("year.yaml").path, pdf = dir.appendingPathComponent("c.pdf").path
        let checked = execute(hanjiBinary, ["check", csv.path] + extra)
        return (checked, execute(hanjiBinary, ["certificates", year, "--roster", csv.path, "-o", pdf] + extra))
    }

    /// Found by `make fuzz` (roster target): a character no font has in a roster's row left the
    /// façade as a bare font error, which the CLI could name only by its text.
    /// The benchmark's 1000-row roster made 540 warnings (71 KB on standard error), which
    /// filled its pipe and hung it; a printing command shows 20, then a count.
    @Test("certificates show the first 20 warnings, then how many more; check lists them all")
    func manyWarnings() throws {
        try withTempDir { dir in
            let rows = (0..<30).map { "사람\($0),도시재생분과,분과위원,0\($0)\n" }.joined()
            let (checked, printed) = try both(dir, rows: rows + rows)
            #expect(printed.status == 0, "\(printed)")
            #expect(problems(printed.stderr).count == 20, "\(printed.stderr)")
            #expect(printed.stderr.contains("… and 10 more warnings (hanji check lists them all)"), "\(printed.stderr)")
            #expect(problems(checked.stderr).count == 30, "\(checked.stderr)")
        }
    }

    /// Also a combining mark no font has after a syllable (U+A8BC): one Character with it, so
    /// the row was not found by `contains` (found by `make fuzz` again).
    @Test("a character no font has in a roster row is an error at that row, naming the column",
          arguments: [("나래\u{E000}솔", "U+E000"), ("나래솔\u{A8BC}", "U+A8BC")])
    func missingCharacterAtItsRow(_ name: String, _ point: String) throws {
        try withTempDir { dir in
            let (_, printed) = try both(dir, rows: "한부영,도시재생분과,분과장,010\n\(name),도시재생분과,부분과장,011\n")
            #expect(printed.status == 1, "\(printed)")
            #expect(printed.stderr.contains("roster.csv:3:1: error: no font has the character"), "\(printed.stderr)")
            #expect(printed.stderr.contains(point), "\(printed.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("c.pdf").path))
        }
    }

    @Test("two rows missing required cells: both found by check and by certificates, with the same messages")
    func bothFindEveryBadRow() throws {
        try withTempDir { dir in
            let (checked, printed) = try both(dir, rows: "한부영,도시재생분과,분과장,010\n,복지분과,분과위원,011\n가온결,,분과위원,013\n,,,\n")
            #expect(checked.status == 1 && printed.status == 1, "\(checked)\n\(printed)")
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("c.pdf").path))
            let found = problems(checked.stderr)
            try #require(found.count == 2, "\(checked)")
            #expect(found[0].contains("roster.csv:3:") && found[1].contains("roster.csv:4:"), "\(checked)")
            #expect(problems(printed.stderr) == found, "\(printed.stderr)")
            #expect(!printed.stderr.contains("internal error"))
        }
    }

    @Test("warnings (a person twice, a blank 직위) are the same from check and certificates; --strict stops both")
    func bothWarn() throws {
        try withTempDir { dir in
            let rows = "한부영,도시재생분과,분과장,010\n나래솔,도시재생분과,,011\n한부영,도시재생분과,분과장,010\n"
            let (checked, printed) = try both(dir, rows: rows)
            #expect(checked.status == 0 && checked.stdout.contains("0 errors, 2 warnings"), "\(checked)")
            #expect(printed.status == 0, "\(printed)")
            #expect(problems(printed.stderr) == problems(checked.stderr), "\(printed.stderr)\n---\n\(checked.stderr)")
            let strict = try withTempDir { try both($0, rows: rows, ["--strict"]) }
            #expect(strict.checked.status == 1 && strict.printed.status == 1, "\(strict)")
        }
    }

    @Test("check reads a roster by the certificate layout's column mapping, found beside it or given by --layout")
    func checkUsesTheMapping() throws {
        try withTempDir { dir in
            let csv = try folder(dir, roster: "이름,부서,직함\n한부영,도시재생분과,분과장\n", spec: {
                $0.replacingOccurrences(of: "roster: {name: 성명, group: 소속, role: 직위}",
                                        with: "roster: {name: 이름, group: 부서, role: 직함}")
            })
            let beside = run(["check", csv.path])
            #expect(beside.status == 0 && beside.stdout.contains("0 errors, 0 warnings"), "\(beside)")
            let given = run(["check", "--layout", RosterTests.spec.path, csv.path])
            #expect(given.status == 1 && given.stderr.contains("성명"), "\(given)")
        }
    }
}
