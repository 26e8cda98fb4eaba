// Rendering off the server's event loops: a fixed number of threads (one per core), each with
// its own composers kept warm (shaper, shaping cache, decoded images), over fonts built once
// and shared. A request waits its turn; the loops keep answering meanwhile.
import Foundation
import Hanji
import HanjiSpec
import Synchronization

/// The bounded pool of rendering threads.
final class Pool: Sendable {
    /// The jobs waiting, and a count of them the threads wait on.
    final class Queue: Sendable {
        let jobs = Mutex<[@Sendable (Worker) -> Void]>([])
        let ready = DispatchSemaphore(value: 0)
    }
    private let queue = Queue()
    let size: Int

    init(size: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.size = max(1, size)
        let fonts = FontsCache()
        for index in 0..<self.size {
            let thread = Thread { [queue] in
                let worker = Worker(fonts: fonts)
                while true {
                    queue.ready.wait()
                    guard let job = queue.jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
                    job(worker)
                }
            }
            thread.name = "hanji-render-\(index)"
            // Layout recurses through nested blocks: more stack than a secondary thread's default.
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    /// Runs `body` on a pool thread with that thread's worker, when one is free.
    func run<T: Sendable>(_ body: @escaping @Sendable (Worker) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.jobs.withLock { $0.append { worker in continuation.resume(with: Result { try body(worker) }) } }
            queue.ready.signal()
        }
    }
}

/// Fonts built once per set of font folders, shared read-only by every worker; built one at a
/// time (fontconfig's set-up is not safe on two threads at once).
final class FontsCache: Sendable {
    private let built = Mutex<[String: SharedFonts]>([:])

    func fonts(for spec: Spec) throws -> SharedFonts {
        let key = spec.fontFolders.map(\.path).joined(separator: "\n")
        return try built.withLock { built in
            if let fonts = built[key] { return fonts }
            let fonts = try Composer(for: spec).shared
            built[key] = fonts
            return fonts
        }
    }
}

/// One pool thread's own composers, one per set of font folders, used by that thread only.
final class Worker: @unchecked Sendable {
    let fonts: FontsCache
    private var composers: [String: Composer] = [:]
    private var specs: [String: (stamp: String, spec: Spec)] = [:]

    init(fonts: FontsCache) { self.fonts = fonts }

    /// The layout spec at `url`, read again only when the file's time or size changed (a
    /// designer's edit shows in the next preview).
    func spec(_ url: URL) throws -> Spec {
        let info = try? FileManager.default.attributesOfItem(atPath: url.path)
        let stamp = "\((info?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0) \(info?[.size] ?? 0)"
        if let known = specs[url.path], known.stamp == stamp { return known.spec }
        let spec = try Spec.load(url)
        specs[url.path] = (stamp, spec)
        return spec
    }

    /// This thread's composer for a spec's fonts.
    func composer(for spec: Spec) throws -> Composer {
        let key = spec.fontFolders.map(\.path).joined(separator: "\n")
        if let composer = composers[key] { return composer }
        let composer = try Composer(sharing: try fonts.fonts(for: spec))
        composers[key] = composer
        return composer
    }
}
