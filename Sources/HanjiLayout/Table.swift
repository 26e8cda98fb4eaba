/// A column's width: fixed in points, or a share of what the fixed columns leave.
public enum Width: Sendable, Equatable {
    case fixed(Double)
    case share(Double)
}

/// One cell of a table: a block in a padded box that may span columns and rows.
public struct Cell {
    public var content: any Block
    /// Columns spanned.
    public var span: Int
    /// Rows spanned (a group label); repeated on a continuation page.
    public var rows: Int
    public var fill: Color?
    public var padding: Insets
    /// Centre the content vertically in the row.
    public var middle: Bool
    /// What the cell shows on a continuation page once its content is used up (a `(계속)` label).
    public var continuation: (any Block)?
    /// A diagonal rule through the cell (a 결재란 box no one signs).
    public var diagonal = false
    /// A body cell that heads its row (or column): a TH in a tagged table, not a TD.
    public var scope: Role.Scope?
    /// Set by the table: a cell shown again on a continuation page (a group label, a `(계속)`
    /// text), drawn but no element of a tagged table; and a cell going on from the page before.
    var repeated = false, continued = false
    /// Set by the table: the first column the cell occupies.
    var column = 0

    public init(_ content: any Block, span: Int = 1, rows: Int = 1, fill: Color? = nil,
                padding: Insets = Insets(all: 4), middle: Bool = false, continuation: (any Block)? = nil) {
        self.content = content; self.span = span; self.rows = rows; self.fill = fill
        self.padding = padding; self.middle = middle; self.continuation = continuation
    }
}

/// A row of cells.
public struct Row {
    public var cells: [Cell]
    /// A row that may split between lines of text; an unbreakable row moves whole.
    public var breakable: Bool
    /// Never the first row on a page (a totals row stays with at least one data row).
    public var keepWithPrevious: Bool
    /// The least height of the row (a signature box), in points.
    public var minHeight: Double
    /// Where the spec gives the row (its `height:` when it has one), for errors.
    public var origin: Origin?
    public init(_ cells: [Cell], breakable: Bool = true, keepWithPrevious: Bool = false, minHeight: Double = 0) {
        self.cells = cells; self.breakable = breakable; self.keepWithPrevious = keepWithPrevious
        self.minHeight = minHeight
    }
}

/// A ruled table whose header rows repeat on every page it runs onto.
///
/// How a table runs onto the next page; each rule is named in the code where it applies:
/// - *Header repeats*: the header rows open every page the table runs onto; a header that an
///   empty page cannot hold is an error.
/// - *Row moves*: a row that does not fit the room left moves to the next page whole; so does a
///   row made taller than the room by its `height` or by a merged label grown beside it.
/// - *Row splits*: a breakable row splits between lines of its cells instead, and its rest opens
///   the next page; an unbreakable row never splits. A first row too tall for an empty page is an
///   error.
/// - *Kept with previous*: a row with `keep-with-previous` (a totals row) is never first on a
///   page: it takes the row before along, unless that would leave the page with no body row.
/// - *Label repeats*: a group label (구분, a cell merged over its rows) that the page cuts repeats
///   at the top of the next page, spanning only the rows it has left there.
/// - *Continued label*: in the rest of a split row, a cell whose content was all printed shows
///   its `continued` text ("(계속)") rather than nothing.
public struct Table: Block {
    public var columns: [Width]
    public var header: [Row]
    public var rows: [Row]
    /// Width of the inner rules and of the outer frame, in points (0: none).
    public var rule: Double
    public var border: Double
    public var ruleColor: Color = .black
    public var before: Double
    public var after: Double
    /// What the table is, for error messages.
    public var source: String
    /// Where a table narrower than its region stands: 0 left, 0.5 centre, 1 right.
    public var align: Double = 0
    /// Where the spec gives the table's columns, for errors.
    public var origin: Origin?
    /// A tagged table: a Table element of rows and cells, in reading order (a table for layout
    /// only, such as a hang's or a grid's, is none).
    public var tagged = false
    /// The part of a table on the pages after its first: its header rows are repeats (untagged).
    var continued = false

    public init(columns: [Width], header: [Row] = [], rows: [Row], rule: Double = 0.5, frame: Double = 0.5,
                spaceBefore: Double = 0, spaceAfter: Double = 0, source: String = "table") {
        self.columns = columns
        self.rule = rule
        self.border = frame
        self.before = spaceBefore
        self.after = spaceAfter
        self.source = source
        self.header = Table.assignColumns(header, count: columns.count)
        self.rows = Table.assignColumns(rows, count: columns.count)
    }

