/// A block moved right by a fixed distance (a list level's indent).
public struct Inset: Block {
    public var left: Double
    public var inner: any Block

    public init(left: Double, _ inner: any Block) {
        self.left = left
        self.inner = inner
    }

    public var spaceBefore: Double { inner.spaceBefore }
    public var spaceAfter: Double { inner.spaceAfter }
    public var keepWithNext: Bool { inner.keepWithNext }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        var room = region
        room.width = max(region.width - left, 1)
        func shifted(_ frame: Frame) -> Frame {
            var out = Frame(size: Size(width: region.width, height: frame.size.height))
            out.add(frame, at: Point(x: left, y: 0))
            return out
        }
        switch try inner.layout(in: room, context) {
        case .whole(let f): return .whole(shifted(f))
        case .part(let f, let rest): return .part(shifted(f), rest: Inset(left: left, rest))
        case .nothing: return .nothing
        }
    }
}
