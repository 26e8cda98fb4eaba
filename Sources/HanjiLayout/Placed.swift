extension Table {
    /// A merged (row-spanning) cell's box on a page: from its first row to its last row there.
    struct SpanBox {
        var row: Int
        var cell: LaidCell
        var last: Int
    }

    /// Each merged cell of `rows`, its box ending at its last row among them.
    static func spans(_ rows: [PlacedRow]) -> [SpanBox] {
        var boxes: [SpanBox] = []
        for (r, row) in rows.enumerated() {
            for cell in row.cells where cell.cell.rows > 1 {
                boxes.append(SpanBox(row: r, cell: cell, last: min(r + cell.cell.rows - 1, rows.count - 1)))
            }
        }
        return boxes
    }

    /// `rows` as they will be drawn: the last row of each merged label's box grown, and the rows
    /// below it moved down, until the label fits its box.
    static func settle(_ rows: [PlacedRow]) -> [PlacedRow] {
        var rows = rows
        for box in spans(rows) {
            let top = rows[box.row].y
            let bottom = rows[box.last].y + rows[box.last].height
            let need = box.cell.frame.size.height + box.cell.cell.padding.top + box.cell.cell.padding.bottom
            if need > bottom - top {
                let grow = need - (bottom - top)
                rows[box.last].height += grow
                for r in (box.last + 1)..<rows.count { rows[r].y += grow }
            }
        }
        return rows
    }

    /// The rows placed on a page so far: as laid out one under the other, and as they will be
    /// drawn once the merged labels among them are fitted, which is what decides the room left.
    struct Placed {
        private var laid: [PlacedRow] = []
        private(set) var rows: [PlacedRow] = []

        var count: Int { laid.count }
        /// Where the drawn rows end.
        var bottom: Double { rows.last.map { $0.y + $0.height } ?? 0 }

        mutating func append(_ row: (cells: [LaidCell], height: Double)) {
            let y = laid.last.map { $0.y + $0.height } ?? 0
            laid.append(PlacedRow(y: y, cells: row.cells, height: row.height))
            rows = Table.settle(laid)
        }

        mutating func removeLast() {
            laid.removeLast()
            rows = Table.settle(laid)
        }
    }
}
