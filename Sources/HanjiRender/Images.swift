import CPangoCairo
import CPixbuf
import Foundation
import HanjiLayout
import HanjiModel

/// An image's pixels for Cairo. A JPEG is decoded only when something needs its pixels (a PNG
/// preview): a PDF takes the file's own bytes, so for a PDF it costs neither time nor memory.
final class Pixels {
    let data: Data
    let jpeg: Bool
    let id: String
    let path: String
    let width: Int32, height: Int32
    var decoded: OpaquePointer?
    var placeholder: OpaquePointer?

    init(data: Data, jpeg: Bool, id: String, path: String, width: Int32, height: Int32, decoded: OpaquePointer? = nil) {
        self.data = data; self.jpeg = jpeg; self.id = id; self.path = path
        self.width = width; self.height = height; self.decoded = decoded
    }

    deinit {
        if let decoded { cairo_surface_destroy(decoded) }
        if let placeholder { cairo_surface_destroy(placeholder) }
    }

    /// The surface to paint: for a PDF, a JPEG's undrawn stand-in carrying the file's bytes.
    /// The stand-in is one pixel: Cairo's PDF writer places an image by its surface's size and
    /// describes the JPEG by the JPEG's own header, so no pixels are ever allocated.
    func surface(forPDF: Bool) throws -> OpaquePointer {
        if forPDF && jpeg {
            if let placeholder { return placeholder }
            let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1)!
            try RenderError.check(cairo_surface_status(surface), "cairo_image_surface_create")
            ImageFiles.attach(data, mime: "image/jpeg", to: surface)
            ImageFiles.attach(Data((id + "#pdf").utf8), mime: "application/x-cairo.uuid", to: surface)
            placeholder = surface
            return surface
        }
        if let decoded { return decoded }
        let surface = try ImageFiles.decode(data, path: path)
        if jpeg { ImageFiles.attach(data, mime: "image/jpeg", to: surface) }
        ImageFiles.attach(Data(id.utf8), mime: "application/x-cairo.uuid", to: surface)
        decoded = surface
        return surface
    }
}

/// Opens JPEG and PNG files relative to a folder, decoding each once. Files named ahead
/// (`prefetch`, as the record is bound) are read and decoded on another thread meanwhile.
public final class ImageFiles: ImageLoader {
    public let folder: URL?
    /// Whether a path may lead out of `folder` (`..`, an absolute path elsewhere).
    public let allowOutside: Bool
    var cache: [String: Bitmap] = [:]
    var pending: [String: Pending] = [:]

    /// One thread reads ahead, in the order the images were bound (the order the layout wants
    /// them), so a booklet of many photos never decodes them all at once.
    static let reader = DispatchQueue(label: "hanji.images", qos: .userInitiated)

