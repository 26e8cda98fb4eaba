import CQPDF
import Foundation

/// A PDF held in libqpdf (its C API), with the few calls the finishing pass makes. Object
/// handles are small numbers valid until `release()`; errors are kept by qpdf and thrown by
/// `check(_:)`, named by the step that made them.
final class QPDFFile {
    typealias Handle = qpdf_oh
    let q: qpdf_data

    /// Reads a PDF from memory; `bytes` must stay alive while this file is used.
    init(_ bytes: UnsafeRawBufferPointer) throws {
        q = qpdf_init()
        qpdf_silence_errors(q)
        qpdf_set_suppress_warnings(q, QPDF_TRUE)
        let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
        _ = qpdf_read_memory(q, "Cairo's PDF", base, UInt64(bytes.count), nil)
        try check("reading Cairo's PDF")
    }

    deinit {
        var data: qpdf_data? = q
        qpdf_cleanup(&data)
    }

    /// Throws qpdf's first error as a render error naming `step`.
    func check(_ step: String) throws {
        guard qpdf_has_error(q) != 0 else { return }
        let text = String(cString: qpdf_get_error_full_text(q, qpdf_get_error(q)))
        throw RenderError.finishing(step, text)
    }

    /// Lets go of every handle (they pile up otherwise); the objects stay.
    func release() { qpdf_oh_release_all(q) }

    var root: Handle { qpdf_get_root(q) }
    var trailer: Handle { qpdf_get_trailer(q) }
    var pageCount: Int { Int(qpdf_get_num_pages(q)) }
    func page(_ index: Int) -> Handle { qpdf_get_page_n(q, Int(index)) }
    func object(_ id: Int32) -> Handle { qpdf_get_object_by_id(q, id, 0) }

    // Reading.
    /// A dictionary's (or a stream's) value for `key`; null for anything else, without a warning.
    func key(_ oh: Handle, _ key: String) -> Handle {
        isDictionary(oh) || qpdf_oh_is_stream(q, oh) != 0 ? qpdf_oh_get_key(q, oh, key) : null
    }
    func has(_ oh: Handle, _ key: String) -> Bool { qpdf_oh_has_key(q, oh, key) != 0 }
    func isArray(_ oh: Handle) -> Bool { qpdf_oh_is_array(q, oh) != 0 }
    func isDictionary(_ oh: Handle) -> Bool { qpdf_oh_is_dictionary(q, oh) != 0 }
    func isInteger(_ oh: Handle) -> Bool { qpdf_oh_is_integer(q, oh) != 0 }
    func isNull(_ oh: Handle) -> Bool { qpdf_oh_is_null(q, oh) != 0 }
    func int(_ oh: Handle) -> Int { Int(qpdf_oh_get_int_value(q, oh)) }
    func id(_ oh: Handle) -> Int32 { qpdf_oh_get_object_id(q, oh) }
    func count(_ oh: Handle) -> Int { Int(qpdf_oh_get_array_n_items(q, oh)) }
    func item(_ oh: Handle, _ index: Int) -> Handle { qpdf_oh_get_array_item(q, oh, Int32(index)) }
    func items(_ oh: Handle) -> [Handle] { (0..<count(oh)).map { item(oh, $0) } }
    /// A name's text with its slash ("/P"), or nil for anything else.
    func name(_ oh: Handle) -> String? {
        qpdf_oh_is_name(q, oh) != 0 ? String(cString: qpdf_oh_get_name(q, oh)) : nil
    }
    /// A string's text (or a name's, without its slash), or nil for anything else.
    func string(_ oh: Handle) -> String? {
        if qpdf_oh_is_string(q, oh) != 0 { return String(cString: qpdf_oh_get_utf8_value(q, oh)) }
        return name(oh).map { String($0.dropFirst()) }
    }
    /// The items of an array, or the one object that stands for a one-item array (a /K).
    func elements(_ oh: Handle) -> [Handle] { isArray(oh) ? items(oh) : isNull(oh) ? [] : [oh] }

