import Foundation
import Hanji
import HanjiRender
import Testing

/// Pixels, second: small reference images compared with a tolerance. Set HANJI_RECORD_GOLDEN=1
/// to re-record them; a recording run fails on purpose so a new baseline never passes unseen.
@Suite struct GoldenTests {
    static let recording = ProcessInfo.processInfo.environment["HANJI_RECORD_GOLDEN"] == "1"

    func check(_ document: Document, page: Int, name: String, dpi: Double = 40) throws {
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try document.writePNG(to: dir, name: "actual", dpi: dpi)
        let actual = dir.appendingPathComponent(Previews.name("actual", page: page, last: document.pages.count))
        let golden = Fixture.golden.appendingPathComponent("\(name).png")
        if Self.recording {
            try? FileManager.default.removeItem(at: golden)
            try FileManager.default.copyItem(at: actual, to: golden)
            Issue.record("recorded \(golden.lastPathComponent); run again without HANJI_RECORD_GOLDEN")
            return
        }
        guard FileManager.default.fileExists(atPath: golden.path) else {
            Issue.record("no golden image \(golden.lastPathComponent); record it with HANJI_RECORD_GOLDEN=1")
            return
        }
        let difference = try PNGCompare.difference(actual, golden)
        #expect(difference < 0.002, "\(name): \(String(format: "%.2f", difference * 100))% of pixels differ")
    }

    @Test func minutesFirstPage() throws {
        let document = try Composer().minutes(try Fixture.meeting(), spec: try Fixture.spec())
        try check(document, page: 1, name: "minutes-page1")
    }

    @Test func comparisonNoticesAChangedPage() throws {
        let composer = try Composer()
        let official = try composer.minutes(try Fixture.meeting(), spec: try Fixture.spec())
        let masked = try composer.minutes(try Fixture.meeting(), spec: try Fixture.spec(), edition: .public)
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try official.writePNG(to: dir, name: "a", dpi: 40)
        try masked.writePNG(to: dir, name: "b", dpi: 40)
        let same = try PNGCompare.difference(dir.appendingPathComponent("a-1.png"), dir.appendingPathComponent("a-1.png"))
        let changed = try PNGCompare.difference(dir.appendingPathComponent("a-1.png"), dir.appendingPathComponent("b-1.png"))
        #expect(same == 0)
        #expect(changed > 0.002, "masking names must show in the pixels")
    }
}
