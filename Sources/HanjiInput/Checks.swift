import CPixbuf
import Foundation
import HanjiLayout

/// Checking image files without decoding them: a PNG's chunks and size, a HEIC photo's size.
extension ImageFiles {
    /// A PNG's width and height from its header, after walking its chunks: each whole, the
    /// critical ones (header, palette, image data, end) with their checksums right, as libpng
    /// will want them when the image is decoded.
    static func pngSize(_ data: Data, path: String) throws -> (Int, Int) {
        let cutOff = ImageError.cutOff(path, "PNG")
        let broken = ImageError.undecodablePNG(path)
        return try data.withUnsafeBytes { bytes in
            func word(_ at: Int) -> Int {
                Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            }
            guard bytes.count >= 33, word(12) == 0x4948_4452, word(8) == 13 else {
                throw ImageError(path: path, reason: "damaged PNG: no image header")
            }
            var (at, images) = (8, 0)
            while true {
                guard at + 12 <= bytes.count, word(at) <= bytes.count - at - 12 else { throw cutOff }
                let (length, type) = (word(at), word(at + 4))
                let critical = bytes[at + 4] & 0x20 == 0
                let checked = UnsafeRawBufferPointer(rebasing: bytes[(at + 4)..<(at + 8 + length)])
                if critical && crc(checked) != word(at + 8 + length) { throw broken }
                if type == 0x4944_4154 { images += 1 }
                if type == 0x4945_4E44 { break }
                at += 12 + length
            }
            guard images > 0 else { throw broken }
            let (width, height) = (word(16), word(20))
            guard width > 0, height > 0 else { throw ImageError(path: path, reason: "empty image") }
            return (width, height)
        }
    }

    /// The CRC-32 that PNG chunks end with.
    static func crc(_ bytes: UnsafeRawBufferPointer) -> Int {
        crcTable.withUnsafeBufferPointer { table in
            var c: UInt32 = 0xFFFF_FFFF
            for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
            return Int(c ^ 0xFFFF_FFFF)
        }
    }

    static let crcTable: [UInt32] = (0..<256).map { n in
        (0..<8).reduce(UInt32(n)) { c, _ in c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    }
}

extension ImageFiles {
    /// A HEIC photo's size as shown (libheif turns it as the file says), read by its loader.
    static func heicSize(_ url: URL, path: String) throws -> (Int, Int) {
        var width: Int32 = 0, height: Int32 = 0
        guard gdk_pixbuf_get_file_info(url.path, &width, &height) != nil, width > 0, height > 0 else {
            throw ImageError(path: path, reason: "damaged HEIC photo: it cannot be read (save it again as JPEG)")
        }
        return (Int(width), Int(height))
    }
}
