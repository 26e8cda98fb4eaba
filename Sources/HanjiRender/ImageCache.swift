import CPangoCairo
import Foundation
import HanjiLayout
import Synchronization

/// An image being drawn: its checked file, read again and decoded only when a page that shows
/// it is drawn, into the writer's bounded `ImageCache`, so a document of many photos holds a
/// few at a time. A PDF takes a JPEG's own bytes instead, turned as its EXIF orientation says,
/// and a photo of far more pixels than print needs is made smaller first (Reduced.swift).
struct Pixels {
    let file: ImageFile
    let cache: ImageCache

    /// The path as the record names it, for messages.
    var path: String { file.path }
    var id: String { file.id }
    var url: URL { file.url }
    var format: ImageFormat { file.format }
    var jpeg: Bool { format == .jpeg }
    /// The stored image's size in pixels, before `orientation` turns it.
    var width: Int { file.width }
    var height: Int { file.height }
    var orientation: Orientation { Orientation(value: file.orientation) }
    /// The file's size in bytes.
    var bytes: Int { file.bytes }

    /// Paints the image turned upright into the box `size` at `at`; returns the surface painted,
    /// with a reference the caller holds until the page is shown.
    func paint(on cr: OpaquePointer, at: Point, size: Size, forPDF: Bool) throws -> Surface {
        let stored = orientation.swapsSides ? Size(width: size.height, height: size.width) : size
        let surface = try self.surface(forPDF: forPDF, box: stored)
        cairo_save(cr)
        cairo_translate(cr, at.x, at.y)
        // Clipped, to a box around its own so as to cut nothing (its smoothed edges reach out
        // by part of a pixel): a first paint on a page without a clip makes Cairo 1.16 start the
        // page's recording afresh, dropping the structure tags opened before it (a damaged file).
        cairo_rectangle(cr, -size.width, -size.height, 3 * size.width, 3 * size.height)
        cairo_clip(cr)
        orientation.apply(to: cr, shown: (size.width, size.height))
        // Scaled by the surface's own size: a JPEG's stand-in for a PDF is a single pixel.
        cairo_scale(cr, stored.width / Double(max(surface.width, 1)), stored.height / Double(max(surface.height, 1)))
        cairo_set_source_surface(cr, surface.pointer, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        cairo_paint(cr)
        cairo_restore(cr)
        return surface
    }

    /// The surface to paint into a box of `box` points (the stored image's sides). For a PDF, a
    /// JPEG's undrawn stand-in carrying the file's bytes (`standIn`).
    func surface(forPDF: Bool, box: Size) throws -> Surface {
        if let reduced = reduced(for: box) { return try surface(reduced, forPDF: forPDF) }
        let standIn = forPDF && jpeg
        return try cache.surface(standIn ? file.key + "#pdf" : file.key) {
            let data = try file.contents()
            if standIn { return (try Pixels.standIn(data, uuid: id + "#pdf"), data.count) }
            try ImageFile.checkSize(width, height, path: path, kind: format.rawValue)
            let surface = jpeg ? try Pixels.decode(data, path: path) : try Pixels.decodePNG(data, path: path)
            if jpeg { Pixels.attach(data, mime: "image/jpeg", to: surface) }
            Pixels.attach(Data(id.utf8), mime: "application/x-cairo.uuid", to: surface)
            return (surface, surface.stride * height)
        }
    }

    /// One pixel carrying JPEG bytes: Cairo's PDF writer places an image by its surface's size
    /// and describes the JPEG by the JPEG's own header.
    static func standIn(_ jpeg: Data, uuid: String) throws -> Surface {
        let surface = try Surface("cairo_image_surface_create", cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1))
        attach(jpeg, mime: "image/jpeg", to: surface)
        attach(Data(uuid.utf8), mime: "application/x-cairo.uuid", to: surface)
        return surface
    }
}

/// Decoded images kept for reuse, the most recently used first, within a byte budget: a seal
/// drawn on every page is decoded once, and forty photos are never all held at once. One is
/// shared by the writers of one composer (`PageWriter(images:)`); it locks around each use.
public final class ImageCache: Sendable {
    /// Bytes of pixels kept; the image just made is kept even when it alone is larger.
    let budget: Int
    /// Every surface made here, counted until Cairo frees it.
    public let census = Census()
    private let entries = Mutex<[(key: String, surface: Surface, bytes: Int)]>([])

    public init(budget: Int = 16 << 20) { self.budget = budget }

    /// The surface kept under `key`, or the one `make` returns (with its size in bytes), kept now.
    func surface(_ key: String, make: () throws -> (Surface, Int)) throws -> Surface {
        try entries.withLock { entries in
            if let i = entries.firstIndex(where: { $0.key == key }) {
                entries.insert(entries.remove(at: i), at: 0)
            } else {
                let (surface, bytes) = try make()
                census.track(surface.pointer)
                entries.insert((key, surface, bytes), at: 0)
                while entries.count > 1 && entries.reduce(0, { $0 + $1.bytes }) > budget {
                    entries.removeLast()
                }
            }
            return entries[0].surface
        }
    }
}
