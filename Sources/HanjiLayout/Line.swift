/// One shaped line of text, ready to draw: its text, metrics, and its glyph runs.
public struct Line: Sendable, Equatable {
    /// The characters of the line, for tests and text extraction.
    public var text: String
    /// Offset of the line's start from the paragraph's left edge (alignment, indent).
    public var x: Double
    public var width: Double
    public var ascent: Double
    public var descent: Double
    /// What the writer draws, glyphs placed from the line's start on its baseline.
    public var runs: [GlyphRun]
    /// The line's place in its paragraph, from 0.
    public var index: Int

    public init(text: String, x: Double, width: Double, ascent: Double, descent: Double, runs: [GlyphRun] = [],
                index: Int) {
        self.text = text; self.x = x; self.width = width; self.ascent = ascent; self.descent = descent
        self.runs = runs; self.index = index
    }

    /// The baseline of this line set as the `row`-th of a block at `pitch`, its ink centred in the row.
    public func baseline(row: Int, pitch: Double) -> Double {
        Double(row) * pitch + (pitch - ascent - descent) / 2 + ascent
    }
}

/// A run of glyphs in one font: what a writer needs to draw it and keep its words in a PDF's
/// text layer (Cairo's `show_text_glyphs`), with no reference to the shaper's objects.
public struct GlyphRun: Sendable, Equatable {
    public var font: FontKey
    /// The glyphs, placed from the line's start (x) and its baseline (y, downwards).
    public var glyphs: [Glyph]
    /// The characters the run draws.
    public var text: String
    /// The run's text, cut into clusters in order: each a number of its UTF-8 bytes and of its glyphs.
    public var clusters: [Cluster]

    public init(font: FontKey, glyphs: [Glyph], text: String, clusters: [Cluster]) {
        self.font = font; self.glyphs = glyphs; self.text = text; self.clusters = clusters
    }
}

/// A glyph of a font, by its id in the face, at a position.
public struct Glyph: Sendable, Equatable {
    public var id: UInt32
    public var x: Double
    public var y: Double

    public init(id: UInt32, x: Double, y: Double) { self.id = id; self.x = x; self.y = y }
}

/// A cluster of a run: so many bytes of its text drawn by so many of its glyphs.
public struct Cluster: Sendable, Equatable {
    public var bytes: Int32
    public var glyphs: Int32

    public init(bytes: Int32, glyphs: Int32) { self.bytes = bytes; self.glyphs = glyphs }
}

/// A font as the shaper chose it, named so any writer can open it again: the face's file and
/// index in it (a `.ttc` holds several), the size in points, and the styles made up for a face
/// that lacks them (bold by emboldening the outlines, oblique by slanting them).
public struct FontKey: Sendable, Hashable {
    public var file: String
    public var index: Int
    public var size: Double
    public var syntheticBold: Bool
    public var syntheticOblique: Bool

    public init(file: String, index: Int, size: Double, syntheticBold: Bool = false, syntheticOblique: Bool = false) {
        self.file = file; self.index = index; self.size = size
        self.syntheticBold = syntheticBold; self.syntheticOblique = syntheticOblique
    }
}
