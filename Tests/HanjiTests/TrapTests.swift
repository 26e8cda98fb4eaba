import Foundation
import Hanji
import HanjiInput
import HanjiLayout
import HanjiModel
import HanjiRender
import HanjiSpec
import HanjiTestSupport
import Testing

/// Values that parse but cannot print (a date of 1918 or 0000, a length of 1e308 or nan, a
/// count past Int's range) are refused where they are read, or handled, never a trap.
@Suite struct TrapTests {
    func spec(_ yaml: String) throws -> Spec { try Spec(try Field.parse(yaml, file: "spec.yaml")) }

    // MARK: Dates

    @Test func dayArithmeticHoldsFromYear1To9999() throws {
        let cases: [(Int, Int, Int, Int)] = [(1970, 1, 1, 0), (2018, 11, 22, 1_542_844_800),
                                             (1918, 1, 1, -1_640_995_200), (1, 1, 1, -62_135_596_800),
                                             (9999, 12, 31, 253_402_214_400),
                                             (1600, 2, 29, -11_670_998_400), (2000, 3, 1, 951_868_800)]
        for (y, m, d, seconds) in cases {
            let day = try #require(Day(year: y, month: m, day: d))
            #expect(day.epochSeconds == seconds, "\(y)-\(m)-\(d)")
        }
        #expect(Day(year: 1, month: 1, day: 1)?.weekday == "월")
        #expect(Day(year: 9999, month: 12, day: 31)?.weekday == "금")
        #expect(Day(year: 1918, month: 3, day: 1)?.weekday == "금")
    }

    @Test func datesOutsideYears1To9999AreRefused() throws {
        #expect(Day(iso: "0000-01-01") == nil)
        #expect(Day(year: 0, month: 1, day: 1) == nil)
        #expect(Day(year: -400, month: 2, day: 29) == nil)
        #expect(Day(year: 10_000, month: 1, day: 1) == nil)
        #expect(Day(year: Int.max, month: 12, day: 31) == nil)
        #expect(Day(iso: "0001-01-01") != nil && Day(iso: "9999-12-31") != nil)
        let record = try String(contentsOf: Fixture.example, encoding: .utf8)
        let zero = record.replacingOccurrences(of: "date: 2018-11-22", with: "date: 0000-11-22")
        let error = try #require(throws: InputError.self) { _ = try Fixture.meeting(zero) }
        #expect(error.path == "date" && error.location?.line ?? 0 > 1)
    }

