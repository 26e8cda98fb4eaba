/// A block that is one structure element of a tagged PDF: each of its frames opens with `begin`
/// and closes with `end`, so an element split over pages is one element per page, the later
/// ones `continued`.
public struct Tagged: Wrapping {
    public var role: Role
    public var continued: Bool
    public var inner: any Block

    public init(_ role: Role, continued: Bool = false, _ inner: any Block) {
        self.role = role; self.continued = continued; self.inner = inner
    }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        let tag = Tag(role, continued: continued), role = role
        return try inner.layout(in: region, context).map({ $0.bracketed(tag) },
                                                         rest: { Tagged(role, continued: true, $0) })
    }
}

extension Frame {
    /// The frame's items between a `begin` of `tag` and its `end` (`tag` nil: unchanged).
    public func bracketed(_ tag: Tag?) -> Frame {
        guard let tag else { return self }
        var out = Frame(size: size)
        out.add(.begin(tag), at: .zero)
        out.add(self, at: .zero)
        out.add(.end, at: .zero)
        return out
    }

    /// The frame without its structure elements (a repeat: decoration, not content).
    public var untagged: Frame {
        var out = Frame(size: size)
        for (p, item) in items {
            switch item {
            case .begin, .end: continue
            default: out.add(item, at: p)
            }
        }
        return out
    }
}
