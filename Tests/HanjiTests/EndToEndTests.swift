// End-to-end tests: the built `hanji` CLI prints the example record, and the PDFs it writes
// are checked with poppler-utils and qpdf, as a reader or an archive would see them.
//
// Build first: swift build --build-tests; then: swift test --skip-build --filter EndToEnd
import Foundation
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

// MARK: - The record's texts

/// One text of a record, named by where it sits, and whether it is a personal name.
struct RecordText: CustomStringConvertible {
    var label: String
    var text: String
    var isName: Bool = false

    var description: String { "\(label): \(text)" }
}

/// Every text of a meeting record that the minutes print.
func recordTexts(_ meeting: Meeting) -> [RecordText] {
    var texts: [RecordText] = []
    func add(_ label: String, _ text: String?, name: Bool = false) {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        texts.append(RecordText(label: label, text: text, isName: name))
    }
    func addNotes(_ notes: [Note], _ label: String) {
        for (k, note) in notes.enumerated() {
            switch note {
            case .item(let text, let items):
                add("\(label)[\(k)]", text)
                addNotes(items, "\(label)[\(k)].items")
            case .remark(let text):
                add("\(label)[\(k)].note", text)
            }
        }
    }

    add("body", meeting.body)
    add("place", meeting.place)
    add("recorder.role", meeting.recorder.role)
    add("recorder.name", meeting.recorder.name, name: true)
    for (g, group) in meeting.attendance.enumerated() {
        add("attendance[\(g)].group", group.name)
        for (m, member) in group.members.enumerated() {
            add("attendance[\(g)].members[\(m)].role", member.role)
            add("attendance[\(g)].members[\(m)].name", member.name, name: true)
        }
    }
    for (i, item) in meeting.agenda.enumerated() {
        let at = "agenda[\(i)]"
        add("\(at).title", item.title)
        addNotes(item.notes, "\(at).notes")
        if let appendix = item.appendix {
            add("\(at).appendix.title", appendix.title)
            for (k, entry) in appendix.items.enumerated() { add("\(at).appendix.items[\(k)]", entry) }
        }
        for (t, turn) in item.transcript.enumerated() {
            for (p, paragraph) in turn.paragraphs.enumerated() {
                add("\(at).transcript[\(t)].paragraphs[\(p)]", paragraph)
            }
        }
        if let event = item.event {
            add("\(at).event.title", event.title)
            add("\(at).event.venue", event.venue)
            add("\(at).event.address", event.address)
            add("\(at).event.audience", event.audience)
            for (k, entry) in event.program.enumerated() { add("\(at).event.program[\(k)]", entry) }
            for (k, presenter) in event.presenters.enumerated() {
                add("\(at).event.presenters[\(k)].group", presenter.group)
                add("\(at).event.presenters[\(k)].project", presenter.project)
                add("\(at).event.presenters[\(k)].name", presenter.name, name: true)
                add("\(at).event.presenters[\(k)].role", presenter.role)
            }
        }
    }
    for (k, line) in meeting.summary.enumerated() { add("summary[\(k)]", line) }
    add("next.title", meeting.next?.title)
    for (k, photo) in meeting.photos.enumerated() { add("photos[\(k)].caption", photo.caption) }
    add("remarks", meeting.remarks)
    return texts
}

/// A PDF's text, whitespace removed, whole and page by page, for finding record texts in it.
///
/// Read in drawing order (`pdftotext -raw`): the default reading order weaves the label column
/// ("회의 내용 (계속)") into the body's lines. A paragraph that breaks across pages still has the
/// page furniture (footer, public header, continued label, repeated table head) between its two
/// parts, so a text also counts as printed when it splits into a part that ends page N and a
/// part that starts page N+1, each within `furniture` characters of the page's edge. This
/// tolerates other text at a page break, never a lost piece: every character of the text must
/// still be printed, in order, on one page or across one page break.
struct PrintedText {
    var whole: String
    var pages: [String]
    var furniture = 100

    init(_ extracted: String) {
        pages = extracted.components(separatedBy: "\u{0C}").map(squeezed)
        if pages.last?.isEmpty == true { pages.removeLast() }
        whole = pages.joined()
    }

