import Foundation
import Hanji
import HanjiModel
import HanjiSpec
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
    }

    @Test("a person listed twice (same name and group) is a warning naming both lines")
    func duplicatePerson() throws {
        let csv = Self.header + "한부영,도시재생분과,분과장,010\n나래솔,도시재생분과,부분과장,011\n한부영,도시재생분과,분과장,010\n한부영,복지분과,분과위원,012\n"
        let review = try review(csv)
        #expect(review.errors.isEmpty)
        try #require(review.warnings.count == 1, "\(review.warnings)")
        let warning = review.warnings[0]
        #expect(warning.isWarning && warning.location?.line == 4)
        #expect(warning.message.contains("한부영") && warning.message.contains("2") && warning.message.contains("4"), "\(warning)")
    }

    @Test("a blank 직위, which the certificate's sentence needs, is a warning naming its line and column")
    func blankRole() throws {
        let review = try review(Self.header + "한부영,도시재생분과,,010\n")
        #expect(review.errors.isEmpty)
        try #require(review.warnings.count == 1, "\(review.warnings)")
        #expect(review.warnings[0].location?.line == 2 && review.warnings[0].message.contains("직위"), "\(review.warnings)")
    }
}

@Suite("EndToEnd: hanji check and hanji certificates read a roster alike")
struct RosterCommandTests {
    static let year = RosterTests.year

    /// The `file:line:col: error|warning: message` lines of a run's standard error.
    func problems(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") || $0.contains(": warning: ") }
    }

    /// A folder with the example year, its layouts folder holding `certificate.yaml` as given,
    /// and `roster.csv`.
    func folder(_ dir: URL, roster: String, spec edit: (String) -> String = { $0 }) throws -> URL {
        for name in ["year.yaml", "seal.png"] + (1...4).map({ "minutes-1\($0).yaml" }) {
            try FileManager.default.copyItem(at: RosterTests.folder.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: RosterTests.folder.appendingPathComponent("photos"), to: dir.appendingPathComponent("photos"))
        let layouts = dir.appendingPathComponent("layouts")
        try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("fonts"), withIntermediateDirectories: true)
        let spec = try String(contentsOf: RosterTests.spec, encoding: .utf8)
        try edit(spec).write(to: layouts.appendingPathComponent("certificate.yaml"), atomically: true, encoding: .utf8)
        let csv = dir.appendingPathComponent("roster.csv")
        try roster.write(to: csv, atomically: true, encoding: .utf8)
        return csv
    }

    @Test("two rows missing required cells: both found by check and by certificates, with the same messages")
    func bothFindEveryBadRow() throws {
        try withTempDir { dir in
            let csv = try folder(dir, roster: RosterTests.header
                + "한부영,도시재생분과,분과장,010\n,복지분과,분과위원,011\n가온결,,분과위원,013\n,,,\n")
            let checked = run(["check", csv.path])
            #expect(checked.status == 1, "\(checked)")
            let pdf = dir.appendingPathComponent("c.pdf")
            let printed = run(["certificates", dir.appendingPathComponent("year.yaml").path, "--roster", csv.path, "-o", pdf.path])
            #expect(printed.status == 1, "\(printed)")
            #expect(!FileManager.default.fileExists(atPath: pdf.path))
            let found = problems(checked.stderr)
            #expect(found.count == 2 && found[0].contains("roster.csv:3:") && found[1].contains("roster.csv:4:"), "\(checked)")
            #expect(problems(printed.stderr) == found, "\(printed.stderr)")
            #expect(!printed.stderr.contains("internal error"))
        }
    }

    @Test("warnings (a person twice, a blank 직위) are the same from check and certificates; --strict stops both")
    func bothWarn() throws {
        try withTempDir { dir in
            let csv = try folder(dir, roster: RosterTests.header
                + "한부영,도시재생분과,분과장,010\n나래솔,도시재생분과,,011\n한부영,도시재생분과,분과장,010\n")
            let checked = run(["check", csv.path])
            #expect(checked.status == 0 && checked.stdout.contains("0 errors, 2 warnings"), "\(checked)")
            let pdf = dir.appendingPathComponent("c.pdf")
            let year = dir.appendingPathComponent("year.yaml").path
            let printed = run(["certificates", year, "--roster", csv.path, "-o", pdf.path])
            #expect(printed.status == 0, "\(printed)")
            #expect(problems(printed.stderr) == problems(checked.stderr), "\(printed.stderr)\n---\n\(checked.stderr)")
            #expect(run(["check", "--strict", csv.path]).status == 1)
            #expect(run(["certificates", year, "--roster", csv.path, "-o", pdf.path, "--strict"]).status == 1)
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
