import CPangoCairo
import CPixbuf
import Foundation
import HanjiLayout

/// The decoders that run when a page is drawn: the input side checked each file before.
extension Pixels {
    /// Decodes PNG bytes with Cairo's own reader (premultiplied ARGB, as Cairo draws it).
    static func decodePNG(_ data: Data, path: String) throws -> Surface {
        final class Cursor { let bytes: [UInt8]; var at = 0; init(_ b: [UInt8]) { bytes = b } }
        let cursor = Cursor([UInt8](data))
        let made = withExtendedLifetime(cursor) {
            cairo_image_surface_create_from_png_stream({ closure, out, length in
                let cursor = Unmanaged<Cursor>.fromOpaque(closure!).takeUnretainedValue()
                let n = Int(length)
                guard let out, cursor.at + n <= cursor.bytes.count else { return CAIRO_STATUS_READ_ERROR }
                _ = cursor.bytes.withUnsafeBufferPointer { memcpy(out, $0.baseAddress! + cursor.at, n) }
                cursor.at += n
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(cursor).toOpaque())
        }
        let surface = try Surface(made) { status -> any Error in
            switch status {
            case CAIRO_STATUS_READ_ERROR:
                return ImageError.cutOff(path, "PNG")
            case CAIRO_STATUS_NO_MEMORY:
                // Cairo reports libpng's own complaints (a bad checksum, broken data) this way.
                return ImageError.undecodablePNG(path)
            default:
                let reason = String(cString: cairo_status_to_string(status))
                return ImageError(path: path, reason: "damaged or unreadable PNG: \(reason)")
            }
        }
        guard surface.width > 0, surface.height > 0 else { throw ImageError(path: path, reason: "empty image") }
        // Cairo keeps the file's bytes on the surface as well, for writers that embed PNGs; the
        // PDF writer re-compresses the pixels, so they only take memory.
        cairo_surface_set_mime_data(surface.pointer, "image/png", nil, 0, nil, nil)
        return surface
    }

    /// Decodes JPEG bytes into a Cairo surface (for PNG pages; a PDF takes the file's bytes).
    static func decode(_ data: Data, path: String) throws -> Surface {
        let owned = try GObjectRef(UnsafeMutableRawPointer(gdk_pixbuf_loader_new()),
                                   or: ImageError(path: path, reason: "cannot be decoded (out of memory)"))
        let loader = owned.loader
        // The loader owns the pixbuf read below: it lives until the pixels are copied.
        defer { withExtendedLifetime(owned) {} }
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
    static func surface(from pixbuf: OpaquePointer) throws -> Surface {
        let width = gdk_pixbuf_get_width(pixbuf), height = gdk_pixbuf_get_height(pixbuf)
        let channels = Int(gdk_pixbuf_get_n_channels(pixbuf)), stride = Int(gdk_pixbuf_get_rowstride(pixbuf))
        let alpha = gdk_pixbuf_get_has_alpha(pixbuf) != 0
        guard width > 0, height > 0, channels >= 3, let pixels = gdk_pixbuf_read_pixels(pixbuf) else {
            throw ImageError(path: "", reason: "empty image")
        }
        let format = alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24
        let surface = try Surface("cairo_image_surface_create", cairo_image_surface_create(format, width, height))
        cairo_surface_flush(surface.pointer)
        let out = try surface.pixels()
        let outStride = surface.stride
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
        cairo_surface_mark_dirty(surface.pointer)
        return surface
    }

    /// Hands Cairo its own copy of `data` as the surface's `mime` data, freed with the surface.
    static func attach(_ data: Data, mime: String, to surface: Surface) {
        let copy = malloc(max(data.count, 1))!
        data.withUnsafeBytes { raw in if let base = raw.baseAddress { memcpy(copy, base, raw.count) } }
        cairo_surface_set_mime_data(surface.pointer, mime, copy.assumingMemoryBound(to: UInt8.self), UInt(data.count),
                                    { free($0) }, copy)
    }
}
