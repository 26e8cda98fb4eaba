// Saving a file without losing anything: one save of a path at a time, the ETag compared under
// that lock, the previous version copied to `.hanji/history/`, the new one written as every
// output is (`Atomic.write`: a temporary file, fsync, rename), and a line appended to
// `.hanji/audit.log`.
import Foundation
import HanjiModel
import HanjiRender

/// One holder of a key at a time; others wait their turn (saves of one path).
actor Gate {
    private var held: Set<String> = []
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    func enter(_ key: String) async {
        if held.insert(key).inserted { return }
        await withCheckedContinuation { waiting[key, default: []].append($0) }
    }

    func leave(_ key: String) {
        if var queue = waiting[key], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[key] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            held.remove(key)
        }
    }

    func with<T: Sendable>(_ key: String, _ body: @Sendable () throws -> T) async throws -> T {
        await enter(key)
        defer { leave(key) }
        return try body()
    }
}

/// The folder's saves: the ETag check, history, the write and the audit line.
struct Store: Sendable {
    let folder: Folder
    let gate = Gate()
    let audit: Audit

    init(folder: Folder) {
        self.folder = folder
        audit = Audit(file: folder.state.appendingPathComponent("audit.log"))
    }

    /// Saves `data` at `path` if the file still has the ETag `expected`; the new ETag. A stale
    /// ETag is 409 naming who saved last and when.
    func save(_ data: Data, path: String, url: URL, expected: String, by name: String) async throws -> String {
        try await gate.with(path) {
            let current = try folder.read(url)
            let etag = Folder.etag(current)
            guard Store.matches(expected, etag) else { throw conflict(path: path, url: url, current: current) }
            try keep(current, path: path)
            try Atomic.write(data, to: url)
            let new = Folder.etag(data)
            audit.append(name, "save", path, new)
            return new
        }
    }

    /// Whether an `If-Match` value names the file's ETag (`*` matches any existing file).
    static func matches(_ header: String, _ etag: String) -> Bool {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        if trimmed == "*" { return true }
        return trimmed.split(separator: ",").contains {
            var tag = $0.trimmingCharacters(in: .whitespaces)
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }

    /// A copy of the version a save replaces: `.hanji/history/PATH/TIME-HASH.EXT`.
    func keep(_ data: Data, path: String) throws {
        let folder = self.folder.history.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let hash = Folder.etag(data).dropFirst().prefix(12)
        let name = "\(Audit.stamp(Date()).replacingOccurrences(of: ":", with: ""))-\(hash).\(URL(fileURLWithPath: path).pathExtension)"
        try Atomic.write(data, to: folder.appendingPathComponent(name))
    }

    /// The 409 of a stale save: who saved the current version and when (from the audit log),
    /// or that it was changed on disk outside Hanji (with the file's time).
    func conflict(path: String, url: URL, current: Data) -> Refusal {
        let etag = Folder.etag(current)
        var by = "서버 밖", at = ""
        var message: String
        if let last = audit.lastSave(of: path), last.etag == etag {
            (by, at) = (last.by, last.at)
            message = "\(by) 님이 먼저 저장했습니다 (\(at))."
        } else {
            if let date = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date {
                at = Audit.stamp(date)
            }
            message = "파일이 서버 밖에서 (명령줄이나 git으로) 바뀌었습니다 (\(at))."
        }
        return Refusal(.conflict, message + " 먼저 저장된 판을 불러와 비교한 뒤 다시 저장하세요.",
                       ["by": .string(by), "at": .string(at), "etag": .string(etag)])
    }
}

/// `.hanji/audit.log`: one line per save, print and login, appended and never rewritten:
/// `TIME<TAB>NAME<TAB>ACTION<TAB>PATH<TAB>ETAG`.
final class Audit: Sendable {
    let file: URL
    private let lock = NSLock()

    init(file: URL) { self.file = file }

    func append(_ name: String, _ action: String, _ path: String, _ etag: String) {
        let clean = { (s: String) in s.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        let line = [Audit.stamp(Date()), clean(name), action, clean(path), etag].joined(separator: "\t") + "\n"
        lock.lock()
        defer { lock.unlock() }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(file.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        _ = line.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
        fsync(fd)
        close(fd)
    }

    /// The last save of `path`: who, when and the ETag it wrote.
    func lastSave(of path: String) -> (by: String, at: String, etag: String)? {
        lock.lock()
        defer { lock.unlock() }
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n").reversed() {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            if parts.count == 5, parts[2] == "save", parts[3] == path {
                return (String(parts[1]), String(parts[0]), String(parts[4]))
            }
        }
        return nil
    }

    /// A time as ISO 8601 in UTC, to the second: `2026-12-02T06:30:00Z`.
    static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
