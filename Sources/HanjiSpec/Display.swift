import HanjiModel

/// Characters a layout prints as others (`display: {"․": "·"}`): applied to the texts the spec
/// binds, never to the record, its keys or the paths of its files.
public struct Display: Sendable {
    /// Each text to replace, as the exact scalars typed (U+F9E1 is not U+674E here), longest first.
    let pairs: [(from: [Unicode.Scalar], to: String)]

    public init() { pairs = [] }

    /// Reads the spec's `display:` map of texts to the texts printed in their place.
    init(_ field: Field) throws {
        let hint = "map each character to the one printed: display: {\"․\": \"·\"}"
        guard let entries = try? field.pairs() else {
            throw field.error("'display' is a map of texts to the texts printed in their place", hint: hint)
        }
        pairs = try entries.map { key, value, keyField in
            guard !key.isEmpty else { throw keyField.error("an empty text in 'display'", hint: hint) }
            return (Array(key.unicodeScalars), try value.string())
        }.sorted { $0.from.count > $1.from.count }
    }

    /// `text` with every mapped text replaced, matched scalar by scalar (no normalisation).
    public func apply(_ text: String) -> String {
        guard !pairs.isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if let pair = pairs.first(where: { scalars[i...].starts(with: $0.from) }) {
                out.append(contentsOf: pair.to.unicodeScalars)
                i += pair.from.count
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }
}
