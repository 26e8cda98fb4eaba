// libFuzzer's entry: one input, read as the reader $HANJI_FUZZ names (record, year, spec or
// roster), then bound and laid out as a document, without writing. A refusal (a located
// error) is a good answer; a trap, a hang or any other error is what the fuzzer looks for.
import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiText

/// What one run reads, and the files it reads against (the example year and the layouts).
enum Target: String {
    case record, year, spec, roster

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let example = root.appendingPathComponent("examples/yeongdeungpo-2018")
    static let current = Target(rawValue: ProcessInfo.processInfo.environment["HANJI_FUZZ"] ?? "") ?? .record

    static func layout(_ name: String) -> Spec { try! Spec.load(root.appendingPathComponent("layouts/\(name).yaml")) }
}

/// Read once: the specs and records an input is combined with, and one composer (one thread).
enum Fixed {
    nonisolated(unsafe) static let minutes = Target.layout("minutes")
    nonisolated(unsafe) static let program = Target.layout("program")
    nonisolated(unsafe) static let booklet = Target.layout("booklet")
    nonisolated(unsafe) static let certificate = Target.layout("certificate")
    nonisolated(unsafe) static let meeting = try! Meeting.load(Target.example.appendingPathComponent("minutes-14.yaml"))
    nonisolated(unsafe) static let year = try! Year.load(Target.example.appendingPathComponent("year.yaml"))
    nonisolated(unsafe) static let yearValue = year.value
    nonisolated(unsafe) static let composer = try! Composer(for: minutes)
}

/// Reads, binds and lays out one input as the current target.
func exercise(_ data: Data) throws {
    let file = "fuzz-input"
    switch Target.current {
    case .record:
        let root = try Field.parse(try Field.decode(data, file: file), file: file)
        // As `hanji check` reads it (on past each problem, with stand-in values), then as printing does.
        _ = try? Collector().run { try Meeting.read(root) }
        var meeting = try Meeting.read(root)
        meeting.folder = Target.example
        _ = try Fixed.composer.minutes(meeting, spec: Fixed.minutes)
    case .year:
        let root = try Field.parse(try Field.decode(data, file: file), file: file)
        _ = try? Collector().run { try Year.read(root, folder: Target.example) }
        let year = try Year.read(root, folder: Target.example)
        _ = try Fixed.booklet.bind(year.value)
        _ = try Fixed.composer.program(year, spec: Fixed.program)
    case .spec:
        let text = try Field.decode(data, file: file)
        let root = try Field.parse(text, file: Target.root.path + "/layouts/fuzz.yaml")
        _ = try? Collector().run { try Spec(root) }
        let spec = try Spec(root)
        // A spec of the year (the booklet's, the programme's) is laid out over the example year.
        if text.contains("stats.") || text.contains("event.") {
            _ = try Fixed.composer.compose(Fixed.yearValue, spec: spec, date: Fixed.meeting.written,
                                           edition: .official, folder: Target.example)
        } else {
            _ = try Fixed.composer.minutes(Fixed.meeting, spec: spec)
        }
    case .roster:
        let roster = try Roster.parse(try Roster.decode(data, file: file), file: file)
        _ = try roster.records(columns: [("name", "성명"), ("group", "소속")], required: ["name"])
        // Its rows as the certificates' recipients, the first one's certificate laid out.
        let people = try Fixed.composer.recipients(Fixed.year, spec: Fixed.certificate, roster: roster)
        if let first = people.first {
            _ = try Fixed.composer.certificate(first, year: Fixed.year, value: Fixed.yearValue, spec: Fixed.certificate)
        }
    }
}

/// One input, as libFuzzer hands it over.
func fuzz(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    do {
        try exercise(data)
    } catch is InputError, is InputErrors, is LayoutError {
        // Refused with a message: what bad input should get.
    } catch {
        fatalError("not a located refusal: \(type(of: error)): \(error)")
    }
    return 0
}
