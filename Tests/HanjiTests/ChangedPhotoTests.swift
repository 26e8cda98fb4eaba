// One composer printing several documents (a server, `watch` one day): a photo replaced on
// disk between two of them is read again, never drawn from what the first one read.
import Foundation
import Hanji
import HanjiModel
import HanjiTestSupport
import Testing

@Suite("A photo changed between two documents of one composer")
struct ChangedPhotoTests {
    @Test("the second document draws the new photo, in the PDF and in its PNG page, as a fresh composer does",
          arguments: [false, true])
    func replacedPhotoIsReadAgain(png: Bool) throws {
        try withTempDir { dir in
            let folder = dir.appendingPathComponent("year")
            try FileManager.default.copyItem(at: exampleRecord.deletingLastPathComponent(), to: folder)
            let record = folder.appendingPathComponent("minutes-14.yaml")
            let spec = try Fixture.spec()
            let composer = try Composer(for: spec)
            func print(_ name: String, with composer: Composer) throws -> Data {
                let pdf = dir.appendingPathComponent(name + ".pdf")
                let output = Output(pdf: pdf, png: png ? dir : nil, name: name, dpi: 20)
                _ = try composer.minutes(try Meeting.load(record), spec: spec, to: output)
                // The page that shows the photos: the last.
                let pages = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(name + "-") }
                return png ? try Data(contentsOf: dir.appendingPathComponent(pages.sorted().last!)) : try Data(contentsOf: pdf)
            }
            let before = try print("before", with: composer)
            // Another photo under the same name, a different size.
            let photos = folder.appendingPathComponent("photos")
            try FileManager.default.removeItem(at: photos.appendingPathComponent("meeting.jpg"))
            try FileManager.default.copyItem(at: photos.appendingPathComponent("screen.jpg"),
                                             to: photos.appendingPathComponent("meeting.jpg"))
            let after = try print("after", with: composer)
            let fresh = try print("fresh", with: try Composer(for: spec))
            // (Booleans: a failed comparison of two Data values prints every byte.)
            let changed = after != before, same = after == fresh
            #expect(changed, "the replaced photo is drawn")
            #expect(same, "as a composer that never saw the old one draws it")
        }
    }
}
