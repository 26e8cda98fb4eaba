extension Chart {
    /// The chart's data in words after its `title` (else its kind), for a tagged PDF's alternative
    /// text: `분과별 출석률: 도시재생분과 88%, 주거복지분과 75%` (each series named when there are several).
    public func sentence(_ title: String? = nil) -> String {
        let kinds: [Kind: String] = [.bars: "가로 막대 그래프", .columns: "세로 막대 그래프",
                                     .stacked: "누적 막대 그래프"]
        let items = rows.map { row -> String in
            guard series.count > 1 else { return ([row.label] + row.values.map(number)).joined(separator: " ") }
            let named = row.values.enumerated().map { i, v in
                (i < series.count ? series[i] + " " : "") + number(v)
            }
            return "\(row.label) (\(named.joined(separator: ", ")))"
        }
        return "\(title ?? kinds[kind] ?? "그래프"): \(items.joined(separator: ", "))"
    }
}
