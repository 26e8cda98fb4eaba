import CPangoCairo
import CPixbuf
import Foundation
import HanjiLayout

/// Photos of far more pixels than print needs (a 24-megapixel phone photo placed 6 cm wide) are
/// printed at about 300 dpi: decoded smaller and, without transparency, re-encoded as JPEG.
extension Pixels {
    /// The resolution a reduced photo is printed at.
    static let dpi = 300.0
    /// The JPEG quality a reduced photo is re-encoded at.
    static let quality = 85
    /// A file may take this many bytes for each pixel it would have at `dpi` and still be
    /// embedded as it is: a small JPEG keeps its bytes, whatever its resolution.
    static let bytesPerPixel = 2

    /// The size in pixels at `dpi` of a box of `box` points, when the image has more pixels than
    /// that and its file more than `bytesPerPixel` bytes for each of them; nil keeps the file.
    /// A HEIC photo is always made anew, at its own size when that is less.
    func reduced(for box: Size) -> (width: Int, height: Int)? {
        let w = Int((box.width / 72 * Pixels.dpi).rounded(.up)), h = Int((box.height / 72 * Pixels.dpi).rounded(.up))
        if format == .heic { return width > w && height > h ? (w, h) : (width, height) }
        guard w > 0, h > 0, width > w, height > h, bytes > Pixels.bytesPerPixel * w * h else { return nil }
        return (w, h)
    }

    /// The image decoded at `size`: for a PDF, re-encoded as JPEG (a stand-in carrying it) unless
    /// it has transparency.
    func surface(_ size: (width: Int, height: Int), forPDF: Bool) throws -> Surface {
        // The PDF's image identity (`uuid`) stays the file's; the cache key adds when it was read.
        let uuid = id + "@\(size.width)x\(size.height)" + (forPDF ? "#pdf" : "")
        return try cache.surface(file.stamp + "|" + uuid) {
            try ImageFile.checkSize(width, height, path: path, kind: format.rawValue)
            var error: UnsafeMutablePointer<GError>?
            let owned = try GObjectRef(UnsafeMutableRawPointer(gdk_pixbuf_new_from_file_at_scale(
                url.path, Int32(size.width), Int32(size.height), 0, &error)), or: Pixels.failure(error, path: path))
            let pixbuf = owned.pixbuf
            defer { withExtendedLifetime(owned) {} }
            if forPDF && gdk_pixbuf_get_has_alpha(pixbuf) == 0 {
                let data = try Pixels.encodeJPEG(pixbuf, quality: Pixels.quality, path: path)
                return (try Pixels.standIn(data, uuid: uuid), data.count)
            }
            let surface = try Pixels.surface(from: pixbuf)
            Pixels.attach(Data(uuid.utf8), mime: "application/x-cairo.uuid", to: surface)
            return (surface, surface.stride * size.height)
        }
    }
}

extension Pixels {
    /// A pixbuf's pixels as JPEG bytes at `quality` (0–100).
    static func encodeJPEG(_ pixbuf: OpaquePointer, quality: Int, path: String = "") throws -> Data {
        var buffer: UnsafeMutablePointer<gchar>?
        var size: gsize = 0
        var error: UnsafeMutablePointer<GError>?
        var keys: [UnsafeMutablePointer<gchar>?] = [strdup("quality"), nil]
        var values: [UnsafeMutablePointer<gchar>?] = [strdup("\(quality)"), nil]
        defer { (keys + values).forEach { free($0) } }
        guard gdk_pixbuf_save_to_bufferv(pixbuf, &buffer, &size, "jpeg", &keys, &values, &error) != 0,
              let buffer else { throw failure(error, path: path) }
        defer { g_free(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }

    /// The error gdk-pixbuf gave (freed here) as an image error.
    static func failure(_ error: UnsafeMutablePointer<GError>?, path: String) -> ImageError {
        defer { if let error { g_error_free(error) } }
        let reason = error.map { String(cString: $0.pointee.message) } ?? "cannot be decoded"
        return ImageError(path: path, reason: "damaged or unreadable image: \(reason)")
    }
}
