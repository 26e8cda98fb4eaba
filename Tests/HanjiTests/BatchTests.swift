import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// The showcase programme and the certificates, printed from the example year.
@Suite struct BatchTests {
    static let folder = Fixture.example.deletingLastPathComponent()
    static let yearFile = folder.appendingPathComponent("year.yaml")
    static let programSpec = Fixture.root.appendingPathComponent("layouts/program.yaml")
    static let certificateSpec = Fixture.root.appendingPathComponent("layouts/certificate.yaml")

    func spec(_ url: URL, _ edit: (String) -> String = { $0 }) throws -> Spec {
        try Spec(try Field.parse(edit(try String(contentsOf: url, encoding: .utf8)), file: url.path))
    }

    @Test func programFitsOneA4PageWithEverything() throws {
        let year = try Year.load(Self.yearFile)
        let spec = try spec(Self.programSpec)
        let document = try Composer(for: spec).program(year, spec: spec)
        #expect(document.pages.count == 1 && document.pages[0].size.width == Size.a4.width)
        let text = document.text[0]
        for expected in ["2018 영등포 협치분과 성과공유회", "협치 공유 네트워크 파티", "2018. 12. 13.(목) 18:00~21:00",
                         "플로렌스 오목교 (서울시 영등포구 영등포로 33 8층)", "2018 영등포구 민관협치 분과위원 및 협치위원",
                         "주최 영등포구 민관협치회의"] {
            #expect(text.contains(expected), "missing: \(expected)")
        }
        let event = try #require(year.event)
        #expect(event.order.count >= 3 && event.presenters.count >= 3, "the example's running order and presenters")
        for slot in event.order { #expect(text.contains(slot.title), "running order: \(slot.title)") }
        for p in event.presenters { #expect(text.contains(p.project) && text.contains(p.name!)) }
    }

    @Test func programPrintsTwoUpAsAnA5Leaflet() throws {
        let year = try Year.load(Self.yearFile)
        let spec = try spec(Self.programSpec) {
            $0.replacingOccurrences(of: "  size: A4\n", with: "  size: A4\n  up: 2\n")
        }
        let sheets = try Composer(for: spec).program(year, spec: spec).pages
        #expect(sheets.count == 1, "a one-page programme prints twice on one sheet")
        for sheet in sheets { #expect(sheet.size == Size.a4.landscape) }
        // Both halves of the first sheet carry the title.
        let titles = sheets[0].frame.lines.filter { $0.1.text == "2018 영등포 협치분과 성과공유회" }
        let half = Size.a4.landscape.width / 2
        #expect(titles.contains { $0.0.x < half } && titles.contains { $0.0.x > half }, "\(titles.map(\.0))")
    }

    @Test func certificatesForThePresentersAreNumberedAndSealed() throws {
        let year = try Year.load(Self.yearFile)
        let spec = try spec(Self.certificateSpec)
        let composer = try Composer(for: spec)
        let people = try composer.recipients(year, spec: spec, roster: nil)
        #expect(people.map(\.name) == ["안란", "한부영", "다솜빛"])
        for person in people {
            let page = try composer.certificate(person, year: year, value: year.value, spec: spec).pages
            try #require(page.count == 1, "\(person.name)'s certificate runs over \(page.count) pages")
            let frame = page[0].frame
            #expect(frame.text.contains("제 2018-\(person.number) 호") && frame.text.contains(person.name))
            // The seal is centred on the issuer's last character (장).
            let issuer = try #require(frame.lines.first { $0.1.text.hasSuffix("영등포구 민관협치회의 의장") })
            let seal = try #require(frame.items.compactMap { p, item -> (Point, Size)? in
                if case .image(_, let s) = item { return (p, s) } else { return nil }
            }.first)
            let centre = seal.0.x + seal.1.width / 2, end = issuer.0.x + issuer.1.width
            #expect(centre < end && centre > end - 21 * 1.2, "seal centre \(centre), line end \(end)")
            #expect(abs(seal.1.width - 24 * mm) < 0.01)
            // The border: four strokes per line, two lines, drawn before the text.
            let rules = frame.items.prefix { if case .text = $0.1 { return false } else { return true } }
            #expect(rules.count >= 8)
        }
    }

    @Test func aLongNameShrinksAndATooLongOneNamesItsRow() throws {
        let year = try Year.load(Self.yearFile)
        let spec = try spec(Self.certificateSpec)
        let composer = try Composer(for: spec)
        let csv = "성명,소속,직위\n남궁하늘빛누리,복지분과,분과위원\n\(String(repeating: "가나다라마바사아자차카타파하", count: 6)),복지분과,분과위원\n"
        let roster = try Roster.parse(csv, file: "long.csv")
        let people = try composer.recipients(year, spec: spec, roster: roster)
        let fits = try composer.certificate(people[0], year: year, value: year.value, spec: spec)
        #expect(fits.text[0].contains("남궁하늘빛누리"))
        let error = try #require(throws: InputError.self) {
            try composer.certificate(people[1], year: year, value: year.value, spec: spec)
        }
        #expect(error.location?.file == "long.csv" && error.location?.line == 3, "\(error)")
    }

