// A full disk: the real CLI writes into a small tmpfs filled so that space runs out at every
// point of writing (pages being drawn, fonts being subset at the end, PNG pages). Each run must
// either write a whole file (exit 0) or stop with exit 1 and a message about space, leaving the
// earlier output byte for byte and no temporary file behind.
import Foundation
import HanjiLayout
@testable import HanjiRender
import HanjiTestSupport
import Testing

/// A small tmpfs mounted for a test (needs root, as the tests run in CI).
struct SmallDisk {
    let folder: URL

    /// Whether a tmpfs can be mounted here: root, and `mount` works (not in every container).
    static let available: Bool = {
        guard geteuid() == 0, let probe = try? SmallDisk(kilobytes: 64) else { return false }
        probe.unmount()
        return true
    }()

    init(kilobytes: Int) throws {
        folder = try makeTempDir()
        let result = tool("mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path])
        guard result.status == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr])
        }
    }

    func unmount() {
        _ = tool("umount", [folder.path])
        try? FileManager.default.removeItem(at: folder)
    }

    /// Bytes still free.
    var free: Int {
        var stats = statvfs()
        statvfs(folder.path, &stats)
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }

    /// Fills the disk (a file named `fill`) so that `left` bytes stay free.
    func leave(_ left: Int) throws {
        let fill = folder.appendingPathComponent("fill")
        try? FileManager.default.removeItem(at: fill)
        try Data(count: max(0, free - left)).write(to: fill)
    }
}

@Suite("Full disk", .serialized,
       .enabled(if: SmallDisk.available, "skipped: needs root and a working `mount -t tmpfs` to fill a small disk"))
struct DiskTests {
    /// The free space left for each run, in kilobytes: from nothing up past the whole file, so
    /// writing stops while pages are drawn, while the fonts are subset at the end, or never.
    static func points(upTo kilobytes: Int, count: Int) -> [Int] {
        (0..<count).map { $0 * kilobytes / (count - 1) }
    }

    @Test("a full disk while writing the PDF: a whole PDF or exit 1, the earlier file intact, no temp file")
    func fullDiskPDF() throws {
        try #require(FileManager.default.isExecutableFile(atPath: hanjiBinary.path), "build the CLI first")
        let disk = try SmallDisk(kilobytes: 1400)
        defer { disk.unmount() }
        let pdf = disk.folder.appendingPathComponent("minutes.pdf")
        let earlier = Data("EARLIER PDF".utf8)
        var outcomes: [String] = []
        for kilobytes in DiskTests.points(upTo: 920, count: 15) {
            try earlier.write(to: pdf)
            try disk.leave(kilobytes * 1024)
            let result = run(["minutes", exampleRecord.path, "-o", pdf.path])
            outcomes.append("\(kilobytes)k: exit \(result.status)")
            let context = "\(kilobytes) KiB free: exit \(result.status)\n\(result.stderr)"
            if result.status == 0 {
                let check = tool("qpdf", ["--check", pdf.path])
                #expect(check.status == 0, "exit 0 but qpdf rejects the PDF (\(context))\n\(check.stdout)")
            } else {
                #expect(result.status == 1, "\(context)")
                #expect(result.stderr.contains("cannot write \(pdf.path): no space left on device"), "\(context)")
                #expect(try Data(contentsOf: pdf) == earlier, "the earlier PDF changed (\(context))")
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: disk.folder.path).sorted()
            #expect(files == ["fill", "minutes.pdf"], "files left: \(files) (\(context))")
        }
        // The points must reach both a failure and a success, or the test proves nothing.
        #expect(outcomes.contains { $0.hasSuffix("exit 0") } && outcomes.contains { !$0.hasSuffix("exit 0") },
                "\(outcomes)")
    }

    @Test("a full disk while writing PNG pages: whole PNGs or exit 1, no half-written page, no temp file")
    func fullDiskPNG() throws {
        try #require(FileManager.default.isExecutableFile(atPath: hanjiBinary.path), "build the CLI first")
        let disk = try SmallDisk(kilobytes: 600)
        defer { disk.unmount() }
        let pages = disk.folder.appendingPathComponent("pages", isDirectory: true)
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        let names = (1...5).map { "minutes-14-\($0).png" }
        let earlier = Data("EARLIER PNG".utf8)
        let iend: [UInt8] = [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        try withTempDir { dir in
            var outcomes: [String] = []
            for kilobytes in DiskTests.points(upTo: 360, count: 9) {
                for name in names { try earlier.write(to: pages.appendingPathComponent(name)) }
                try disk.leave(kilobytes * 1024)
                let result = run(["minutes", exampleRecord.path, "-o", dir.appendingPathComponent("m.pdf").path,
                                  "--png", pages.path, "--dpi", "48"])
                outcomes.append("\(kilobytes)k: exit \(result.status)")
                let context = "\(kilobytes) KiB free: exit \(result.status)\n\(result.stderr)"
                if result.status != 0 {
                    #expect(result.status == 1, "\(context)")
                    #expect(result.stderr.contains("cannot write \(pages.path)/minutes-14-"), "\(context)")
                    #expect(result.stderr.contains("no space left on device"), "\(context)")
                }
                for name in names {
                    let bytes = try Data(contentsOf: pages.appendingPathComponent(name))
                    let whole = bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && bytes.suffix(12).elementsEqual(iend)
                    #expect(whole || (result.status != 0 && bytes == earlier),
                            "\(name) is neither whole nor the earlier file (\(context))")
                }
                let files = try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted()
                #expect(files == names, "files left: \(files) (\(context))")
            }
            #expect(outcomes.contains { $0.hasSuffix("exit 0") } && outcomes.contains { !$0.hasSuffix("exit 0") },
                    "\(outcomes)")
        }
    }
}

@Suite("Failing close")
struct FailingCloseTests {
    /// A close(2) that closes the file and then reports an I/O error, as a network disk may.
    static let failingClose: @Sendable (Int32) -> Int32 = { fd in
        _ = Glibc.close(fd)
        errno = EIO
        return -1
    }

    static var page: Page { Page(size: .a4, frame: Frame(size: .a4), number: 1) }

    @Test("a PDF whose close fails: an error naming the file, the earlier file intact, no temp file")
    func pdf() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("m.pdf")
            try Data("EARLIER".utf8).write(to: pdf)
            let stream = try PDFStream(to: pdf, metadata: Metadata())
            stream.sink.closing = FailingCloseTests.failingClose
            try stream.add(FailingCloseTests.page)
            #expect(throws: WriteError.self) { try stream.finish() }
            #expect((try? stream.finish()) != nil, "a second finish does nothing")
            #expect(try Data(contentsOf: pdf) == Data("EARLIER".utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m.pdf"])
            let message = WriteError(path: pdf.path, code: EIO).description
            #expect(message == "cannot write \(pdf.path): input/output error")
        }
    }

    @Test("a PNG whose close fails is never renamed over the earlier one")
    func png() throws {
        try withTempDir { dir in
            let png = dir.appendingPathComponent("m-1.png")
            try Data("EARLIER".utf8).write(to: png)
            let sink = try FileSink(for: png)
            sink.closing = FailingCloseTests.failingClose
            let bytes: [UInt8] = [1, 2, 3]
            sink.write(bytes, bytes.count)
            #expect(throws: WriteError.self) { try sink.commit() }
            #expect(try Data(contentsOf: png) == Data("EARLIER".utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m-1.png"])
        }
    }
}
