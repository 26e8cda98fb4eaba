// The C objects Render makes, each family through one funnel that checks what the constructor
// returned and lets go of the reference in `deinit`: nothing force-unwrapped, nothing leaked.
import CPangoCairo
import CPixbuf

/// A Cairo surface holding one reference of ours. Every surface Render makes comes through
/// here: a constructor's failure (nil, or an error status) is thrown, its surface destroyed.
final class Surface {
    let pointer: OpaquePointer

    /// Takes the surface a Cairo constructor returned; `failure` names a bad status.
    init(_ made: OpaquePointer?, failure: (cairo_status_t) -> any Error) throws {
        guard let made else { throw failure(CAIRO_STATUS_NO_MEMORY) }
        let status = cairo_surface_status(made)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(made)
            throw failure(status)
        }
        pointer = made
    }

    /// Takes the surface the Cairo call `call` returned.
    convenience init(_ call: String, _ made: OpaquePointer?) throws {
        try self.init(made) { RenderError.cairo(call: call, status: String(cString: cairo_status_to_string($0))) }
    }

    deinit { cairo_surface_destroy(pointer) }

    var width: Int { Int(cairo_image_surface_get_width(pointer)) }
    var height: Int { Int(cairo_image_surface_get_height(pointer)) }
    var stride: Int { Int(cairo_image_surface_get_stride(pointer)) }

    /// An image surface's pixel rows (`stride` bytes each).
    func pixels() throws -> UnsafeMutablePointer<UInt8> {
        guard let data = cairo_image_surface_get_data(pointer) else {
            throw RenderError.cairo(call: "cairo_image_surface_get_data", status: "not an image surface")
        }
        return data
    }
}

/// A GObject holding one reference of ours (a pixbuf, a pixbuf loader), unreferenced in `deinit`.
final class GObjectRef {
    let raw: UnsafeMutableRawPointer

    /// Takes a reference a constructor returned: nil is `failure`.
    init(_ made: UnsafeMutableRawPointer?, or failure: @autoclosure () -> any Error) throws {
        guard let made else { throw failure() }
        raw = made
    }

    deinit { g_object_unref(raw) }

    var pixbuf: OpaquePointer { OpaquePointer(raw) }
    var loader: UnsafeMutablePointer<GdkPixbufLoader> { raw.assumingMemoryBound(to: GdkPixbufLoader.self) }
}
