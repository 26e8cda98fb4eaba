import Foundation
import Hanji
import HanjiLayout
import HanjiTestSupport
import Testing

/// An officer's first week: the sample seal, a font of their own, the programme's page and a
/// booklet of several bodies.
@Suite struct SmallThingsTests {
    static let exampleFolder = repoRoot.appendingPathComponent("examples/yeongdeungpo-2018")

    /// A new year made by `hanji init` in `dir`.
    func initialised(_ dir: URL) throws -> URL {
        let year = dir.appendingPathComponent("y")
        let made = run(["init", year.path])
        try #require(made.status == 0, "\(made.stderr)")
        return year
    }

    // MARK: the sample seal

    /// The seal `hanji init` gives is marked as a sample, and printing with it (under any file
    /// name) warns; the example's own seal does not.
    @Test func sampleSealWarnsWhoeverPrintsWithIt() throws {
        try withTempDir { dir in
            let year = try initialised(dir)
            let seal = year.appendingPathComponent("seal.png")
            let example = Self.exampleFolder.appendingPathComponent("seal.png")
            #expect(try Data(contentsOf: seal) != Data(contentsOf: example), "the sample is the example's seal")
            // Renamed, it is still the sample.
            let renamed = year.appendingPathComponent("our-seal.png")
            try FileManager.default.moveItem(at: seal, to: renamed)
            let record = year.appendingPathComponent("year.yaml")
            let text = try String(contentsOf: record, encoding: .utf8)
            try text.replacingOccurrences(of: "seal: seal.png", with: "seal: our-seal.png")
                .write(to: record, atomically: true, encoding: .utf8)
            let out = run(["certificates", record.path, "-o", dir.appendingPathComponent("c.pdf").path])
            #expect(out.status == 0, "\(out.stderr)")
            #expect(out.stderr.contains("the seal is Hanji's sample (견본)"), "\(out.stderr)")
            #expect(out.stderr.contains("replace our-seal.png with your organisation's seal"), "\(out.stderr)")
            #expect(out.stderr.contains("year.yaml:"), "the warning names the year record's line: \(out.stderr)")
            // Another seal (the example's) prints without it.
            try FileManager.default.copyItem(at: example, to: seal)
            try text.write(to: record, atomically: true, encoding: .utf8)
            let own = run(["certificates", record.path, "-o", dir.appendingPathComponent("d.pdf").path])
            #expect(own.status == 0 && !own.stderr.contains("견본"), "\(own.stderr)")
        }
    }

    // MARK: fonts of one's own