    public var spaceBefore: Double { before }
    public var spaceAfter: Double { after }

    /// Gives every cell its first column, skipping columns held by cells spanning rows from above.
    static func assignColumns(_ rows: [Row], count: Int) -> [Row] {
        let placed = Table.place(rows.map { $0.cells.map { (span: $0.span, rows: $0.rows) } }, columns: count)
        return zip(rows, placed).map { row, place in
            var row = row
            for i in row.cells.indices { row.cells[i].column = min(place.columns[i], count - 1) }
            return row
        }
    }

    /// Where rows of cells (each its span and the rows it spans) stand among `count` columns:
    /// per row, how many columns cells spanning rows from above hold, and each cell's first column
    /// (past the last column when the row has more cells than room).
    public static func place(_ rows: [[(span: Int, rows: Int)]], columns count: Int)
        -> [(held: Int, columns: [Int])] {
        var held = [Int](repeating: 0, count: count)
        return rows.map { cells in
            let taken = held.filter { $0 > 0 }.count
            var column = 0, firsts: [Int] = []
            for cell in cells {
                while column < count && held[column] > 0 { column += 1 }
                firsts.append(column)
                for c in column..<max(column, min(column + cell.span, count)) { held[c] = cell.rows }
                column += cell.span
            }
            for c in 0..<count where held[c] > 0 { held[c] -= 1 }
            return (taken, firsts)
        }
    }

    /// Column widths for a total width.
    public func widths(for total: Double) -> [Double] {
        let shares = columns.reduce(0.0) { if case .share(let s) = $1 { return $0 + s } else { return $0 } }
        let free = max(total - fixedWidth, 0)
        return columns.map {
            switch $0 {
            case .fixed(let w): return w
            case .share(let s): return shares > 0 ? free * s / shares : 0
            }
        }
    }

