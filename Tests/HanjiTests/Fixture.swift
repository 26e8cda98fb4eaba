import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiText

/// Paths and shared objects for the in-process tests.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let example = root.appendingPathComponent("examples/yeongdeungpo-2018/minutes-14.yaml")
    static let minutesSpec = root.appendingPathComponent("layouts/minutes.yaml")
    static let golden = root.appendingPathComponent("Tests/HanjiTests/Golden")

    static func meeting() throws -> Meeting { try Meeting.load(example) }

    /// Reads a variant of the example record from text, its photos found beside the example.
    static func meeting(_ text: String, file: String = "test.yaml") throws -> Meeting {
        var meeting = try Meeting.read(try Field.parse(text, file: file))
        meeting.folder = example.deletingLastPathComponent()
        return meeting
    }
    static func spec() throws -> Spec { try Spec.load(minutesSpec) }

    /// Parses a record or spec text as if it were a file named `name`.
    static func field(_ yaml: String, name: String = "test.yaml") throws -> Field {
        try Field.parse(yaml, file: name)
    }

    /// The installed font packages and the repository's fonts/ folder, set up once.
    nonisolated(unsafe) static let fonts = try! Fonts(folders: [root.appendingPathComponent("fonts")])

    static func shaper() -> PangoShaper { try! PangoShaper(fonts: fonts) }
    static func context() -> Context { Context(shaper: shaper()) }

    static func style(size: Double = 10, align: Style.Align = .justify, breaking: Style.Breaking = .words) -> Style {
        var s = Style()
        s.font = "NanumMyeongjo"
        s.size = size
        s.align = align
        s.breaking = breaking
        return s
    }

    static func tempDir() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hanji-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
