// A roster read row by row as a layout maps its columns: every bad row at once, and the rows
// that print but look wrong (a blank cell the document prints, a person listed twice).

extension Roster {
    /// What reading a roster found: its rows as fields, the errors that stop printing, and the
    /// warnings that do not.
    public struct Review: Sendable {
        public var records: [(line: Int, fields: [(String, String)])] = []
        public var errors: [InputError] = []
        public var warnings: [InputError] = []

        /// Throws the errors found: the one, or `InputErrors` with each when there are several.
        public func check() throws {
            if errors.count == 1 { throw errors[0] }
            if !errors.isEmpty { throw InputErrors(errors) }
        }
    }

    /// Each row as named fields: `columns` maps a field (name) to a header (성명); `required`
    /// fields must have a column and a value in every row. Every column is also kept under its
    /// header. Throws the problem, or `InputErrors` with each one when there are several.
    public func records(columns: [(field: String, header: String)],
                        required: [String]) throws -> [(line: Int, fields: [(String, String)])] {
        let review = review(columns: columns, required: required)
        try review.check()
        return review.records
    }

    /// Reads every row, going on past a bad one: a required field without its column or a row
    /// without its value is an error; a mapped field left blank (the document would print an
    /// empty phrase) and a person listed twice (the same required fields) are warnings.
    public func review(columns: [(field: String, header: String)], required: [String]) -> Review {
        var review = Review()
        for (name, head) in columns where !header.contains(head) {
            let guess = nearest(head, in: header).map { "did you mean '\($0)'? " } ?? ""
            let error = InputError("the roster has no column '\(head)' for \(name)", at: place(1),
                                   hint: guess + "the header row is: \(header.joined(separator: ","))")
            if required.contains(name) { review.errors.append(error) } else { review.warnings.append(error.asWarning) }
        }
        var seen: [[String]: Int] = [:]
        for (row, (line, cells)) in rows.enumerated() {
            // Where a cell starts; column 1 when the roster was made without them.
            func at(_ cell: Int) -> Location {
                place(line, column: row < starts.count && cell < starts[row].count ? starts[row][cell] : 1)
            }
            if cells.count > header.count, let extra = cells[header.count...].firstIndex(where: { !$0.isEmpty }) {
                let message = "row has \(cells.count) cells but the header names \(header.count) columns"
                review.errors.append(InputError(message, at: at(extra),
                                                hint: "quote a value that holds a comma: \"a, b\""))
                continue
            }
            let fields = self.fields(cells, columns)
            var complete = true
            for ((name, head), (_, value)) in zip(columns, fields) where value.isEmpty && header.contains(head) {
                let cell = at(header.firstIndex(of: head) ?? 0)
                if required.contains(name) {
                    complete = false
                    review.errors.append(InputError("row has no \(head) (\(name))", at: cell,
                                                    hint: "fill in the \(head) column, or delete the row"))
                } else {
                    let message = "row has no \(head) (\(name)): the document would print it blank"
                    let hint = "fill in the \(head) column"
                    review.warnings.append(InputError(message, at: cell, hint: hint).asWarning)
                }
            }
            let key = zip(columns, fields).filter { required.contains($0.0.field) }.map(\.1.1)
            if complete, !key.isEmpty, let first = seen[key] {
                let message = "\(key.joined(separator: ", ")) is listed twice, at lines \(first) and \(line)"
                let hint = "delete one of the two rows"
                review.warnings.append(InputError(message, at: place(line), hint: hint).asWarning)
            } else if complete {
                seen[key] = line
            }
            review.records.append((line, fields))
        }
        return review
    }

    func place(_ line: Int, column: Int = 1) -> Location { Location(file: file, line: line, column: column) }

    /// A row's cells by field: the mapped ones in order, then every other column under its header.
    func fields(_ cells: [String], _ columns: [(field: String, header: String)]) -> [(String, String)] {
        func cell(_ head: String) -> String {
            guard let i = header.firstIndex(of: head), i < cells.count else { return "" }
            return cells[i].trimmed
        }
        var fields = columns.map { ($0.field, cell($0.header)) }
        for head in header where !head.isEmpty && !columns.contains(where: { $0.field == head }) {
            fields.append((head, cell(head)))
        }
        return fields
    }
}
