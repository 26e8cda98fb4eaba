import CPixbuf
import Foundation
import HanjiLayout

/// What a file that is not a JPEG or PNG is, told by its first bytes, and what to do about it:
/// an iPhone's HEIC photo, a Word or HWP document renamed .jpg, a PDF, an image format Hanji
/// does not print.
enum Formats {
    /// The brand of an ISO media file (HEIC, AVIF), empty for other files.
    static func brand(_ data: Data) -> String {
        let head = [UInt8](data.prefix(12))
        guard head.count == 12, Array(head[4..<8]) == Array("ftyp".utf8) else { return "" }
        return String(decoding: head[8..<12], as: UTF8.self)
    }

    /// Whether these bytes are a HEIC photo.
    static func isHEIC(_ data: Data) -> Bool {
        ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].contains(brand(data))
    }

    /// Whether gdk-pixbuf has a loader for HEIC (Debian's heif-gdk-pixbuf, which `make deps` installs).
    static let readsHEIC: Bool = {
        let list = gdk_pixbuf_get_formats()
        defer { g_slist_free(list) }
        var node = list
        while let n = node {
            if let name = gdk_pixbuf_format_get_name(OpaquePointer(n.pointee.data)) {
                defer { g_free(name) }
                if String(cString: name).hasPrefix("heif") { return true }
            }
            node = n.pointee.next
        }
        return false
    }()

    /// The reason a photo with these first bytes cannot be printed.
    static func refusal(_ data: Data) -> String {
        let head = [UInt8](data.prefix(16))
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<(offset + magic.count)]) == magic
        }
        func ascii(_ s: String) -> [UInt8] { Array(s.utf8) }
        let brand = brand(data)
        let image = "; Hanji prints JPEG and PNG photos"
        switch true {
        case isHEIC(data):
            return "this is a HEIC photo (an iPhone's own format), which this machine cannot read: save it as JPEG "
                + "(on the iPhone, Settings › Camera › Formats › Most Compatible; or export or share it as JPEG), "
                + "or install Debian's heif-gdk-pixbuf (make deps)"
        case brand.hasPrefix("avi"):
            return "this is an AVIF image" + image + ": save it as JPEG"
        case starts([0x50, 0x4B, 0x03, 0x04]), starts([0x50, 0x4B, 0x05, 0x06]):
            return "this is a ZIP file, not a photo: a Word (.docx), Excel (.xlsx), PowerPoint or HWPX document "
                + "is one; save the picture itself from it as JPEG or PNG"
        case starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]):
            return "this is an HWP or older Word/Excel document (.hwp, .doc, .xls), not a photo; "
                + "save the picture itself from it as JPEG or PNG"
        case starts(ascii("%PDF")):
            return "this is a PDF document, not a photo; export the page or picture as PNG or JPEG"
        case starts(ascii("GIF87a")), starts(ascii("GIF89a")):
            return "this is a GIF image" + image + ": save it as PNG"
        case starts(ascii("RIFF")) && starts(ascii("WEBP"), at: 8):
            return "this is a WebP image" + image + ": save it as JPEG or PNG"
        case starts(ascii("BM")):
            return "this is a BMP image" + image + ": save it as PNG"
        case starts([0x49, 0x49, 0x2A, 0x00]), starts([0x4D, 0x4D, 0x00, 0x2A]):
            return "this is a TIFF image" + image + ": save it as JPEG or PNG"
        default:
            return "not a JPEG or PNG file; save the picture as JPEG or PNG"
        }
    }
}
