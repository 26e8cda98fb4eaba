// A Korean locale changes nothing: every example document prints byte for byte the same
// under the C locale and under ko_KR.UTF-8 (LANG, LC_ALL, LANGUAGE and fontconfig's FC_LANG).
//
// Build first: swift build --build-tests; then: swift test --skip-build --filter Locale
import Foundation
import HanjiLayout
import HanjiTestSupport
import HanjiText
import Testing

/// The Korean locale for a child process: the machine's own when installed, otherwise one made
/// with `localedef` into a private folder (LOCPATH), so nothing is installed system-wide.
enum KoreanLocale {
    /// Every variable that names a language or a locale.
    static var names: [String] {
        ["LANG", "LANGUAGE", "LC_ALL", "FC_LANG", "PANGO_LANGUAGE", "LOCPATH"]
            + ProcessInfo.processInfo.environment.keys.filter { $0.hasPrefix("LC_") }
    }

    /// The C locale, whatever this process was started with.
    static let c = ["LANG": "C", "LC_ALL": "C"]

    /// The Korean locale, or why it cannot be had.
    static let korean: Result<[String: String], LocaleMissing> = {
        var env = ["LANG": "ko_KR.UTF-8", "LC_ALL": "ko_KR.UTF-8", "LANGUAGE": "ko", "FC_LANG": "ko"]
        let installed = tool("locale", ["-a"]).stdout.lowercased().split(separator: "\n")
        if installed.contains("ko_kr.utf8") { return .success(env) }
        // Made once per machine: into a folder of this process, then moved where later runs find it.
        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent("hanji-locale")
        env["LOCPATH"] = folder.path
        if files.fileExists(atPath: folder.appendingPathComponent("ko_KR.UTF-8/LC_CTYPE").path) { return .success(env) }
        let fresh = files.temporaryDirectory.appendingPathComponent("hanji-locale-\(getpid())")
        try? files.createDirectory(at: fresh, withIntermediateDirectories: true)
        let made = tool("localedef", ["-i", "ko_KR", "-f", "UTF-8", fresh.appendingPathComponent("ko_KR.UTF-8").path])
        guard made.status == 0 else {
            try? files.removeItem(at: fresh)
            return .failure(LocaleMissing(reason: "localedef failed (install Debian's locales): \(made.stderr)"))
        }
        // Another run may have moved its own there first: then this one is not needed.
        if (try? files.moveItem(at: fresh, to: folder)) == nil { try? files.removeItem(at: fresh) }
        return .success(env)
    }()

    /// The Korean locale is real: a program run under it sees Korean names of days.
    static func works(_ env: [String: String]) -> Bool {
        execute(URL(fileURLWithPath: "/bin/date"), ["-d", "2018-11-22", "+%a"], environment: env, unset: names)
            .stdout.contains("목")
    }
}

struct LocaleMissing: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}

@Suite("EndToEnd: the same bytes under any locale")
struct LocaleTests {
    static let folder = exampleRecord.deletingLastPathComponent()

    /// Every example document, as `make demo` prints it: (file name, arguments before `-o`).
    static var documents: [(String, [String])] {
        let year = folder.appendingPathComponent("year.yaml").path
        var all: [(String, [String])] = []
        for n in 11...14 {
            let record = folder.appendingPathComponent("minutes-\(n).yaml").path
            all += [("minutes-\(n)", ["minutes", record]), ("minutes-\(n)-public", ["minutes", record, "--public"])]
        }
        // The other kinds of minutes: summary, a council's plenary, a committee (Hanja, ｢｣, 李 U+F9E1).
        for path in ["jumin-2026/summary-0807", "solbit-council-2026/plenary-0720", "assembly-2018/committee-0112"] {
            let record = repoRoot.appendingPathComponent("examples/\(path).yaml").path
            let name = URL(fileURLWithPath: path).lastPathComponent
            all += [(name, ["minutes", record]), ("\(name)-public", ["minutes", record, "--public"])]
        }
        let roster = folder.appendingPathComponent("roster.csv").path
        return all + [("program", ["program", year]), ("certificates", ["certificates", year]),
                      ("certificates-roster", ["certificates", year, "--roster", roster]),
                      ("booklet", ["booklet", year]), ("booklet-print", ["booklet", year, "--impose", "a5-booklet"])]
    }

    /// Prints every document into `dir` under `environment`; the failures, if any.
    static func printAll(into dir: URL, _ environment: [String: String]) -> [String] {
        documents.compactMap { name, args in
            let out = execute(hanjiBinary, args + ["-o", dir.appendingPathComponent("\(name).pdf").path],
                              environment: environment, unset: KoreanLocale.names)
            return out.status == 0 ? nil : "\(name): \(out)"
        }
    }

    @Test("every example prints the same bytes under C and ko_KR.UTF-8")
    func sameBytes() throws {
        try #require(FileManager.default.isExecutableFile(atPath: hanjiBinary.path), "build first: swift build")
        let korean = try KoreanLocale.korean.get()
        try #require(KoreanLocale.works(korean), "the Korean locale does not take effect: \(korean)")
        try withTempDir { dir in
            let c = dir.appendingPathComponent("c"), ko = dir.appendingPathComponent("ko")
            for folder in [c, ko] {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            let failedC = Self.printAll(into: c, KoreanLocale.c)
            try #require(failedC.isEmpty, "under C: \(failedC.joined(separator: "\n"))")
            let failedKo = Self.printAll(into: ko, korean)
            #expect(failedKo.isEmpty, "under ko_KR.UTF-8: \(failedKo.joined(separator: "\n"))")
            for (name, _) in Self.documents where failedKo.allSatisfy({ !$0.hasPrefix("\(name):") }) {
                let a = try Data(contentsOf: c.appendingPathComponent("\(name).pdf"))
                let b = try Data(contentsOf: ko.appendingPathComponent("\(name).pdf"))
                #expect(a == b, "\(name).pdf differs between C and ko_KR.UTF-8 (\(a.count) and \(b.count) bytes)")
            }
        }
    }

    @Test("hanji fonts lists the same families under C and ko_KR.UTF-8")
    func sameFonts() throws {
        let korean = try KoreanLocale.korean.get()
        let c = execute(hanjiBinary, ["fonts"], environment: KoreanLocale.c, unset: KoreanLocale.names)
        let ko = execute(hanjiBinary, ["fonts"], environment: korean, unset: KoreanLocale.names)
        try #require(c.status == 0, "\(c)")
        #expect(c.stdout.contains("NanumGothic\n") && c.stdout.contains("나눔고딕\n"))
        #expect(c.stdout == ko.stdout)
    }
}

@Suite struct KoreanFontNameTests {
    @Test("a font fontconfig calls by its Korean name (나눔고딕) is still the style's NanumGothic")
    func koreanFamilyName() throws {
        let fonts = try Fonts(folders: [], language: "ko")
        let shaper = try PangoShaper(fonts: fonts)
        var style = Style()
        style.font = "NanumGothic, DejaVu Sans"
        let lines = try shaper.shape("결재 영등포구 ▸ 10:00", style: style, width: 300)
        #expect(lines.map(\.text) == ["결재 영등포구 ▸ 10:00"])
        #expect(shaper.warnings.isEmpty)
    }
}