    @Test("a year record's year is 1 to 9999, a budget a sane number of won", arguments: [
        ("year: 2018", "year: 0", "year"), ("year: 2018", "year: 99999", "year"),
        ("year: 2018", "year: -9223372036854775807", "year"),
        ("budget: 30000000", "budget: 9223372036854775807", "projects[0].budget"),
        ("budget: 30000000", "budget: -5", "projects[0].budget"),
    ])
    func yearNumbersAreInRange(_ edit: (String, String, String)) throws {
        let yearFile = Fixture.example.deletingLastPathComponent().appendingPathComponent("year.yaml")
        let text = try String(contentsOf: yearFile, encoding: .utf8)
        try #require(text.contains(edit.0), "the example changed: no '\(edit.0)'")
        var once = false
        let edited = text.components(separatedBy: "\n").map { line -> String in
            guard !once, line.contains(edit.0) else { return line }
            once = true
            return line.replacingOccurrences(of: edit.0, with: edit.1)
        }.joined(separator: "\n")
        let error = try #require(throws: InputError.self) {
            _ = try Year.read(try Field.parse(edited, file: "y.yaml"), folder: yearFile.deletingLastPathComponent())
        }
        #expect(error.path == edit.2, "\(error)")
        #expect(error.hint != nil)
    }

    /// `money` groups any whole number a record holds, the most negative one too (abs traps on it).
    @Test func moneyGroupsEveryWholeNumber() throws {
        #expect(Template.grouped(Int.min) == "-9,223,372,036,854,775,808")
        #expect(Template.grouped(Int.max) == "9,223,372,036,854,775,807")
        let scope = Scope(.map([("n", .text("-9223372036854775808"))]))
        #expect(try Template("{n|money}원").render(scope) == "-9,223,372,036,854,775,808원")
    }

    // MARK: Numbers in specs

    static let base = """
        styles:
          base: {font: NanumMyeongjo, size: 10pt}
        body:
          - text: 본문
        """

    /// Each edit replaces a line of `base`, or adds to it, with a number that parses but cannot print.
    @Test("lengths, sizes, factors and counts that cannot print are refused with their key path", arguments: [
        ("size: inf", "styles.base.size"), ("size: nan", "styles.base.size"), ("size: 0pt", "styles.base.size"),
        ("size: -3pt", "styles.base.size"), ("size: 1e308pt", "styles.base.size"),
        ("line: nan%", "styles.base.line"), ("line: inf", "styles.base.line"), ("line: 0%", "styles.base.line"),
        ("tracking: infem", "styles.base.tracking"), ("tracking: nan", "styles.base.tracking"),
        ("max-gap: 1e308em", "styles.base.max-gap"), ("indent: 1e308mm", "styles.base.indent"),
        ("before: -infpt", "styles.base.before"),
    ])
    func styleNumbersAreChecked(_ edit: (String, String)) throws {
        let yaml = Self.base.replacingOccurrences(of: "size: 10pt}", with: "size: 10pt, \(edit.0)}")
            .replacingOccurrences(of: "size: 10pt, size:", with: "size:")
        let error = try #require(throws: InputError.self) { _ = try spec(yaml) }
        #expect(error.path == edit.1, "\(error)")
        #expect(error.location != nil && error.hint != nil, "\(error)")
    }

    @Test("page and block numbers that cannot print are refused with their key path", arguments: [
        ("page: {size: [0mm, 297mm]}", "page.size[0]"), ("page: {size: [1e308mm, 297mm]}", "page.size[0]"),
        ("page: {size: [210mm, nan]}", "page.size[1]"), ("page: {margins: {top: 1e308mm}}", "page.margins.top"),
        ("page: {margins: {left: -inf}}", "page.margins.left"),
        ("page: {orphans: 9223372036854775807}", "page.orphans"),
        ("page: {border: [{inset: nan}]}", "page.border[0].inset"),
        ("page: {footer: {text: x, offset: inf}}", "page.footer.offset"),
        ("body:\n  - space: 1e308mm", "body[0].space"), ("body:\n  - space: nan", "body[0].space"),
        ("body:\n  - image: a.png\n    height: 0mm", "body[0].height"),
        ("body:\n  - text: x\n    height: inf", "body[0].height"),
        ("body:\n  - text: x\n    height: 9mm\n    shrink: 0%", "body[0].shrink"),
        ("body:\n  - text: x\n    section: true\n    level: 9223372036854775807", "body[0].level"),
        ("body:\n  - contents: contents\n    levels: -1", "body[0].levels"),
        ("body:\n  - grid: items\n    gap: nan\n    do: [{text: x}]", "body[0].gap"),
        ("body:\n  - table: {columns: [nan*], rows: []}", "body[0].table.columns[0]"),
        ("body:\n  - table: {columns: [inf], rows: []}", "body[0].table.columns[0]"),
        ("body:\n  - table: {columns: [1*], rule: inf, rows: []}", "body[0].table.rule"),
        ("body:\n  - table:\n      columns: [1*, 1*]\n      rows: [{cells: [{text: a, span: 9223372036854775807}, "
            + "{text: b, span: 9223372036854775807}]}]", "body[0].table.rows[0].cells[0].span"),
        ("body:\n  - table:\n      columns: [1*]\n      rows: [{cells: [{text: a, rows: -2}]}]",
         "body[0].table.rows[0].cells[0].rows"),
        ("body:\n  - table:\n      columns: [1*]\n      rows: [{cells: [{text: a, padding: inf}]}]",
         "body[0].table.rows[0].cells[0].padding"),
        ("recipients: {from: event.presenters, start: 9223372036854775807}", "recipients.start"),
    ])
    func pageAndBlockNumbersAreChecked(_ edit: (String, String)) throws {
        let yaml = edit.0.hasPrefix("body:") ? Self.base.replacingOccurrences(of: "body:\n  - text: 본문", with: edit.0)
                                              : Self.base + "\n" + edit.0
        let error = try #require(throws: InputError.self) { _ = try spec(yaml) }
        #expect(error.path == edit.1, "\(error)")
        #expect(error.location != nil && error.hint != nil, "\(error)")
    }

    /// The hint gives the range of the key itself, not that of any length.
    @Test func theHintNamesTheRangeOfItsKey() throws {
        let size = try #require(throws: InputError.self) {
            _ = try spec(Self.base.replacingOccurrences(of: "size: 10pt}", with: "size: nan}"))
        }
        #expect(size.hint?.contains("from 1pt to 1000pt") == true, "\(size)")
        let paper = try #require(throws: InputError.self) { _ = try spec(Self.base + "\npage: {size: [0mm, 297mm]}") }
        #expect(paper.hint?.contains("from 10mm to 5080mm") == true, "\(paper)")
    }

    // MARK: Charts

    static func chartSpec(max: String?) -> String {
        """
        styles:
          base: {font: NanumGothic, size: 9pt}
        body:
          - chart: bars
            data: items
            label: "{label}"
            values: ["{v}"]
        \(max.map { "    max: \($0)" } ?? "")
        """
    }

    @Test("a chart's max is a finite number above zero", arguments: ["1e308", "inf", ".inf", "nan", ".nan", "-5", "0"])
    func chartMaximumIsChecked(_ max: String) throws {
        let error = try #require(throws: InputError.self) { _ = try spec(Self.chartSpec(max: max)) }
        #expect(error.path == "body[0].max", "\(error)")
        #expect(error.hint != nil)
    }

    @Test("a chart value that cannot print is refused where it is bound", arguments: ["1e308", "inf", "nan", "-1e300"])
    func chartValuesAreChecked(_ value: String) throws {
        let chart = try spec(Self.chartSpec(max: nil))
        let data: Value = .map([("items", .list([.map([("label", .text("가")), ("v", .text(value))])]))])
        let error = try #require(throws: InputError.self) { _ = try chart.bind(data) }
        #expect(error.message.contains(value), "\(error)")
    }

    /// A chart built in code (not from a spec) with any values still lays out.
    @Test func chartsLayOutAnyValueWithoutTrapping() throws {
        var style = Fixture.style(size: 9, align: .left)
        style.font = "NanumGothic"
        let rows = [Chart.Row(label: "가", values: [1e308]), Chart.Row(label: "나", values: [.nan]),
                    Chart.Row(label: "다", values: [-.infinity]), Chart.Row(label: "라", values: [12.5])]
        for kind in Chart.Kind.allCases {
            for maximum in [nil, 1e308, .nan, .infinity, 0, -3] as [Double?] {
                let chart = Chart(kind: kind, rows: rows, series: [], colors: [.black], maximum: maximum, unit: "%",
                                  height: 40 * mm, style: style)
                let region = Region(width: 150 * mm, height: 100 * mm, fresh: true)
                let fit = try chart.layout(in: region, Fixture.context())
                guard case .whole(let frame) = fit else {
                    Issue.record("\(kind) \(String(describing: maximum)): did not fit")
                    continue
                }
                #expect(frame.lines.contains { $0.1.text == "12.5%" }, "\(kind) \(String(describing: maximum))")
            }
        }
    }
}

