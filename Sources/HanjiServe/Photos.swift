// Photos uploaded from the page: kept in `photos/` under a safe name of their own, upright.
// A phone's JPEG that is stored sideways with an EXIF orientation, and an iPhone's HEIC (which
// Windows browsers cannot show), are decoded, turned and saved again as JPEG; any other JPEG or
// PNG is kept byte for byte.
import CPixbuf
import Foundation
import HanjiInput
import HanjiRender

/// Storing uploaded photos.
enum Photos {
    enum Format { case jpeg, png, heic }

    /// The format of an image's bytes, by their magic numbers.
    static func format(_ data: Data) -> Format? {
        let bytes = [UInt8](data.prefix(16))
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return .png }
        if bytes.count >= 12, Array(bytes[4..<8]) == Array("ftyp".utf8),
           ["heic", "heix", "mif1", "msf1", "heim", "heis"].contains(String(decoding: bytes[8..<12], as: UTF8.self)) {
            return .heic
        }
        return nil
    }

    /// A name safe on every disk and in every record: lower-case ASCII letters, digits, `-` and
    /// `_`, at most 60 of them, from the name the browser gave (`IMG 0001.JPG` → `img-0001`).
    static func safeName(_ given: String) -> String {
        let base = (URL(fileURLWithPath: given).deletingPathExtension().lastPathComponent).lowercased()
        var name = ""
        for scalar in base.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
                name.unicodeScalars.append(scalar)
            } else if !name.hasSuffix("-") {
                name += "-"
            }
        }
        name = String(name.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(60))
        return name.isEmpty ? "photo" : name
    }

    /// Stores the photo in `photos/` (a name not yet taken) and returns its path in the folder.
    static func store(_ data: Data, named given: String, in folder: Folder) throws -> String {
        guard let format = format(data) else {
            throw Refusal(.unsupportedMediaType, "사진은 JPEG, PNG 또는 HEIC 파일이어야 합니다")
        }
        var bytes = data, ext = format == .png ? "png" : "jpg"
        let sideways = format == .jpeg && data.withUnsafeBytes { Exif.orientation(jpeg: $0) } != 1
        if format == .heic || sideways {
            bytes = try upright(data)
            ext = "jpg"
        }
        let photos = folder.root.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        let base = safeName(given)
        var name = "\(base).\(ext)", n = 1
        while FileManager.default.fileExists(atPath: photos.appendingPathComponent(name).path) {
            n += 1
            name = "\(base)-\(n).\(ext)"
        }
        try Atomic.write(bytes, to: photos.appendingPathComponent(name))
        return "photos/\(name)"
    }

    /// The image decoded, turned as its EXIF orientation says, and saved as JPEG (quality 90).
    static func upright(_ data: Data) throws -> Data {
        let refused = Refusal(.unsupportedMediaType, "사진을 읽을 수 없습니다")
        guard let loader = gdk_pixbuf_loader_new() else { throw refused }
        defer { g_object_unref(UnsafeMutableRawPointer(loader)) }
        var error: UnsafeMutablePointer<GError>?
        let written = data.withUnsafeBytes {
            gdk_pixbuf_loader_write(loader, $0.bindMemory(to: guchar.self).baseAddress, gsize($0.count), &error)
        }
        var closing: UnsafeMutablePointer<GError>?
        let closed = gdk_pixbuf_loader_close(loader, &closing)
        if let error { g_error_free(error) }
        if let closing { g_error_free(closing) }
        guard written != 0, closed != 0, let loaded = gdk_pixbuf_loader_get_pixbuf(loader),
              let turned = gdk_pixbuf_apply_embedded_orientation(loaded) else { throw refused }
        defer { g_object_unref(UnsafeMutableRawPointer(turned)) }
        var buffer: UnsafeMutablePointer<gchar>?
        var size: gsize = 0
        var keys: [UnsafeMutablePointer<CChar>?] = [strdup("quality"), nil]
        var values: [UnsafeMutablePointer<CChar>?] = [strdup("90"), nil]
        defer { free(keys[0]); free(values[0]) }
        guard gdk_pixbuf_save_to_bufferv(turned, &buffer, &size, "jpeg", &keys, &values, nil) != 0, let buffer else {
            throw Refusal(.insufficientStorage, "사진을 저장하지 못했습니다")
        }
        defer { g_free(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }
}
