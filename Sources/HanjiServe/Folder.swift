// The year folder a server serves: what a request's path names inside it, refused when it
// would leave it or reach the server's own state; the folder's records and their kinds.
import Crypto
import Foundation
import HanjiModel

/// The served year folder, and its state folder `.hanji/` (accounts, history, audit log).
struct Folder: Sendable {
    /// The folder, with `..` and symbolic links resolved.
    let root: URL
    var state: URL { root.appendingPathComponent(".hanji") }
    var history: URL { state.appendingPathComponent("history") }

    init(_ url: URL) throws {
        root = url.standardizedFileURL.resolvingSymlinksInPath()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError("no folder \(url.path)", at: nil, hint: "give the year folder, such as examples/yeongdeungpo-2018")
        }
    }

    /// The extensions the files API reads and writes: records, layouts and rosters.
    static let editable: Set<String> = ["yaml", "yml", "csv"]

    /// The file a request's path pieces name (percent-encoded, as they came), relative to the
    /// folder and as a URL. Refuses, reading nothing: a piece that is empty, `.`, `..` or holds
    /// a slash or NUL (400); a hidden name, which `.hanji/` is (404); a path whose symbolic
    /// links lead out of the folder (403); an extension the API does not edit (404).
    func file(_ pieces: [Substring]) throws -> (path: String, url: URL) {
        var names: [String] = []
        for piece in pieces {
            guard let name = piece.removingPercentEncoding, !name.isEmpty, name != ".", name != "..",
                  !name.contains("/"), !name.contains("\0"), !name.contains("\\") else {
                throw Refusal(.badRequest, "잘못된 경로입니다")
            }
            guard !name.hasPrefix(".") else { throw Refusal.notFound }
            names.append(name)
        }
        guard !names.isEmpty else { throw Refusal(.badRequest, "잘못된 경로입니다") }
        let url = names.reduce(root) { $0.appendingPathComponent($1) }
        guard Paths.inside(url, root) else { throw Refusal(.forbidden, "폴더 밖의 파일입니다") }
        guard Folder.editable.contains(url.pathExtension.lowercased()) else { throw Refusal.notFound }
        return (names.joined(separator: "/"), url)
    }

    /// The file's bytes, or 404 when there is no such regular file.
    func read(_ url: URL) throws -> Data {
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              let data = FileManager.default.contents(atPath: url.path) else { throw Refusal.notFound }
        return data
    }

    /// The entity tag of a file's content: its SHA-256, so an edit made on disk (the command
    /// line, git) counts as a change as much as a save through the server.
    static func etag(_ data: Data) -> String {
        "\"" + SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() + "\""
    }

    /// The folder's records, layouts and rosters (top level and `layouts/`), sorted by path.
    func listing() -> [Entry] {
        let manager = FileManager.default
        var paths: [String] = []
        for (sub, prefix) in [(root, ""), (root.appendingPathComponent("layouts"), "layouts/")] {
            for name in (try? manager.contentsOfDirectory(atPath: sub.path)) ?? [] where !name.hasPrefix(".") {
                guard Folder.editable.contains((name as NSString).pathExtension.lowercased()) else { continue }
                paths.append(prefix + name)
            }
        }
        return paths.sorted().compactMap { entry(root.appendingPathComponent($0), path: $0) }
    }

    /// One file of the listing with its kind, and for a meeting its title, date and status.
    func entry(_ url: URL, path: String) -> Entry? {
        guard Paths.inside(url, root) else { return nil }
        if url.pathExtension.lowercased() == "csv" { return Entry(path: path, kind: "roster") }
        let root = try? Field.load(url)
        guard let kind = RecordKind.of(url, root: root) else { return Entry(path: path, kind: "other") }
        var entry = Entry(path: path, kind: "\(kind)")
        if kind == .meeting, let root, let meeting = try? Meeting.read(root) {
            entry.title = "\(meeting.body) \(meeting.number)차"
            entry.date = String(format: "%04d-%02d-%02d", meeting.date.year, meeting.date.month, meeting.date.day)
            entry.status = meeting.members.contains { $0.status == nil } ? "작성 중" : "완료"
        } else if kind == .meeting {
            entry.status = "오류"
        }
        return entry
    }
}

/// A file of the folder as `GET /api/files` lists it.
struct Entry: Sendable {
    var path: String
    var kind: String
    var title: String?
    var date: String?
    var status: String?

    var json: JSON {
        var members: [String: JSON] = ["path": .string(path), "kind": .string(kind)]
        if let title { members["title"] = .string(title) }
        if let date { members["date"] = .string(date) }
        if let status { members["status"] = .string(status) }
        return .object(members)
    }
}
