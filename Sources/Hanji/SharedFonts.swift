import HanjiText

/// The fonts composers on several threads share (`Composer.shared`, `Composer(sharing:)`).
///
/// Unchecked `Sendable`, with this invariant: a `Fonts` is complete once built (its fontconfig
/// configuration is loaded and never changed after, and fontconfig's lookups are thread-safe),
/// and nothing else is shared: each composer makes its own Pango font map and context over it.
public struct SharedFonts: @unchecked Sendable {
    let fonts: Fonts
    /// Whether images may come from outside the record's folder, as the composer shared from.
    let allowOutside: Bool
}
