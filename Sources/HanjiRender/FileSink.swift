import CPangoCairo
import Foundation
import Synchronization

/// A file that cannot be written (a full disk, no permission), named by the path the user gave.
public struct WriteError: Error, CustomStringConvertible {
    public var path: String
    /// The errno of the call that failed.
    public var code: Int32

    public init(path: String, code: Int32) { self.path = path; self.code = code }

    /// The system's words for `code`, in lower case as the sentence goes on: "no space left on device".
    public var reason: String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    public var description: String { "cannot write \(path): \(reason)" }

    /// What the user can do about it.
    public var hint: String {
        switch code {
        case ENOSPC, EDQUOT: return "free some space on that disk, or write elsewhere (-o FILE, --png FOLDER)"
        case EACCES, EPERM, EROFS: return "write into a folder you may change (-o FILE, --png FOLDER)"
        default: return "check that disk and folder, or write elsewhere (-o FILE, --png FOLDER)"
        }
    }
}

/// A temporary sibling of a target file that Cairo writes into through `fileSinkWrite`. The first
/// failed write's errno is kept (Cairo 1.16 may not report it, as when fonts are written at the
/// end); the file replaces the target only once every write, `fsync` and `close` succeeded, and
/// is removed otherwise, so the earlier file stays as it was.
final class FileSink {
    let url: URL
    /// The file written first, then renamed over the target; nil when the target is no regular
    /// file (`-o /dev/stdout`, a pipe), which is written directly as nothing can be renamed over it.
    let temp: URL?
    /// The regular file the target names: the file a symbolic link points to (so the link stays a
    /// link), otherwise the target itself.
    let final: URL
    private var fd: Int32
    private var committed = false
    /// The errno of the first write, fsync or close that failed; 0 while all went through.
    private(set) var failure: Int32 = 0
    /// `close(2)`; a test puts a failing one here (close fails for real mostly on network disks).
    var closing: (Int32) -> Int32 = { Glibc.close($0) }

    /// `mode`: the new file's permissions (less the umask).
    init(for url: URL, mode: mode_t = 0o666) throws {
        self.url = url
        var info = stat()
        if stat(url.path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG && info.st_mode & S_IFMT != S_IFDIR {
            // A device or a pipe: written in place.
            final = url
            temp = nil
            fd = open(url.path, O_WRONLY | O_CLOEXEC)
            if fd < 0 { throw WriteError(path: url.path, code: errno) }
            return
        }
        final = Atomic.resolved(url)
        let temp = Atomic.temporary(for: final)
        self.temp = temp
        fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        if fd < 0 {
            let code = errno
            Atomic.abandon(temp)
            throw WriteError(path: url.path, code: code)
        }
    }

    deinit { abandon() }

    /// The pointer Cairo hands back to `fileSinkWrite`; valid while the sink lives.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    /// Writes all `count` bytes, or keeps why not and drops this and every later write.
    func write(_ bytes: UnsafePointer<UInt8>, _ count: Int) {
        guard failure == 0, fd >= 0 else { return }
        var done = 0
        while done < count {
            let n = Glibc.write(fd, bytes + done, count - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                failure = n < 0 ? errno : EIO
                return
            }
            done += n
        }
    }

    /// Throws the first failure as an error about the target.
    func check() throws {
        if failure != 0 { throw WriteError(path: url.path, code: failure) }
    }

    /// Makes the bytes durable (`fsync`), closes the file and moves it over the target; on any
    /// failure the temporary file is removed and the target left alone.
    func commit() throws {
        do {
            try check()
            if temp != nil && fsync(fd) != 0 { failure = errno }
            try check()
            let descriptor = fd
            fd = -1
            if closing(descriptor) != 0 { failure = errno }
            try check()
            if let temp { try Atomic.commit(temp, to: final, named: url) }
            committed = true
        } catch {
            abandon()
            throw error
        }
    }

    /// Closes and removes the temporary file, unless committed; later writes are dropped.
    func abandon() {
        guard !committed else { return }
        if fd >= 0 { _ = Glibc.close(fd); fd = -1 }
        if let temp { Atomic.abandon(temp) }
    }
}

/// Cairo's write callback for a `FileSink`. It always answers success: the sink keeps the first
/// failure and the writers check it after each page, because Cairo 1.16 asserts (and aborts the
/// program) when it finishes a PDF whose stream failed part-way.
func fileSinkWrite(_ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?,
                   _ length: UInt32) -> cairo_status_t {
    if let closure, let data {
        Unmanaged<FileSink>.fromOpaque(closure).takeUnretainedValue().write(data, Int(length))
    }
    return CAIRO_STATUS_SUCCESS
}

/// Files written as a temporary sibling renamed into place (see `FileSink`), so a failure never
/// leaves a half-written file where an earlier output stood.
public enum Atomic {
    /// A hidden sibling of `url` to write into first (its folder is created).
    public static func temporary(for url: URL) -> URL {
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temp = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        live.withLock { _ = $0.insert(temp.path) }
        return temp
    }

    /// Moves a finished temporary file over the target, and makes the rename durable (the
    /// folder fsynced); errors name the path the user gave.
    public static func commit(_ temp: URL, to url: URL, named given: URL? = nil) throws {
        defer { live.withLock { _ = $0.remove(temp.path) } }
        if rename(temp.path, url.path) != 0 {
            let code = errno
            unlink(temp.path)
            throw WriteError(path: (given ?? url).path, code: code)
        }
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 { fsync(folder); close(folder) }
    }

    /// Writes `data` as the whole of `url` the way every output is written (a temporary
    /// sibling, fsync, rename, the folder fsynced): a failure leaves the old file as it was.
    public static func write(_ data: Data, to url: URL, mode: mode_t = 0o666) throws {
        let sink = try FileSink(for: url, mode: mode)
        data.withUnsafeBytes { bytes in
            if let base = bytes.bindMemory(to: UInt8.self).baseAddress { sink.write(base, bytes.count) }
        }
        try sink.commit()
    }

    /// The file a target names once symbolic links are followed (`realpath`), so writing
    /// replaces the file a link points to, not the link; the target itself when it does not
    /// exist yet or is no link.
    public static func resolved(_ url: URL) -> URL {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK,
              let real = realpath(url.path, nil) else { return url }
        defer { free(real) }
        return URL(fileURLWithPath: String(cString: real))
    }

    /// Deletes a temporary file that will not be committed.
    public static func abandon(_ temp: URL) {
        unlink(temp.path)
        live.withLock { _ = $0.remove(temp.path) }
    }

    /// Deletes every temporary file still being written (on an interrupt).
    public static func abandonAll() {
        live.withLock { paths in
            for path in paths { unlink(path) }
            paths.removeAll()
        }
    }

    /// Temporary files written now and not yet committed or abandoned.
    static let live = Mutex<Set<String>>([])
}