/// Found by `make fuzz` (spec target): a spec read from text that is not the file on disk (an
/// editor's unsaved buffer, a server's upload) had its own texts looked up in the file again.
@Suite struct TrapSpecTextTests {
    @Test func aCharacterNoFontHasInASpecReadFromTextIsLocatedInThatText() throws {
        let program = repoRoot.appendingPathComponent("layouts/program.yaml")
        let line = "  - text: \"{event.title}\""
        let text = try String(contentsOf: program, encoding: .utf8)
        try #require(text.contains(line), "the program layout changed")
        let edited = text.replacingOccurrences(of: line, with: "  - text: \"{event.title} \u{E000}\"")
        let spec = try Spec(try Field.parse(edited, file: repoRoot.appendingPathComponent("layouts/unsaved.yaml").path))
        let year = try Year.load(exampleRecord.deletingLastPathComponent().appendingPathComponent("year.yaml"))
        let composer = try Composer(for: spec)
        let error = try #require(throws: InputError.self) {
            _ = try composer.compose(year.value, spec: spec, date: Day(year: 2018, month: 12, day: 13)!,
                                     edition: .official, folder: year.folder)
        }
        let number = edited.components(separatedBy: "\n").firstIndex { $0.contains("\u{E000}") }.map { $0 + 1 }
        #expect(error.location?.line == number, "\(error)")
        #expect(error.message.contains("U+E000"), "\(error)")
    }
}

