// `hanji check` refuses what printing refuses: a character no font has, at the record's field.
//
// Build first: swift build --build-tests; then: swift test --skip-build --filter Check
import Foundation
import HanjiModel
import HanjiSpec
import HanjiTestSupport
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
            let remark = heads.first { $0.contains("m.yaml:220:10: error:") } ?? ""
            #expect(remark.contains("U+E000") && remark.contains("(at remarks)"), "\(checked.stderr)")
            let place = heads.first { $0.contains("m.yaml:23:8: error:") } ?? ""
            #expect(place.contains("U+1F984") && place.contains("(at place)"), "\(checked.stderr)")
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

/// A copy of the minutes layout with some texts replaced, as `dir/layouts/minutes.yaml`.
func variantLayout(in dir: URL, _ replacements: [(String, String)]) throws -> URL {
    var text = try String(contentsOf: minutesLayout, encoding: .utf8).replacingOccurrences(of: "[../fonts]", with: "[]")
    for (from, to) in replacements {
        try #require(text.contains(from), "the layout no longer holds \(from)")
        text = text.replacingOccurrences(of: from, with: to)
    }
    let layouts = dir.appendingPathComponent("layouts")
    try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
    let file = layouts.appendingPathComponent("minutes.yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file
}

@Suite("EndToEnd: a misspelt field of a layout")
struct CheckFieldTests {
    static let titel = ("text: \"{next.title}{next.date", "text: \"{next.titel}{next.date")

    @Test("{next.titel} is an error at the layout's line, in check and in printing, with the field meant")
    func misspeltField() throws {
        try withTempDir { dir in
            let layout = try variantLayout(in: dir, [Self.titel])
            let record = try variantRecord(in: dir, [])
            let lines = try String(contentsOf: layout, encoding: .utf8).components(separatedBy: "\n")
            let line = try #require(lines.firstIndex { $0.contains("{next.titel}") }) + 1
            let expected = "layouts/minutes.yaml:\(line):21: error: unknown field 'next.titel'"
            for args in [["check", layout.path], ["check", record.path],
                         ["minutes", record.path, "-o", dir.appendingPathComponent("m.pdf").path]] {
                let out = run(args)
                #expect(out.status == 1, "\(args[0]): \(out)")
                #expect(out.stderr.contains(expected), "\(args): \(out.stderr)")
                #expect(out.stderr.contains("did you mean 'next.title'?"), "\(args): \(out.stderr)")
                if args[0] == "check" {
                    // The line shown under the message is the layout's, whichever file was checked.
                    #expect(out.stderr.contains("\(line) |               text: \"{next.titel}"), "\(args): \(out.stderr)")
                }
            }
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("m.pdf").path))
        }
    }

    @Test("every misspelt name is found, even where this record has nothing to print")
    func everyName() throws {
        try withTempDir { dir in
            let layout = try variantLayout(in: dir, [
                ("- {text: \"{caption}\", style: photo-caption}", "- {text: \"{captoin}\", style: photo-caption}"),
                ("if: confirmer}", "if: confirmr}"),
                ("\"{approval.담당.mark}\"", "\"{approval.담당.mrak}\""),
            ])
            let out = run(["check", layout.path])
            #expect(out.status == 1, "\(out)")
            let heads = errorHeads(out.stderr)
            #expect(heads.count == 3, "\(out.stderr)")
            let pairs = [("captoin", "caption"), ("confirmr", "confirmer"), ("approval.담당.mrak", "approval.담당.mark")]
            for (wrong, meant) in pairs {
                #expect(heads.contains { $0.contains("'\(wrong)'") }, "\(out.stderr)")
                #expect(out.stderr.contains("did you mean '\(meant)'?"), "\(out.stderr)")
            }
        }
    }

    @Test("a certificate may name any roster column under recipient, but not a misspelt year field")
    func rosterColumns() throws {
        try withTempDir { dir in
            let certificate = minutesLayout.deletingLastPathComponent().appendingPathComponent("certificate.yaml")
            let text = try String(contentsOf: certificate, encoding: .utf8)
                .replacingOccurrences(of: "  - text: \"{organisation.issuer}\"",
                                      with: "  - text: \"{organisaton.issuer} {recipient.연락처}\"")
            let file = dir.appendingPathComponent("certificate.yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let out = run(["check", file.path])
            #expect(out.status == 1 && errorHeads(out.stderr).count == 1, "\(out)")
            let expected = "certificate.yaml:93:11: error: unknown field 'organisaton.issuer'"
            #expect(out.stderr.contains(expected), "\(out.stderr)")
            #expect(out.stderr.contains("did you mean 'organisation.issuer'?"), "\(out.stderr)")
        }
    }

    @Test("fields a record may leave out are not misspelt: a meeting without next or confirmer prints")
    func absentIsNotUnknown() throws {
        try withTempDir { dir in
            let eleven = exampleRecord.deletingLastPathComponent().appendingPathComponent("minutes-11.yaml")
            let next = "next:\n  title: 분과실무협의회 12차 회의 (협치사업 제안서 검토)\n  date: 2018-08-23\n"
            let text = try String(contentsOf: eleven, encoding: .utf8)
                .replacingOccurrences(of: "confirmer:\n  role: 협치조정관\n  name: 타래빛\n", with: "")
                .replacingOccurrences(of: next, with: "")
            #expect(!text.contains("confirmer:") && !text.contains("next:"))
            let record = dir.appendingPathComponent("m.yaml")
            try text.write(to: record, atomically: true, encoding: .utf8)
            let layouts = ["minutes", "program", "certificate", "booklet"].map { "layouts/\($0).yaml" }
            let checked = run(["check", record.path] + layouts)
            #expect(checked.status == 0 && checked.stdout.contains("0 errors"), "\(checked)")
            let printed = run(["minutes", record.path, "-o", dir.appendingPathComponent("m.pdf").path])
            #expect(printed.status == 0, "\(printed)")
        }
    }
}

