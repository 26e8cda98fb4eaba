// HanjiInput: the files a record names, found, read and checked before anything is laid out:
// paths confined to the record's folder, formats told by their bytes, sizes and orientation
// read, damage found. A writer gets checked `ImageFile` values and decodes the pixels it draws.
import Foundation
import HanjiLayout
import HanjiModel
import Synchronization

/// Opens JPEG, PNG and HEIC files relative to a folder for layout: checks each and reads its
/// size once. Files named ahead (`prefetch`, as the record is bound) are read on another thread
/// meanwhile. Pixels are decoded only as pages are drawn, by the writer.
public final class ImageFiles: ImageLoader {
    public let folder: URL?
    /// Whether a path may lead out of `folder` (`..`, an absolute path elsewhere).
    public let allowOutside: Bool
    var cache: [String: Bitmap] = [:]
    var pending: [String: Pending] = [:]

    /// One thread reads ahead, in the order the images were bound (the order the layout wants
    /// them).
    static let reader = DispatchQueue(label: "hanji.images", qos: .userInitiated)

    /// An image being read on another thread: its result is set once, before `done` is signalled.
    final class Pending: Sendable {
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<Result<Bitmap, any Error>?>(nil)
    }

    /// Paths are read from `folder` (the record's folder), and must stay inside it unless allowed.
    public init(folder: URL?, allowOutside: Bool = false) { self.folder = folder; self.allowOutside = allowOutside }

    deinit {
        // Let a read still running end before its loader goes.
        for p in pending.values { p.done.wait() }
    }

    public func prefetch(_ path: String) {
        guard cache[path] == nil, pending[path] == nil else { return }
        let job = Pending()
        pending[path] = job
        let (folder, allowOutside) = (folder, allowOutside)
        ImageFiles.reader.async {
            let result = Result { try ImageFiles.read(path, folder: folder, allowOutside: allowOutside) }
            job.result.withLock { $0 = result }
            job.done.signal()
        }
    }

    public func load(_ path: String) throws -> Bitmap {
        // A file replaced since it was read (a long-running process prints it again) is read again.
        if let known = cache[path], ImageFile.stamp(of: known.file.url) == known.file.stamp { return known }
        let bitmap: Bitmap
        if let job = pending.removeValue(forKey: path) {
            job.done.wait()
            // Set before `done` was signalled (read here again should it ever not be).
            let result = job.result.withLock { $0 }
            bitmap = try result?.get() ?? ImageFiles.read(path, folder: folder, allowOutside: allowOutside)
        } else {
            bitmap = try ImageFiles.read(path, folder: folder, allowOutside: allowOutside)
        }
        cache[path] = bitmap
        return bitmap
    }

    /// Reads and checks the image at `path`.
    static func read(_ path: String, folder: URL?, allowOutside: Bool) throws -> Bitmap {
        let base = folder ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let url = Paths.confined(path, in: base, allowOutside: allowOutside) else {
            throw ImageError(path: path,
                             reason: "the file is outside the record's folder \(base.standardizedFileURL.path) "
                                 + "(move it in, or pass --allow-outside)")
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ImageError(path: path, reason: "no such file (looked for \(url.path))")
        }
        // Stamped before it is read: a file changed while being read is read again next time.
        let stamp = ImageFile.stamp(of: url)
        var bitmap = try ImageFiles.open(try ImageFile.contents(of: url, path: path), path: path, url: url)
        bitmap.file.stamp = stamp
        return bitmap
    }

    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Checks JPEG or PNG bytes and reads their size; anything else, or a damaged file, is an
    /// error. Nothing is decoded: the pixels are read again when a page shows them.
    static func open(_ data: Data, path: String, url: URL) throws -> Bitmap {
        let format: ImageFormat? = data.starts(with: jpeg) ? .jpeg : data.starts(with: png) ? .png
            : Formats.isHEIC(data) && Formats.readsHEIC ? .heic : nil
        guard let format else { throw ImageError(path: path, reason: Formats.refusal(data)) }
        func bitmap(_ width: Int, _ height: Int, _ orientation: Int = 1) -> Bitmap {
            // Laid out as shown: a phone's portrait photo is stored on its side.
            let (shownWidth, shownHeight) = orientation >= 5 ? (height, width) : (width, height)
            return Bitmap(path: path, width: shownWidth, height: shownHeight,
                          file: ImageFile(url: url, path: path, format: format, width: width, height: height,
                                          orientation: orientation, bytes: data.count))
        }
        if format == .heic {
            let (width, height) = try heicSize(url, path: path)
            try ImageFile.checkSize(width, height, path: path, kind: "HEIC")
            return bitmap(width, height)
        }
        guard format == .jpeg else {
            let (width, height) = try pngSize(data, path: path)
            try ImageFile.checkSize(width, height, path: path, kind: "PNG")
            return bitmap(width, height)
        }
        // libjpeg fills a cut-off file with grey and calls it a warning: require the end-of-image
        // marker after the last start-of-scan (entropy-coded data never holds FF D9).
        let (scan, end) = data.withUnsafeBytes { (last(of: 0xDA, in: $0), last(of: 0xD9, in: $0)) }
        guard let scan, let end, end > scan else {
            throw ImageError.cutOff(path, "JPEG")
        }
        guard let (w, h) = jpegSize(data), w > 0, h > 0 else {
            throw ImageError(path: path, reason: "damaged JPEG: no image size in its header")
        }
        return bitmap(w, h, data.withUnsafeBytes { Exif.orientation(jpeg: $0) })
    }

    /// Where the last JPEG marker `FF code` starts in `bytes`.
    static func last(of code: UInt8, in bytes: UnsafeRawBufferPointer) -> Int? {
        var i = bytes.count - 2
        while i >= 0 {
            if bytes[i + 1] == code && bytes[i] == 0xFF { return i }
            i -= 1
        }
        return nil
    }

    /// A JPEG's width and height from its start-of-frame marker, walking the header's segments.
    static func jpegSize(_ data: Data) -> (Int, Int)? {
        data.withUnsafeBytes { jpegSize(in: $0) }
    }

    static func jpegSize(in bytes: UnsafeRawBufferPointer) -> (Int, Int)? {
        var i = 2
        while i + 9 < bytes.count {
            guard bytes[i] == 0xFF else { return nil }
            let marker = bytes[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD9 || marker == 0xDA { return nil }
            let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            if (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker) {
                return (Int(bytes[i + 7]) << 8 | Int(bytes[i + 8]), Int(bytes[i + 5]) << 8 | Int(bytes[i + 6]))
            }
            guard length >= 2 else { return nil }
            i += 2 + length
        }
        return nil
    }
}
