/// Blocks kept on one page: the group goes whole or moves to the next page, unless it is taller
/// than an empty page, where it splits as any stack would (so it never moves on forever).
public struct Together: Wrapping {
    public var inner: any Block

    public init(_ inner: any Block) { self.inner = inner }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        let fit = try inner.layout(in: region, context)
        if case .whole = fit { return fit }
        // At the top of a page the next page offers no more room: split (or fail) as usual.
        if region.fresh { return fit }
        return try fitsEmptyPage(width: region.width, context) ? .nothing : fit
    }

    /// Whether the group fits whole on an empty page of the document (always, outside one).
    func fitsEmptyPage(width: Double, _ context: Context) throws -> Bool {
        guard context.emptyPage.isFinite else { return true }
        if case .whole = try inner.layout(in: Region(width: width, height: context.emptyPage, fresh: true), context) {
            return true
        }
        return false
    }
}
