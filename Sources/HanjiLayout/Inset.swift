/// A block moved right by a fixed distance (a list level's indent).
public struct Inset: Wrapping {
    public var left: Double
    public var inner: any Block

    public init(left: Double, _ inner: any Block) {
        self.left = left
        self.inner = inner
    }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        var room = region
        room.width = max(region.width - left, 1)
        let left = self.left
        return try inner.layout(in: room, context).shifted(by: left, width: region.width)
            .map({ $0 }, rest: { Inset(left: left, $0) })
    }
}
