// A roster read by the certificate layout's column mapping, the same way for `hanji check` and
// `hanji certificates`.
import HanjiModel
import HanjiSpec

extension Recipients {
    /// The roster's columns by field: the spec's `recipients.roster`, else 성명 for the name.
    var rosterColumns: [(field: String, header: String)] { columns.isEmpty ? [("name", "성명")] : columns }
}

extension Spec {
    /// Who the spec's batch document is for, or an error saying how to tell it.
    public func plan() throws -> Recipients {
        guard let recipients else {
            throw InputError("the spec says nothing of recipients", at: Location(file: file, line: 1, column: 1),
                             hint: "add 'recipients: {from: event.presenters}' to the spec")
        }
        return recipients
    }
}

extension Roster {
    /// The roster read by a layout's mapping: every row's errors and warnings.
    public func review(by plan: Recipients) -> Review {
        review(columns: plan.rosterColumns, required: plan.required)
    }

    /// The warnings of a roster the layout can print from; throws its errors, all of them.
    public func warnings(by plan: Recipients) throws -> [InputError] {
        let review = review(by: plan)
        try review.check()
        return review.warnings
    }
}
