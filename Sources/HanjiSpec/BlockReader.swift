import HanjiLayout
import HanjiModel

/// Reading a spec's blocks: each kind's fields in a function of its own.
extension Spec {
    static let blockKinds = ["text", "each", "hang", "table", "space", "outline", "blocks", "image", "grid", "break",
                             "numbering", "contents", "chart"]
    static let blockKeys = blockKinds
        + ["if", "unless", "style", "keep", "do", "marker-style", "width", "gap", "markers", "note", "step", "body",
           "before", "after", "section", "height", "shrink", "align", "columns", "seal", "seal-size", "seal-raise",
           "level", "levels", "else", "role", "alt"]
        + Spec.chartKeys

    /// The blocks of a list: the body's own (`within` nil), or those inside a group, a table cell,
    /// a hang or a grid (`within` names it), where `space: fill` has no page to fill.
    func readBlocks(_ field: Field, within: String? = nil) throws -> [SpecNode] {
        // Under `hanji check` a bad block is noted and left out, so every bad block is named.
        try field.list().compactMap { block in try Collector.attempt(nil) { try readBlock(block, within: within) } }
    }

    static func path(_ field: Field) throws -> [String] {
        let raw = try field.text()
        return raw == "." ? ["."] : raw.split(separator: ".").map(String.init)
    }

    /// One block: its kind's own fields, then `keep:`, `role:` and `alt:`, then `if:`/`unless:`/`else:`.
    func readBlock(_ field: Field, within: String?) throws -> SpecNode {
        let f = try field.fields(Spec.blockKeys)
        let kinds = f.keys.filter { Spec.blockKinds.contains($0) }
        guard kinds.count == 1, let kind = kinds.first, let head = f[kind] else {
            throw field.error(kinds.isEmpty ? "a block needs one of: \(Spec.blockKinds.joined(separator: ", "))"
                                            : "a block has one kind, found \(kinds.joined(separator: " and "))")
        }
        let keep = try Keeping(f["keep"])
        var node = try readKind(kind, head, f, keep: keep, within: within, at: field)
        switch (node, keep) {
        case (_, .none), (.text, .next): break
        default: node = .kept(node, keep)
        }
        if let tagging = try readTagging(kind, f) { node = .tagged(node, tagging) }
        return try conditional(node, f, within: within, at: field)
    }

    /// The block of `kind`, whose key (`text:`, `table:`…) is `head`.
    func readKind(_ kind: String, _ head: Field, _ f: Fields, keep: Keeping, within: String?,
                  at field: Field) throws -> SpecNode {
        switch kind {
        case "text": return try readText(head, f, keep: keep, at: field)
        case "each":
            let body = try readBlocks(try f.required("do", hint: "add 'do:' with the blocks to repeat"), within: within)
            return .each(path: try Spec.path(head), body: body, field: head)
        case "hang": return try readHang(head, f, at: field)
        case "table": return .table(try readTable(head))
        case "space": return try readSpace(head, within: within)
        case "image":
            return .image(try Template(head), height: try f["height"]?.length(Bounds.height) ?? 80 * mm,
                          align: try f["align"].map(Spec.alignment) ?? 0.5, source: field.path)
        case "grid": return try readGrid(head, f)
        case "break":
            guard try head.text() == "page" else { throw head.error("unknown break", hint: "write 'break: page'") }
            return .pageBreak
        case "numbering": return .numbering(try head.choice(PageNumbers.self))
        case "contents":
            return .contents(path: try Spec.path(head), style: try style(f["style"]),
                             step: try f["step"]?.length() ?? 6 * mm, levels: try f["levels"]?.int(in: 1...9) ?? 2,
                             field: head)
        case "chart": return .chart(try readChart(f, at: field))
        case "outline": return try readOutline(head, f)
        default:
            return .group(try readBlocks(head, within: "a group of blocks"), before: try f["before"]?.length() ?? 0,
                          after: try f["after"]?.length() ?? 0)
        }
    }

    /// Space of a height, or `space: fill`: the height the body's list leaves on the page (see
    /// `Fill`), which only the body's own list has.
    func readSpace(_ space: Field, within: String?) throws -> SpecNode {
        guard (try? space.text()) == "fill" else { return .space(try space.length()) }
        if let within {
            throw space.error("'space: fill' works only among the body's own blocks, not inside \(within)",
                              hint: "give it a height, such as 'space: 5mm', or move it to the body's list")
        }
        return .space(.infinity)
    }

    /// A text: a paragraph, a fixed box (`height:`) that shrinks it, or a line under a seal.
    func readText(_ text: Field, _ f: Fields, keep: Keeping, at field: Field) throws -> SpecNode {
        let template = try Template(text)
        let textStyle = try style(f["style"])
        if let height = f["height"] {
            // A fixed box: the text shrinks down to `shrink` of its size, never clipped.
            return .fitted(template, textStyle, height: try height.length(Bounds.height),
                           minScale: try f["shrink"]?.percent(Bounds.shrink) ?? 1,
                           source: "\(field.path) (\(try text.string()))")
        }
        if let seal = f["seal"] {
            return .sealed(template, textStyle, seal: try Template(seal),
                           size: try f["seal-size"]?.length(Bounds.height) ?? 20 * mm,
                           raise: try f["seal-raise"]?.em(Bounds.raise) ?? 0.38, source: field.path)
        }
        // `section: true` starts a chapter (level 1); `level: 2` makes it a section within one.
        let section = try f["section"]?.bool() ?? false
        return .text(template, textStyle, keep: keep == .next,
                     section: section ? try f["level"]?.int(in: 0...9) ?? 1 : nil, source: field.path)
    }