    func contains(_ text: String) -> Bool {
        let wanted = squeezed(text)
        if whole.contains(wanted) { return true }
        let chars = Array(wanted)
        guard chars.count > 1, pages.count > 1 else { return false }
        for page in 0..<(pages.count - 1) {
            for cut in 1..<chars.count {
                let first = String(chars[..<cut])
                let second = String(chars[cut...])
                if String(pages[page].suffix(first.count + furniture)).contains(first),
                   String(pages[page + 1].prefix(second.count + furniture)).contains(second) {
                    return true
                }
            }
        }
        return false
    }
}

/// How many times `needle` occurs in `haystack`, not overlapping.
func occurrences(of needle: String, in haystack: String) -> Int {
    var count = 0
    var rest = haystack[...]
    while let range = rest.range(of: needle) {
        count += 1
        rest = rest[range.upperBound...]
    }
    return count
}

// MARK: - Bad inputs

/// A record with one mistake, and where and how the CLI must report it.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    /// 1-based line and column of the mistake (column nil: not checked).
    var line: Int
    var column: Int?
    /// Texts standard error must contain besides the location and "hint:".
    var mentions: [String]

    var testDescription: String { name }

    /// The example's text with the one line starting `old` replaced by the line starting `new`;
    /// the mistake is at `marker` inside the new line.
    static func edit(_ name: String, replacing old: String, with new: String, marker: String,
                     mentions: [String]) -> BadInput {
        let example = (try? String(contentsOf: exampleRecord, encoding: .utf8)) ?? ""
        var lines = example.components(separatedBy: "\n")
        let hits = lines.indices.filter { lines[$0].hasPrefix(old) }
        // An example that no longer has exactly one such line gives an impossible case (line 0).
        guard hits.count == 1, let index = hits.first else {
            return BadInput(name: "\(name) [example has \(hits.count) lines starting '\(old)']",
                            text: example, line: 0, column: nil, mentions: mentions)
        }
        lines[index] = new + lines[index].dropFirst(old.count)
        let column = lines[index].range(of: marker).map { lines[index].distance(from: lines[index].startIndex, to: $0.lowerBound) + 1 }
        return BadInput(name: name, text: lines.joined(separator: "\n"), line: index + 1, column: column,
                        mentions: mentions)
    }

    static let all: [BadInput] = [
        // An unclosed '[' on the last line of a three-line file (no newline after it): the
        // mistake, and the end of the file, are both on line 3; no line 4 exists.
        BadInput(name: "(a) YAML syntax: unclosed [",
                 text: "body: 분과실무협의회\nnumber: 14\nsummary: [첫째, 둘째", line: 3, column: nil,
                 mentions: ["YAML"]),
        edit("(b) wrong type: number: abc", replacing: "number: 14", with: "number: abc", marker: "abc",
             mentions: ["(at number)"]),
        edit("(c) unknown key: plac", replacing: "place:", with: "plac:", marker: "plac",
             mentions: ["(at plac)", "did you mean 'place'"]),
        edit("(d) impossible date 2018-02-30", replacing: "date: 2018-11-22", with: "date: 2018-02-30",
             marker: "2018-02-30", mentions: ["2018-02-30", "(at date)"]),
        edit("(e) weekday disagrees: 금", replacing: "weekday: 목", with: "weekday: 금", marker: "금",
             mentions: ["(at weekday)"]),
    ]
}

/// The `LINE:COLUMN` right after `path:` in an error message, if there is one.
func reportedLocation(in message: String, path: String) -> (line: Int, column: Int)? {
    var rest = message[...]
    while let range = rest.range(of: path + ":") {
        rest = rest[range.upperBound...]
        let parts = rest.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        if parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]) { return (line, column) }
    }
    return nil
}

// MARK: - Tests

@Suite("EndToEnd: the hanji CLI and the PDFs it writes")
struct EndToEndTests {

    @Test("official edition: valid PDF, A4 pages, embedded fonts")
    func officialEditionIsAValidA4PDFWithEmbeddedFonts() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("minutes-14.pdf")
            let cli = try render(exampleRecord, to: pdf)

            let check = tool("qpdf", ["--check", pdf.path])
            #expect(check.status == 0, "qpdf --check: \(check.stdout)\(check.stderr)")

