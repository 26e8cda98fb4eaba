import Foundation
import HanjiLayout
import HanjiModel

/// The ranges a spec's numbers must keep to: a value that parses (`1e308`, `nan`, `inf`, `0` for a
/// font size) but cannot print is refused where it is read, with its key path and the range.
enum Bounds {
    /// A PDF page is at most 200 inches (14,400 pt, 5080 mm) on a side: no length needs more.
    static let maxLength = 14_400.0
    /// A length that may be negative (`first-indent`, which hangs the other lines).
    static let length = (range: -maxLength...maxLength, text: "a length from -5080mm to 5080mm, such as 20mm")
    /// A space, an indent, a gap or an offset: `Field.length()`.
    static let space = (range: 0...maxLength,
                        text: "a length from 0 to 5080mm (a space is never negative), such as 3mm")
    static let step = (range: 0.0...100, text: "a step from 0 to 100em (never negative), such as 1em")
    static let width = (range: 0...maxLength, text: "a length from 0 to 5080mm, such as 2mm")
    static let height = (range: 1...maxLength, text: "a length from 1pt to 5080mm, such as 40mm")
    static let paper = (range: 10 * mm...maxLength, text: "a length from 10mm to 5080mm, such as 210mm")
    static let fontSize = (range: 1.0...1000, text: "a font size from 1pt to 1000pt, such as 10pt")
    static let spacing = (range: 0.1...10, text: "a line spacing from 10% to 1000%, such as 160%")
    static let shrink = (range: 0.1...1, text: "a percentage from 10% to 100%, such as 60%")
    static let em = (range: -100.0...100, text: "a spacing from -100em to 100em, such as 0.3em")
    static let gap = (range: 0.0...100, text: "a spacing from 0 to 100em, such as 0.5em")
    static let share = (range: 0.001...1000, text: "a share from 0.001* to 1000*, such as 2*")
    static let bar = (range: 0.05...1, text: "a share of the bar's row from 5% to 100%, such as 62%")
    static let raise = (range: -2.0...2, text: "a raise above the baseline from -2em to 2em, such as 0.38em")
    /// The largest number a chart draws (its `max`, any value): beyond it a bar means nothing.
    static let chartValue = 1e15
}

extension Field {
    /// `value`, read from this field, if it is a finite number within `bounds`; else an error
    /// naming the range.
    func bounded(_ value: Double, _ bounds: (range: ClosedRange<Double>, text: String)) throws -> Double {
        guard value.isFinite else {
            throw error("'\(try text())' is not a finite number", hint: "write \(bounds.text)")
        }
        guard bounds.range.contains(value) else {
            throw error("'\(try text())' is out of range", hint: "write \(bounds.text)")
        }
        return value
    }

    /// A length (`20mm`, `1.5cm`, `10pt`, or a bare number of points) within `bounds`.
    func length(_ bounds: (range: ClosedRange<Double>, text: String)) throws -> Double {
        let raw = try text()
        let units: [(String, Double)] = [("mm", mm), ("cm", 10 * mm), ("pt", 1), ("in", 72)]
        for (suffix, scale) in units where raw.hasSuffix(suffix) {
            if let v = Double(raw.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)) {
                return try bounded(v * scale, bounds)
            }
        }
        if let v = Double(raw) { return try bounded(v, bounds) }
        throw error("'\(raw)' is not a length", hint: "write a number with a unit: 20mm, 1.5cm, 10pt")
    }
}
