/// Item markers of the 공문서 hierarchy (1. 가. 1) 가) (1) (가) ① ㉮) and symbol bullets.
///
/// A marker pattern holds one counter: `1` counts 1 2 3, `가` counts 가 나 다 … 하 and goes on
/// 거 너 더 … 허, 고 노 … as the rules say, `①` counts ① … ⑳ ㉑ … ㊿, `㉮` counts ㉮ … ㉻ and goes
/// on (거) (너) …. A pattern without a counter (□ ○ - · ▸ ※) is a bullet.
public enum Numbering {
    static let initials = [0, 2, 3, 5, 6, 7, 9, 11, 12, 14, 15, 16, 17, 18]  // ㄱ ㄴ ㄷ … ㅎ
    static let vowels = [0, 4, 8, 13, 18, 20]  // ㅏ ㅓ ㅗ ㅜ ㅡ ㅣ

    /// The n-th (1-based) syllable of 가 나 다 … 하, 거 너 … 허, 고 노 … 호, ….
    public static func hangul(_ n: Int) -> String {
        let i = n - 1
        let initial = initials[i % initials.count]
        let vowel = vowels[(i / initials.count) % vowels.count]
        return String(UnicodeScalar(0xAC00 + (initial * 21 + vowel) * 28)!)
    }

    public static func circled(_ n: Int) -> String {
        switch n {
        case 1...20: return String(UnicodeScalar(0x2460 + n - 1)!)
        case 21...35: return String(UnicodeScalar(0x3251 + n - 21)!)
        case 36...50: return String(UnicodeScalar(0x32B1 + n - 36)!)
        default: return "(\(n))"
        }
    }

    public static func circledHangul(_ n: Int) -> String {
        n <= 14 ? String(UnicodeScalar(0x326E + n - 1)!) : "(\(hangul(n)))"
    }

    /// Whether the pattern counts (as opposed to a bullet).
    public static func counts(_ pattern: String) -> Bool {
        pattern.contains("1") || pattern.contains("가") || pattern.contains("①") || pattern.contains("㉮")
    }

    /// The marker for the n-th item of a level.
    public static func marker(_ pattern: String, _ n: Int) -> String {
        if pattern.contains("①") { return pattern.replacingOccurrences(of: "①", with: circled(n)) }
        if pattern.contains("㉮") { return pattern.replacingOccurrences(of: "㉮", with: circledHangul(n)) }
        if let r = pattern.range(of: "1") { return pattern.replacingCharacters(in: r, with: String(n)) }
        if let r = pattern.range(of: "가") { return pattern.replacingCharacters(in: r, with: hangul(n)) }
        return pattern
    }
}
