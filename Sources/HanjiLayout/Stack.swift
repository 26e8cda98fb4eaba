/// Blocks one above the other, flowing onto the next region when the page is full.
public struct Stack: Block {
    public var children: [any Block]
    public var before: Double
    public var after: Double
    /// Space dropped at the top of this stack's first region (a continued stack starts flush).
    var continued = false

    public init(_ children: [any Block], spaceBefore: Double = 0, spaceAfter: Double = 0) {
        self.children = children
        self.before = spaceBefore
        self.after = spaceAfter
    }

    public var spaceBefore: Double { continued ? 0 : before }
    public var spaceAfter: Double { after }
    public var keepWithNext: Bool { children.last?.keepWithNext ?? false }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        var frame = Frame(size: Size(width: region.width, height: 0))
        var y = 0.0
        var placedEnds: [(y: Double, frameCount: Int)] = []
        // Where each fill stands among the frame's items, to share out the height left at the end.
        var fills: [Int] = []
        var index = 0
        while index < children.count {
            let child = children[index]
            let gap = y == 0 ? 0 : child.spaceBefore
            let room = Region(width: region.width, height: region.height - y - gap, fresh: region.fresh && y == 0)
            let fit = room.height <= 0 && !(child is Fill) ? .nothing : try child.layout(in: room, context)
            switch fit {
            case .whole(let f):
                if child is Fill { fills.append(frame.items.count) }
                frame.add(f, at: Point(x: 0, y: y + gap))
                y += gap + f.size.height
                placedEnds.append((y, frame.items.count))
                y += child.spaceAfter
                index += 1
            case .part(let f, let rest):
                frame.add(f, at: Point(x: 0, y: y + gap))
                y += gap + f.size.height
                frame = Self.cut(frame, height: y)
                return .part(frame, rest: remainder(rest, from: index + 1))
            case .nothing:
                // Keep a heading with what follows: it moves along rather than end the page.
                var cut = index
                while cut > 0, children[cut - 1].keepWithNext { cut -= 1 }
                if cut == 0 && region.fresh { cut = index }
                if cut == 0 { return .nothing }
                let end = placedEnds[cut - 1]
                var kept = Frame(size: Size(width: region.width, height: end.y))
                for (p, item) in frame.items.prefix(end.frameCount) { kept.add(item, at: p) }
                return .part(kept, rest: remainder(nil, from: cut))
            }
        }
        frame = Self.cut(frame, height: y - (children.last?.spaceAfter ?? 0))
        if !fills.isEmpty && Fill.stretches(frame.size.height, in: region, context) {
            frame = Fill.spread(frame, to: region.height, at: fills)
        }
        return .whole(frame)
    }

    private func remainder(_ head: (any Block)?, from index: Int) -> Stack {
        var rest = Stack((head.map { [$0] } ?? []) + children[index...], spaceBefore: 0, spaceAfter: after)
        rest.continued = true
        return rest
    }

    static func cut(_ frame: Frame, height: Double) -> Frame {
        var out = frame
        out.size.height = max(height, 0)
        return out
    }
}
