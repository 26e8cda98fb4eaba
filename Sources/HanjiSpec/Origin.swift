import HanjiLayout
import HanjiModel

extension Field {
    /// Where this field stands, as the layout blocks made from it carry it for their errors.
    var origin: Origin {
        let at = location
        return Origin(file: at.file, line: at.line, column: at.column, path: path)
    }
}

extension Spec {
    /// Runs `body` (the layout of a document), turning a layout error that a line of the spec
    /// causes into an input error at that line; other errors pass unchanged.
    public static func locating<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw located(error) }
    }

    /// A layout error that a line of the spec causes, as an input error at that line.
    public static func located(_ error: Error) -> Error {
        guard case LayoutError.located(let inner, let origin, let hint) = error else { return error }
        return InputError(inner.description, at: Location(file: origin.file, line: origin.line, column: origin.column),
                          path: origin.path, hint: hint)
    }
}
