import HanjiLayout
import HanjiModel

extension Spec {
    /// Binds a record's values into the document's block tree. `images` hears each image path
    /// as it is bound (to start reading the file before the layout reaches it).
    public func bind(_ root: Value, images: ((String) -> Void)? = nil) throws -> any Block {
        var scope = Scope(root)
        scope.images = images
        return Stack(try bind(body, scope))
    }

    func bind(_ nodes: [SpecNode], _ scope: Scope) throws -> [any Block] {
        try nodes.flatMap { try bind($0, scope) }
    }

    /// A template's text as printed: filled from `scope`, then mapped by the spec's `display`.
    func shown(_ template: Template, _ scope: Scope) throws -> String {
        display.apply(try template.render(scope))
    }

    func list(_ path: [String], _ scope: Scope, at field: Field) throws -> [Value] {
        guard let value = scope.lookup(path) else {
            throw field.error("unknown field '\(path.joined(separator: "."))'",
                              hint: nearest(path[0], in: scope.knownNames).map { "did you mean '\($0)'?" }
                                  ?? "fields here: \(scope.knownNames.joined(separator: ", "))")
        }
        switch value {
        case .list(let items): return items
        case .null: return []
        default: return [value]
        }
    }

    func bind(_ node: SpecNode, _ scope: Scope) throws -> [any Block] {
        switch node {
        case .text(let template, let style, let keep, let section, let source):
            let text = try shown(template, scope)
            // A paragraph, or a section's heading (H1 for a level-0 section, kept out of the contents).
            let role = section.map { Role.heading(max($0, 1)) } ?? .paragraph
            let paragraphs = template.hasRuns
                ? try markedLines(template, scope).map {
                    Paragraph($0.text, style: style, source: source, spans: $0.spans)
                }
                : text.lines(keepEmpty: true).map { Paragraph($0, style: style, source: source) }
            var blocks = paragraphs.map { $0.text.allSatisfy(\.isWhitespace) ? $0 : element(role, $0, scope) }
            if keep { blocks = [Keep(Stack(blocks, spaceBefore: style.spaceBefore, spaceAfter: style.spaceAfter))] }
            if let level = section, let first = blocks.first { blocks[0] = Section(title: text, level: level, first) }
            return blocks
        case .pageBreak:
            return [PageBreak()]
        case .numbering(let numbering):
            return [Renumber(numbering)]
        case .contents(let path, let style, let step, let levels, let field):
            return try list(path, scope, at: field).compactMap { entry in
                let level = Int(entry["level"]?.plain ?? "1") ?? 1
                guard (1...max(levels, 1)).contains(level) else { return nil }
                return element(.paragraph,
                               Leader(title: display.apply(entry["title"]?.plain ?? ""),
                                      page: entry["page"]?.plain ?? "", style: style,
                                      indent: Double(level - 1) * step, target: Int(entry["target"]?.plain ?? "")),
                               scope)
            }
        case .chart(let chart):
            let drawn = try bindChart(chart, scope)
            // Its `alt:` is a title, the data follow it.
            return [element(.figure(alt: drawn.sentence(scope.alt)), drawn, scope)]
        case .sealed(let template, let style, let seal, let size, let raise, let source):
            let text = Paragraph(try shown(template, scope), style: style, source: source)
            let path = try seal.render(scope)
            if !path.isEmpty { scope.images?(path) }
            let picture = Picture(path: path, maxHeight: size, source: source)
            guard !path.isEmpty else { return [element(.paragraph, text, scope)] }
            var sealed = Sealed(text, seal: picture, size: size, raise: raise)
            sealed.alt = scope.untagged ? nil : scope.alt ?? "직인: \(text.text)"
            return [sealed]
        case .fitted(let template, let style, let height, let minScale, let source):
            return [element(.paragraph, Fitted(try shown(template, scope), style: style, height: height,
                                               minScale: minScale, source: source), scope)]
        case .each(let path, let body, let field):
            return Spec.joiningLists(try list(path, scope, at: field).enumerated().map { i, item in
                try bind(body, scope.entering(item, index: i))
            })
        case .when(let condition, let body, let otherwise):
            return try bind(condition.holds(scope) ? body : otherwise, scope)
        case .hang(let marker, let markerStyle, let body, let width, let gap, let source):
            let mark = Paragraph(try shown(marker, scope), style: markerStyle, source: source)
            var hang = Hang(marker: mark, body: Stack(Spec.bodyText(try bind(body, scope))), width: width, gap: gap)
            // A list item: its marker the label, its blocks the body (a speaker turn, an agenda item).
            hang.tagged = !scope.untagged
            return [element(.list, element(.item, hang, scope), scope)]
        case .table(let spec):
            return [try bindTable(spec, scope)]
        case .space(let height):
            return [height.isInfinite ? Fill() : Empty(height: height)]
        case .outline(let path, let markers, let note, let style, let step, let field):
            return outline(try list(path, scope, at: field), level: 0, markers: markers, note: note, style: style,
                           step: step, scope)
        case .group(let nodes, let before, let after):
            return [Stack(try bind(nodes, scope), spaceBefore: before, spaceAfter: after)]
        case .kept(let node, let keep):
            return keep.apply(try bind(node, scope)).map { [$0] } ?? []
        case .image(let template, let height, let align, let source):
            let path = try template.render(scope)
            if !path.isEmpty { scope.images?(path) }
            let picture = Picture(path: path, maxHeight: height, align: align, source: source)
            // What a photo shows: the spec's `alt:`, else the item's caption, else 사진.
            let caption = scope.lookup(["caption"])?.plain ?? ""
            let alt = scope.alt ?? (caption.isEmpty ? "사진" : display.apply(caption))
            return path.isEmpty ? [] : [element(.figure(alt: alt), picture, scope)]
        case .tagged(let node, let tagging):
            return try bind(node, tagging, scope)
        case .grid(let path, let columns, let gap, let before, let after, let body, let field):
            var table = try grid(list(path, scope, at: field), scope, columns: columns, gap: gap, body: body)
            table?.before = before
            table?.after = after
            return table.map { [$0] } ?? []
        }
    }