/// Sizes read from an image's header are multiplied without overflow.
@Suite struct TrapImageTests {
    @Test func aPNGClaimingFourBillionPixelsSquareIsRefused() throws {
        try withTempDir { dir in
            // A whole PNG (header, one data chunk, end; checksums right) but for its size.
            func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
                let typed = Array(type.utf8) + body
                var c: UInt32 = 0xFFFF_FFFF
                for byte in typed {
                    c ^= UInt32(byte)
                    for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
                }
                c ^= 0xFFFF_FFFF
                let length = UInt32(body.count)
                return [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) } + typed
                    + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: c >> $0) }
            }
            let header = chunk("IHDR", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 8, 6, 0, 0, 0])
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + header + chunk("IDAT", [0]) + chunk("IEND", []))
            try png.write(to: dir.appendingPathComponent("huge.png"))
            let error = try #require(throws: ImageError.self) { _ = try ImageFiles(folder: dir).load("huge.png") }
            #expect(error.reason.contains("too large"), "\(error)")
        }
    }
}

/// The command line refuses option values that cannot work, as usage errors, before any work.
@Suite("EndToEnd: numbers on the command line and in records")
struct TrapCommandTests {
    @Test("--dpi must be a finite number from 10 to 1200", arguments: ["nan", "inf", "1e10", "0", "-96", "5"])
    func dpiIsValidated(_ dpi: String) throws {
        try #require(FileManager.default.isExecutableFile(atPath: hanjiBinary.path), "build the CLI first: swift build")
        try withTempDir { dir in
            let png = dir.appendingPathComponent("png")
            let pdf = dir.appendingPathComponent("m.pdf")
            let result = run(["minutes", exampleRecord.path, "-o", pdf.path, "--png", png.path, "--dpi=\(dpi)"])
            #expect(result.status == 2, "--dpi \(dpi): exit \(result.status)\n\(result.stderr)")
            #expect(result.stderr.contains("--dpi") && result.stderr.contains("1200"), "\(result.stderr)")
            #expect(!result.stderr.contains("internal error") && !result.stderr.contains("Fatal error"))
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            #expect(left.isEmpty, "--dpi \(dpi) left \(left) behind")
        }
    }

    /// A --dpi that is fine alone but makes the spec's page wider than Cairo can draw (32767
    /// pixels) stopped with "cairo_image_surface_create failed" and exit 3.
    @Test func dpiTooHighForThePageIsAnInputError() throws {
        try withTempDir { dir in
            let spec = try String(contentsOf: minutesLayout, encoding: .utf8)
            try #require(spec.contains("\n  size: A4\n"), "the minutes layout changed")
            let layout = dir.appendingPathComponent("big.yaml")
            try spec.replacingOccurrences(of: "\n  size: A4\n", with: "\n  size: [1000mm, 1000mm]\n")
                .write(to: layout, atomically: true, encoding: .utf8)
            let out = dir.appendingPathComponent("out", isDirectory: true)
            let result = run(["minutes", exampleRecord.path, "--layout", layout.path,
                              "-o", out.appendingPathComponent("m.pdf").path, "--png", out.path, "--dpi", "1200"])
            #expect(result.status == 1, "exit \(result.status)\n\(result.stderr)")
            #expect(result.stderr.contains("--dpi") && result.stderr.contains("page.size"), "\(result.stderr)")
            let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            #expect(left.isEmpty, "left \(left)")
        }
    }

    /// Under `timeout`, so an interval let through fails the test instead of watching for ever.
    @Test("watch --interval must be from 20 ms to an hour", arguments: ["99999999999999", "-5", "0", "5"])
    func watchIntervalIsValidated(_ interval: String) throws {
        try withTempDir { dir in
            let result = execute(URL(fileURLWithPath: "/usr/bin/timeout"),
                                 ["10", hanjiBinary.path, "watch", exampleRecord.path,
                                  "-o", dir.appendingPathComponent("m.pdf").path, "--interval=\(interval)"])
            #expect(result.status == 2, "--interval \(interval): exit \(result.status)\n\(result.stderr)")
            #expect(result.stderr.contains("--interval"), "\(result.stderr)")
        }
    }

