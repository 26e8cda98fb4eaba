import HanjiLayout
import HanjiModel

/// One block of a spec, read and checked before any record is bound to it.
indirect enum SpecNode {
    case text(Template, Style, keep: Bool, section: Int?, source: String)
    case pageBreak
    case numbering(PageNumbers)
    case contents(path: [String], style: Style, step: Double, levels: Int, field: Field)
    case chart(ChartSpec)
    case sealed(Template, Style, seal: Template, size: Double, raise: Double, source: String)
    case fitted(Template, Style, height: Double, minScale: Double, source: String)
    case each(path: [String], body: [SpecNode], field: Field)
    /// Blocks printed when `condition` holds, `otherwise` (`else:`) when it does not.
    case when(Condition, body: [SpecNode], otherwise: [SpecNode])
    case hang(marker: Template, markerStyle: Style, body: [SpecNode], width: Double?, gap: Double, source: String)
    case table(TableSpec)
    /// Vertical space of this height; infinite for `space: fill` (what the page leaves).
    case space(Double)
    case outline(path: [String], markers: [String], note: String, style: Style, step: Double, field: Field)
    case group([SpecNode], before: Double, after: Double)
    /// A block with `keep: together`, or `keep: true` on a block other than a text.
    case kept(SpecNode, Keeping)
    case image(Template, height: Double, align: Double, source: String)
    case grid(path: [String], columns: Int, gap: Double, before: Double, after: Double, body: [SpecNode], field: Field)
}

struct ChartSpec {
    /// The one series' colour unless a spec gives `colors`.
    static let blue = Color(red: 0.12, green: 0.31, blue: 0.47)

    var kind: Chart.Kind
    var data: [String]
    var label: Template
    var values: [Template]
    var series: [String]
    var colors: [Color]
    var maximum: Double?
    var unit: String
    var height: Double
    var style: Style
    /// A bar's share of its row (nil: the kind's own) and the axis rule's colour.
    var bar: Double?
    var axis: Color
    var field: Field
}

struct TableSpec {
    var columns: [Width]
    var header: [RowSpec]
    var rows: [RowSpec]
    var rule: Double
    var frame: Double
    var before: Double
    var after: Double
    var align: Double
    var source: String
    /// Where the columns are given, for a table too wide for its page.
    var origin: Origin
}

struct RowSpec {
    var each: [String]?
    var field: Field
    var cells: [CellSpec]
    var breakable: Bool
    var keepWithPrevious: Bool
    var minHeight: Double
    /// The row's `height:` (else the row), for a row too tall for its page.
    var origin: Origin

    /// The row made of `cells`, with the spec's rules for it.
    func row(_ cells: [Cell], keepWithPrevious: Bool) -> Row {
        var row = Row(cells, breakable: breakable, keepWithPrevious: keepWithPrevious, minHeight: minHeight)
        row.origin = origin
        return row
    }
}

struct CellSpec {
    var content: [SpecNode]
    /// The text that identifies the cell for `merge` (its first text template).
    var key: Template?
    var span: Int
    var rows: Int
    var fill: Color?
    var middle: Bool
    var merge: Bool
    /// A diagonal through the cell: `true`, or a template that draws it when it prints something.
    var diagonal: Template?
    var continued: (Template, Style)?
    var padding: Insets
}

extension Spec {
    static let blockKinds = ["text", "each", "hang", "table", "space", "outline", "blocks", "image", "grid", "break", "numbering",
                             "contents", "chart"]
    static let blockKeys = blockKinds + ["if", "unless", "style", "keep", "do", "marker-style", "width", "gap",
                                         "markers", "note", "step", "body", "before", "after", "section", "height", "shrink",
                                         "align", "columns", "seal", "seal-size", "seal-raise", "level", "levels", "else"]
        + Spec.chartKeys

    func readBlocks(_ field: Field) throws -> [SpecNode] {
        // Under `hanji check` a bad block is noted and left out, so every bad block is named.
        try field.list().compactMap { block in try Collector.attempt(nil) { try readBlock(block) } }
    }

    static func path(_ field: Field) throws -> [String] {
        let raw = try field.text()
        return raw == "." ? ["."] : raw.split(separator: ".").map(String.init)
    }