    /// An outline: a text is an item, `text` + `items` nests, `note` is a ※ remark. Each level
    /// stands `step` right of its parent's marker; wrapped lines hang under the item's text.
    func outline(_ items: [Value], level: Int, markers: [String], note: String, style: Style,
                 step: Double, _ scope: Scope) -> [any Block] {
        let pattern = markers.isEmpty ? "" : markers[min(level, markers.count - 1)]
        let numbered = items.filter { $0["note"] == nil }
        var markStyle = style
        markStyle.align = .left
        var n = 0
        return items.flatMap { item -> [any Block] in
            var marker: String
            var text = item.plain
            var children: [Value] = []
            if let remark = item["note"] {
                marker = note
                text = remark.plain
            } else {
                n += 1
                // A single item of a numbered level gets no number (공문서 rule).
                marker = Numbering.counts(pattern) && numbered.count == 1 ? "" : Numbering.marker(pattern, n)
                if case .map = item {
                    text = item["text"]?.plain ?? ""
                    if case .list(let sub)? = item["items"] { children = sub }
                }
            }
            let body = Paragraph(display.apply(text), style: style, source: "outline")
            let mark = Paragraph(display.apply(marker + " "), style: markStyle, source: "outline")
            let line: any Block = marker.isEmpty ? body : Hang(marker: mark, body: body)
            // One paragraph, its marker and text together.
            return [element(.paragraph, Inset(left: Double(level) * step, line), scope)]
                + outline(children, level: level + 1, markers: markers, note: note, style: style, step: step, scope)
        }
    }

    func bindChart(_ chart: ChartSpec, _ scope: Scope) throws -> Chart {
        let rows = try list(chart.data, scope, at: chart.field).enumerated().map { i, item -> Chart.Row in
            let inner = scope.entering(item, index: i)
            let values = try chart.values.map { template -> Double in
                let text = try template.render(inner)
                let number = Double(text.replacingOccurrences(of: ",", with: ""))
                guard let v = number, v.isFinite, abs(v) <= Bounds.chartValue else {
                    let label = try chart.label.render(inner)
                    throw chart.field.error("chart value '\(text)' of '\(label)' is not a number a chart can draw",
                                            hint: "each of 'values' must print a finite number of at most 10^15")
                }
                return v
            }
            return Chart.Row(label: try shown(chart.label, inner), values: values)
        }
        var drawn = Chart(kind: chart.kind, rows: rows, series: chart.series, colors: chart.colors,
                          maximum: chart.maximum, unit: chart.unit, height: chart.height, style: chart.style,
                          source: chart.field.path)
        drawn.bar = chart.bar
        drawn.axis = chart.axis
        return drawn
    }