            let info = tool("pdfinfo", [pdf.path])
            try #require(info.status == 0, "pdfinfo: \(info.stderr)")
            let pagesLine = try #require(info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") })
            let pages = try #require(Int(pagesLine.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)))
            #expect(pages >= 3, "the example prints on at least 3 pages, got \(pages)")
            #expect(cli.stdout.contains("\(pages) pages"), "CLI says: \(cli.stdout)")

            let sizes = tool("pdfinfo", ["-f", "1", "-l", "\(pages)", pdf.path])
            try #require(sizes.status == 0, "pdfinfo -f -l: \(sizes.stderr)")
            var seen: [Int] = []
            for line in sizes.stdout.split(separator: "\n") where line.hasPrefix("Page ") && line.contains(" size:") {
                let head = line.prefix { $0 != ":" }
                let number = Int(head.dropFirst("Page".count).replacingOccurrences(of: " size", with: "")
                    .trimmingCharacters(in: .whitespaces))
                let size = line.components(separatedBy: "size:").last?.trimmingCharacters(in: .whitespaces)
                #expect(size == "595.276 x 841.89 pts (A4)", "\(line)")
                if let number { seen.append(number) }
            }
            #expect(seen == Array(1...max(pages, 1)), "pdfinfo size lines for pages \(seen), expected 1...\(pages)")

