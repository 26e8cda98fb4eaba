/// A run of a paragraph set apart from its style (a bold run-in label): UTF-8 byte offsets.
public struct Span: Sendable, Hashable {
    public var range: Range<Int>
    public var bold: Bool

    public init(_ range: Range<Int>, bold: Bool = true) {
        self.range = range
        self.bold = bold
    }
}