    func readBlock(_ field: Field) throws -> SpecNode {
        let f = try field.fields(Spec.blockKeys)
        let kinds = f.keys.filter { Spec.blockKinds.contains($0) }
        guard kinds.count == 1, let kind = kinds.first else {
            throw field.error(kinds.isEmpty ? "a block needs one of: \(Spec.blockKinds.joined(separator: ", "))"
                                            : "a block has one kind, found \(kinds.joined(separator: " and "))")
        }
        let keep = try Keeping(f["keep"])
        var node: SpecNode
        switch kind {
        case "text":
            if let height = f["height"] {
                // A fixed box: the text shrinks down to `shrink` of its size, never clipped.
                let template = try Template(f["text"]!)
                node = .fitted(template, try style(f["style"]), height: try height.length(Bounds.height),
                               minScale: try f["shrink"]?.percent(Bounds.shrink) ?? 1,
                               source: "\(field.path) (\(try f["text"]!.string()))")
            } else if let seal = f["seal"] {
                node = .sealed(try Template(f["text"]!), try style(f["style"]), seal: try Template(seal),
                               size: try f["seal-size"]?.length(Bounds.height) ?? 20 * mm,
                               raise: try f["seal-raise"]?.em(Bounds.raise) ?? 0.38, source: field.path)
            } else {
                // `section: true` starts a chapter (level 1); `level: 2` makes it a section within one.
                let section = try f["section"]?.bool() ?? false
                node = .text(try Template(f["text"]!), try style(f["style"]), keep: keep == .next,
                             section: section ? try f["level"]?.int(in: 0...9) ?? 1 : nil, source: field.path)
            }
        case "each":
            node = .each(path: try Spec.path(f["each"]!), body: try readBlocks(try f.required("do", hint: "add 'do:' with the blocks to repeat")),
                         field: f["each"]!)
        case "hang":
            let bodyStyle = try style(f["style"])
            let body: [SpecNode]
            if let b = f["body"] { body = try readBlocks(b) } else {
                throw field.error("a hang needs 'body:'", hint: "add 'body:' with the blocks beside the marker")
            }
            node = .hang(marker: try Template(f["hang"]!), markerStyle: try f["marker-style"].map { try style($0) } ?? bodyStyle,
                         body: body, width: try f["width"]?.length(Bounds.width), gap: try f["gap"]?.length() ?? 0,
                         source: field.path)
        case "table":
            node = .table(try readTable(f["table"]!))
        case "space":
            // `space: fill` takes the height its list leaves on the page (see `Fill`).
            node = .space((try? f["space"]!.text()) == "fill" ? .infinity : try f["space"]!.length())
        case "image":
            node = .image(try Template(f["image"]!), height: try f["height"]?.length(Bounds.height) ?? 80 * mm,
                          align: try f["align"].map(Spec.alignment) ?? 0.5, source: field.path)
        case "grid":
            let columns = try f["columns"]?.int() ?? 2
            guard (1...12).contains(columns) else { throw f["columns"]!.error("a grid has 1 to 12 columns") }
            node = .grid(path: try Spec.path(f["grid"]!), columns: columns,
                         gap: try f["gap"]?.length(Bounds.width) ?? 4 * mm,
                         before: try f["before"]?.length() ?? 0, after: try f["after"]?.length() ?? 0,
                         body: try readBlocks(try f.required("do", hint: "add 'do:' with the blocks of one cell")), field: f["grid"]!)
        case "break":
            guard try f["break"]!.text() == "page" else { throw f["break"]!.error("unknown break", hint: "write 'break: page'") }
            node = .pageBreak
        case "numbering":
            node = .numbering(try f["numbering"]!.choice(PageNumbers.self))
        case "contents":
            node = .contents(path: try Spec.path(f["contents"]!), style: try style(f["style"]), step: try f["step"]?.length() ?? 6 * mm,
                             levels: try f["levels"]?.int(in: 1...9) ?? 2, field: f["contents"]!)
        case "chart":
            node = .chart(try readChart(f, at: field))
        case "outline":
            let outlineStyle = try style(f["style"])
            var step = outlineStyle.size
            if let s = f["step"] {
                let raw = try s.text()
                step = raw.hasSuffix("em") ? (try s.em()) * outlineStyle.size : try s.length()
            }
            node = .outline(path: try Spec.path(f["outline"]!), markers: try f["markers"]?.list().map { try $0.string() } ?? ["○", "-", "·"],
                            note: try f["note"]?.string() ?? "※", style: outlineStyle, step: step, field: f["outline"]!)
        default:
            node = .group(try readBlocks(f["blocks"]!), before: try f["before"]?.length() ?? 0, after: try f["after"]?.length() ?? 0)
        }
        switch (node, keep) {
        case (_, .none), (.text, .next): break
        default: node = .kept(node, keep)
        }
        return try conditional(node, f, at: field)
    }

