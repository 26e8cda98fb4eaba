/// Replaces personal names in running text for a public edition.
///
/// A name is masked where it stands as a word of its own: not preceded by a Hangul syllable
/// (so 김하늘 inside 신김하늘 stays), and followed by anything but a Hangul syllable, or by a
/// title or particle that attaches to names (분과장님, 님, 께서, 씨, 이, 은, …). So "한부영
/// 분과장님께서" and "한부영님" are masked, while a longer word that merely contains the
/// name's syllables is left alone.
///
/// The pattern is the spec's `public.mask`: `ㅇㅇㅇ` replaces the whole name; `{first}○○` keeps
/// the family name (김하늘 → 김○○).
public struct Mask: Sendable {
    public var names: [String]
    public var pattern: String
    /// What may follow a name directly and still mark it as a name.
    public var suffixes = ["님", "씨", "께서", "께", "의", "은", "는", "이", "가", "을", "를", "과", "와", "에게", "도", "만",
                           "분과장", "부분과장", "분과위원", "위원", "팀장", "주무관", "조정관", "지원관"]

    public init(names: [String], pattern: String) {
        // Longest first, so a name that contains another is masked whole.
        self.names = names.sorted { $0.count > $1.count }
        self.pattern = pattern
    }

    public func apply(_ text: String) -> String {
        var out = text
        for name in names where !name.isEmpty {
            var result = ""
            var rest = out[...]
            while let range = rest.range(of: name) {
                let before = rest[..<range.lowerBound]
                let previous = before.last ?? result.last
                let after = rest[range.upperBound...]
                let standsAlone = !(previous.map(Mask.isHangul) ?? false)
                    && (after.first.map { !Mask.isHangul($0) } ?? true || suffixes.contains { after.hasPrefix($0) })
                result += before
                result += standsAlone ? masked(name) : name
                rest = after
            }
            out = result + rest
        }
        return out
    }

    /// The pattern for one name: `{first}` stands for its first syllable (김○○ from "{first}○○").
    func masked(_ name: String) -> String {
        pattern.replacingOccurrences(of: "{first}", with: name.first.map(String.init) ?? "")
    }

    static func isHangul(_ c: Character) -> Bool {
        c.unicodeScalars.first.map { (0xAC00...0xD7A3).contains($0.value) } ?? false
    }
}