            let fonts = tool("pdffonts", [pdf.path])
            try #require(fonts.status == 0, "pdffonts: \(fonts.stderr)")
            // name type encoding emb sub uni object-ID (two columns); type may hold spaces.
            let rows = fonts.stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ") }
            #expect(rows.count >= 1, "pdffonts lists no font:\n\(fonts.stdout)")
            for row in rows {
                #expect(row.count >= 7 && row[row.count - 5] == "yes", "font not embedded: \(row.joined(separator: " "))")
            }
        }
    }

    @Test("official edition: every text of the record reaches the PDF")
    func everyTextOfTheRecordIsPrinted() throws {
        let meeting = try Meeting.load(exampleRecord)
        let texts = recordTexts(meeting)
        // A sanity floor: the example has dozens of texts; a collector that finds few is broken.
        #expect(texts.count > 80, "collected only \(texts.count) texts")
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("minutes-14.pdf")
            try render(exampleRecord, to: pdf)
            let printed = PrintedText(try pdfText(pdf, raw: true))
            #expect(printed.pages.count >= 3, "pdftotext found \(printed.pages.count) pages")
            let missing = texts.filter { !printed.contains($0.text) }
            #expect(missing.isEmpty,
                    "\(missing.count) of \(texts.count) texts missing from the PDF:\n\(missing.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test("public edition: names masked as ㅇㅇㅇ, everything else printed")
    func publicEditionMasksEveryName() throws {
        let meeting = try Meeting.load(exampleRecord)
        let names = meeting.names
        #expect(names.count >= 14, "the example names 14 people, found \(names)")
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("minutes-14-public.pdf")
            try render(exampleRecord, to: pdf, extra: ["--public"])
            let printed = PrintedText(try pdfText(pdf, raw: true))

            let leaked = names.filter { printed.whole.contains(squeezed($0)) }
            #expect(leaked.isEmpty, "names printed in the public edition: \(leaked)")

            let info = tool("pdfinfo", [pdf.path])
            let leakedInMetadata = names.filter { info.stdout.contains($0) }
            #expect(leakedInMetadata.isEmpty, "names in the public edition's metadata: \(leakedInMetadata)")

            // Every named attendee's row and every named presenter shows the mask.
            let namedRows = meeting.members.compactMap(\.name).count
                + meeting.agenda.flatMap { $0.event?.presenters ?? [] }.compactMap(\.name).count
            let masks = occurrences(of: "ㅇㅇㅇ", in: printed.whole)
            #expect(masks >= namedRows, "ㅇㅇㅇ printed \(masks) times, expected at least \(namedRows)")

            let mask = Mask(names: names, pattern: "ㅇㅇㅇ")
            let texts = recordTexts(meeting).filter { !$0.isName }
            let missing = texts.map { RecordText(label: $0.label, text: mask.apply($0.text)) }
                .filter { !printed.contains($0.text) }
            #expect(missing.isEmpty,
                    "\(missing.count) of \(texts.count) masked texts missing from the public PDF:\n\(missing.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test("same input, same bytes", arguments: [false, true])
    func renderingIsDeterministic(publicEdition: Bool) throws {
        try withTempDir { dir in
            let extra = publicEdition ? ["--public"] : []
            let first = dir.appendingPathComponent("first.pdf")
            let second = dir.appendingPathComponent("second.pdf")
            try render(exampleRecord, to: first, extra: extra)
            try render(exampleRecord, to: second, extra: extra)
            let a = try Data(contentsOf: first)
            let b = try Data(contentsOf: second)
            #expect(a.count > 1000, "suspiciously small PDF: \(a.count) bytes")
            let firstDifference = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            #expect(a == b, "\(publicEdition ? "public" : "official") PDFs differ: \(a.count) vs \(b.count) bytes, first difference at byte \(firstDifference.map(String.init) ?? "end")")
        }
    }

    @Test("HANJI_TIMING: each phase, and Cairo's share of the writing")
    func timingNamesThePhasesAndCairosShare() throws {
        try withTempDir { dir in
            let out = run(["minutes", exampleRecord.path, "-o", dir.appendingPathComponent("m.pdf").path],
                          environment: ["HANJI_TIMING": "1"])
            #expect(out.status == 0, "\(out.stderr)")
            for phase in ["record", "spec", "fonts", "layout and write"] {
                #expect(out.stderr.contains("\n\(phase) ") || out.stderr.hasPrefix("\(phase) "), "no '\(phase)' line: \(out.stderr)")
            }
            let cairo = try #require(out.stderr.firstMatch(of: /drawing pages \(second thread\) ([0-9.]+) ms, finishing the PDF \(font subsets\) ([0-9.]+) ms/))
            #expect(Double(cairo.1)! > 0 && Double(cairo.2)! > 0, "\(out.stderr)")
            #expect(!run(["minutes", exampleRecord.path, "-o", dir.appendingPathComponent("n.pdf").path]).stderr.contains("drawing pages"))
        }
    }

    @Test("--layout: an edited copy of the spec changes what prints")
    func layoutOptionUsesTheGivenSpec() throws {
        try withTempDir { dir in
            let spec = try String(contentsOf: minutesLayout, encoding: .utf8)
            try #require(spec.contains("기록자"), "layouts/minutes.yaml no longer has the label 기록자")
            let copy = dir.appendingPathComponent("my-minutes.yaml")
            try spec.replacingOccurrences(of: "기록자", with: "기록담당").write(to: copy, atomically: true, encoding: .utf8)

            let edited = dir.appendingPathComponent("edited.pdf")
            try render(exampleRecord, to: edited, extra: ["--layout", copy.path])
            let editedText = try pdfText(edited)
            #expect(editedText.contains("기록담당"), "the edited label 기록담당 is not printed")
            #expect(!editedText.contains("기록자"), "the replaced label 기록자 is still printed")

            let standard = dir.appendingPathComponent("standard.pdf")
            try render(exampleRecord, to: standard)
            let standardText = try pdfText(standard)
            #expect(standardText.contains("기록자"), "the default layout's label 기록자 is not printed")
            #expect(!standardText.contains("기록담당"))
        }
    }

    @Test("bad input: located error, exit 1, earlier output untouched", arguments: BadInput.all)
    func badInputIsReportedAndLeavesOutputAlone(_ bad: BadInput) throws {
        try #require(bad.line > 0, "the example changed: \(bad.name)")
        try withTempDir { dir in
            let input = dir.appendingPathComponent("in", isDirectory: true)
            let output = dir.appendingPathComponent("out", isDirectory: true)
            try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            let record = input.appendingPathComponent("bad-record.yaml")
            try bad.text.write(to: record, atomically: true, encoding: .utf8)
            let pdf = output.appendingPathComponent("minutes.pdf")
            try Data("EARLIER".utf8).write(to: pdf)

            let result = run(["minutes", record.path, "-o", pdf.path])
            #expect(result.status == 1, "exit \(result.status), stderr:\n\(result.stderr)")
            let location = reportedLocation(in: result.stderr, path: record.path)
            #expect(location != nil, "no '\(record.path):LINE:COLUMN:' in stderr:\n\(result.stderr)")
            if let location {
                #expect(location.line == bad.line, "reported line \(location.line), the mistake is on line \(bad.line):\n\(result.stderr)")
                if let column = bad.column {
                    #expect(location.column == column, "reported column \(location.column), expected \(column):\n\(result.stderr)")
                }
            }
            #expect(result.stderr.contains("hint:"), "no hint in stderr:\n\(result.stderr)")
            for text in bad.mentions {
                #expect(result.stderr.contains(text), "stderr lacks '\(text)':\n\(result.stderr)")
            }

            #expect(try Data(contentsOf: pdf) == Data("EARLIER".utf8), "the earlier output was overwritten")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.path)
            #expect(leftovers == ["minutes.pdf"], "output folder holds \(leftovers)")
            #expect(!leftovers.contains { $0.hasPrefix(".") }, "stray temporary file in the output folder: \(leftovers)")
        }
    }

    /// An unclosed '[' in the middle of a record: libyaml notices only on a later line, but a
    /// user has to be sent to the line holding the '['.
    @Test("bad input: an unclosed [ mid-file is reported at its own line")
    func unclosedBracketMidFileIsReportedAtItsLine() throws {
        let bad = BadInput.edit("unclosed [ mid-file", replacing: "time: \"18:30\"", with: "time: [\"18:30\"",
                                marker: "[", mentions: [])
        try #require(bad.line > 0, "the example changed: \(bad.name)")
        try withTempDir { dir in
            let record = dir.appendingPathComponent("bad-record.yaml")
            try bad.text.write(to: record, atomically: true, encoding: .utf8)
            let pdf = dir.appendingPathComponent("minutes.pdf")
            let result = run(["minutes", record.path, "-o", pdf.path])
            #expect(result.status == 1, "exit \(result.status), stderr:\n\(result.stderr)")
            #expect(result.stderr.contains("\(record.path):\(bad.line):"),
                    "the '[' is on line \(bad.line), but stderr does not point there:\n\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: pdf.path))
        }
    }

    @Test("usage errors exit 2, --help exits 0")
    func usageErrorsAndHelp() throws {
        try #require(FileManager.default.isExecutableFile(atPath: hanjiBinary.path), "build the CLI first: swift build")

        let missing = run(["minutes"])
        #expect(missing.status == 2, "hanji minutes: exit \(missing.status)\n\(missing.stderr)")
        #expect(missing.stderr.contains("<record>"), "stderr should name the missing argument:\n\(missing.stderr)")

        // With -o into a scratch folder, so a parser that let the option through writes nothing into out/.
        let scratch = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let unknown = run(["minutes", exampleRecord.path, "-o", scratch.appendingPathComponent("x.pdf").path, "--frobnicate"])
        #expect(unknown.status == 2, "unknown option: exit \(unknown.status)\n\(unknown.stderr)")
        #expect(unknown.stderr.contains("--frobnicate"), "stderr should name the unknown option:\n\(unknown.stderr)")

        let help = run(["--help"])
        #expect(help.status == 0, "hanji --help: exit \(help.status)\n\(help.stderr)")
        #expect(help.stdout.contains("minutes"), "help should list the minutes command:\n\(help.stdout)")
    }
}

@Suite("EndToEnd: PDF metadata")
struct MetadataTests {
    @Test("pdfinfo shows title, author, subject and keywords, dated from the record")
    func metadataComesFromTheRecord() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("m.pdf")
            try render(exampleRecord, to: pdf)
            let info = tool("pdfinfo", ["-isodates", pdf.path], environment: ["TZ": "UTC"])
            try #require(info.status == 0, "pdfinfo: \(info.stderr)")
            func field(_ name: String) -> String? {
                info.stdout.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                    .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
            }
            #expect(field("Title") == "분과실무협의회 14차 회의록")
            #expect(field("Author") == "분과실무협의회")
            #expect(field("Subject") == "분과실무협의회 14차 회의 (2018. 11. 22.)")
            #expect(field("Keywords") == "회의록, 분과실무협의회")
            // The record's 작성일 (written: 2018-11-23) in Korea time, never the clock.
            #expect(field("CreationDate") == "2018-11-23T00:00:00+09")
            #expect(field("ModDate") == "2018-11-23T00:00:00+09")
        }
    }
}
