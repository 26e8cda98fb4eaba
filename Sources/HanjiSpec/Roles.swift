import HanjiLayout
import HanjiModel

/// A block's `role:` in a spec: what it is in a tagged PDF, in place of its kind's default.
enum SpecRole: String, CaseIterable {
    case section, h1, h2, h3, h4, h5, h6, p, list, item, label, body, table, figure, caption, span, artifact

    /// The element, with `alt` for a figure; nil for an artifact (no element at all).
    func role(alt: String) -> Role? {
        switch self {
        case .section: return .section
        case .h1, .h2, .h3, .h4, .h5, .h6: return .heading(Int(rawValue.dropFirst()) ?? 1)
        case .p: return .paragraph
        case .list: return .list
        case .item: return .item
        case .label: return .label
        case .body: return .body
        case .table: return .table
        case .figure: return .figure(alt: alt)
        case .caption: return .caption
        case .span: return .span
        case .artifact: return nil
        }
    }

    /// An element that holds text rather than other elements: what is inside it is not tagged.
    var leaf: Bool { ![.section, .list, .item, .body, .table].contains(self) }
}

/// A block's `role:` and `alt:` as read.
struct TagSpec {
    var role: SpecRole?
    var alt: Template?
}

extension Spec {
    /// The kinds whose block may say what it shows in `alt:` (and any block with `role: figure`).
    static let altKinds = ["image", "chart", "text"]

    /// The block's `role:` and `alt:`, if it gives either; `alt:` only where there is a figure.
    func readTagging(_ kind: String, _ f: Fields) throws -> TagSpec? {
        let role = try f["role"]?.choice(SpecRole.self)
        guard let altField = f["alt"] else { return role.map { TagSpec(role: $0) } }
        let sealed = kind != "text" || f["seal"] != nil
        let figure = role == .figure || (role == nil && Spec.altKinds.contains(kind) && sealed)
        guard figure else {
            throw altField.error("'alt' describes a figure, and this block is none",
                                 hint: "give 'alt:' to an image, a chart, a text with a 'seal:', or a block "
                                     + "with 'role: figure'; or remove it")
        }
        return TagSpec(role: role, alt: try Template(altField))
    }

    /// The blocks bound from `node` as the element its `role:` makes them: an artifact is no
    /// element (nor anything in it); a leaf role (a paragraph, a heading, a figure) holds what
    /// its blocks print as its text; a container holds their own elements.
    func bind(_ node: SpecNode, _ tagging: TagSpec, _ scope: Scope) throws -> [any Block] {
        var inner = scope
        let alt = try tagging.alt.map { try shown($0, scope) }
        guard let choice = tagging.role else {
            inner.alt = alt
            return try bind(node, inner)
        }
        if case .table = node, choice == .table {
            return try bind(node, scope).map { block in
                guard var table = block as? Table else { return block }
                table.tagged = !scope.untagged
                return table
            }
        }
        inner.untagged = inner.untagged || choice.leaf
        let blocks = try bind(node, inner)
        guard !scope.untagged, let role = choice.role(alt: alt ?? "그림") else { return blocks }
        if choice.leaf || blocks.count < 2 { return blocks.map { Tagged(role, $0) } }
        let (first, last) = (blocks[0], blocks[blocks.count - 1])
        return [Tagged(role, Stack(blocks, spaceBefore: first.spaceBefore, spaceAfter: last.spaceAfter))]
    }

    /// The blocks of an each's items; an item that is one list (a repeated hang) right after an
    /// item that is one too goes on it (`continued`: the finishing pass joins them into one list).
    static func joiningLists(_ items: [[any Block]]) -> [any Block] {
        func list(_ blocks: [any Block]) -> Tagged? {
            guard blocks.count == 1, let list = blocks[0] as? Tagged, list.role == .list else { return nil }
            return list
        }
        return items.indices.flatMap { i -> [any Block] in
            guard i > 0, list(items[i - 1]) != nil, var next = list(items[i]) else { return items[i] }
            next.continued = true
            return [next]
        }
    }

    /// A list item's body of one paragraph holds its text itself (LBody, not LBody > P: a speaker
    /// turn of one paragraph is one element fewer, and the minutes have thousands).
    static func bodyText(_ blocks: [any Block]) -> [any Block] {
        guard blocks.count == 1, let paragraph = blocks[0] as? Tagged, paragraph.role == .paragraph,
              !paragraph.continued else { return blocks }
        return [paragraph.inner]
    }

    /// `block` as an element of `role` (the default of its kind), unless it stands where nothing
    /// is tagged.
    func element(_ role: Role, _ block: any Block, _ scope: Scope) -> any Block {
        scope.untagged ? block : Tagged(role, block)
    }
}
