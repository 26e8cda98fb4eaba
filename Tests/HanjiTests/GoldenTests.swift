import Foundation
import Hanji
import HanjiRender
import HanjiTestSupport
import Testing

/// Pixels, second: small grey images of a region of a page (see `Golden`), compared with a
/// tolerance. Set HANJI_RECORD_GOLDEN=1 to re-record them; a recording run fails on purpose.
@Suite struct GoldenTests {
    /// The first page down to the attendance table's last rows: title, 일정, every name.
    static let minutesTop = Crop.top(0.72)

    @Test func minutesFirstPage() throws {
        let document = try Composer().minutes(try Fixture.meeting(), spec: try Fixture.spec())
        try Golden.check(document, page: 1, name: "minutes-page1", crop: Self.minutesTop)
    }

    /// The comparison itself: the same page drawn twice, by two composers, gives the same
    /// pixels; the public edition of it (names masked) differs beyond the tolerance.
    @Test func comparisonNoticesAChangedPage() throws {
        let official = try Composer().minutes(try Fixture.meeting(), spec: try Fixture.spec())
        let again = try Composer().minutes(try Fixture.meeting(), spec: try Fixture.spec())
        let masked = try Composer().minutes(try Fixture.meeting(), spec: try Fixture.spec(), edition: .public)
        let dir = Fixture.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let files = ["official", "again", "masked"].map { dir.appendingPathComponent("\($0).png") }
        for (document, file) in zip([official, again, masked], files) {
            try Golden.snapshot(document.pages[0], images: document.images, crop: Self.minutesTop, dpi: 30, to: file)
        }
        #expect(try Golden.changedPixels(files[0], files[1]) == 0, "the same page must draw the same")
        #expect(try Golden.changedPixels(files[0], files[2]) > Golden.tolerance,
                "masking names must show in the pixels")
    }
}