    /// Found by `make fuzz`: a character no font has (private use: the Noto CJK fonts draw every
    /// rare Hanja), in a year document's spec, stopped the
    /// programme and the booklet as an "internal error" (exit 3) instead of a located one.
    @Test("a character no font has in a year document is located, exit 1", arguments: ["program", "booklet"])
    func missingGlyphInAYearDocumentIsLocated(_ command: String) throws {
        try withTempDir { dir in
            let spec = try String(contentsOf: repoRoot.appendingPathComponent("layouts/program.yaml"), encoding: .utf8)
            let line = "  - text: \"{event.title}\""
            try #require(spec.contains(line), "the program layout changed")
            let layout = dir.appendingPathComponent("program.yaml")
            try spec.replacingOccurrences(of: line, with: "  - text: \"{event.title} \u{E000}\"")
                .write(to: layout, atomically: true, encoding: .utf8)
            let number = spec.components(separatedBy: "\n").firstIndex(of: line).map { $0 + 1 } ?? 0
            let year = exampleRecord.deletingLastPathComponent().appendingPathComponent("year.yaml")
            let pdf = dir.appendingPathComponent("x.pdf")
            let result = run([command, year.path, "--layout", layout.path, "-o", pdf.path])
            #expect(result.status == 1, "exit \(result.status)\n\(result.stderr)")
            #expect(result.stderr.contains("\(layout.path):\(number):"), "\(result.stderr)")
            #expect(result.stderr.contains("U+E000"), "\(result.stderr)")
            #expect(!result.stderr.contains("internal error"), "\(result.stderr)")
        }
    }

    /// Found by `make fuzz` (roster target): a roster value with a run of letters longer than its
    /// line, then a break opportunity (`|`) and more letters, made Pango 1.50 abort (SIGABRT,
    /// "process_line: assertion failed") under the no-break span Hanji puts over each word.
    @Test func aWordLongerThanItsLineWithABreakInsidePrints() throws {
        try withTempDir { dir in
            let roster = dir.appendingPathComponent("roster.csv")
            let word = String(repeating: "a", count: 61) + "|" + String(repeating: "b", count: 28)
            try "성명,소속\n가,\(word)\n".write(to: roster, atomically: true, encoding: .utf8)
            let year = exampleRecord.deletingLastPathComponent().appendingPathComponent("year.yaml")
            let pdf = dir.appendingPathComponent("c.pdf")
            let result = run(["certificates", year.path, "--roster", roster.path, "-o", pdf.path])
            #expect(result.status == 0, "exit \(result.status)\n\(result.stderr.prefix(400))")
            #expect(FileManager.default.fileExists(atPath: pdf.path))
        }
    }

    /// Found by `make fuzz` (record target): a right-to-left mark (U+200F, invisible, pasted
    /// from the web) made a right-to-left run, whose glyph clusters Pango counts backwards; the
    /// glyph runs indexed glyph -1 and trapped.
    @Test func aRightToLeftMarkPrints() throws {
        try withTempDir { dir in
            let copy = dir.appendingPathComponent("year", isDirectory: true)
            try FileManager.default.copyItem(at: exampleRecord.deletingLastPathComponent(), to: copy)
            let record = copy.appendingPathComponent(exampleRecord.lastPathComponent)
            let text = try String(contentsOf: record, encoding: .utf8)
            try #require(text.contains("place: 한우리카페 공용테이블"), "the example changed")
            try text.replacingOccurrences(of: "place: 한우리카페 공용테이블", with: "place: \"한우리카페\u{200F} 공용테이블\"")
                .write(to: record, atomically: true, encoding: .utf8)
            let pdf = dir.appendingPathComponent("rtl.pdf")
            let result = run(["minutes", record.path, "-o", pdf.path, "--layout", minutesLayout.path])
            #expect(result.status == 0, "exit \(result.status)\n\(result.stderr.prefix(300))")
        }
    }

    /// A year whose meeting was written in 1918: the booklet prints (the PDF's date comes from
    /// the latest record), where the day count from 1970 used to trap.
    @Test func bookletOfAYearWithA1918MeetingPrints() throws {
        try withTempDir { dir in
            let example = exampleRecord.deletingLastPathComponent()
            let copy = dir.appendingPathComponent("year", isDirectory: true)
            try FileManager.default.copyItem(at: example, to: copy)
            let minutes = copy.appendingPathComponent("minutes-11.yaml")
            let text = try String(contentsOf: minutes, encoding: .utf8)
            try #require(text.contains("written: 2018-06-22"), "the example changed")
            try text.replacingOccurrences(of: "written: 2018-06-22", with: "written: 1918-06-22")
                .write(to: minutes, atomically: true, encoding: .utf8)
            let pdf = dir.appendingPathComponent("booklet.pdf")
            let result = run(["booklet", copy.appendingPathComponent("year.yaml").path, "-o", pdf.path,
                              "--layout", repoRoot.appendingPathComponent("layouts/booklet.yaml").path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: pdf.path))
        }
    }
}
