import Foundation
import HanjiTestSupport
import Testing

/// The command line's small things: preview file names, the summary line, --version, help
/// text in an 80-column terminal, and `hanji watch` (--public, stopping it with Ctrl-C).
@Suite("EndToEnd: the CLI's names, counts, version, help and watch")
struct CLITests {
    static let year = exampleRecord.deletingLastPathComponent().appendingPathComponent("year.yaml")

    /// Runs `args` with `--png DIR/png`, requiring success; the previews' names, sorted.
    func previews(_ args: [String], in dir: URL) throws -> [String] {
        let folder = dir.appendingPathComponent("png")
        let out = run(args + ["--png", folder.path])
        try #require(out.status == 0, "\(out)")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".png") }.sorted()
    }

    @Test("preview PNGs sort: page numbers zero-padded to the page count's width")
    func previewsSort() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("booklet.pdf").path
            let names = try previews(["booklet", Self.year.path, "-o", pdf], in: dir)
            #expect(names.count == 16 && names.first == "booklet-01.png" && names.last == "booklet-16.png", "\(names)")
            let numbers = names.map { Int($0.dropFirst("booklet-".count).dropLast(4)) ?? 0 }
            #expect(numbers == Array(1...16), "sorted by name is sorted by page: \(names)")
        }
    }

    @Test("minutes, written page by page, name their previews by the final page count too")
    func streamedPreviewsSort() throws {
        try withTempDir { dir in
            let record = try String(contentsOf: exampleRecord, encoding: .utf8)
            let long = dir.appendingPathComponent("minutes-14.yaml")
            // A dozen copies of the transcript's first turn: the minutes run past nine pages.
            let turn = try #require(record.range(of: "    transcript:\n"))
            let says = String(repeating: "협치 분과의 한 해를 돌아보며 다음 해의 일을 정합니다. ", count: 30)
            let filler = String(repeating: "      - 협치조정관: \(says)\n", count: 12)
            try (record.replacingCharacters(in: turn, with: "    transcript:\n" + filler))
                .write(to: long, atomically: true, encoding: .utf8)
            let photos = exampleRecord.deletingLastPathComponent().appendingPathComponent("photos")
            try FileManager.default.copyItem(at: photos, to: dir.appendingPathComponent("photos"))
            let names = try previews(["minutes", long.path, "-o", dir.appendingPathComponent("m.pdf").path], in: dir)
            try #require(names.count >= 10, "\(names)")
            #expect(names.first == "minutes-14-01.png", "\(names)")
            #expect(names.allSatisfy { $0.count == "minutes-14-01.png".count }, "\(names)")
        }
    }

    @Test("certificate previews are named by number and person, in safe characters")
    func certificatePreviews() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("c.pdf").path
            let names = try previews(["certificates", Self.year.path, "-o", pdf], in: dir)
            #expect(names == ["certificate-001-안란.png", "certificate-002-한부영.png", "certificate-003-다솜빛.png"])
        }
    }

    @Test("the summary line says 1 page, in the singular")
    func onePage() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("program.pdf")
            let out = run(["program", Self.year.path, "-o", pdf.path])
            #expect(out.status == 0 && out.stdout == "\(pdf.path): 1 page\n", "\(out)")
        }
    }

    @Test("--version: one line, exit 0, the same every time")
    func version() throws {
        let first = run(["--version"]), second = run(["--version"])
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first)")
        #expect(first.stdout.split(separator: "\n").count == 1 && first.stdout.first?.isNumber == true, "\(first)")
        #expect(first.stdout == second.stdout)
    }

    /// Each help screen, as an 80-column terminal shows it.
    static let helps: [[String]] = [["--help"]] + ["minutes", "signin", "new", "program", "certificates", "booklet", "check", "watch",
                                                   "init", "fonts"].map { [$0, "--help"] }

    @Test("help fits 80 columns as written: nothing before USAGE is wrapped by the terminal's width", arguments: helps)
    func help(_ args: [String]) throws {
        let narrow = run(args, environment: ["COLUMNS": "80"]), wide = run(args, environment: ["COLUMNS": "300"])
        try #require(narrow.status == 0 && wide.status == 0, "\(narrow)")
        // The overview and discussion: ArgumentParser wraps each written line at the terminal's
        // width, leaving a word or two alone on a line when a written line is too long.
        let text = { (out: String) in out.components(separatedBy: "USAGE:")[0] }
        #expect(text(narrow.stdout) == text(wide.stdout), "\(args): wrapped at 80 columns:\n\(text(narrow.stdout))")
        // The usage line is ArgumentParser's own, one line however long; the rest fits.
        for line in narrow.stdout.split(separator: "\n") where !line.hasPrefix("USAGE:") {
            #expect(Self.columns(line) <= 80, "too wide: \(line)")
        }
    }

    /// Terminal columns a line takes: two for Hangul.
    static func columns<S: StringProtocol>(_ line: S) -> Int {
        line.reduce(0) { sum, c in
            sum + ((c.unicodeScalars.first.map { (0xAC00...0xD7A3).contains($0.value) } ?? false) ? 2 : 1)
        }
    }
}