    /// The width of the fixed columns together.
    var fixedWidth: Double {
        columns.reduce(0.0) { if case .fixed(let w) = $1 { return $0 + w } else { return $0 } }
    }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        // Drawn anyway, the columns would run off the page: the spec must change.
        if fixedWidth > region.width + 0.01 { throw tooWide(region.width) }
        let widths = widths(for: region.width)
        let total = widths.reduce(0, +)
        guard align > 0, total < region.width - 0.01 else { return try layoutRows(in: region, widths: widths, context) }
        // A narrower table (all columns fixed) stands right or centred in its region.
        return try layoutRows(in: region, widths: widths, context)
            .shifted(by: (region.width - total) * align, width: region.width)
    }

    private func layoutRows(in region: Region, widths: [Double], _ context: Context) throws -> Fit {
        var xs = [0.0]
        for w in widths { xs.append((xs.last ?? 0) + w) }
        // Header repeats: the header rows open every page, this one and each one the table runs onto.
        var placed = Placed()
        for row in header {
            guard case .whole(let laid) = try lay(row, xs: xs, height: .infinity, fresh: true, context) else {
                throw LayoutError.tooLarge(what: "header of \(source)", height: region.height, available: region.height)
            }
            placed.append(laid)
        }
        let headerHeight = placed.bottom
        if headerHeight > region.height {
            if region.fresh { throw tooLarge(nil, room: region.height) }
            return .nothing
        }
        for index in rows.indices {
            switch try place(rows[index], on: &placed, xs: xs, in: region, first: index == 0, context) {
            case .whole:
                continue
            case .part(_, let rest):
                // Row splits: the rest of the row opens the next page.
                return .part(draw(placed.rows, xs: xs), rest: continuation(from: index, rest: rest))
            case .nothing:
                if index == 0 && region.fresh { throw tooLarge(rows[0], room: region.height - headerHeight) }
                if index == 0 { return .nothing }
                return ending(before: index, placed, xs: xs, fresh: region.fresh)
            }
        }
        return .whole(draw(placed.rows, xs: xs))
    }

    /// Lays `row` out in the room that `placed` leaves in `region`, and places it. Row moves: a row
    /// made taller than the room (by its `height`, or by a merged label grown beside it) does not fit.
    private func place(_ row: Row, on placed: inout Placed, xs: [Double], in region: Region, first: Bool,
                       _ context: Context) throws -> RowFit {
        let fit = try lay(row, xs: xs, height: region.height - placed.bottom, fresh: region.fresh && first, context)
        switch fit {
        case .whole(let laid), .part(let laid, _):
            placed.append(laid)
            guard placed.bottom > region.height + 0.01 else { return fit }
            placed.removeLast()
            return .nothing
        case .nothing:
            return .nothing
        }
    }

    /// The page ending before row `index`, which moves on. Kept with previous: a row that keeps
    /// with the one before takes it along, unless that would leave the page without a body row
    /// (then the table moves whole, or on an empty page the row goes on alone).
    private func ending(before index: Int, _ placed: Placed, xs: [Double], fresh: Bool) -> Fit {
        let body = placed.count - header.count
        guard rows[index].keepWithPrevious && body > 0 && !(body == 1 && fresh) else {
            return .part(draw(placed.rows, xs: xs), rest: continuation(from: index))
        }
        if body == 1 { return .nothing }
        var kept = placed
        kept.removeLast()
        return .part(draw(kept.rows, xs: xs), rest: continuation(from: index - 1))
    }

    // MARK: Rows

    struct LaidCell {
        var cell: Cell
        var frame: Frame
        var x: Double
        var width: Double
    }

    struct PlacedRow {
        var y: Double
        var cells: [LaidCell]
        var height: Double
    }

    enum RowFit {
        case whole((cells: [LaidCell], height: Double))
        case part((cells: [LaidCell], height: Double), rest: Row)
        case nothing
    }

    /// Lays out one row's cells in `height`; splits the row between lines if it must and may.
    private func lay(_ row: Row, xs: [Double], height: Double, fresh: Bool, _ context: Context) throws -> RowFit {
        var laid: [LaidCell] = []
        var rest = row
        var split = false
        var rowHeight = row.minHeight
        for (i, cell) in row.cells.enumerated() {
            let end = min(cell.column + cell.span, columns.count)
            let width = xs[end] - xs[cell.column]
            let inner = Region(width: max(width - cell.padding.left - cell.padding.right, 1),
                               height: height - cell.padding.top - cell.padding.bottom, fresh: fresh)
            let fit = inner.height <= 0 ? .nothing : try cell.content.layout(in: inner, context)
            var frame: Frame
            switch fit {
            case .whole(let f):
                frame = f
                // Continued label: a cell printed whole shows its `continued` text in the row's rest.
                rest.cells[i].content = cell.continuation ?? Empty()
                rest.cells[i].repeated = true
            case .part(let f, let r):
                // Row splits, if it may; an unbreakable row moves whole.
                guard row.breakable else { return .nothing }
                frame = f
                rest.cells[i].content = r
                rest.cells[i].continued = true
                split = true
            case .nothing:
                return .nothing
            }
            if cell.rows == 1 {
                rowHeight = max(rowHeight, frame.size.height + cell.padding.top + cell.padding.bottom)
            }
            frame.size.width = width
            laid.append(LaidCell(cell: cell, frame: frame, x: xs[cell.column], width: width))
        }
        if split {
            for i in rest.cells.indices { rest.cells[i].continuation = row.cells[i].continuation }
            return .part((laid, rowHeight), rest: rest)
        }
        return .whole((laid, rowHeight))
    }

    /// The table that continues on the next page from row `cut` (its `rest`, when the row split
    /// there). Label repeats: a group label from a row above the cut, or from the split row itself,
    /// that spans past the cut repeats in the first row, spanning the rows it has left.
    private func continuation(from cut: Int, rest: Row? = nil) -> Table {
        var remaining = Array(rows[cut...])
        if let rest {
            // The split row's own labels are carried below, from their start, as the others are.
            remaining[0] = rest
            remaining[0].cells = rest.cells.filter { $0.rows == 1 }
        }
        var carried: [Cell] = []
        for r in 0..<(rest == nil ? cut : cut + 1) {
            for cell in rows[r].cells where r + cell.rows > cut && cell.rows > 1 {
                var copy = cell
                copy.rows = r + cell.rows - cut
                copy.repeated = true
                carried.append(copy)
            }
        }
        if !remaining.isEmpty && !carried.isEmpty {
            remaining[0].cells = (carried + remaining[0].cells).sorted { $0.column < $1.column }
        }
        var table = self
        table.rows = remaining
        table.before = 0
        table.continued = true
        return table
    }

    /// Draws the rows as placed: fills, content, then rules. The content of a tagged table goes
    /// row by row, each cell left to right (a merged label in the row it starts in): its
    /// reading order, whatever order the boxes were laid in.
    private func draw(_ rows: [PlacedRow], xs: [Double]) -> Frame {
        let total = rows.last.map { $0.y + $0.height } ?? 0
        let width = xs.last ?? 0
        var frame = Frame(size: Size(width: width, height: total))
        var boxes = rows.enumerated().flatMap { r, row in
            row.cells.filter { $0.cell.rows == 1 }.map { (cell: $0, row: r, top: row.y, height: row.height) }
        }
        for b in Table.spans(rows) {
            let top = rows[b.row].y
            boxes.append((b.cell, b.row, top, rows[b.last].y + rows[b.last].height - top))
        }
        var strokes: [(Point, Point)] = []
        for box in boxes {
            let cell = box.cell
            if let fill = cell.cell.fill {
                frame.add(.fill(Size(width: cell.width, height: box.height), fill), at: Point(x: cell.x, y: box.top))
            }
            let a = Point(x: cell.x, y: box.top), b = Point(x: cell.x + cell.width, y: box.top + box.height)
            strokes += [(a, Point(x: b.x, y: a.y)), (Point(x: a.x, y: b.y), b),
                        (a, Point(x: a.x, y: b.y)), (Point(x: b.x, y: a.y), b)]
            if cell.cell.diagonal { strokes.append((Point(x: a.x, y: b.y), Point(x: b.x, y: a.y))) }
        }
        // Cells that are no element (all of an untagged table's; a repeat) go before the table's element.
        var plain = Frame(size: frame.size), content = Frame(size: frame.size)
        for r in rows.indices {
            var row = Frame(size: frame.size)
            for box in boxes.filter({ $0.row == r }).sorted(by: { $0.cell.x < $1.cell.x }) {
                let cell = box.cell, pad = cell.cell.padding
                let room = box.height - pad.top - pad.bottom - cell.frame.size.height
                let dy = cell.cell.middle ? max(room / 2, 0) : 0
                let at = Point(x: cell.x + pad.left, y: box.top + pad.top + dy)
                if let tag = tag(cell.cell, row: r) { row.add(cell.frame.bracketed(tag), at: at) } else {
                    plain.add(tagged ? cell.frame.untagged : cell.frame, at: at)
                }
            }
            let going = rows[r].cells.contains { $0.cell.continued }
            if !row.items.isEmpty { content.add(row.bracketed(Tag(.row, continued: going)), at: .zero) }
        }
        frame.add(plain, at: .zero)
        if !content.items.isEmpty { frame.add(content.bracketed(Tag(.table, continued: continued)), at: .zero) }
        if rule > 0 {
            for (a, b) in strokes {
                frame.add(.rule(to: Point(x: b.x - a.x, y: b.y - a.y), width: rule, color: ruleColor), at: a)
            }
        }
        if border > rule && total > 0 {
            let w = width
            for (a, b) in [(Point.zero, Point(x: w, y: 0)), (Point(x: 0, y: total), Point(x: w, y: total)),
                           (Point.zero, Point(x: 0, y: total)), (Point(x: w, y: 0), Point(x: w, y: total))] {
                frame.add(.rule(to: Point(x: b.x - a.x, y: b.y - a.y), width: border, color: ruleColor), at: a)
            }
        }
        return frame
    }

    /// The element of a cell in row `row` of a page: a header cell in a header row (none where
    /// the header repeats on a continuation page), a TH where the cell heads its row, else a TD.
    private func tag(_ cell: Cell, row: Int) -> Tag? {
        guard tagged, !cell.repeated, !(continued && row < header.count) else { return nil }
        let (rows, columns) = (cell.rows, cell.span)
        if row < header.count { return Tag(.header(.column, rows: rows, columns: columns)) }
        let role = cell.scope.map { Role.header($0, rows: rows, columns: columns) }
            ?? .cell(rows: rows, columns: columns)
        return Tag(role, continued: cell.continued)
    }
}

/// Nothing: an empty cell or a spacer of fixed height.
public struct Empty: Block {
    public var height: Double
    public init(height: Double = 0) { self.height = height }
    public func layout(in region: Region, _ context: Context) throws -> Fit {
        if height > region.height && !region.fresh { return .nothing }
        return .whole(Frame(size: Size(width: region.width, height: min(height, region.height))))
    }
}