    /// A spec of the new year whose base style names `font`, with `files` (name → source) in fonts/.
    func yearWithFont(_ dir: URL, font: String, files: [String: String]) throws -> URL {
        let year = try initialised(dir)
        for (name, source) in files {
            let target = year.appendingPathComponent("fonts/\(name)")
            if source.hasPrefix("/") {
                try FileManager.default.copyItem(atPath: source, toPath: target.path)
            } else {
                try Data(source.utf8).write(to: target)
            }
        }
        let spec = year.appendingPathComponent("layouts/program.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8)
        try text.replacingOccurrences(of: "base: {font: \"NanumGothic, ",
                                      with: "base: {font: \"\(font), NanumGothic, ")
            .write(to: spec, atomically: true, encoding: .utf8)
        return year
    }

    static let dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

    /// `hanji program` of the year folder `year`, written into `dir`.
    func printProgram(_ year: URL, into dir: URL) -> (status: Int32, stdout: String, stderr: String) {
        run(["program", year.appendingPathComponent("year.yaml").path, "-o", dir.appendingPathComponent("p.pdf").path])
    }

    /// A style naming a font by its file name fails at the style's line, listing what the
    /// fonts/ folder holds (file → family) and suggesting the family.
    @Test func fontNamedByItsFileNameSaysWhichFamilyTheFileHas() throws {
        try withTempDir { dir in
            let year = try yearWithFont(dir, font: "MyFont", files: ["MyFont.ttf": Self.dejavu])
            let out = printProgram(year, into: dir)
            #expect(out.status == 1, "\(out)")
            let spec = try String(contentsOf: year.appendingPathComponent("layouts/program.yaml"), encoding: .utf8)
            let line = try #require(spec.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("MyFont,") }) + 1
            #expect(out.stderr.contains("program.yaml:\(line):"), "\(out.stderr)")
            #expect(out.stderr.contains("no font family 'MyFont'"), "\(out.stderr)")
            #expect(out.stderr.contains("MyFont.ttf → DejaVu Sans"), "\(out.stderr)")
            #expect(out.stderr.contains("did you mean 'DejaVu Sans'?"), "\(out.stderr)")
            #expect(!out.stderr.contains("Fatal error"))
        }
    }

    /// Named by its family, the same file prints.
    @Test func fontNamedByItsFamilyPrints() throws {
        try withTempDir { dir in
            let year = try yearWithFont(dir, font: "DejaVu Sans", files: ["MyFont.ttf": Self.dejavu])
            let out = printProgram(year, into: dir)
            #expect(out.status == 0, "\(out)")
        }
    }

    /// A file in fonts/ that fontconfig cannot read is named in a warning (a README is not).
    @Test func unreadableFontFileIsNamed() throws {
        try withTempDir { dir in
            let year = try yearWithFont(dir, font: "DejaVu Sans",
                                        files: ["MyFont.ttf": Self.dejavu, "Broken.ttf": "not a font",
                                                "Maru.woff2": "wOF2 nope", "MaruBuri.zip": "PK nope"])
            let out = printProgram(year, into: dir)
            #expect(out.status == 0, "\(out)")
            for name in ["Broken.ttf", "Maru.woff2", "MaruBuri.zip"] {
                #expect(out.stderr.contains("warning: \(year.path)/fonts/\(name):"), "\(name): \(out.stderr)")
            }
            #expect(!out.stderr.contains("README.md"), "\(out.stderr)")
            #expect(!out.stderr.contains("MyFont.ttf"), "\(out.stderr)")
        }
    }

    // MARK: the programme

    /// The showcase programme uses its page: on its one page no blank band is taller than
    /// 20 mm (the old layout left 37 mm under its last table), and text reaches the bottom.
    @Test func programmeFillsItsPage() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("program.pdf")
            let out = run(["program", Self.exampleFolder.appendingPathComponent("year.yaml").path, "-o", pdf.path])
            try #require(out.status == 0, "\(out.stderr)")
            #expect(out.stdout.contains(": 1 page\n"), "\(out.stdout)")
            // Each word: <word xMin=".." yMin=".." xMax=".." yMax="..">text</word>, in points.
            let words = tool("pdftotext", ["-bbox", pdf.path, "-"]).stdout.split(separator: "\n")
            let boxes = words.compactMap { line -> (Double, Double)? in
                let parts = line.split(separator: "\"")
                guard line.contains("<word"), parts.count > 7 else { return nil }
                guard let top = Double(parts[3]), let bottom = Double(parts[7]) else { return nil }
                return (top, bottom)
            }.sorted { $0.0 < $1.0 }
            let mm = 72 / 25.4
            var reached = try #require(boxes.first).1, widest = 0.0
            for (top, bottom) in boxes {
                widest = max(widest, top - reached)
                reached = max(reached, bottom)
            }
            #expect(widest < 20 * mm, "a blank band of \(Int(widest / mm)) mm")
            #expect(reached > 267 * mm, "the text ends \(Int(297 - reached / mm)) mm above the paper's edge")
        }
    }

    // MARK: a booklet of several bodies

    /// A year of two bodies: the booklet names each meeting's own body, in its headings, its
    /// contents and its tables, and no heading names one body for all.
    @Test func bookletOfTwoBodiesNamesEach() throws {
        try withTempDir { dir in
            let year = dir.appendingPathComponent("year")
            try FileManager.default.copyItem(at: Self.exampleFolder, to: year)
            for (file, number) in [("minutes-11.yaml", 3), ("minutes-12.yaml", 4)] {
                let url = year.appendingPathComponent(file)
                let text = try String(contentsOf: url, encoding: .utf8)
                try text.replacingOccurrences(of: "body: 분과실무협의회", with: "body: 협치분과 회의")
                    .replacingOccurrences(of: #"(?m)^number: \d+"#, with: "number: \(number)",
                                          options: .regularExpression)
                    .write(to: url, atomically: true, encoding: .utf8)
            }
            let pdf = dir.appendingPathComponent("booklet.pdf")
            let out = run(["booklet", year.appendingPathComponent("year.yaml").path, "--official", "-o", pdf.path])
            try #require(out.status == 0, "\(out.stderr)")
            let text = try pdfText(pdf, raw: true)
            let flat = squeezed(text)
            for heading in ["제3차 협치분과 회의", "제4차 협치분과 회의", "제13차 분과실무협의회", "제14차 분과실무협의회"] {
                #expect(flat.contains(squeezed(heading)), "\(heading) missing")
            }
            #expect(!text.contains("실무협의회 회의록"), "a chapter names one body for all")
            #expect(!text.contains("실무협의회 개최"), "a figure names one body for all")
            // The table of meetings and its chart tell the bodies apart.
            #expect(flat.contains(squeezed("협치분과 회의 3차")), "the meetings table does not name the body")
            #expect(flat.contains(squeezed("분과실무협의회 14차")), "the meetings table does not name the body")
        }
    }

    /// A year of one body names it in the chapter of its minutes.
    @Test func bookletOfOneBodyNamesIt() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("booklet.pdf")
            let out = run(["booklet", Self.exampleFolder.appendingPathComponent("year.yaml").path, "-o", pdf.path])
            try #require(out.status == 0, "\(out.stderr)")
            let text = try pdfText(pdf, raw: true)
            #expect(text.contains("2. 분과실무협의회 회의록"))
            #expect(text.contains("분과실무협의회 개최"))
        }
    }
}

