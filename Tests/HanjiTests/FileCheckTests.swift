// `FileCheck`: `hanji check` of one file as a library call, for a saved file or a text being edited.
//
// Build first: swift build --build-tests; then: swift test --skip-build --filter FileCheck
import Foundation
import Hanji
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

@Suite("FileCheck: hanji check as a library call")
struct FileCheckTests {
    /// Every example record, a layout and the roster: the files a server lets one edit.
    static let files = ["examples/yeongdeungpo-2018/minutes-14.yaml", "examples/yeongdeungpo-2018/year.yaml",
                        "examples/yeongdeungpo-2018/roster.csv", "examples/jumin-2026/summary-0807.yaml",
                        "examples/solbit-council-2026/plenary-0720.yaml", "examples/assembly-2018/committee-0112.yaml",
                        "layouts/minutes.yaml"]

    @Test("an unsaved text is checked in place of the file, its error at the text's line, column and key path")
    func textWithAnError() throws {
        let saved = try String(contentsOf: exampleRecord, encoding: .utf8)
        let text = saved.replacingOccurrences(of: "\nnumber: 14 ", with: "\nnumber: 열넷 ")
        try #require(text != saved)
        // The file on disk is fine; the text is not.
        #expect(FileCheck().check(exampleRecord).errors.isEmpty)
        let (errors, _) = FileCheck().check(exampleRecord, text: text)
        let error = try #require(errors.first, "no error for the text")
        #expect(errors.count == 1, "\(errors)")
        #expect(error.location == Location(file: exampleRecord.path, line: 19, column: 9), "\(error)")
        #expect(error.path == "number", "\(error)")
        #expect(error.message.contains("열넷"), "\(error)")
    }

    @Test("a text's photos are looked for beside the file it stands for")
    func textBesideItsFile() throws {
        let text = try String(contentsOf: exampleRecord, encoding: .utf8)
        #expect(FileCheck().check(exampleRecord, text: text).errors.isEmpty)
        // In a folder without the photos, each is an error at its own line of the text.
        try withTempDir { dir in
            let elsewhere = dir.appendingPathComponent("minutes-14.yaml")
            let errors = FileCheck().check(elsewhere, text: text).errors
            #expect(errors.map { $0.location?.line ?? 0 } == [214, 216, 218], "\(errors)")
            #expect(errors.allSatisfy { $0.location?.file == elsewhere.path && $0.message.hasPrefix("photo ") })
        }
        // A photo the text names that the folder does not hold.
        let broken = text.replacingOccurrences(of: "file: photos/meeting.jpg", with: "file: photos/missing.jpg")
        let missing = FileCheck().check(exampleRecord, text: broken).errors
        #expect(missing.count == 1 && missing[0].message.hasPrefix("photo 'photos/missing.jpg'"), "\(missing)")
    }

    @Test("the year beside the file judges the text's attendees, not the saved file's")
    func yearJudgesTheText() throws {
        let saved = try String(contentsOf: exampleRecord, encoding: .utf8)
        #expect(FileCheck().check(exampleRecord).warnings.isEmpty)
        let text = saved.replacingOccurrences(of: "        name: 한부영           #", with: "        name: 한부용           #")
        try #require(text != saved)
        let warnings = FileCheck().check(exampleRecord, text: text).warnings
        #expect(warnings.count == 1, "\(warnings)")
        let warning = try #require(warnings.first)
        #expect(warning.message.hasPrefix("attendee '한부용' of 도시재생분과 is not a member"), "\(warning)")
        #expect(warning.location == Location(file: exampleRecord.path, line: 39, column: 9), "\(warning)")
        #expect(warning.path == "attendance[0].members[0].name")
    }

    @Test("the year judges the text's attendees even when another meeting it lists cannot be read")
    func yearWithABrokenMeeting() throws {
        try withTempDir { dir in
            let folder = dir.appendingPathComponent("2018")
            try FileManager.default.copyItem(at: exampleRecord.deletingLastPathComponent(), to: folder)
            try "number: [\n".write(to: folder.appendingPathComponent("minutes-12.yaml"), atomically: true, encoding: .utf8)
            let record = folder.appendingPathComponent("minutes-14.yaml")
            let text = try String(contentsOf: record, encoding: .utf8)
                .replacingOccurrences(of: "        name: 한부영           #", with: "        name: 한부용           #")
            let warnings = FileCheck().check(record, text: text).warnings
            #expect(warnings.count == 1 && warnings[0].message.hasPrefix("attendee '한부용'"), "\(warnings)")
        }
    }

    @Test("a text equal to the file on disk gives what the file gives", arguments: files)
    func textAsTheFile(_ path: String) throws {
        let url = repoRoot.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let check = FileCheck()
        let file = check.check(url), typed = check.check(url, text: text)
        #expect(typed.errors.map(\.description) == file.errors.map(\.description))
        #expect(typed.warnings.map(\.description) == file.warnings.map(\.description))
    }

    @Test("the caller's composer lays out the documents, once per layout")
    func callersComposer() throws {
        nonisolated(unsafe) var asked: [String] = []
        let check = FileCheck(composer: { spec in
            asked.append(URL(fileURLWithPath: spec.file).lastPathComponent)
            return try Composer(for: spec)
        })
        let text = try String(contentsOf: exampleRecord, encoding: .utf8)
            .replacingOccurrences(of: "place: 한우리카페 공용테이블", with: "place: 한우리카페 🦄")
        let (errors, _) = check.check(exampleRecord, text: text)
        #expect(asked == ["minutes.yaml"])
        #expect(errors.count == 1 && errors[0].path == "place" && errors[0].message.contains("U+1F984"), "\(errors)")
    }
}
