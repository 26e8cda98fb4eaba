// What a request carries besides itself: the address it came from, and the forwarded headers
// of a proxy on the same machine (nginx), which are believed from loopback only.
import Hummingbird
import HTTPTypes
import NIOCore

/// The request context: Hummingbird's, with the peer's address.
struct Context: RequestContext {
    var coreContext: CoreRequestContextStorage
    let peer: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress
    }

    /// Whether the connection comes from this machine (a proxy in front, or a local browser).
    var fromLoopback: Bool {
        guard let ip = peer?.ipAddress else { return false }
        return ip == "127.0.0.1" || ip == "::1" || ip.hasPrefix("127.") || ip == "::ffff:127.0.0.1"
    }

    /// The client's address: the proxy's `X-Real-IP` when the proxy is local, else the peer's.
    func client(_ request: Request) -> String {
        if fromLoopback, let real = request.headers[.xRealIP], !real.isEmpty { return real }
        return peer?.ipAddress ?? "?"
    }

    /// Whether the browser reached the server over TLS (the local proxy says so).
    func secure(_ request: Request) -> Bool {
        fromLoopback && request.headers[.xForwardedProto]?.lowercased() == "https"
    }
}

extension HTTPField.Name {
    static let xRealIP = Self("X-Real-IP")!
    static let xForwardedProto = Self("X-Forwarded-Proto")!
    static let csrf = Self("X-Hanji-CSRF")!
    static let pages = Self("X-Hanji-Pages")!
}
