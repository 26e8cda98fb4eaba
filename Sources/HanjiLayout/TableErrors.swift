extension Table {
    /// The error for fixed columns wider together than the table's region, at the spec's `columns`.
    func tooWide(_ width: Double) -> LayoutError {
        .at(origin, .overflow(what: "the table of fixed columns", width: fixedWidth, available: width),
            hint: "narrow the columns to \(LayoutError.mm(width)) in all, "
                + "or make one a share of the width left, written \"*\"")
    }

    /// The error for a first row that an empty page cannot hold: at the row's `height` when
    /// that is what asks for too much.
    func tooLarge(_ row: Row?, room: Double) -> LayoutError {
        guard let row, row.minHeight > room + 0.01 else {
            return .tooLarge(what: "the first row of \(source)", height: .infinity, available: room)
        }
        return .at(row.origin, .tooLarge(what: "a row of \(source)", height: row.minHeight, available: room),
                   hint: "lower the row's 'height' to at most \(LayoutError.mm(room)), "
                       + "or leave it out to fit the row to its text")
    }
}