    /// An image being read on another thread.
    final class Pending: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var result: Result<Bitmap, Error>?
    }

    /// Paths are read from `folder` (the record's folder), and must stay inside it unless allowed.
    public init(folder: URL?, allowOutside: Bool = false) { self.folder = folder; self.allowOutside = allowOutside }

    deinit {
        // A read still running holds the surfaces it makes: let it end before they go.
        for p in pending.values { p.done.wait() }
    }

    public func prefetch(_ path: String) {
        guard cache[path] == nil, pending[path] == nil else { return }
        let job = Pending()
        pending[path] = job
        let (folder, allowOutside) = (folder, allowOutside)
        ImageFiles.reader.async {
            job.result = Result { try ImageFiles.read(path, folder: folder, allowOutside: allowOutside) }
            job.done.signal()
        }
    }

    public func load(_ path: String) throws -> Bitmap {
        if let known = cache[path] { return known }
        let bitmap: Bitmap
        if let job = pending.removeValue(forKey: path) {
            job.done.wait()
            bitmap = try job.result!.get()
        } else {
            bitmap = try ImageFiles.read(path, folder: folder, allowOutside: allowOutside)
        }
        cache[path] = bitmap
        return bitmap
    }

    /// Reads, checks and (a PNG) decodes the image at `path`.
    static func read(_ path: String, folder: URL?, allowOutside: Bool) throws -> Bitmap {
        let base = folder ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)).standardizedFileURL
        guard allowOutside || Paths.inside(url, base) else {
            throw ImageError(path: path, reason: "the file is outside the record's folder \(base.standardizedFileURL.path) (move it in, or pass --allow-outside)")
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ImageError(path: path, reason: "no such file (looked for \(url.path))")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ImageError(path: path, reason: "cannot be read (\(url.path))")
        }
        return try ImageFiles.open(data, path: path, id: url.standardizedFileURL.path)
    }

    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF]
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Checks JPEG or PNG bytes and reads their size; anything else, or a damaged file, is an
    /// error. A PNG is decoded now (its pixels go into any output); a JPEG when first needed.
    static func open(_ data: Data, path: String, id: String) throws -> Bitmap {
        let isJPEG = data.starts(with: jpeg)
        guard isJPEG || data.starts(with: png) else {
            throw ImageError(path: path, reason: "not a JPEG or PNG file")
        }
        guard isJPEG else {
            let surface = try decodePNG(data, path: path)
            ImageFiles.attach(Data(id.utf8), mime: "application/x-cairo.uuid", to: surface)
            let w = cairo_image_surface_get_width(surface), h = cairo_image_surface_get_height(surface)
            return Bitmap(path: path, width: Int(w), height: Int(h),
                          handle: Pixels(data: data, jpeg: false, id: id, path: path, width: w, height: h, decoded: surface))
        }
        // libjpeg fills a cut-off file with grey and calls it a warning: require the end-of-image
        // marker after the last start-of-scan (entropy-coded data never holds FF D9).
        let (scan, end) = data.withUnsafeBytes { (last(of: 0xDA, in: $0), last(of: 0xD9, in: $0)) }
        guard let scan, let end, end > scan else {
            throw ImageError(path: path, reason: "damaged JPEG: the file ends before the image does (cut off while copying?)")
        }
        guard let (w, h) = jpegSize(data), w > 0, h > 0 else {
            throw ImageError(path: path, reason: "damaged JPEG: no image size in its header")
        }
        return Bitmap(path: path, width: w, height: h,
                      handle: Pixels(data: data, jpeg: true, id: id, path: path, width: Int32(w), height: Int32(h)))
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

    /// Decodes PNG bytes with Cairo's own reader (premultiplied ARGB, as Cairo draws it).
    static func decodePNG(_ data: Data, path: String) throws -> OpaquePointer {
        // The header's size first: a photo of a quarter of a billion pixels is a mistake, not a photo.
        if data.count >= 24 {
            let b = [UInt8](data[16..<24])
            let w = Int(b[0]) << 24 | Int(b[1]) << 16 | Int(b[2]) << 8 | Int(b[3])
            let h = Int(b[4]) << 24 | Int(b[5]) << 16 | Int(b[6]) << 8 | Int(b[7])
            // Each side first: two sides of 2^32 would overflow the product.
            if w > 1 << 28 || h > 1 << 28 || w * h > 1 << 28 { throw ImageError(path: path, reason: "the PNG is \(w)×\(h) pixels, too large to print") }
        }
        final class Cursor { let bytes: [UInt8]; var at = 0; init(_ b: [UInt8]) { bytes = b } }
        let cursor = Cursor([UInt8](data))
        let surface = withExtendedLifetime(cursor) {
            cairo_image_surface_create_from_png_stream({ closure, out, length in
                let cursor = Unmanaged<Cursor>.fromOpaque(closure!).takeUnretainedValue()
                let n = Int(length)
                guard let out, cursor.at + n <= cursor.bytes.count else { return CAIRO_STATUS_READ_ERROR }
                cursor.bytes.withUnsafeBufferPointer { memcpy(out, $0.baseAddress! + cursor.at, n) }
                cursor.at += n
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(cursor).toOpaque())!
        }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(surface)
            switch status {
            case CAIRO_STATUS_READ_ERROR:
                throw ImageError(path: path, reason: "damaged PNG: the file ends before the image does (cut off while copying?)")
            case CAIRO_STATUS_NO_MEMORY:
                // Cairo reports libpng's own complaints (a bad checksum, broken data) this way.
                throw ImageError(path: path, reason: "damaged PNG: its image data cannot be decoded")
            default:
                throw ImageError(path: path, reason: "damaged or unreadable PNG: \(String(cString: cairo_status_to_string(status)))")
            }
        }
        guard cairo_image_surface_get_width(surface) > 0, cairo_image_surface_get_height(surface) > 0 else {
            cairo_surface_destroy(surface)
            throw ImageError(path: path, reason: "empty image")
        }
        return surface
    }

    /// Decodes JPEG bytes into a Cairo surface (for PNG pages; a PDF takes the file's bytes).
    static func decode(_ data: Data, path: String) throws -> OpaquePointer {
        let loader = gdk_pixbuf_loader_new()!
        defer { g_object_unref(UnsafeMutableRawPointer(loader)) }
        var error: UnsafeMutablePointer<GError>?
        let wrote = data.withUnsafeBytes { raw in
            gdk_pixbuf_loader_write(loader, raw.bindMemory(to: guchar.self).baseAddress, gsize(raw.count), &error)
        }
        var closeError: UnsafeMutablePointer<GError>?
        let closed = gdk_pixbuf_loader_close(loader, &closeError)
        if wrote == 0 || closed == 0 {
            let reason = (error ?? closeError).map { String(cString: $0.pointee.message) } ?? "cannot be decoded"
            if let error { g_error_free(error) }
            if let closeError { g_error_free(closeError) }
            throw ImageError(path: path, reason: "damaged or unreadable image: \(reason)")
        }
        if let closeError { g_error_free(closeError) }
        guard let pixbuf = gdk_pixbuf_loader_get_pixbuf(loader) else {
            throw ImageError(path: path, reason: "damaged or unreadable image")
        }
        return try surface(from: pixbuf)
    }

    /// Copies a pixbuf's RGB(A) rows into a Cairo image surface (premultiplied ARGB, native order).
    static func surface(from pixbuf: OpaquePointer) throws -> OpaquePointer {
        let width = gdk_pixbuf_get_width(pixbuf), height = gdk_pixbuf_get_height(pixbuf)
        let channels = Int(gdk_pixbuf_get_n_channels(pixbuf)), stride = Int(gdk_pixbuf_get_rowstride(pixbuf))
        let alpha = gdk_pixbuf_get_has_alpha(pixbuf) != 0
        guard width > 0, height > 0, channels >= 3, let pixels = gdk_pixbuf_read_pixels(pixbuf) else {
            throw ImageError(path: "", reason: "empty image")
        }
        let surface = cairo_image_surface_create(alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, width, height)!
        try RenderError.check(cairo_surface_status(surface), "cairo_image_surface_create")
        cairo_surface_flush(surface)
        let out = cairo_image_surface_get_data(surface)!
        let outStride = Int(cairo_image_surface_get_stride(surface))
        for y in 0..<Int(height) {
            let src = pixels + y * stride
            let dst = UnsafeMutableRawPointer(out + y * outStride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<Int(width) {
                let p = src + x * channels
                var r = UInt32(p[0]), g = UInt32(p[1]), b = UInt32(p[2])
                let a = alpha ? UInt32(p[3]) : 255
                if a < 255 { r = (r * a + 127) / 255; g = (g * a + 127) / 255; b = (b * a + 127) / 255 }
                dst[x] = a << 24 | r << 16 | g << 8 | b
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    /// Hands Cairo its own copy of `data` as the surface's `mime` data, freed with the surface.
    static func attach(_ data: Data, mime: String, to surface: OpaquePointer) {
        let copy = malloc(max(data.count, 1))!
        data.withUnsafeBytes { raw in if let base = raw.baseAddress { memcpy(copy, base, raw.count) } }
        cairo_surface_set_mime_data(surface, mime, copy.assumingMemoryBound(to: UInt8.self), UInt(data.count),
                                    { free($0) }, copy)
    }
}
