import CPangoCairo

/// The bytes Cairo writes of a PDF that is finished before it goes to its file (`PDFFinisher`),
/// grown as Cairo writes them (through `pdfBufferWrite`).
final class PDFBuffer {
    var bytes: [UInt8] = []

    /// The pointer Cairo hands back to `pdfBufferWrite`; valid while the buffer lives.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// Cairo's write callback for a `PDFBuffer`.
func pdfBufferWrite(_ closure: UnsafeMutableRawPointer?, _ data: UnsafePointer<UInt8>?,
                    _ length: UInt32) -> cairo_status_t {
    if let closure, let data {
        Unmanaged<PDFBuffer>.fromOpaque(closure).takeUnretainedValue().bytes
            .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    }
    return CAIRO_STATUS_SUCCESS
}
