import HanjiModel

/// What an `if:` or `unless:` tests: a field's presence (`if: minutes`), or its value
/// (`if: {field: session.kind, is: 임시회}`, `is-not: 정례회`, `in: [임시회, 정례회]`).
struct Condition {
    enum Test { case present, equals([String]), differs([String]) }
    var path: [String]
    var test: Test
    var negate: Bool
    /// The field the condition names, to locate errors at.
    var field: Field

    static let keys = ["field", "is", "is-not", "in"]
    static let hint = "write 'if: FIELD', or 'if: {field: FIELD, is: VALUE}' (or 'is-not: VALUE', 'in: [A, B]')"

    init(_ field: Field, negate: Bool) throws {
        self.negate = negate
        guard case .mapping = field.node else {
            self.field = field
            path = try Spec.path(field)
            test = .present
            return
        }
        let f = try field.fields(Condition.keys)
        let named = try f.required("field", hint: Condition.hint)
        self.field = named
        path = try Spec.path(named)
        let tests = Condition.keys.dropFirst().filter { f[$0] != nil }
        guard tests.count <= 1 else {
            throw field.error("a condition has one test, found \(tests.joined(separator: " and "))",
                              hint: Condition.hint)
        }
        switch tests.first {
        case "is": test = .equals([try f["is"]!.string()])
        case "is-not": test = .differs([try f["is-not"]!.string()])
        case "in":
            let list = f["in"]!
            guard case .sequence = list.node else {
                throw list.error("'in' is a list of values", hint: "write 'in: [임시회, 정례회]'")
            }
            test = .equals(try list.list().map { try $0.string() })
        default: test = .present
        }
    }

    /// Whether the condition holds in `scope` (before `unless` turns it round).
    func holds(_ scope: Scope) -> Bool {
        let value = scope.lookup(path)
        let met: Bool
        switch test {
        case .present: met = value?.isPresent ?? false
        case .equals(let values): met = values.contains(value?.plain ?? "")
        case .differs(let values): met = !values.contains(value?.plain ?? "")
        }
        return met != negate
    }
}