/// The sample seal's fingerprint is the template's (after templates/make-sample-seal.sh, put
/// the printed one into Sources/Hanji/SampleSeal.swift).
@Test func sampleSealFingerprintIsTheTemplates() throws {
    let data = try Data(contentsOf: repoRoot.appendingPathComponent("templates/new-year/seal.png"))
    let printed = String(SampleSeal.fingerprint(of: data), radix: 16)
    #expect(SampleSeal.isSample(data), "size \(data.count), fingerprint 0x\(printed)")
    #expect(!SampleSeal.isSample(data.dropLast()))
}

/// `space: fill` shares out the height a stack leaves on its page, and nothing when measured
/// without a page or when the stack runs over.
@Test func fillSpaceTakesWhatThePageLeaves() throws {
    let context = Fixture.context()
    context.emptyPage = 300
    let style = Fixture.style(size: 10, align: .left)
    func line(_ text: String) -> Paragraph { Paragraph(text, style: style, source: "") }
    let stack = Stack([line("가"), Fill(), line("나"), Fill(), line("다")])
    guard case .whole(let frame) = try stack.layout(in: Region(width: 200, height: 300, fresh: true), context) else {
        Issue.record("the stack did not fit")
        return
    }
    #expect(frame.size.height == 300)
    let ys = frame.lines.map(\.0.y)
    #expect(ys.count == 3)
    let last = try #require(frame.lines.last)
    #expect(300 - (last.0.y + last.1.descent) < 8, "the last line ends at the page's bottom")
    #expect(abs((ys[1] - ys[0]) - (ys[2] - ys[1])) < 0.01, "the fills share equally")
    context.emptyPage = .infinity
    let unbounded = Region(width: 200, height: .infinity, fresh: true)
    guard case .whole(let loose) = try stack.layout(in: unbounded, context) else {
        Issue.record("the stack did not fit")
        return
    }
    #expect(loose.size.height < 60, "no page: no fill")
}
