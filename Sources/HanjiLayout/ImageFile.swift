import Foundation

/// The kinds of image Hanji prints.
public enum ImageFormat: String, Sendable {
    case jpeg = "JPEG", png = "PNG"
    /// An iPhone's photo, read through Debian's gdk-pixbuf loader for it (heif-gdk-pixbuf) and
    /// printed as a JPEG made from its pixels.
    case heic = "HEIC"
}

/// An image file as the input side read and checked it: where it is, what it is, its stored
/// size and orientation. A writer decodes its pixels from the file when it draws a page.
public struct ImageFile: Sendable, Hashable {
    public var url: URL
    /// The path as the record names it, for messages.
    public var path: String
    public var format: ImageFormat
    /// The stored image's size in pixels, before `orientation` turns it.
    public var width: Int, height: Int
    /// How the stored pixels are turned to stand as shown (EXIF values 1–8; 1 as stored).
    public var orientation: Int
    /// The file's size in bytes.
    public var bytes: Int
    /// When the file was last changed, and its size, as read: a file replaced since is read again.
    public var stamp = ""

    public init(url: URL, path: String, format: ImageFormat, width: Int, height: Int, orientation: Int = 1,
                bytes: Int) {
        self.url = url; self.path = path; self.format = format
        self.width = width; self.height = height; self.orientation = orientation; self.bytes = bytes
    }

    /// The file, whichever path named it (the image's identity inside one PDF).
    public var id: String { url.standardizedFileURL.path }

    /// The key a writer keeps its pixels under: the file as it was read (`stamp`).
    public var key: String { id + "@" + stamp }

    /// The modification time and size of the file at `url` now, or "" when it cannot be read.
    public static func stamp(of url: URL) -> String {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return "" }
        let time = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(time):\((attributes[.size] as? NSNumber)?.intValue ?? 0)"
    }

    /// The file's bytes, read again (a writer reads them as it draws).
    public func contents() throws -> Data { try ImageFile.contents(of: url, path: path) }

    /// The bytes of the image file at `url`, named `path` in messages.
    public static func contents(of url: URL, path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ImageError(path: path, reason: "cannot be read (\(url.path))")
        }
        return data
    }

    /// The most pixels an image may have to be decoded: a photo of a quarter of a billion
    /// pixels is a mistake, not a photo (and a gigabyte of memory).
    public static let pixelLimit = 1 << 28

    /// Refuses to decode an image larger than `pixelLimit`.
    public static func checkSize(_ width: Int, _ height: Int, path: String, kind: String) throws {
        // Each side first: two sides of 2^32 (a PNG header can say so) would overflow the product.
        if width > pixelLimit || height > pixelLimit || width * height > pixelLimit {
            throw ImageError(path: path, reason: "the \(kind) is \(width)×\(height) pixels, too large to print")
        }
    }
}

extension ImageError {
    /// A file that ends part-way.
    public static func cutOff(_ path: String, _ kind: String) -> ImageError {
        ImageError(path: path, reason: "damaged \(kind): the file ends before the image does (cut off while copying?)")
    }

    /// A PNG whose image data its decoder refuses.
    public static func undecodablePNG(_ path: String) -> ImageError {
        ImageError(path: path, reason: "damaged PNG: its image data cannot be decoded")
    }
}
