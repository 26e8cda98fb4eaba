// JSON answers, written by hand in a fixed key order: the few shapes the API sends need no
// encoder, and a fixed order keeps answers (and tests reading them) the same every time.
import Foundation
import HanjiModel
import HTTPTypes
import Hummingbird
import NIOCore

/// A JSON value the server sends.
indirect enum JSON: Sendable, ExpressibleByStringLiteral {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([String: JSON])
    /// JSON text already written (a record tree from `Canonical.json`).
    case raw(String)

    init(stringLiteral value: String) { self = .string(value) }

    /// The value as JSON text; object members sorted by key.
    var text: String {
        switch self {
        case .string(let s): return Canonical.quoted(s)
        case .number(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.sorted { $0.key < $1.key }.map { Canonical.quoted($0.key) + ":" + $0.value.text }
                .joined(separator: ",") + "}"
        case .raw(let text): return text
        }
    }

    /// An answer carrying this value.
    func response(status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
