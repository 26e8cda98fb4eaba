import Foundation
import HanjiTestSupport
import Testing

/// `hanji init` gives a new year every layout Hanji ships, so any kind of minutes can be printed
/// and customised from the year's own folder.
@Suite("EndToEnd: hanji init")
struct InitTests {
    @Test("init copies every layout of Hanji's layouts/ (summary.yaml too), each unchanged")
    func everyLayout() throws {
        try withTempDir { dir in
            let year = dir.appendingPathComponent("2027")
            let out = run(["init", year.path])
            try #require(out.status == 0, "\(out.stderr)")
            let shipped = try FileManager.default.contentsOfDirectory(atPath: repoRoot.appendingPathComponent("layouts").path)
                .filter { $0.hasSuffix(".yaml") }.sorted()
            let copied = try FileManager.default.contentsOfDirectory(atPath: year.appendingPathComponent("layouts").path).sorted()
            #expect(copied == shipped)
            for name in shipped {
                let a = try Data(contentsOf: repoRoot.appendingPathComponent("layouts/\(name)"))
                let b = try Data(contentsOf: year.appendingPathComponent("layouts/\(name)"))
                #expect(a == b, "\(name) differs")
            }
        }
    }
}