    /// A list laid out `columns` to a row, each item a cell of `body`; a row moves whole.
    func grid(_ items: [Value], _ scope: Scope, columns: Int, gap: Double, body: [SpecNode]) throws -> Table? {
        guard !items.isEmpty else { return nil }
        let padding = Insets(top: 0, right: gap / 2, bottom: gap, left: gap / 2)
        var rows: [Row] = []
        for start in stride(from: 0, to: items.count, by: columns) {
            let bound = try Picture.lined((start..<min(start + columns, items.count)).map {
                try bind(body, scope.entering(items[$0], index: $0))
            })
            let cells = (0..<columns).map { k in
                Cell(k < bound.count ? Stack(bound[k]) : Empty(height: 0), padding: padding)
            }
            rows.append(Row(cells, breakable: false))
        }
        return Table(columns: Array(repeating: .share(1), count: columns), rows: rows, rule: 0, frame: 0,
                     source: "grid")
    }

    func bindTable(_ spec: TableSpec, _ scope: Scope) throws -> Table {
        func cells(_ row: RowSpec, _ scope: Scope) throws -> [Cell] {
            try row.cells.map { c in
                var cell = Cell(Stack(try bind(c.content, scope)), span: c.span, rows: c.rows, fill: c.fill,
                                padding: c.padding, middle: c.middle,
                                continuation: try c.continued.map {
                                    Paragraph(try shown($0.0, scope), style: $0.1, source: spec.source)
                                })
                let diagonal = try c.diagonal?.render(scope) ?? ""
                cell.diagonal = !diagonal.isEmpty && diagonal != "false"
                cell.scope = c.scope
                return cell
            }
        }
        func rows(_ specs: [RowSpec]) throws -> [Row] {
            var out: [Row] = []
            for row in specs {
                guard let each = row.each else {
                    out.append(row.row(try cells(row, scope), keepWithPrevious: row.keepWithPrevious))
                    continue
                }
                // Rows from a list; a `merge` cell spans the rows that share its text.
                var open: [Int: (row: Int, cell: Int, key: String)] = [:]
                for (i, item) in try list(each, scope, at: row.field).enumerated() {
                    let inner = scope.entering(item, index: i)
                    var built = try cells(row, inner)
                    var drop: [Int] = []
                    for (c, cell) in row.cells.enumerated() where cell.merge {
                        let key = try cell.key?.render(inner) ?? ""
                        if let start = open[c], start.key == key {
                            out[start.row].cells[start.cell].rows += 1
                            drop.append(c)
                        } else {
                            open[c] = (out.count, c - drop.count, key)
                        }
                    }
                    for c in drop.reversed() { built.remove(at: c) }
                    out.append(row.row(built, keepWithPrevious: false))
                }
            }
            return out
        }
        var table = Table(columns: spec.columns, header: try rows(spec.header), rows: try rows(spec.rows),
                          rule: spec.rule, frame: spec.frame, spaceBefore: spec.before, spaceAfter: spec.after,
                          source: spec.source)
        table.align = spec.align
        table.origin = spec.origin
        // A table that heads nothing (no header row, no `scope:` cell) only lays its cells out:
        // no Table element, its cells' elements in reading order (`role: table` makes it one).
        let heads = !table.header.isEmpty || table.rows.contains { $0.cells.contains { $0.scope != nil } }
        table.tagged = !scope.untagged && heads
        return table
    }
}

/// A block kept on the same page as the block after it (a heading).
struct Keep: Wrapping {
    let inner: any Block
    init(_ inner: any Block) { self.inner = inner }
    func layout(in region: Region, _ context: Context) throws -> Fit { try inner.layout(in: region, context) }
    var keepWithNext: Bool { true }
}