    // Making.
    func set(_ oh: Handle, _ key: String, _ value: Handle) { qpdf_oh_replace_key(q, oh, key, value) }
    func integer(_ value: Int) -> Handle { qpdf_oh_new_integer(q, Int64(value)) }
    func text(_ value: String) -> Handle { qpdf_oh_new_unicode_string(q, value) }
    func newName(_ value: String) -> Handle { qpdf_oh_new_name(q, value) }
    var null: Handle { qpdf_oh_new_null(q) }
    func parse(_ source: String) -> Handle { qpdf_oh_parse(q, source) }
    func array(_ items: [Handle]) -> Handle {
        let array = qpdf_oh_new_array(q)
        for item in items { qpdf_oh_append_item(q, array, item) }
        return array
    }
    func setItem(_ array: Handle, _ index: Int, _ value: Handle) {
        qpdf_oh_set_array_item(q, array, Int32(index), value)
    }
    func erase(_ array: Handle, _ index: Int) { qpdf_oh_erase_item(q, array, Int32(index)) }
    func append(_ array: Handle, _ item: Handle) { qpdf_oh_append_item(q, array, item) }

    /// A new (indirect) stream holding `data` unfiltered, its dictionary given the `keys`.
    func stream(_ data: [UInt8], keys: String) -> Handle {
        let stream = qpdf_oh_new_stream(q)
        data.withUnsafeBufferPointer {
            qpdf_oh_replace_stream_data(q, stream, $0.baseAddress, $0.count, null, null)
        }
        let dictionary = qpdf_oh_get_dict(q, stream), extra = parse(keys)
        qpdf_oh_begin_dict_key_iter(q, extra)
        while qpdf_oh_dict_more_keys(q) != 0 {
            let key = String(cString: qpdf_oh_dict_next_key(q))
            set(dictionary, key, self.key(extra, key))
        }
        return stream
    }

    /// `data` compressed with zlib (Flate, as qpdf would write it anyway), so a long document's
    /// rewritten pages are held compressed until written; thread-safe (no qpdf call).
    static func deflate(_ data: [UInt8]) throws -> [UInt8] {
        var size = compressBound(uLong(data.count))
        var packed = [UInt8](repeating: 0, count: Int(size))
        let status = packed.withUnsafeMutableBufferPointer { out in
            data.withUnsafeBufferPointer { compress2(out.baseAddress, &size, $0.baseAddress, uLong(data.count), 6) }
        }
        guard status == Z_OK else { throw RenderError.finishing("compressing page content", "zlib status \(status)") }
        return Array(packed.prefix(Int(size)))
    }

    /// A new stream holding Flate-compressed bytes.
    func flateStream(_ packed: [UInt8]) -> Handle {
        let stream = qpdf_oh_new_stream(q)
        packed.withUnsafeBufferPointer {
            qpdf_oh_replace_stream_data(q, stream, $0.baseAddress, $0.count, newName("/FlateDecode"), null)
        }
        return stream
    }

    /// A page's content, all its streams decoded and joined.
    func content(_ page: Handle) throws -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>?
        var length = 0
        _ = qpdf_oh_get_page_content_data(q, page, &buffer, &length)
        defer { free(buffer) }
        try check("reading the content of page \(qpdf_find_page_by_oh(q, page) + 1)")
        guard let buffer else { return [] }
        return Array(UnsafeBufferPointer(start: buffer, count: length))
    }

    /// The finished file: a deterministic /ID from the content, objects in object streams.
    func write() throws -> [UInt8] {
        _ = qpdf_init_write_memory(q)
        try check("starting to write")
        qpdf_set_deterministic_ID(q, QPDF_TRUE)
        qpdf_set_object_stream_mode(q, qpdf_o_generate)
        _ = qpdf_write(q)
        try check("writing")
        guard let buffer = qpdf_get_buffer(q) else { throw RenderError.finishing("writing", "qpdf wrote nothing") }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(qpdf_get_buffer_length(q))))
    }
}

extension RenderError {
    /// A step of the finishing pass that failed (`PDFFinisher`), with the reason and the way round it.
    static func finishing(_ step: String, _ reason: String) -> RenderError {
        .cairo(call: "finishing the PDF (\(step))",
               status: reason + "; --pdf-standard none writes it without this pass")
    }
}
