import HanjiLayout
import HanjiModel

/// Reading a spec's tables: the table, its rows, its cells.
extension Spec {
    func readTable(_ field: Field) throws -> TableSpec {
        let f = try field.fields(["columns", "header", "rows", "rule", "frame", "before", "after", "align"])
        let columnsField = try f.required("columns", hint: "add 'columns: [20mm, \"*\"]'")
        let columns = try columnsField.list().map { c -> Width in
            let raw = try c.text()
            if raw.hasSuffix("*") { return .share(try c.bounded(Double(raw.dropLast()) ?? 1, Bounds.share)) }
            return .fixed(try c.length(Bounds.width))
        }
        func rows(_ key: String) throws -> [RowSpec] {
            try checkHeld(try f[key]?.list().map { try readRow($0, columns: columns.count) } ?? [],
                          columns: columns.count)
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
            throw field.error("the cells span \(spanned) columns but the table has \(columns)",
                              hint: "check the cells' 'span'")
        }
        return RowSpec(each: try f["each"].map(Spec.path), field: field, cells: cells,
                       breakable: !(try f["unbreakable"]?.bool() ?? false),
                       keepWithPrevious: try f["keep-with-previous"]?.bool() ?? false,
                       minHeight: try f["height"]?.length(Bounds.width) ?? 0, origin: (f["height"] ?? field).origin)
    }

    /// Refuses a row whose cells need more columns than the cells spanning rows from above leave
    /// it (the layout would set the last cells over others). A row repeated by `each` counts once.
    func checkHeld(_ rows: [RowSpec], columns: Int) throws -> [RowSpec] {
        let placed = Table.place(rows.map { $0.cells.map { (span: $0.span, rows: $0.rows) } }, columns: columns)
        for (row, place) in zip(rows, placed) where place.held > 0 {
            let spanned = row.cells.reduce(0) { $0 + $1.span }
            if spanned + place.held > columns {
                throw row.field.error("the cells span \(spanned) columns but a cell above holds \(place.held) of the "
                                      + "table's \(columns)",
                                      hint: "drop a cell from this row, or make the cell above span fewer 'rows'")
            }
        }
        return rows
    }

    static let cellKeys = ["text", "style", "blocks", "span", "rows", "fill", "middle", "merge", "diagonal",
                           "continued", "padding", "scope"]

    func readCell(_ field: Field) throws -> CellSpec {
        let f = try field.fields(Spec.cellKeys)
        let cellStyle = try style(f["style"])
        let key = try f["text"].map { try Template($0) }
        var content = key.map { [SpecNode.text($0, cellStyle, keep: false, section: nil, source: field.path)] } ?? []
        if let b = f["blocks"] { content += try readBlocks(b, within: "a table cell") }
        return CellSpec(content: content, key: key, span: try f["span"]?.int(in: 1...64) ?? 1,
                        rows: try f["rows"]?.int(in: 1...1000) ?? 1,
                        fill: try f["fill"]?.color(example: "#eeeeee"), middle: try f["middle"]?.bool() ?? false,
                        merge: try f["merge"]?.bool() ?? false,
                        diagonal: try f["diagonal"].map { try Template($0) },
                        continued: try f["continued"].map { (try Template($0), cellStyle) },
                        padding: try f["padding"].map(Spec.padding) ?? Spec.cellPadding,
                        scope: try f["scope"].map(Spec.scope))
    }

    /// What a cell heads (`scope: row`: the label of its row).
    static func scope(_ field: Field) throws -> Role.Scope {
        let raw = try field.text()
        guard let scope = [Role.Scope.row, .column, .both].first(where: { $0.rawValue.lowercased() == raw }) else {
            throw field.error("unknown scope '\(raw)'", hint: "write row (the cell heads its row), column or both")
        }
        return scope
    }

    /// A cell's padding unless its spec gives one.
    static let cellPadding = Insets(top: 1.2 * mm, right: 2 * mm, bottom: 1.2 * mm, left: 2 * mm)

    /// A cell's `padding:`, one length or [vertical, horizontal].
    static func padding(_ field: Field) throws -> Insets {
        if case .scalar = field.node { return Insets(all: try field.length(Bounds.width)) }
        let v = try field.list().map { try $0.length(Bounds.width) }
        guard v.count == 2 else { throw field.error("padding is one length or [vertical, horizontal]") }
        return Insets(top: v[0], right: v[1], bottom: v[0], left: v[1])
    }
}
