// Messages that say what to do: each mistake an officer makes in a first week is named at its
// place with the fix, exits 1 and leaves an earlier output as it was.
import Foundation
import HanjiModel
import HanjiTestSupport
import Testing

@Suite("Messages")
struct MessageTests {
    /// A copy of the example folder, with an earlier output `out.pdf` in it.
    static func folder() throws -> URL {
        let dir = try makeTempDir()
        let example = repoRoot.appendingPathComponent("examples/yeongdeungpo-2018")
        for name in try FileManager.default.contentsOfDirectory(atPath: example.path) {
            try FileManager.default.copyItem(at: example.appendingPathComponent(name),
                                             to: dir.appendingPathComponent(name))
        }
        try Data("earlier output".utf8).write(to: dir.appendingPathComponent("out.pdf"))
        return dir
    }

    /// The example meeting record's text with `edit` applied, written into `dir` as `name`.
    static func edited(_ dir: URL, _ name: String = "minutes-14.yaml", _ edit: (String) -> String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        let text = try String(contentsOf: dir.appendingPathComponent("minutes-14.yaml"), encoding: .utf8)
        try Data(edit(text).utf8).write(to: url)
        return url
    }

    /// Runs a printing command into `out.pdf` of `dir` and requires exit 1 with `needles` in the
    /// message and the earlier output untouched; returns standard error.
    @discardableResult
    static func refused(_ args: [String], in dir: URL, _ needles: [String],
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let out = dir.appendingPathComponent("out.pdf")
        let result = run(args + ["-o", out.path])
        #expect(result.status == 1, "\(result.stderr)", sourceLocation: sourceLocation)
        for needle in needles {
            #expect(result.stderr.contains(needle), "no '\(needle)' in:\n\(result.stderr)",
                    sourceLocation: sourceLocation)
        }
        #expect(try Data(contentsOf: out) == Data("earlier output".utf8), sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("internal error"), sourceLocation: sourceLocation)
        return result.stderr
    }

    /// Runs `body` on a fresh copy of the example folder and its meeting record with `edit` applied.
    static func withEdited(_ edit: (String) -> String, _ body: (_ dir: URL, _ record: URL) throws -> Void) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir, try edited(dir, "minutes-14.yaml", edit))
    }

    /// The example meeting record with `edit` applied, refused by `hanji minutes` with `needles`,
    /// and by `hanji check` with the first needle.
    static func refusedRecord(_ needles: [String], sourceLocation: SourceLocation = #_sourceLocation,
                              _ edit: (String) -> String) throws {
        try withEdited(edit) { dir, record in
            try refused(["minutes", record.path], in: dir, needles, sourceLocation: sourceLocation)
            checkRefuses([record.path], [needles[0]], sourceLocation: sourceLocation)
        }
    }

    /// `hanji check` on `paths` exits 1 with each of `needles` in its report and not `absent`.
    static func checkRefuses(_ paths: [String], _ needles: [String], not absent: String? = nil,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let checked = check(paths)
        #expect(checked.status == 1, "\(checked.stderr)", sourceLocation: sourceLocation)
        for needle in needles {
            #expect(checked.stderr.contains(needle), "no '\(needle)' in:\n\(checked.stderr)",
                    sourceLocation: sourceLocation)
        }
        if let absent {
            #expect(!checked.stderr.contains(absent), "\(checked.stderr)", sourceLocation: sourceLocation)
        }
    }

    /// `hanji check` on `paths`: its outcome.
    static func check(_ paths: [String]) -> (status: Int32, stdout: String, stderr: String) {
        run(["check"] + paths)
    }

    static func line(of needle: String, in text: String) -> Int {
        (text.lines(keepEmpty: true).firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    @Test("a control character pasted from HWP is named at its line and column, with 'delete it'")
    func controlCharacter() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let record = try Self.edited(dir, "pasted.yaml") { $0.replacingOccurrences(of: "한우리카페", with: "한우리\u{07}카페") }
        let text = try String(contentsOf: record, encoding: .utf8)
        let line = Self.line(of: "\u{07}", in: text)
        try Self.refused(["minutes", record.path], in: dir, ["pasted.yaml:\(line):11:", "U+0007", "delete it"])
        Self.checkRefuses([record.path], ["pasted.yaml:\(line):11:", "U+0007"], not: "UTF-8")
    }

    @Test("a C1 control character and a vertical tab are named too")
    func otherControls() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let vt = try Self.edited(dir, "vt.yaml") { $0.replacingOccurrences(of: "place: 한우리", with: "place: 한\u{0B}우리") }
        try Self.refused(["minutes", vt.path], in: dir, ["U+000B", "delete it"])
        let c1 = try Self.edited(dir, "c1.yaml") { $0.replacingOccurrences(of: "place: 한우리", with: "place: 한\u{85}우리") }
        try Self.refused(["minutes", c1.path], in: dir, ["U+0085", "delete it"])
    }

    @Test("a tab in the indentation is named 'tab' at its line, with 'indent with spaces'")
    func tabIndent() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let record = try Self.edited(dir, "tabbed.yaml") {
            $0.replacingOccurrences(of: "\n  role: 협치지원관", with: "\n\trole: 협치지원관")
        }
        let line = Self.line(of: "\trole: 협치지원관", in: try String(contentsOf: record, encoding: .utf8))
        try Self.refused(["minutes", record.path], in: dir, ["tabbed.yaml:\(line):1:", "tab", "indent with spaces"])
    }

    @Test("a tab inside a | block is text, not indentation: a later mistake is named as itself")
    func tabInsideABlockIsText() throws {
        let text = "remarks: |\n  첫 줄\n  \t들여 쓴 줄\nplace: [한우리\n"
        #expect { try Field.parse(text, file: "t.yaml") } throws: { error in
            let e = error as? InputError
            return e?.message.contains("tab") == false && e?.location?.line ?? 0 >= 4
        }
        // A tab in real indentation after the block is still named.
        let tabbed = "remarks: |\n  첫 줄\n  \t들여 쓴 줄\nagenda:\n\t- title: x\n"
        #expect { try Field.parse(tabbed, file: "t.yaml") } throws: { error in
            (error as? InputError)?.message == "a tab in the indentation" && (error as? InputError)?.location?.line == 5
        }
    }

    @Test("a UTF-16 record, with or without its byte-order mark, is named UTF-16 with how to save UTF-8",
          arguments: [(true, false), (false, false), (false, true)])
    func utf16(marked: Bool, korean: Bool) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Korean first: the first hundred bytes hold no zero byte.
        let text = (korean ? "# " + String(repeating: "회의록 ", count: 40) + "\n" : "")
            + (try String(contentsOf: dir.appendingPathComponent("minutes-14.yaml"), encoding: .utf8))
        let record = dir.appendingPathComponent("unicode.yaml")
        var bytes: [UInt8] = marked ? [0xFF, 0xFE] : []
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(bytes).write(to: record)
        try Self.refused(["minutes", record.path], in: dir, ["UTF-16", "다른 이름으로 저장", "UTF-8"])
    }

    @Test("a UTF-8 byte-order mark is accepted silently")
    func utf8Mark() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let record = dir.appendingPathComponent("marked.yaml")
        let text = try Data(contentsOf: dir.appendingPathComponent("minutes-14.yaml"))
        try (Data([0xEF, 0xBB, 0xBF]) + text).write(to: record)
        let result = run(["minutes", record.path, "-o", dir.appendingPathComponent("marked.pdf").path])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test("a CP949 (EUC-KR) record is refused naming CP949, at the first Korean letter")
    func cp949() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let record = dir.appendingPathComponent("hwp.yaml")
        // "body: 회의" with 회의 in CP949.
        try Data(Array("number: 1\nbody: ".utf8) + [0xC8, 0xB8, 0xC0, 0xC7] + Array("\n".utf8)).write(to: record)
        try Self.refused(["minutes", record.path], in: dir, ["hwp.yaml:2:7:", "CP949", "UTF-8"])
    }

    @Test("a file given to the wrong command says what it is and which command takes it")
    func wrongCommand() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let year = dir.appendingPathComponent("year.yaml").path
        let meeting = dir.appendingPathComponent("minutes-14.yaml").path
        try Self.refused(["minutes", year], in: dir, ["year record", "subcommittees:", "hanji booklet"])
        for command in ["booklet", "program", "certificates"] {
            try Self.refused([command, meeting], in: dir, ["meeting record", "agenda:", "hanji minutes"])
        }
        try Self.refused(["minutes", repoRoot.appendingPathComponent("layouts/minutes.yaml").path], in: dir,
                         ["layout", "--layout"])
        try Self.refused(["minutes", dir.appendingPathComponent("roster.csv").path], in: dir, ["roster", "--roster"])
        try Self.refused(["booklet", dir.appendingPathComponent("roster.csv").path], in: dir, ["roster", "--roster"])
    }

    @Test("hanji check FOLDER checks every record, layout and roster in it, not out/")
    func checkFolder() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("out.pdf"))
        let clean = Self.check([dir.path])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.contains("6 files checked"), "\(clean.stdout)")
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("not: [closed".utf8).write(to: out.appendingPathComponent("old.yaml"))
        try Self.edited(dir, "minutes-15.yaml") { $0.replacingOccurrences(of: "number: 14", with: "number: 열다섯") }
        let bad = execute(hanjiBinary, ["check", "."], in: dir)
        #expect(bad.status == 1, "\(bad)")
        #expect(bad.stderr.contains("minutes-15.yaml:19:"), "\(bad.stderr)")
        #expect(!bad.stderr.contains("old.yaml"), "\(bad.stderr)")
        #expect(bad.stdout.contains("7 files checked"), "\(bad.stdout)")
    }

    @Test("a date written the Korean way gets the exact ISO date in the hint",
          arguments: [("2025.3.4", "2025-03-04"), ("2025/3/4", "2025-03-04"), ("2025년 3월 4일", "2025-03-04"),
                      ("2025. 3. 14.", "2025-03-14")])
    func koreanDate(written: String, fixed: String) throws {
        try Self.refusedRecord(["minutes-14.yaml:20:", "date: \(fixed)"]) {
            $0.replacingOccurrences(of: "date: 2018-11-22 ", with: "date: \(written) ")
        }
    }

    @Test("a time written the Korean or English way gets the exact quoted time in the hint",
          arguments: [("오후 3시", "15:00"), ("15시", "15:00"), ("3:00 PM", "15:00"), ("오전 9시 30분", "09:30"),
                      ("3 pm", "15:00")])
    func koreanTime(written: String, fixed: String) throws {
        try Self.refusedRecord(["minutes-14.yaml:22:", "time: \"\(fixed)\""]) {
            $0.replacingOccurrences(of: "time: \"18:30\"", with: "time: \(written)")
        }
    }

    @Test("an unquoted 15:00 reads as the time it says")
    func unquotedTime() throws {
        try Self.withEdited({ $0.replacingOccurrences(of: "time: \"18:30\"", with: "time: 18:30") }) { dir, record in
            let result = run(["minutes", record.path, "-o", dir.appendingPathComponent("plain.pdf").path])
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    @Test("a Windows path in a photo or seal says paths use / and suggests the fixed path",
          arguments: [("photos\\\\meeting.jpg", "photos/meeting.jpg"), ("D:\\\\사진\\\\회의.jpg", "사진/회의.jpg")])
    func windowsPath(written: String, fixed: String) throws {
        try Self.withEdited({ $0.replacingOccurrences(of: "file: photos/meeting.jpg", with: "file: \"\(written)\"") }) {
            dir, record in
            try Self.refused(["minutes", record.path], in: dir,
                             ["minutes-14.yaml:214:", "/", "record's folder", "'\(fixed)'"])
            let year = dir.appendingPathComponent("year.yaml")
            let text = try String(contentsOf: year, encoding: .utf8)
            let windows = text.replacingOccurrences(of: "seal: seal.png", with: "seal: 'C:\\도장\\seal.png'")
            try Data(windows.utf8).write(to: year)
            try Self.refused(["certificates", year.path], in: dir, ["year.yaml:18:", "'도장/seal.png'"])
        }
    }

    @Test("an approval role the layout's 결재란 does not have is an error with 'did you mean'")
    func approvalRole() throws {
        try Self.refusedRecord(["did you mean '팀장'?", "minutes-14.yaml:31:", "팀징"]) {
            $0.replacingOccurrences(of: "  팀장: 전결", with: "  팀징: 전결")
        }
    }

    @Test("an attendee outside their subcommittee is warned at their line in the meeting file")
    func attendeeWarning() throws {
        try Self.withEdited({ $0.replacingOccurrences(of: "name: 한부영", with: "name: 모르는이") }) { dir, record in
            let line = Self.line(of: "name: 모르는이", in: try String(contentsOf: record, encoding: .utf8))
            try Self.refused(["booklet", dir.appendingPathComponent("year.yaml").path, "--strict"], in: dir,
                             ["minutes-14.yaml:\(line):", "모르는이", "not a member"])
            let checked = Self.check([record.path])
            #expect(checked.stderr.contains("minutes-14.yaml:\(line):") && checked.stderr.contains("not a member"),
                    "\(checked.stderr)")
            #expect(Self.check([record.path, "--strict"]).status == 1)
        }
    }

    /// Hanji's layout `name` with an image block naming `image` first in its body, written into
    /// `dir` as NAME-layout.yaml; with the image's line.
    static func layout(_ name: String, image: String, in dir: URL) throws -> (url: URL, line: Int) {
        let url = dir.appendingPathComponent("\(name)-layout.yaml")
        let text = try String(contentsOf: repoRoot.appendingPathComponent("layouts/\(name).yaml"), encoding: .utf8)
        let block = "\nbody:\n  - image: \(image)\n    height: 10mm\n"
        let written = text.replacingOccurrences(of: "\nbody:\n", with: block)
        try Data(written.utf8).write(to: url)
        return (url, line(of: "image: \(image)", in: written))
    }

    @Test("an image a layout names that is missing or bad is located at the layout's line")
    func layoutImage() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (layout, line) = try Self.layout("minutes", image: "logo.png", in: dir)
        let record = dir.appendingPathComponent("minutes-14.yaml").path
        try Self.refused(["minutes", record, "--layout", layout.path], in: dir,
                         ["minutes-layout.yaml:\(line):", "logo.png", "missing", "layout"])
        try Data("not an image".utf8).write(to: dir.appendingPathComponent("logo.png"))
        try Self.refused(["minutes", record, "--layout", layout.path], in: dir,
                         ["minutes-layout.yaml:\(line):", "logo.png"])
        // A year document's layout too.
        let (program, at) = try Self.layout("program", image: "logo.png", in: dir)
        try Self.refused(["program", dir.appendingPathComponent("year.yaml").path, "--layout", program.path], in: dir,
                         ["program-layout.yaml:\(at):", "logo.png"])
    }

    @Test("hanji check reads a meeting record that lacks agenda: as a meeting record, not as a layout")
    func checkWithoutAgenda() throws {
        try withTempDir { dir in
            let record = dir.appendingPathComponent("draft.yaml")
            try Data("body: 분과실무협의회\nnumber: 1\ndate: 2025.3.4\nplace: 카페\n".utf8).write(to: record)
            Self.checkRefuses([record.path], ["date: 2025-03-04", "missing key 'agenda'"], not: "did you mean 'page'")
        }
    }

    @Test("a Windows path in a layout's image is named at the layout's line with the path to write")
    func layoutWindowsPath() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (layout, line) = try Self.layout("program", image: "'images\\logo.png'", in: dir)
        try Self.refused(["program", dir.appendingPathComponent("year.yaml").path, "--layout", layout.path], in: dir,
                         ["program-layout.yaml:\(line):", "Windows path", "'images/logo.png'"])
    }
}
