import HanjiModel

extension Spec {
    /// A record's value as an edition prints it, with `public` set (공개용) for `if: public`.
    /// The public edition (`isPublic`) masks every name of `names` and the other spellings
    /// `also` by `public.mask`, and leaves the photos out when `public.photos: omit`; each word
    /// that holds a name but is printed as written is a warning at its place in the first of
    /// `records` (read only then) that holds it. The one masking path of minutes and booklets.
    public func edition(of value: Value, isPublic: Bool, names: [String], also: [Masked],
                        records: () -> [(sources: Kept.Sources, text: String?)]) -> (value: Value, warnings: [String]) {
        guard isPublic else { return (value.replacing("public", with: .null), []) }
        var (masked, kept) = Mask(names: names, also: also, pattern: mask).apply(to: value)
        if !publicPhotos && masked.keys.contains("photos") { masked = masked.replacing("photos", with: .list([])) }
        let warnings = kept.isEmpty ? [] : Kept.warnings(kept, in: records())
        return (masked.replacing("public", with: .text("공개용")), warnings)
    }
}
