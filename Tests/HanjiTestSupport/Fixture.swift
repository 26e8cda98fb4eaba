import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiText

/// Paths and shared objects for the in-process tests.
public enum Fixture {
    public static let root = repoRoot
    public static let example = exampleRecord
    public static let minutesSpec = minutesLayout
    public static let golden = root.appendingPathComponent("Tests/HanjiTests/Golden")

    public static func meeting() throws -> Meeting { try Meeting.load(example) }

    /// Reads a variant of the example record from text, its photos found beside the example.
    public static func meeting(_ text: String, file: String = "test.yaml") throws -> Meeting {
        var meeting = try Meeting.read(try Field.parse(text, file: file))
        meeting.folder = example.deletingLastPathComponent()
        return meeting
    }
    public static func spec() throws -> Spec { try Spec.load(minutesSpec) }

    /// Parses a record or spec text as if it were a file named `name`.
    public static func field(_ yaml: String, name: String = "test.yaml") throws -> Field {
        try Field.parse(yaml, file: name)
    }

    /// The installed font packages and the repository's fonts/ folder, set up once.
    nonisolated(unsafe) public static let fonts = try! Fonts(folders: [root.appendingPathComponent("fonts")])

    public static func shaper() -> PangoShaper { try! PangoShaper(fonts: fonts) }
    public static func context() -> Context { Context(shaper: shaper()) }

    public static func style(size: Double = 10, align: Style.Align = .justify,
                             breaking: Style.Breaking = .words) -> Style {
        var s = Style()
        s.font = "NanumMyeongjo"
        s.size = size
        s.align = align
        s.breaking = breaking
        return s
    }

    public static func tempDir() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hanji-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
