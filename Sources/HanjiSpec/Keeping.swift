import HanjiLayout
import HanjiModel

/// What a group's `keep:` asks: nothing, stay with the next block (`true`), or stay on one page
/// (`together`).
enum Keeping {
    case none, next, together

    init(_ field: Field?) throws {
        guard let field else { self = .none; return }
        if try field.string().lowercased() == "together" { self = .together; return }
        guard let next = try? field.bool() else {
            throw field.error("unknown keep '\(try field.string())'",
                              hint: "write 'keep: together' to keep the group on one page, "
                                  + "or 'keep: true' to keep it on the page of the block after it")
        }
        self = next ? .next : .none
    }

    /// The group with its keep applied.
    func apply(_ group: any Block) -> any Block {
        switch self {
        case .none: return group
        case .next: return Keep(group)
        case .together: return Together(group)
        }
    }
}
