// HanjiLayout: turns a tree of blocks into pages of positioned, already-shaped items.
//
// Every block answers one question: lay yourself out in this region (a width and the height
// left on the page), and say whether all of you fit, a part of you (and what remains), or
// nothing. The `Paginator` asks the document's root block page after page; a block that fits
// nothing on an empty page is a typed error, so layout never loops. Text is shaped by a
// `Shaper` supplied from outside (Pango, in HanjiText): this module never touches C.

/// Points per millimetre (1 pt = 1/72 in).
public let mm = 72.0 / 25.4

/// A width and a height, in points.
public struct Size: Sendable, Equatable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
    /// A4 portrait.
    public static let a4 = Size(width: 210 * mm, height: 297 * mm)
    public static let a5 = Size(width: 148 * mm, height: 210 * mm)
    /// The same paper turned on its side.
    public var landscape: Size { Size(width: max(width, height), height: min(width, height)) }
}

/// A position, in points from the top left.
public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
    public static let zero = Point(x: 0, y: 0)
    public func offset(_ dx: Double, _ dy: Double) -> Point { Point(x: x + dx, y: y + dy) }
}

/// Distances on each side of a box.
public struct Insets: Sendable, Equatable {
    public var top, right, bottom, left: Double
    public init(top: Double, right: Double, bottom: Double, left: Double) {
        self.top = top; self.right = right; self.bottom = bottom; self.left = left
    }
    public init(all: Double) { self.init(top: all, right: all, bottom: all, left: all) }
    public static let zero = Insets(all: 0)
}

/// An sRGB colour with alpha.
public struct Color: Sendable, Hashable {
    public var red, green, blue, alpha: Double
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }
    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 1, green: 1, blue: 1)
    public static let gray = Color(red: 0.5, green: 0.5, blue: 0.5)

    /// Parses `#rgb` or `#rrggbb`.
    public init?(hex: String) {
        var digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(red: Double((value >> 16) & 0xff) / 255, green: Double((value >> 8) & 0xff) / 255,
                  blue: Double(value & 0xff) / 255)
    }
}
