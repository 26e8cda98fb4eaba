// `hanji check` refuses what printing refuses: a character no font has, at the record's field.
//
// Build first: swift build --build-tests; then: swift test --skip-build --filter Check
import Foundation
import Testing

/// The example meeting record with some lines replaced, written into `dir` as `name` beside a
/// copy of its photos (so only the replaced lines can be wrong).
func variantRecord(in dir: URL, name: String = "m.yaml", _ replacements: [(String, String)]) throws -> URL {
    var text = try String(contentsOf: exampleRecord, encoding: .utf8)
    for (from, to) in replacements {
        try #require(text.contains(from), "the example no longer holds \(from)")
        text = text.replacingOccurrences(of: from, with: to)
    }
    try FileManager.default.copyItem(at: exampleRecord.deletingLastPathComponent().appendingPathComponent("photos"),
                                     to: dir.appendingPathComponent("photos"))
    let file = dir.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file
}

/// The lines of standard error that start a diagnostic.
func errorHeads(_ stderr: String) -> [Substring] {
    stderr.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }
}

@Suite("EndToEnd: hanji check shapes the record")
struct CheckGlyphTests {
    static let remark = ("remarks: \"\"                   # 비고: free text; empty in the original",
                         "remarks: \"다음 회의 \u{E000} 준비\"")
    static let place = ("place: 한우리카페 공용테이블", "place: 한우리카페 🦄")

    @Test("a character no font has is an error of check at its field, as printing says")
    func missingGlyphs() throws {
        try withTempDir { dir in
            let file = try variantRecord(in: dir, [Self.remark, Self.place])
            let checked = run(["check", file.path])
            #expect(checked.status == 1, "\(checked)")
            let heads = errorHeads(checked.stderr)
            #expect(heads.count == 2, "\(checked.stderr)")
            #expect(heads.contains { $0.contains("m.yaml:220:10: error:") && $0.contains("U+E000") && $0.contains("(at remarks)") },
                    "\(checked.stderr)")
            #expect(heads.contains { $0.contains("m.yaml:23:8: error:") && $0.contains("U+1F984") && $0.contains("(at place)") },
                    "\(checked.stderr)")
            #expect(checked.stdout.contains("2 errors"))
            // Printing stops at the first of them, with the same words.
            let printed = run(["minutes", file.path, "-o", dir.appendingPathComponent("m.pdf").path])
            #expect(printed.status == 1)
            #expect(heads.contains { printed.stderr.hasPrefix(String($0)) }, "\(printed.stderr)")
        }
    }

    @Test("where the layout allows a missing glyph, check warns")
    func missingGlyphWarning() throws {
        try withTempDir { dir in
            let layouts = dir.appendingPathComponent("layouts")
            try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
            let spec = try String(contentsOf: minutesLayout, encoding: .utf8)
                .replacingOccurrences(of: "missing: error", with: "missing: warning")
                .replacingOccurrences(of: "folders: [../fonts]", with: "folders: []")
            try spec.write(to: layouts.appendingPathComponent("minutes.yaml"), atomically: true, encoding: .utf8)
            let file = try variantRecord(in: dir, [Self.remark])
            let checked = run(["check", file.path])
            #expect(checked.status == 0, "\(checked)")
            #expect(checked.stderr.contains("m.yaml:220:10: warning:"), "\(checked.stderr)")
            #expect(run(["check", "--strict", file.path]).status == 1)
        }
    }
}
