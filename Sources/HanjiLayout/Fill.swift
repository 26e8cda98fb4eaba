/// Space that takes the height its stack leaves free on the page (`space: fill` in a spec),
/// shared equally by the fills of one stack: a programme spreads over its page, a closing block
/// sits at the bottom. A stack that runs onto another page, or is measured without a page,
/// gives its fills no height.
public struct Fill: Block {
    public init() {}

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        .whole(Frame(size: Size(width: region.width, height: 0)))
    }

    /// `frame` stretched to `height`: the items from each of `fills` (item indices, in order)
    /// on move down by one more equal share of the height it gains.
    static func spread(_ frame: Frame, to height: Double, at fills: [Int]) -> Frame {
        let share = (height - frame.size.height) / Double(fills.count)
        var out = Frame(size: Size(width: frame.size.width, height: height))
        for (index, (point, item)) in frame.items.enumerated() {
            let moved = Double(fills.filter { $0 <= index }.count) * share
            out.add(item, at: Point(x: point.x, y: point.y + moved))
        }
        return out
    }

    /// Whether a stack laid out `used` high in `region` may stretch its fills to the region's
    /// bottom: only within a page (not while measuring in an unbounded region).
    static func stretches(_ used: Double, in region: Region, _ context: Context) -> Bool {
        region.height.isFinite && region.height <= context.emptyPage && region.height > used
    }
}
