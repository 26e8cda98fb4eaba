import Foundation
import Hanji
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import HanjiText
import Testing

/// Pinned fonts and no tofu.
@Suite struct FontTests {
    static let record = try! String(contentsOf: Fixture.example, encoding: .utf8)

    /// Renders a copy of the example whose place line is replaced by `place` (YAML-escaped).
    func renderError(place: String) throws -> InputError? {
        let text = Self.record.replacingOccurrences(of: "place: 한우리카페 공용테이블", with: "place: \"\(place)\"")
        do {
            let meeting = try Fixture.meeting(text, file: "bad.yaml")
            _ = try Composer(for: try Fixture.spec()).minutes(meeting, spec: try Fixture.spec())
            return nil
        } catch let e as InputError { return e }
    }

    func placeLine() -> Int {
        Self.record.components(separatedBy: "\n").firstIndex { $0.hasPrefix("place:") }! + 1
    }

    @Test func privateUseCharacterIsAnErrorNamingItAndTheField() throws {
        let e = try #require(try renderError(place: "한우리카페 \u{E000} 공용테이블"))
        #expect(e.message.contains("U+E000"))
        #expect(e.path == "place" && e.location?.file == "bad.yaml" && e.location?.line == placeLine())
    }

    @Test func emojiIsAnErrorNamingItAndTheField() throws {
        let e = try #require(try renderError(place: "한우리카페 🦄"))
        #expect(e.message.contains("U+1F984") && e.message.contains("🦄"))
        #expect(e.path == "place")
    }

    @Test func controlCharacterIsAnErrorNamingItAndTheField() throws {
        let e = try #require(try renderError(place: "한우리카페\\u0007공용테이블"))
        #expect(e.message.contains("U+0007"))
        #expect(e.path == "place" && e.location?.line == placeLine())
    }

    @Test func missingGlyphCanBeAWarningWhereTheSpecAllows() throws {
        let text = Self.record.replacingOccurrences(of: "place: 한우리카페 공용테이블", with: "place: \"한우리카페 \u{E000}\"")
        let specText = try String(contentsOf: Fixture.minutesSpec, encoding: .utf8).replacingOccurrences(of: "missing: error", with: "missing: warning")
        let spec = try Spec(try Field.parse(specText, file: Fixture.minutesSpec.path))
        let document = try Composer(for: spec).minutes(try Fixture.meeting(text, file: "w.yaml"), spec: spec)
        #expect(document.warnings.contains { $0.contains("U+E000") })
    }

    @Test func unknownFamilyFailsWithTheFamiliesAvailable() throws {
        let specText = try String(contentsOf: Fixture.minutesSpec, encoding: .utf8)
            .replacingOccurrences(of: "font: \"NanumMyeongjo, ", with: "font: \"NanumMyungjo, ")
        let spec = try Spec(try Field.parse(specText, file: "spec.yaml"))
        do {
            _ = try Composer(for: spec).minutes(try Fixture.meeting(), spec: spec)
            Issue.record("expected an error")
        } catch let e as InputError {
            #expect(e.message.contains("NanumMyungjo"))
            #expect(e.hint?.contains("NanumMyeongjo") == true)
            #expect(e.location?.file == "spec.yaml")
        }
    }

    /// The commands start a spec's fonts before reading it, from the folders a spec naming none
    /// would have: the spec's own fonts are those when they read the same folders, and made
    /// anew when the spec names a folder that holds fonts.
    @Test func fontsStartedAheadAreTheSpecsOrMadeAgain() throws {
        let spec = try Fixture.spec()
        let ahead = FontsAhead(folders: Spec.fontFolders(near: URL(fileURLWithPath: spec.file)))
        let early = try ahead.fonts(for: spec.fontFolders)
        #expect(try ahead.fonts(for: spec.fontFolders) === early, "the example's spec reads the folders guessed")
        try withTempDir { dir in
            try FileManager.default.copyItem(atPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
                                             toPath: dir.appendingPathComponent("own.ttf").path)
            let own = try ahead.fonts(for: [dir])
            #expect(own !== early && own.folders.first == dir.path)
        }
    }

    @Test func fontsCommandListsTheFamilies() {
        let out = run(["fonts"])
        #expect(out.status == 0)
        #expect(out.stdout.contains("NanumMyeongjo") && out.stdout.contains("DejaVu Sans"))
    }

    /// A decoy font of the same family installed "system-wide" (through FONTCONFIG_FILE) must not
    /// change a single byte of the minutes.
    @Test func systemWideDecoyFontChangesNothing() throws {
        try withTempDir { dir in
            let decoyDir = dir.appendingPathComponent("decoy")
            try FileManager.default.createDirectory(at: decoyDir, withIntermediateDirectories: true)
            let decoy = decoyDir.appendingPathComponent("decoy.ttf")
            try FileManager.default.copyItem(atPath: "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", toPath: decoy.path)
            let conf = dir.appendingPathComponent("fonts.conf")
            try """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>\(decoyDir.path)</dir>
                  <cachedir>\(dir.appendingPathComponent("cache").path)</cachedir>
                  <match target="scan">
                    <test name="file"><string>\(decoy.path)</string></test>
                    <edit name="family" mode="assign" binding="same"><string>NanumMyeongjo</string></edit>
                    <edit name="family" mode="append" binding="same"><string>NanumGothic</string></edit>
                  </match>
                </fontconfig>
                """.write(to: conf, atomically: true, encoding: .utf8)
            let environment = ["FONTCONFIG_FILE": conf.path]
            // The machine's fontconfig now really offers the decoy under the real family names.
            let listed = tool("fc-list", [":family=NanumMyeongjo", "file"], environment: environment)
            #expect(listed.stdout.contains(decoy.path), "the decoy is not installed: \(listed.stdout)")
            let plain = dir.appendingPathComponent("plain.pdf"), poisoned = dir.appendingPathComponent("poisoned.pdf")
            #expect(run(["minutes", Fixture.example.path, "-o", plain.path]).status == 0)
            let result = run(["minutes", Fixture.example.path, "-o", poisoned.path], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try Data(contentsOf: plain) == Data(contentsOf: poisoned))
        }
    }
}