/// `hanji watch`: a process that runs until it is stopped.
@Suite("EndToEnd: hanji watch", .serialized)
struct WatchTests {
    /// Starts `hanji watch` with `args`, waits for its first "printed"/"failed" line, then sends
    /// SIGINT; returns what it printed and its exit status.
    func watch(_ args: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = hanjiBinary
        process.arguments = ["watch"] + args
        process.currentDirectoryURL = repoRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var stdout = Data()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && !String(decoding: stdout, as: UTF8.self).contains(" ms; watching") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            stdout += chunk
        }
        usleep(300_000)
        process.interrupt()
        stdout += out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("Ctrl-C after a good print stops watch with 130 and says nothing of 'interrupted'")
    func stopped() throws {
        try withTempDir { dir in
            let outcome = try watch([exampleRecord.path, "-o", dir.appendingPathComponent("m.pdf").path])
            #expect(outcome.stdout.contains("printed in"), "\(outcome)")
            #expect(!outcome.stderr.contains("interrupted"), "\(outcome)")
            #expect(outcome.status == 130, "\(outcome)")
        }
    }

    @Test("watch --public prints the public minutes")
    func publicEdition() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("m.pdf")
            let outcome = try watch([exampleRecord.path, "--public", "-o", pdf.path])
            try #require(outcome.stdout.contains("printed in"), "\(outcome)")
            let text = try pdfText(pdf)
            #expect(text.contains("ㅇㅇㅇ"), "the public edition")
            #expect(!text.contains("한부영"), "names masked")
        }
    }

    @Test("watch confines the files a record names to its folder, as minutes does: one outside is refused, not watched")
    func confinesPaths() throws {
        try withTempDir { dir in
            let folder = dir.appendingPathComponent("year")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("photos"),
                                                    withIntermediateDirectories: true)
            let photos = exampleRecord.deletingLastPathComponent().appendingPathComponent("photos")
            try FileManager.default.copyItem(at: photos.appendingPathComponent("meeting.jpg"),
                                             to: dir.appendingPathComponent("outside.jpg"))
            for name in ["screen.jpg", "seating.png"] {
                try FileManager.default.copyItem(at: photos.appendingPathComponent(name),
                                                 to: folder.appendingPathComponent("photos/\(name)"))
            }
            let text = try String(contentsOf: exampleRecord, encoding: .utf8)
                .replacingOccurrences(of: "file: photos/meeting.jpg", with: "file: ../outside.jpg")
            let record = folder.appendingPathComponent("minutes-14.yaml")
            try text.write(to: record, atomically: true, encoding: .utf8)
            let printed = run(["minutes", record.path, "-o", dir.appendingPathComponent("m.pdf").path])
            #expect(printed.status == 1 && printed.stderr.contains("outside"), "\(printed)")
            let outcome = try watch([record.path, "-o", dir.appendingPathComponent("w.pdf").path])
            #expect(outcome.stdout.contains("failed in"), "\(outcome)")
            #expect(outcome.stderr.contains("'../outside.jpg'") && outcome.stderr.contains("outside"), "\(outcome)")
            // The record, the layout and the two photos inside: never the file outside.
            #expect(outcome.stdout.contains("watching 4 files"), "\(outcome)")
        }
    }

    @Test("watch prints a summary record as minutes, and watches the layout the record names")
    func summaryRecord() throws {
        try withTempDir { dir in
            let record = dir.appendingPathComponent("summary-0807.yaml")
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("examples/jumin-2026/summary-0807.yaml"),
                                             to: record)
            let pdf = dir.appendingPathComponent("w.pdf")
            let outcome = try watch([record.path, "-o", pdf.path])
            #expect(outcome.stdout.contains("printed in") && outcome.stdout.contains("watching 2 files"), "\(outcome)")
            #expect(try pdfText(pdf).contains("주요 결정사항 요약"), "printed by layouts/summary.yaml")
        }
    }

    @Test("watch --document signin prints the sign-in sheet")
    func signin() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("s.pdf")
            let outcome = try watch([exampleRecord.path, "--document", "signin", "-o", pdf.path])
            #expect(outcome.stdout.contains("printed in"), "\(outcome)")
            #expect(try pdfText(pdf).contains("참석자 서명부"))
        }
    }

    @Test("watch --public is refused for a year record's documents, as usage")
    func publicNeedsMinutes() throws {
        let out = run(["watch", CLITests.year.path, "--document", "program", "--public"])
        #expect(out.status == 2 && out.stderr.contains("--public") && out.stderr.contains("meeting"), "\(out)")
    }
}

@Suite("EndToEnd: help that fits a terminal")
struct HelpWidthTests {
    @Test("every command's --help fits 80 columns (characters), its usage line too",
          arguments: ["", "minutes", "signin", "program", "certificates", "booklet", "check", "new", "init", "watch", "fonts"])
    func fits(_ command: String) {
        let out = run((command.isEmpty ? [] : [command]) + ["--help"])
        #expect(out.status == 0, "\(out)")
        let wide = out.stdout.split(separator: "\n").filter { $0.count > 80 }
        #expect(wide.isEmpty, "\(command): \(wide)")
    }
}
