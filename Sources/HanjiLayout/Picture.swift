/// A checked image ready to place: its size in pixels as shown, and the file a writer draws it from.
public struct Bitmap: Sendable {
    /// The path as the record names it, for messages.
    public var path: String
    public var width: Int
    public var height: Int
    public var file: ImageFile

    public init(path: String, width: Int, height: Int, file: ImageFile) {
        self.path = path; self.width = width; self.height = height; self.file = file
    }
}

/// Opens image files for layout (their sizes) and for drawing (their pixels).
public protocol ImageLoader: AnyObject {
    func load(_ path: String) throws -> Bitmap
    /// Starts reading an image that `load` will soon ask for; its errors wait for `load`.
    func prefetch(_ path: String)
}

extension ImageLoader {
    public func prefetch(_ path: String) {}
}

/// An image file that cannot be placed: missing, unreadable, or not an image.
public struct ImageError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) { self.path = path; self.reason = reason }
    public var description: String { "image '\(path)': \(reason)" }
}

/// An image scaled to fit its region's width and a greatest height, keeping its aspect ratio.
public struct Picture: Block {
    public var path: String
    /// The tallest the image may be drawn, in points.
    public var maxHeight: Double
    /// Where an image narrower than its region stands: 0 left, 0.5 centre, 1 right.
    public var align: Double
    public var source: String
    /// The images of the grid row this one stands in (itself included): each stands in a box
    /// as tall as the row's tallest, on its lower edge, so the captions under them line up.
    public var row: [String] = []

    public init(path: String, maxHeight: Double, align: Double = 0.5, source: String = "image") {
        self.path = path; self.maxHeight = maxHeight; self.align = align; self.source = source
    }

    /// The cells of a grid row with their pictures told of one another (`row`).
    public static func lined(_ cells: [[any Block]]) -> [[any Block]] {
        let row = cells.flatMap { $0.compactMap { picture($0)?.path } }
        guard row.count > 1 else { return cells }
        return cells.map { blocks in
            blocks.map { block in
                guard var picture = picture(block) else { return block }
                picture.row = row
                guard var tagged = block as? Tagged else { return picture }
                tagged.inner = picture
                return tagged
            }
        }
    }

    /// The picture a block is, or is the figure element of.
    static func picture(_ block: any Block) -> Picture? {
        (block as? Picture) ?? ((block as? Tagged)?.inner as? Picture)
    }

    /// The drawn size of a bitmap in a box `width` wide.
    public func size(of bitmap: Bitmap, width: Double) -> Size {
        guard bitmap.width > 0, bitmap.height > 0 else { return Size(width: 0, height: 0) }
        let aspect = Double(bitmap.height) / Double(bitmap.width)
        let w = min(width, maxHeight / aspect)
        return Size(width: w, height: w * aspect)
    }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        guard let images = context.images else {
            throw ImageError(path: path, reason: "no image loader is set up for \(source)")
        }
        let bitmap = try images.load(path)
        let size = size(of: bitmap, width: region.width)
        guard size.height <= region.height + 0.01 else {
            if region.fresh {
                throw LayoutError.tooLarge(what: "\(source) (\(path))", height: size.height, available: region.height)
            }
            return .nothing
        }
        // The row's tallest image at this width; one that cannot be read says so in its own cell.
        let box = row.compactMap { peer in try? images.load(peer) }
            .map { self.size(of: $0, width: region.width).height }.reduce(size.height, max)
        var frame = Frame(size: Size(width: region.width, height: min(box, max(size.height, region.height))))
        let at = Point(x: (region.width - size.width) * align, y: frame.size.height - size.height)
        frame.add(.image(bitmap, size), at: at)
        return .whole(frame)
    }
}

/// A line of text with a seal image centred on its last character (직인 over the 발신명의).
public struct Sealed: Block {
    public var text: Paragraph
    public var seal: Picture
    /// The seal's width, in points.
    public var size: Double
    /// How far above the baseline the seal's centre stands, in em of the text.
    public var raise: Double
    /// In a tagged PDF, the text is a paragraph and the seal a figure saying this (`직인: …`);
    /// nil: neither is an element.
    public var alt: String?

    public init(_ text: Paragraph, seal: Picture, size: Double, raise: Double = 0.38) {
        self.text = text; self.seal = seal; self.size = size; self.raise = raise
    }

    public var spaceBefore: Double { text.spaceBefore }
    public var spaceAfter: Double { text.spaceAfter }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        guard case .whole(var frame) = try text.layout(in: region, context) else { return .nothing }
        frame = frame.bracketed(alt.map { _ in Tag(.paragraph) })
        guard let (p, line) = frame.lines.last, let last = line.text.last(where: { !$0.isWhitespace }),
              let images = context.images else { return .whole(frame) }
        // The last character's centre: its own width back from the line's end, `raise` above the baseline.
        let glyph = try context.shaper.shape(String(last), style: text.style, width: .infinity).first?.width
            ?? text.style.size
        let centre = Point(x: p.x + line.width - glyph / 2, y: p.y - text.style.size * raise)
        let bitmap = try images.load(seal.path)
        let drawn = Picture(path: seal.path, maxHeight: size * 4).size(of: bitmap, width: size)
        var seal = Frame(size: frame.size)
        seal.add(.image(bitmap, drawn), at: Point(x: centre.x - drawn.width / 2, y: centre.y - drawn.height / 2))
        frame.add(seal.bracketed(alt.map { Tag(.figure(alt: $0)) }), at: .zero)
        return .whole(frame)
    }
}
