/// A JPEG's EXIF orientation (tag 0x0112), read from its APP1 segment without decoding it.
public enum Exif {
    /// The orientation a JPEG's EXIF segment (APP1 "Exif") gives (1–8), 1 (upright) when it has
    /// none or the tag is unreadable.
    public static func orientation(jpeg bytes: UnsafeRawBufferPointer) -> Int {
        var i = 2
        while i + 4 <= bytes.count, bytes[i] == 0xFF {
            let marker = bytes[i + 1]
            if marker == 0xD9 || marker == 0xDA { break }
            let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            guard length >= 2, i + 2 + length <= bytes.count else { break }
            if marker == 0xE1, length >= 16,
               Array(bytes[(i + 4)..<(i + 10)]) == Array("Exif".utf8) + [0, 0] {
                let tiff = UnsafeRawBufferPointer(rebasing: bytes[(i + 10)..<(i + 2 + length)])
                if let value = tag(0x0112, in: tiff), (1...8).contains(value) { return value }
                return 1
            }
            i += 2 + length
        }
        return 1
    }

    /// A SHORT tag's value in a TIFF header's first directory.
    static func tag(_ wanted: Int, in tiff: UnsafeRawBufferPointer) -> Int? {
        guard tiff.count >= 8 else { return nil }
        let little = tiff[0] == 0x49
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= tiff.count else { return nil }
            return little ? Int(tiff[at]) | Int(tiff[at + 1]) << 8 : Int(tiff[at]) << 8 | Int(tiff[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        guard let ifd = u32(4), let count = u16(ifd) else { return nil }
        for n in 0..<count {
            let entry = ifd + 2 + 12 * n
            guard let id = u16(entry) else { return nil }
            if id == wanted { return u16(entry + 8) }
        }
        return nil
    }
}
