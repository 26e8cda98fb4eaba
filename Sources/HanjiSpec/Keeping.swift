import HanjiLayout
import HanjiModel

/// What a block's `keep:` asks: nothing, stay with the next block (`true`), or stay on one page
/// (`together`).
enum Keeping {
    case none, next, together

    init(_ field: Field?) throws {
        guard let field else { self = .none; return }
        if try field.string().lowercased() == "together" { self = .together; return }
        guard let next = try? field.bool() else {
            throw field.error("unknown keep '\(try field.string())'",
                              hint: "write 'keep: together' to keep the block on one page, "
                                  + "or 'keep: true' to keep it on the page of the block after it")
        }
        self = next ? .next : .none
    }

    /// The blocks of one spec block as one, with its keep applied (nil for no blocks).
    func apply(_ blocks: [any Block]) -> (any Block)? {
        guard let first = blocks.first, let last = blocks.last else { return nil }
        let group = blocks.count == 1 ? first
            : Stack(blocks, spaceBefore: first.spaceBefore, spaceAfter: last.spaceAfter)
        switch self {
        case .none: return group
        case .next: return Keep(group)
        case .together: return Together(group)
        }
    }
}
