import CPangoCairo
import Foundation
import Synchronization

/// An image placed by the layout: its file and size, no pixels. The file is read again and
/// decoded only when a page that shows it is drawn, into the loader's bounded `Decoded` cache,
/// so a document of many photos holds a few at a time. A PDF takes a JPEG's own bytes instead.
final class Pixels {
    let url: URL
    /// The path as the record names it, for messages.
    let path: String
    let id: String
    let jpeg: Bool
    let width: Int, height: Int
    let cache: Decoded

    init(url: URL, path: String, id: String, jpeg: Bool, width: Int, height: Int, cache: Decoded) {
        self.url = url; self.path = path; self.id = id; self.jpeg = jpeg
        self.width = width; self.height = height; self.cache = cache
    }

    /// The surface to paint, with a reference the caller releases. For a PDF, a JPEG's undrawn
    /// stand-in carrying the file's bytes: one pixel, as Cairo's PDF writer places an image by
    /// its surface's size and describes the JPEG by the JPEG's own header.
    func surface(forPDF: Bool) throws -> OpaquePointer {
        let standIn = forPDF && jpeg
        return try cache.surface(standIn ? id + "#pdf" : id) {
            let data = try ImageFiles.bytes(of: url, path: path)
            if standIn {
                let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1)!
                try RenderError.check(cairo_surface_status(surface), "cairo_image_surface_create")
                ImageFiles.attach(data, mime: "image/jpeg", to: surface)
                ImageFiles.attach(Data((id + "#pdf").utf8), mime: "application/x-cairo.uuid", to: surface)
                return (surface, data.count)
            }
            try ImageFiles.checkSize(width, height, path: path, kind: jpeg ? "JPEG" : "PNG")
            let surface = jpeg ? try ImageFiles.decode(data, path: path) : try ImageFiles.decodePNG(data, path: path)
            if jpeg { ImageFiles.attach(data, mime: "image/jpeg", to: surface) }
            ImageFiles.attach(Data(id.utf8), mime: "application/x-cairo.uuid", to: surface)
            return (surface, Int(cairo_image_surface_get_stride(surface)) * height)
        }
    }
}

/// Decoded images kept for reuse, the most recently used first, within a byte budget: a seal
/// drawn on every page is decoded once, and forty photos are never all held at once.
final class Decoded: @unchecked Sendable {
    /// Bytes of pixels kept; the image just made is kept even when it alone is larger.
    let budget: Int
    /// Every surface made here, counted until Cairo frees it.
    let census = Census()
    private let lock = NSLock()
    private var entries: [(key: String, surface: OpaquePointer, bytes: Int)] = []

    init(budget: Int = 16 << 20) { self.budget = budget }

    deinit { for entry in entries { cairo_surface_destroy(entry.surface) } }

    /// The surface kept under `key`, or the one `make` returns (with its size in bytes), kept
    /// now; with a reference the caller releases.
    func surface(_ key: String, make: () throws -> (OpaquePointer, Int)) throws -> OpaquePointer {
        try lock.withLock {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                entries.insert(entries.remove(at: i), at: 0)
            } else {
                let (surface, bytes) = try make()
                census.track(surface)
                entries.insert((key, surface, bytes), at: 0)
                while entries.count > 1 && entries.reduce(0, { $0 + $1.bytes }) > budget {
                    cairo_surface_destroy(entries.removeLast().surface)
                }
            }
            return cairo_surface_reference(entries[0].surface)
        }
    }
}
