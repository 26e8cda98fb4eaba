import CPangoCairo

/// How a JPEG's stored pixels are turned to stand as shown (EXIF tag 0x0112, values 1–8, read by
/// the input side): a phone stores a portrait photo as a landscape image with orientation 6.
struct Orientation: Equatable {
    /// 1 as stored, 2 mirrored, 3 turned half round, 4 flipped, 5 transposed, 6 turned a quarter
    /// clockwise, 7 transversed, 8 turned a quarter anticlockwise.
    let value: Int

    static let upright = Orientation(value: 1)

    /// Whether the shown image's width is the stored image's height.
    var swapsSides: Bool { value >= 5 }

    /// The matrix taking a point of the stored image, scaled to the unit square, to where it is
    /// shown in the unit square.
    var unitMatrix: cairo_matrix_t {
        // (xx, yx, xy, yy, x0, y0): shown x = xx·a + xy·b + x0, shown y = yx·a + yy·b + y0.
        let m: (Double, Double, Double, Double, Double, Double)
        switch value {
        case 2: m = (-1, 0, 0, 1, 1, 0)
        case 3: m = (-1, 0, 0, -1, 1, 1)
        case 4: m = (1, 0, 0, -1, 0, 1)
        case 5: m = (0, 1, 1, 0, 0, 0)
        case 6: m = (0, 1, -1, 0, 1, 0)
        case 7: m = (0, -1, -1, 0, 1, 1)
        case 8: m = (0, -1, 1, 0, 0, 1)
        default: m = (1, 0, 0, 1, 0, 0)
        }
        return cairo_matrix_t(xx: m.0, yx: m.1, xy: m.2, yy: m.3, x0: m.4, y0: m.5)
    }

    /// Sets `cr` so that the stored image, drawn into a box of `stored` size at the origin, shows
    /// turned into the box of `shown` size. Upright images leave `cr` as it is.
    func apply(to cr: OpaquePointer, shown: (width: Double, height: Double)) {
        guard self != .upright else { return }
        var m = unitMatrix
        let stored = swapsSides ? (shown.height, shown.width) : shown
        cairo_scale(cr, shown.width, shown.height)
        cairo_transform(cr, &m)
        cairo_scale(cr, 1 / stored.0, 1 / stored.1)
    }
}