    /// A marker (`hang:`) with `body:` blocks hanging beside it.
    func readHang(_ marker: Field, _ f: Fields, at field: Field) throws -> SpecNode {
        let bodyStyle = try style(f["style"])
        guard let b = f["body"] else {
            throw field.error("a hang needs 'body:'", hint: "add 'body:' with the blocks beside the marker")
        }
        let body = try readBlocks(b, within: "a hang's body")
        let template = try Template(marker)
        let markerStyle = try f["marker-style"].map { try style($0) } ?? bodyStyle
        return .hang(marker: template, markerStyle: markerStyle,
                     body: body, width: try f["width"]?.length(Bounds.width), gap: try f["gap"]?.length() ?? 0,
                     source: field.path)
    }

    /// A list (`grid:`) laid out `columns` to a row, each item a cell of `do:` blocks.
    func readGrid(_ list: Field, _ f: Fields) throws -> SpecNode {
        var columns = 2
        if let c = f["columns"] {
            columns = try c.int()
            guard (1...12).contains(columns) else { throw c.error("a grid has 1 to 12 columns") }
        }
        return .grid(path: try Spec.path(list), columns: columns, gap: try f["gap"]?.length(Bounds.width) ?? 4 * mm,
                     before: try f["before"]?.length() ?? 0, after: try f["after"]?.length() ?? 0,
                     body: try readBlocks(try f.required("do", hint: "add 'do:' with the blocks of one cell"),
                                          within: "a grid's cell"),
                     field: list)
    }

    /// An outline of a list (`outline:`), its levels marked by `markers`, its `step` in em or a length.
    func readOutline(_ list: Field, _ f: Fields) throws -> SpecNode {
        let outlineStyle = try style(f["style"])
        var step = outlineStyle.size
        if let s = f["step"] {
            step = try s.text().hasSuffix("em") ? (try s.em(Bounds.step)) * outlineStyle.size : try s.length()
        }
        return .outline(path: try Spec.path(list),
                        markers: try f["markers"]?.list().map { try $0.string() } ?? ["○", "-", "·"],
                        note: try f["note"]?.string() ?? "※", style: outlineStyle, step: step, field: list)
    }

    /// The block under its `if:` and `unless:`, with its `else:` blocks for when they fail.
    func conditional(_ node: SpecNode, _ f: Fields, within: String?, at field: Field) throws -> SpecNode {
        let tests = try [("if", false), ("unless", true)].compactMap { key, negate in
            try f[key].map { try Condition($0, negate: negate) }
        }
        var otherwise: [SpecNode] = []
        if let other = f["else"] {
            guard tests.count == 1 else {
                let problem = tests.isEmpty ? "'else' without 'if' or 'unless'" : "'else' with both 'if' and 'unless'"
                throw other.error(problem,
                                  hint: "give the block one 'if:' (or 'unless:') for 'else:' to answer")
            }
            otherwise = try readBlocks(other, within: within)
        }
        return tests.reduce(node) { inner, test in .when(test, body: [inner], otherwise: otherwise) }
    }

    static let chartKeys = ["data", "label", "values", "series", "colors", "max", "unit", "bar", "axis-color"]

    /// A chart: `chart: bars | columns | stacked`, `data:` a list, `label:` and `values:` templates.
    func readChart(_ f: Fields, at field: Field) throws -> ChartSpec {
        let colors = try f["colors"]?.list().map { try $0.color(example: "#1f4e79") } ?? [ChartSpec.blue]
        let values = try f.required("values", hint: "add 'values: [\"{rate}\"]', one template per series")
            .list().map { try Template($0) }
        var maximum: Double?
        if let m = f["max"] {
            guard let v = Double(try m.text()) else {
                throw m.error("'max' is a number", hint: "write the value a full bar stands for, such as 100")
            }
            maximum = try m.bounded(v, (0.000_001...Bounds.chartValue, "a number above 0 and up to 10^15, such as 100"))
        }
        let data = try f.required("data", hint: "name the list to chart, such as 'data: stats.months'")
        return ChartSpec(kind: try f.required("chart").choice(Chart.Kind.self), data: try Spec.path(data),
                         label: try Template(try f.required("label")), values: values,
                         series: try f["series"]?.list().map { try $0.text() } ?? [],
                         colors: colors, maximum: maximum, unit: try f["unit"]?.string() ?? "",
                         height: try f["height"]?.length(Bounds.height) ?? 60 * mm, style: try style(f["style"]),
                         bar: try f["bar"]?.percent(Bounds.bar),
                         axis: try f["axis-color"]?.color(example: "#8c8c8c") ?? Chart.grey,
                         field: field)
    }

    /// Where a box narrower than its region stands: 0 left, 0.5 centre, 1 right.
    static func alignment(_ field: Field) throws -> Double {
        switch try field.text() {
        case "left": return 0
        case "center": return 0.5
        case "right": return 1
        case let other: throw field.error("unknown alignment '\(other)'", hint: "write left, center or right")
        }
    }
}
