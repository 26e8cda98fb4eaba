import CPangoCairo
import Synchronization

/// How many decoded images (Cairo surfaces) are alive, and the most there were at once; a surface
/// counts until its last reference goes, Cairo's own included.
public final class Census: Sendable {
    let counts = Mutex<(alive: Int, peak: Int)>((0, 0))

    public init() {}

    public var alive: Int { counts.withLock { $0.alive } }
    public var peak: Int { counts.withLock { $0.peak } }

    /// Counts `surface` from now until Cairo frees it.
    func track(_ surface: OpaquePointer) {
        counts.withLock { $0.alive += 1; $0.peak = max($0.peak, $0.alive) }
        let census = Unmanaged.passRetained(self).toOpaque()
        let status = cairo_surface_set_user_data(surface, Census.key, census) { pointer in
            Unmanaged<Census>.fromOpaque(pointer!).takeRetainedValue().counts.withLock { $0.alive -= 1 }
        }
        if status != CAIRO_STATUS_SUCCESS { counts.withLock { $0.alive -= 1 } }
    }

    /// The user-data key: only its address matters.
    nonisolated(unsafe) static let key = UnsafeMutablePointer<cairo_user_data_key_t>.allocate(capacity: 1)
}
