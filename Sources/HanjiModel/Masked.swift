/// A person the public edition masks: someone who attends no grid (a reporter, a member of the
/// audience), or other spellings of a name (Hanja, an old romanisation) that mean the same person.
public struct Masked: Sendable, Equatable {
    public var name: String
    /// Other spellings of the same person, masked as the name is.
    public var also: [String]

    public init(name: String, also: [String] = []) {
        self.name = name
        self.also = also
    }
}

extension Masked {
    /// Reads a record's `mask:` list: each entry a name, or `name:` with `also:` spellings.
    /// `known` are the names the record gives elsewhere (attendance, roles, presenters): a name
    /// there may get spellings here, but no spelling may be another person's name.
    static func list(_ field: Field, known: [String]) throws -> [Masked] {
        var spelled: [String: String] = [:]
        func spelling(_ field: Field, of person: String?) throws -> String {
            let text = try field.text()
            if text.count < 2 {
                throw field.error("'\(text)' is one character: masking it would blank it wherever it starts a word",
                                  hint: "write the whole name")
            }
            if text.contains("\n") { throw field.error("a name is one line", hint: "write each spelling on its own") }
            if spelled[text] != nil {
                throw field.error("'\(text)' is listed twice in 'mask'",
                                  hint: "list each person once; put other spellings under 'also'")
            }
            if let person, person != text, known.contains(text) {
                throw field.error("'\(text)' names another person in the record, not a spelling of '\(person)'",
                                  hint: "give '\(text)' an entry of its own, or correct the spelling")
            }
            spelled[text] = person ?? text
            return text
        }
        // Each entry is read on its own, so `hanji check` names every bad one.
        return try field.list().compactMap { entry in try Collector.attempt(nil) {
            if case .scalar = entry.node { return Masked(name: try spelling(entry, of: nil)) }
            let f = try entry.fields(["name", "also"])
            let name = try spelling(try f.required("name", hint: "add 'name: 홍길동'"), of: nil)
            guard let also = f["also"] else { return Masked(name: name) }
            let spellings = also.isNull() ? [] : (try? also.list()) ?? [also]
            return Masked(name: name, also: try spellings.compactMap { spelled in
                try Collector.attempt(nil) { try spelling(spelled, of: name) }
            })
        } }
    }
}
