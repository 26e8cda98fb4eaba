// Helpers shared by the test targets (the end-to-end tests first): where the repository and the built CLI are, running
// processes (the CLI, poppler-utils, qpdf) and scratch folders.
import Foundation
import Testing

/// The repository root: Tests/HanjiTestSupport/Support.swift → up three levels.
public let repoRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // HanjiTestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // repository

/// The CLI built by `swift build`.
public let hanjiBinary: URL = repoRoot.appendingPathComponent(".build/debug/hanji")

/// The example record the tests print.
public let exampleRecord: URL = repoRoot.appendingPathComponent("examples/yeongdeungpo-2018/minutes-14.yaml")

/// The default minutes layout.
public let minutesLayout: URL = repoRoot.appendingPathComponent("layouts/minutes.yaml")

/// What a finished process left behind.
public struct Outcome: CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status; self.stdout = stdout; self.stderr = stderr
    }

    public var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// Collects a pipe's bytes on another thread, so neither pipe can fill up and block the child.
private final class PipeDrain: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            let bytes = handle.readDataToEndOfFile()
            self.lock.lock()
            self.data = bytes
            self.lock.unlock()
            self.done.signal()
        }
    }

    /// Waits for end of file and returns everything read.
    func result() -> Data {
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return data
    }
}

/// Runs an executable with arguments in `directory`, reading both pipes to the end before
/// waiting for the exit. `environment` is added to this process's own, less the names in `unset`;
/// `stdin`, when given, is what the program reads on standard input.
public func execute(_ executable: URL, _ args: [String], in directory: URL = repoRoot,
             environment: [String: String] = [:], unset: [String] = [], stdin: String? = nil) -> Outcome {
    let process = Process()
    if !environment.isEmpty || !unset.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.filter { !unset.contains($0.key) }
            .merging(environment) { $1 }
    }
    process.executableURL = executable
    process.arguments = args
    process.currentDirectoryURL = directory
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    do {
        try process.run()
    } catch {
        return Outcome(status: -1, stdout: "", stderr: "cannot start \(executable.path): \(error)")
    }
    if let stdin {
        try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
    }
    // Close our copies of the write ends so EOF arrives when the child exits.
    try? out.fileHandleForWriting.close()
    try? err.fileHandleForWriting.close()
    let stderrDrain = PipeDrain(err.fileHandleForReading)
    let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
    let stderrData = stderrDrain.result()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus,
                   stdout: String(decoding: stdoutData, as: UTF8.self),
                   stderr: String(decoding: stderrData, as: UTF8.self))
}

/// Runs the hanji CLI from the repository root (so `layouts/` is found as a user would).
public func run(_ args: [String],
                environment: [String: String] = [:]) -> (status: Int32, stdout: String, stderr: String) {
    let outcome = execute(hanjiBinary, args, environment: environment)
    return (outcome.status, outcome.stdout, outcome.stderr)
}

/// Runs a command-line tool found on PATH (pdftotext, pdfinfo, pdffonts, qpdf).
public func tool(_ name: String, _ args: [String],
                 environment: [String: String] = [:]) -> (status: Int32, stdout: String, stderr: String) {
    let outcome = execute(URL(fileURLWithPath: "/usr/bin/env"), [name] + args, environment: environment)
    return (outcome.status, outcome.stdout, outcome.stderr)
}

/// A fresh empty folder under the system's temporary folder, removed when `body` returns.
public func withTempDir<T>(_ body: (URL) throws -> T) throws -> T {
    let dir = try makeTempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    return try body(dir)
}

/// A fresh empty folder under the system's temporary folder (the caller removes it).
public func makeTempDir() throws -> URL {
    let dir = FileManager.default.temporaryDirectory
        .appendingPathComponent("hanji-e2e-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}

/// `text` with every whitespace character removed (line wrapping splits text anywhere).
public func squeezed(_ text: String) -> String {
    String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }
        .map(Character.init))
}

/// Renders `record` with the CLI into `output`, requiring success; returns the CLI's outcome.
@discardableResult
public func render(_ record: URL, to output: URL, extra: [String] = [],
                   sourceLocation: SourceLocation = #_sourceLocation)
    throws -> (status: Int32, stdout: String, stderr: String) {
    try #require(FileManager.default.isExecutableFile(atPath: hanjiBinary.path),
                 "build the CLI first: swift build (looked for \(hanjiBinary.path))", sourceLocation: sourceLocation)
    let result = run(["minutes", record.path, "-o", output.path] + extra)
    try #require(result.status == 0, "hanji failed: exit \(result.status)\n\(result.stderr)",
                 sourceLocation: sourceLocation)
    try #require(FileManager.default.fileExists(atPath: output.path), "no PDF at \(output.path)",
                 sourceLocation: sourceLocation)
    return result
}

/// The PDF's text as pdftotext extracts it (UTF-8), pages separated by form feeds. `raw` keeps
/// the order the text was drawn in, so a label column is not woven into the body column's lines.
public func pdfText(_ pdf: URL, raw: Bool = false,
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let result = tool("pdftotext", ["-enc", "UTF-8"] + (raw ? ["-raw"] : []) + [pdf.path, "-"])
    try #require(result.status == 0, "pdftotext failed: \(result.stderr)", sourceLocation: sourceLocation)
    return result.stdout
}
