import HanjiModel

/// The shapes a spec's names are looked up in before any record is bound, innermost last: as
/// `Scope` looks names up in values, so a misspelt field is found in every `each`, `if` and
/// template, also where one record has nothing to print.
struct ShapeScope {
    var frames: [Shape]
    /// Gathers every name the templates use, when set (see `Spec.names`).
    var seen: Names?

    func entering(_ shape: Shape) -> ShapeScope { ShapeScope(frames: frames + [shape], seen: seen) }

    /// A name no record can have, with the names that could stand there.
    struct Miss: Error {
        var candidates: [String]
        var leaf: String?
        /// How many of the path's names the candidates stand for (the rest follow a suggestion).
        var depth = 1
    }

    /// The shape a dotted path names, or what could have been meant.
    func resolve(_ path: [String]) -> Result<Shape, Miss> {
        guard let first = path.first else { return .success(.any) }
        if first == "." { return .success(frames.last ?? .any) }
        if first == "#" || first == "#first" { return .success(.leaf) }
        for frame in frames.reversed() {
            switch frame {
            case .any: return .success(.any)
            case .keyed(let each): return ShapeScope.walk(each, path.dropFirst(), from: [first])
            case .map(let fields):
                if let shape = fields[first] { return ShapeScope.walk(shape, path.dropFirst(), from: [first]) }
            case .leaf, .list: continue
            }
        }
        let names = Set(frames.flatMap(\.names)).sorted()
        return .failure(Miss(candidates: names))
    }

    static func walk(_ start: Shape, _ rest: ArraySlice<String>, from done: [String]) -> Result<Shape, Miss> {
        var shape = start, done = done
        for key in rest {
            let prefix = done.joined(separator: ".")
            switch shape {
            case .any: return .success(.any)
            case .keyed(let each): shape = each
            case .map(let fields):
                guard let next = fields[key] else {
                    return .failure(Miss(candidates: shape.names.map { "\(prefix).\($0)" }, depth: done.count + 1))
                }
                shape = next
            case .leaf, .list: return .failure(Miss(candidates: [], leaf: prefix))
            }
            done.append(key)
        }
        return .success(shape)
    }

    /// The error for a path that resolves to nothing, or nil.
    func problem(_ path: [String], at location: Location?, path keyPath: String,
                 in source: String? = nil) -> InputError? {
        guard case .failure(let miss) = resolve(path) else { return nil }
        let name = path.joined(separator: ".")
        let wrong = path.prefix(miss.depth).joined(separator: "."), rest = path.dropFirst(miss.depth)
        // Swapped letters first: `titel` means `title` more likely than `time`.
        let swapped = miss.candidates.filter { $0.sorted() == wrong.sorted() }
        let hint = (nearest(wrong, in: swapped) ?? nearest(wrong, in: miss.candidates))
            .map { "did you mean '\(([$0] + rest).joined(separator: "."))'?" }
            ?? miss.leaf.map { "'\($0)' has no fields below it" }
            ?? "fields here: \(miss.candidates.joined(separator: ", "))"
        return InputError("unknown field '\(name)'" + (source.map { " in {\($0)}" } ?? ""), at: location, path: keyPath,
                          hint: hint)
    }

    /// Reports each hole of `template` that names a field no record can have.
    func check(_ template: Template) throws {
        seen?.templates.append(template)
        for (path, source) in template.holes {
            seen?.paths.append(path)
            if let error = problem(path, at: template.field, path: template.path, in: source) {
                try Collector.report(error)
            }
        }
    }

    /// Reports a block's path (`each:`, `if:`) that names nothing; the shape it names otherwise.
    @discardableResult
    func check(_ path: [String], at field: Field) throws -> Shape {
        if let error = problem(path, at: field.location, path: field.path) { try Collector.report(error) }
        return (try? resolve(path).get()) ?? .any
    }

    /// The scope inside `each` over `path`: its items, or the value itself when it is no list.
    func items(_ path: [String], at field: Field) throws -> ShapeScope {
        let shape = try check(path, at: field)
        if case .list(let item) = shape { return entering(item) }
        return entering(shape)
    }
}

extension Spec {
    /// Reports every name of the spec's templates and blocks that no record of its document
    /// can have (`{next.titel}`), at the spec's line.
    func checkFields(_ document: Shape, seen: Names? = nil) throws {
        let root = ShapeScope(frames: [document], seen: seen)
        try check(body, root)
        let running = root.entering(.running)
        for template in [footer?.0, header?.0, publicHeader].compactMap({ $0 }) { try running.check(template) }
        for key in metadata.keys.sorted() { try root.check(metadata[key]!) }
    }

    func check(_ nodes: [SpecNode], _ scope: ShapeScope) throws {
        for node in nodes { try check(node, scope) }
    }

    func check(_ node: SpecNode, _ scope: ShapeScope) throws {
        switch node {
        case .text(let template, _, _, _, _), .fitted(let template, _, _, _, _), .image(let template, _, _, _):
            try scope.check(template)
        case .sealed(let template, _, let seal, _, _, _):
            try scope.check(template)
            try scope.check(seal)
        case .pageBreak, .numbering, .space:
            break
        case .contents(let path, _, _, _, let field), .outline(let path, _, _, _, _, let field):
            try scope.check(path, at: field)
        case .chart(let chart):
            let inner = try scope.items(chart.data, at: chart.field)
            for template in [chart.label] + chart.values { try inner.check(template) }
        case .each(let path, let body, let field), .grid(let path, _, _, _, _, let body, let field):
            try check(body, try scope.items(path, at: field))
        case .when(let condition, let body, let otherwise):
            try scope.check(condition.path, at: condition.field)
            try check(body + otherwise, scope)
        case .hang(let marker, _, let body, _, _, _):
            try scope.check(marker)
            try check(body, scope)
        case .group(let nodes, _, _):
            try check(nodes, scope)
        case .kept(let node, _):
            try check(node, scope)
        case .tagged(let node, let tagging):
            try check(node, scope)
            if let alt = tagging.alt { try scope.check(alt) }
        case .table(let table):
            for row in table.header + table.rows {
                let inner = try row.each.map { try scope.items($0, at: row.field) } ?? scope
                for cell in row.cells {
                    try check(cell.content, inner)
                    for template in [cell.diagonal, cell.continued?.0].compactMap({ $0 }) { try inner.check(template) }
                }
            }
        }
    }
}