    @Test func rosterEncodingsGiveTheSamePDF() throws {
        let year = try Year.load(Self.yearFile)
        let spec = try spec(Self.certificateSpec)
        let composer = try Composer(for: spec)
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let utf8 = try Data(contentsOf: Self.folder.appendingPathComponent("roster.csv"))
        let variants = ["utf8": utf8, "bom": Data([0xEF, 0xBB, 0xBF]) + utf8, "cp949": try #require(converted(utf8, to: "CP949"))]
        var outputs: [String: Data] = [:]
        for (name, bytes) in variants {
            let csv = dir.appendingPathComponent("\(name).csv"), pdf = dir.appendingPathComponent("\(name).pdf")
            try bytes.write(to: csv)
            let pages = try composer.certificates(year, spec: spec, roster: try Roster.load(csv), to: pdf)
            #expect(pages == 22)
            outputs[name] = try Data(contentsOf: pdf)
        }
        #expect(outputs["utf8"] == outputs["bom"] && outputs["utf8"] == outputs["cp949"])
    }

    @Test func safeFileNames() {
        #expect(Composer.safeName("한부영") == "한부영")
        #expect(Composer.safeName("../../etc/passwd") == "______etc_passwd")
        #expect(Composer.safeName("김 하늘/팀장") == "김_하늘_팀장")
        #expect(Composer.safeName("...") == "recipient")
    }
}

@Suite("EndToEnd: hanji program and hanji certificates")
struct BatchCommandTests {
    static let year = exampleRecord.deletingLastPathComponent().appendingPathComponent("year.yaml")
    static let roster = exampleRecord.deletingLastPathComponent().appendingPathComponent("roster.csv")

    @Test("program: one valid A4 page")
    func program() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("program.pdf")
            let out = run(["program", Self.year.path, "-o", pdf.path])
            try #require(out.status == 0, "\(out)")
            #expect(tool("qpdf", ["--check", pdf.path]).status == 0)
            #expect(tool("pdfinfo", [pdf.path]).stdout.contains("Pages:           1"))
            #expect(try pdfText(pdf).contains("진행 순서"))
        }
    }

    @Test("certificates: one page per roster row, or one file each with --split")
    func certificates() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("c.pdf")
            let out = run(["certificates", Self.year.path, "--roster", Self.roster.path, "-o", pdf.path])
            try #require(out.status == 0, "\(out)")
            #expect(tool("qpdf", ["--check", pdf.path]).status == 0)
            #expect(tool("pdfinfo", [pdf.path]).stdout.contains("Pages:           22"))
            let split = dir.appendingPathComponent("each")
            let each = run(["certificates", Self.year.path, "--split", split.path])
            try #require(each.status == 0, "\(each)")
            let files = try FileManager.default.contentsOfDirectory(atPath: split.path).sorted()
            #expect(files == ["001-안란.pdf", "002-한부영.pdf", "003-다솜빛.pdf"])
        }
    }

    @Test("certificates: a roster row without a name fails with its line, exit 1, no file")
    func badRoster() throws {
        try withTempDir { dir in
            let csv = dir.appendingPathComponent("bad.csv"), pdf = dir.appendingPathComponent("c.pdf")
            try "성명,소속,직위\n한부영,도시재생분과,분과장\n,복지분과,분과위원\n".write(to: csv, atomically: true, encoding: .utf8)
            let out = run(["certificates", Self.year.path, "--roster", csv.path, "-o", pdf.path])
            #expect(out.status == 1)
            #expect(out.stderr.contains("bad.csv:3:1: error:"), "\(out.stderr)")
            #expect(!FileManager.default.fileExists(atPath: pdf.path))
        }
    }
}
