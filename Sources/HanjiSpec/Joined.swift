import HanjiModel

extension Template {
    /// The `join:SEP:N:KEY` filter: a list's items (each item's KEY, when given) that print
    /// something, joined by SEP (`, ` when none), N to a line when N is given (`4`: 출석의원 four
    /// names a line), the separator left off where a line ends.
    static func joined(_ items: [Value], _ args: [String]) -> String {
        let separator = args.first.map { $0.isEmpty ? ", " : $0 } ?? ", "
        let perLine = args.count > 1 ? max(Int(args[1].trimmed) ?? 0, 0) : 0
        let key = args.count > 2 ? args[2].trimmed : ""
        let texts = items.map { key.isEmpty ? $0.plain : $0[key]?.plain ?? "" }.filter { !$0.isEmpty }
        guard perLine > 0 else { return texts.joined(separator: separator) }
        return stride(from: 0, to: texts.count, by: perLine).map {
            texts[$0..<min($0 + perLine, texts.count)].joined(separator: separator)
        }.joined(separator: "\n")
    }
}
