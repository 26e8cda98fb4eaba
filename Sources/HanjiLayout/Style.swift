/// How a run of text looks and wraps.
public struct Style: Sendable, Hashable {
    /// How lines sit between the box's edges.
    public enum Align: String, Sendable, CaseIterable { case left, center, right, justify }
    /// Where lines may break.
    public enum Breaking: String, Sendable, CaseIterable {
        /// Between words (어절) only; a word longer than the line breaks between syllables.
        case words
        /// Between any two syllables, as Pango does by default.
        case syllables
    }

    public var font: String = "NanumMyeongjo"
    /// Font size in points.
    public var size: Double = 10
    public var bold = false
    public var italic = false
    /// Line pitch as a multiple of the font size (1.6 is the 공문서 160%).
    public var lineSpacing: Double = 1.6
    public var align: Align = .justify
    /// Extra space between letters, in em.
    public var tracking: Double = 0
    public var color: Color = .black
    public var breaking: Breaking = .words
    /// Space above and below a paragraph, in points.
    public var spaceBefore: Double = 0
    public var spaceAfter: Double = 0
    /// Left indent of every line, in points.
    public var indent: Double = 0
    /// How much further the first line starts, in points; negative: a hanging indent (every
    /// line but the first starts that much further in).
    public var firstIndent: Double = 0
    /// Justification: the widest a word gap may grow, beyond its natural width, in em; what
    /// remains is spread between letters, up to `maxLetterGap` em each.
    public var maxGap: Double = 0.4
    public var maxLetterGap: Double = 0.2

    public init() {}

    /// The distance from one baseline to the next.
    public var pitch: Double { size * lineSpacing }
}