/// The fields of `value` its shape does not have (a field added to `Meeting.value` and not to
/// `Shape.meeting` would let a spec's use of it be called misspelt).
func fieldsOutside(_ value: Value, _ shape: Shape, at path: String = "") -> [String] {
    switch (value, shape) {
    case (_, .any), (.null, _): return []
    case (.map(let pairs), .map(let fields)):
        return pairs.flatMap { key, inner in
            fields[key].map { fieldsOutside(inner, $0, at: "\(path).\(key)") } ?? ["\(path).\(key)"]
        }
    case (.map(let pairs), .keyed(let each)):
        return pairs.flatMap { key, inner in fieldsOutside(inner, each, at: "\(path).\(key)") }
    case (.list(let items), .list(let item)):
        return items.flatMap { fieldsOutside($0, item, at: "\(path)[]") }
    case (.map, _), (.list, _):
        return ["\(path) (not a \(shape))"]
    default:
        return []
    }
}

@Suite struct ShapeTests {
    static let folder = exampleRecord.deletingLastPathComponent()

    @Test("every example's value has only fields its shape knows")
    func examplesFitTheirShapes() throws {
        for n in 11...14 {
            let meeting = try Meeting.load(Self.folder.appendingPathComponent("minutes-\(n).yaml"))
            #expect(fieldsOutside(meeting.value, Shape.meeting) == [], "minutes-\(n)")
        }
        let year = try Year.load(Self.folder.appendingPathComponent("year.yaml"), allowOutside: false)
        #expect(fieldsOutside(year.value, Shape.year) == [])
    }

    @Test("the shapes can fail: a field the shape lacks is named")
    func straysAreFound() {
        let value = Value.map([("next", .map([("title", .text("다음")), ("room", .text("2층"))]))])
        #expect(fieldsOutside(value, Shape.meeting) == [".next.room"])
    }
}

@Suite("EndToEnd: a character no font has in a year record, and check")
struct YearGlyphTests {
    @Test("program, certificates and booklet stop with exit 1 at the year record's field, not an internal error")
    func yearDocuments() throws {
        try withTempDir { dir in
            let folder = exampleRecord.deletingLastPathComponent()
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                try FileManager.default.copyItem(at: folder.appendingPathComponent(name),
                                                 to: dir.appendingPathComponent(name))
            }
            let year = dir.appendingPathComponent("year.yaml")
            let text = try String(contentsOf: year, encoding: .utf8)
                .replacingOccurrences(of: "  name: 영등포구 민관협치회의 ", with: "  name: 영등포구 \u{E000} 민관협치회의 ")
                .replacingOccurrences(of: "  issuer: 영등포구 민관협치회의 의장", with: "  issuer: 영등포구 \u{E000} 민관협치회의 의장")
            try text.write(to: year, atomically: true, encoding: .utf8)
            for (command, at) in [("program", "15:9"), ("certificates", "17:11"), ("booklet", "15:9")] {
                let out = run([command, year.path, "-o", dir.appendingPathComponent("\(command).pdf").path])
                #expect(out.status == 1, "\(command): \(out)")
                #expect(out.stderr.hasPrefix("\(year.path):\(at): error: no font has the character U+E000"),
                        "\(command): \(out.stderr)")
                #expect(out.stderr.contains("hint: "), "\(command): \(out.stderr)")
            }
            // check lays out all three, and tells each field once.
            let checked = run(["check", year.path])
            let heads = errorHeads(checked.stderr)
            #expect(checked.status == 1 && heads.count == 2, "\(checked)")
            #expect(heads.contains { $0.contains("year.yaml:15:9: error: no font has the character U+E000") })
            #expect(heads.contains { $0.contains("year.yaml:17:11: error: no font has the character U+E000") })
        }
    }
}
