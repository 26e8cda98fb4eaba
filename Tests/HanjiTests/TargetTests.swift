import Foundation
import HanjiTestSupport
import Testing

/// `-o` naming something other than a plain file: a symbolic link, a pipe.
@Suite("EndToEnd: output targets that are links or pipes")
struct TargetTests {
    @Test("-o through a symbolic link writes the file it points to and keeps the link")
    func symlink() throws {
        try withTempDir { dir in
            let real = dir.appendingPathComponent("real.pdf")
            try Data("old".utf8).write(to: real)
            let link = dir.appendingPathComponent("link.pdf")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
            try render(exampleRecord, to: link)
            let kind = try FileManager.default.attributesOfItem(atPath: link.path)[.type] as? FileAttributeType
            #expect(kind == .typeSymbolicLink, "the link was replaced by a file")
            #expect(tool("qpdf", ["--check", real.path]).status == 0, "the file the link names holds no whole PDF")
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            #expect(names == ["link.pdf", "real.pdf"], "stray files: \(names)")
        }
    }

    @Test("-o a named pipe writes the PDF into it, nothing renamed over it")
    func pipe() throws {
        try withTempDir { dir in
            let fifo = dir.appendingPathComponent("pipe.pdf")
            try #require(mkfifo(fifo.path, 0o600) == 0)
            let copy = dir.appendingPathComponent("copy.pdf")
            let reader = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                let bytes = FileHandle(forReadingAtPath: fifo.path)?.readDataToEndOfFile() ?? Data()
                try? bytes.write(to: copy)
                reader.signal()
            }
            unblock(fifo)
            let out = run(["minutes", exampleRecord.path, "-o", fifo.path])
            #expect(out.status == 0, "\(out.stderr)")
            reader.wait()
            var info = stat()
            #expect(lstat(fifo.path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the pipe was replaced")
            #expect(tool("qpdf", ["--check", copy.path]).status == 0, "what came through the pipe is no whole PDF")
        }
    }

    @Test("-o a pipe whose reader quits at once is a write error (exit 1), not a death by SIGPIPE")
    func brokenPipe() throws {
        try withTempDir { dir in
            let fifo = dir.appendingPathComponent("pipe.pdf")
            try #require(mkfifo(fifo.path, 0o600) == 0)
            DispatchQueue.global().async {
                let fd = open(fifo.path, O_RDONLY)
                if fd >= 0 { close(fd) }
            }
            unblock(fifo)
            let out = run(["minutes", exampleRecord.path, "-o", fifo.path])
            #expect(out.status == 1, "\(out)")
            #expect(out.stderr.contains("cannot write \(fifo.path): broken pipe"), "\(out.stderr)")
        }
    }

    /// A writer or reader still waiting on the pipe after 20 s (a regression that opens it twice,
    /// or never) is let through by a read-write open, so the test fails instead of hanging.
    func unblock(_ fifo: URL) {
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) {
            let fd = open(fifo.path, O_RDWR | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
    }

    @Test("-o /dev/stdout carries the PDF alone: the summary line goes to standard error")
    func standardOutput() throws {
        try withTempDir { dir in
            let out = execute(hanjiBinary, ["minutes", exampleRecord.path, "-o", "/dev/stdout"])
            #expect(out.status == 0, "\(out.stderr)")
            #expect(out.stderr.contains("/dev/stdout: 5 pages"), "\(out.stderr)")
            let pdf = dir.appendingPathComponent("out.pdf")
            try Data(out.stdout.utf8).write(to: pdf)
            #expect(out.stdout.hasPrefix("%PDF") && out.stdout.hasSuffix("%%EOF\n"), "\(out.stdout.suffix(40))")
        }
    }

    /// SIGPIPE is ignored (for `-o` a pipe), so a closed standard error must be a write error
    /// the program drops, not Foundation's trap (`hanji check . 2>&1 | head` closes it).
    @Test("a standard error nobody reads (a closed pipe) is no crash: check still exits 1")
    func closedStandardError() throws {
        try withTempDir { dir in
            let roster = dir.appendingPathComponent("r.csv")
            try ("성명,소속\n" + String(repeating: ",도시재생분과\n", count: 3000)).write(to: roster, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = hanjiBinary
            process.arguments = ["check", roster.path]
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try err.fileHandleForReading.close()
            try process.run()
            try? err.fileHandleForWriting.close()
            process.waitUntilExit()
            #expect(process.terminationReason == .exit && process.terminationStatus == 1,
                    "\(process.terminationReason.rawValue) \(process.terminationStatus)")
        }
    }

    @Test("check FOLDER does not walk a linked folder (a link back up would repeat every file)")
    func linkedFolder() throws {
        try withTempDir { dir in
            try "성명,소속\n한부영,도시재생분과\n".write(to: dir.appendingPathComponent("r.csv"), atomically: true, encoding: .utf8)
            let sub = dir.appendingPathComponent("sub")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: sub.appendingPathComponent("up").path, withDestinationPath: "..")
            let out = run(["check", dir.path])
            #expect(out.stdout.contains("1 file checked"), "\(out.stdout)\n\(out.stderr)")
        }
    }
}
