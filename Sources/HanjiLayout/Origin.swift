/// Where a block comes from in the layout spec (file, line, column and key path), carried as
/// plain data so a layout error can name the spec line that asks for the impossible.
public struct Origin: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// The key path inside the spec, such as `body[0].table.columns`.
    public var path: String

    public init(file: String, line: Int, column: Int, path: String) {
        self.file = file; self.line = line; self.column = column; self.path = path
    }

    public var description: String { "\(file):\(line):\(column)" }
}

extension LayoutError {
    /// `error` at `origin` with a hint on how to fix it; `error` alone when the origin is unknown.
    static func at(_ origin: Origin?, _ error: LayoutError, hint: String) -> LayoutError {
        origin.map { .located(error, at: $0, hint: hint) } ?? error
    }
}
