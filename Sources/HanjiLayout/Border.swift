/// A rectangle drawn `inset` from the paper's edges, with a square ornament of `corner` size at
/// each corner when that is above zero: a square of the border's colour, hollowed to
/// `cornerFill` inside a stroke of the border's width, with a square of `cornerCentre` at its heart.
public struct Border: Sendable {
    public var inset: Double
    public var width: Double
    public var color: Color
    public var corner: Double
    /// The colour inside an ornament's outline: the paper's.
    public var cornerFill: Color = .white
    /// The side of the square at an ornament's centre; nil for a third of `corner`.
    public var cornerCentre: Double?

    public init(inset: Double, width: Double, color: Color = .black, corner: Double = 0) {
        self.inset = inset; self.width = width; self.color = color; self.corner = corner
    }

    /// The border's strokes and ornaments on a page of `size`.
    public func draw(on page: inout Frame, size: Size) {
        let (l, t, r, b) = (inset, inset, size.width - inset, size.height - inset)
        page.add(.rule(to: Point(x: r - l, y: 0), width: width, color: color), at: Point(x: l, y: t))
        page.add(.rule(to: Point(x: r - l, y: 0), width: width, color: color), at: Point(x: l, y: b))
        page.add(.rule(to: Point(x: 0, y: b - t), width: width, color: color), at: Point(x: l, y: t))
        page.add(.rule(to: Point(x: 0, y: b - t), width: width, color: color), at: Point(x: r, y: t))
        guard corner > 0 else { return }
        let centre = cornerCentre ?? corner / 3
        for (x, y) in [(l, t), (r, t), (l, b), (r, b)] {
            page.add(.fill(Size(width: corner, height: corner), color),
                     at: Point(x: x - corner / 2, y: y - corner / 2))
            page.add(.fill(Size(width: corner - 2 * width, height: corner - 2 * width), cornerFill),
                     at: Point(x: x - corner / 2 + width, y: y - corner / 2 + width))
            page.add(.fill(Size(width: centre, height: centre), color), at: Point(x: x - centre / 2, y: y - centre / 2))
        }
    }
}
