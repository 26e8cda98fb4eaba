// Page previews (--png): a run leaves exactly its own pages, whatever an earlier run left.
import Foundation
import Hanji
import HanjiRender
import HanjiTestSupport
import Testing

@Suite("EndToEnd: page previews of a shorter run")
struct PreviewTests {
    @Test("printing a 3-page document where a 5-page one was previewed under the same name leaves 3 previews")
    func shorterRunLeavesNoStalePages() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("x.pdf"), png = dir.appendingPathComponent("png")
            let folder = dir.appendingPathComponent("ex")
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("examples/yeongdeungpo-2018"), to: folder)
            // Someone else's file in the folder stays.
            try FileManager.default.createDirectory(at: png, withIntermediateDirectories: true)
            try Data("keep".utf8).write(to: png.appendingPathComponent("minutes-14-notes.png"))
            let record = folder.appendingPathComponent("minutes-14.yaml")
            for (from, pages) in [("minutes-14.yaml", 5), ("minutes-11.yaml", 3)] {
                let text = try Data(contentsOf: folder.appendingPathComponent(from))
                try text.write(to: record)
                let out = run(["minutes", record.path, "-o", pdf.path, "--png", png.path])
                #expect(out.status == 0 && out.stdout.contains("\(pages) pages"), "\(out)")
            }
            let left = try FileManager.default.contentsOfDirectory(atPath: png.path).sorted()
            #expect(left == ["minutes-14-1.png", "minutes-14-2.png", "minutes-14-3.png", "minutes-14-notes.png"], "\(left)")
        }
    }
}

@Suite("A server's preview page")
struct PreviewDataTests {
    @Test("the fast in-memory PNG of a page holds exactly the pixels of the page written by Cairo's PNG writer")
    func samePixels() throws {
        let composer = try Composer(for: try Fixture.spec())
        let document = try composer.minutes(try Fixture.meeting(), spec: try Fixture.spec())
        try withTempDir { dir in
            try document.writePNG(to: dir, name: "page", dpi: 60)
            let fast = dir.appendingPathComponent("fast.png")
            try Data(try PNGWriter.data(document.pages[0], dpi: 60, images: document.images)).write(to: fast)
            let written = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("page") }.sorted()
            #expect(try PNGCompare.difference(fast, dir.appendingPathComponent(written[0]), threshold: 0) == 0)
        }
    }
}
