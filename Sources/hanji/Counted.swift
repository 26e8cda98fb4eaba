// Counts in the CLI's summary lines: "1 page", "16 pages".

/// `count` and its noun, in the singular for one: "1 page", "3 pages", "1 sheet side".
func counted(_ count: Int, _ noun: String) -> String {
    count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
}