    /// The block under its `if:` and `unless:`, with its `else:` blocks for when they fail.
    func conditional(_ node: SpecNode, _ f: Fields, at field: Field) throws -> SpecNode {
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
            otherwise = try readBlocks(other)
        }
        return tests.reduce(node) { inner, test in .when(test, body: [inner], otherwise: otherwise) }
    }

    static let chartKeys = ["data", "label", "values", "series", "colors", "max", "unit", "bar", "axis-color"]

    /// A chart: `chart: bars | columns | stacked`, `data:` a list, `label:` and `values:` templates.
    func readChart(_ f: Fields, at field: Field) throws -> ChartSpec {
        let colors = try f["colors"]?.list().map { try $0.color(example: "#1f4e79") } ?? [ChartSpec.blue]
        let values = try f.required("values", hint: "add 'values: [\"{rate}\"]', one template per series").list().map { try Template($0) }
        var maximum: Double?
        if let m = f["max"] {
            guard let v = Double(try m.text()) else {
                throw m.error("'max' is a number", hint: "write the value a full bar stands for, such as 100")
            }
            maximum = try m.bounded(v, (0.000_001...Bounds.chartValue, "a number above 0 and up to 10^15, such as 100"))
        }
        return ChartSpec(kind: try f["chart"]!.choice(Chart.Kind.self),
                         data: try Spec.path(try f.required("data", hint: "name the list to chart, such as 'data: stats.months'")),
                         label: try Template(try f.required("label")), values: values,
                         series: try f["series"]?.list().map { try $0.text() } ?? [],
                         colors: colors, maximum: maximum, unit: try f["unit"]?.string() ?? "",
                         height: try f["height"]?.length(Bounds.height) ?? 60 * mm, style: try style(f["style"]),
                         bar: try f["bar"]?.percent(Bounds.bar), axis: try f["axis-color"]?.color(example: "#8c8c8c")
                             ?? Chart.grey,
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

    func readTable(_ field: Field) throws -> TableSpec {
        let f = try field.fields(["columns", "header", "rows", "rule", "frame", "before", "after", "align"])
        let columnsField = try f.required("columns", hint: "add 'columns: [20mm, \"*\"]'")
        let columns = try columnsField.list().map { c -> Width in
            let raw = try c.text()
            if raw.hasSuffix("*") { return .share(try c.bounded(Double(raw.dropLast()) ?? 1, Bounds.share)) }
            return .fixed(try c.length(Bounds.width))
        }
        func rows(_ key: String) throws -> [RowSpec] {
            try f[key]?.list().map { try readRow($0, columns: columns.count) } ?? []
        }
        return TableSpec(columns: columns, header: try rows("header"), rows: try rows("rows"),
                         rule: try f["rule"]?.length(Bounds.width) ?? 0.5,
                         frame: try f["frame"]?.length(Bounds.width) ?? 0.5,
                         before: try f["before"]?.length() ?? 0, after: try f["after"]?.length() ?? 0,
                         align: try f["align"].map(Spec.alignment) ?? 0,
                         source: field.path, origin: columnsField.origin)
    }

    func readRow(_ field: Field, columns: Int) throws -> RowSpec {
        let f = try field.fields(["each", "cells", "unbreakable", "keep-with-previous", "height"])
        let cells = try f.required("cells").list().map(readCell)
        let spanned = cells.reduce(0) { $0 + $1.span }
        if spanned > columns {
            throw field.error("the cells span \(spanned) columns but the table has \(columns)", hint: "check the cells' 'span'")
        }
        return RowSpec(each: try f["each"].map(Spec.path), field: field, cells: cells,
                       breakable: !(try f["unbreakable"]?.bool() ?? false),
                       keepWithPrevious: try f["keep-with-previous"]?.bool() ?? false,
                       minHeight: try f["height"]?.length(Bounds.width) ?? 0, origin: (f["height"] ?? field).origin)
    }

    func readCell(_ field: Field) throws -> CellSpec {
        let f = try field.fields(["text", "style", "blocks", "span", "rows", "fill", "middle", "merge", "diagonal", "continued", "padding"])
        let cellStyle = try style(f["style"])
        var content: [SpecNode] = []
        var key: Template?
        if let t = f["text"] {
            key = try Template(t)
            content = [.text(key!, cellStyle, keep: false, section: nil, source: field.path)]
        }
        if let b = f["blocks"] { content += try readBlocks(b) }
        let fill = try f["fill"]?.color(example: "#eeeeee")
        var padding = Insets(top: 1.2 * mm, right: 2 * mm, bottom: 1.2 * mm, left: 2 * mm)
        if let p = f["padding"] {
            if case .scalar = p.node { padding = Insets(all: try p.length(Bounds.width)) } else {
                let v = try p.list().map { try $0.length(Bounds.width) }
                guard v.count == 2 else { throw p.error("padding is one length or [vertical, horizontal]") }
                padding = Insets(top: v[0], right: v[1], bottom: v[0], left: v[1])
            }
        }
        return CellSpec(content: content, key: key, span: try f["span"]?.int(in: 1...64) ?? 1,
                        rows: try f["rows"]?.int(in: 1...1000) ?? 1,
                        fill: fill, middle: try f["middle"]?.bool() ?? false, merge: try f["merge"]?.bool() ?? false,
                        diagonal: try f["diagonal"].map { try Template($0) },
                        continued: try f["continued"].map { (try Template($0), cellStyle) }, padding: padding)
    }
}
