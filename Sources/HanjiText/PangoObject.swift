import CPangoCairo

/// A reference to one of Pango's GObjects (a font map, context or layout): the one way the
/// shaper takes them from C, refusing a null, and gives them back (`g_object_unref`) when the
/// Swift object goes.
final class PangoObject {
    let pointer: UnsafeMutableRawPointer

    /// Takes ownership of what `call` returned, or throws naming the call when it returned nothing.
    init(_ made: UnsafeMutableRawPointer?, _ call: String) throws {
        guard let made else { throw FontError.setup("\(call) failed") }
        pointer = made
    }

    convenience init(_ made: OpaquePointer?, _ call: String) throws {
        try self.init(UnsafeMutableRawPointer(made), call)
    }

    deinit { g_object_unref(pointer) }

    /// The object as Pango's opaque types take it (`PangoContext *`, `PangoLayout *`).
    var opaque: OpaquePointer { OpaquePointer(pointer) }
}
