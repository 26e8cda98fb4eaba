import HanjiLayout
import HanjiModel

extension Field {
    /// A colour written `#rrggbb` (or `#rgb`); else an error here showing the form with `example`.
    func color(example: String = "#1a1a1a") throws -> Color {
        guard let color = Color(hex: try text()) else {
            throw error("not a colour", hint: "write #rrggbb, such as \(example)")
        }
        return color
    }
}
