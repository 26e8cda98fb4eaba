// Who is logged in: random session ids in a cookie, each with its CSRF token, idle and absolute
// expiry; and the back-off for repeated wrong passwords, per account and per address.
import Foundation
import Synchronization

/// A logged-in person.
struct Session: Sendable {
    var id: String
    var name: String
    var role: Role
    /// The token every request that changes anything carries in `X-Hanji-CSRF`.
    var csrf: String
    var started: Date
    var seen: Date
}

/// The sessions of a running server (in memory: a restart logs everyone out).
final class Sessions: Sendable {
    /// A session unused this long ends; and any ends this long after login.
    static let idle: TimeInterval = 2 * 3600, absolute: TimeInterval = 12 * 3600
    private let sessions = Mutex<[String: Session]>([:])

    /// A new session (a new id at every login, 256 random bits).
    func start(_ account: Account, now: Date = Date()) -> Session {
        let session = Session(id: Random.token(), name: account.name, role: account.role, csrf: Random.token(),
                              started: now, seen: now)
        sessions.withLock { all in
            all = all.filter { !Sessions.expired($0.value, now) }
            all[session.id] = session
        }
        return session
    }

    /// The live session of an id, its last use moved to now.
    func session(_ id: String, now: Date = Date()) -> Session? {
        sessions.withLock { all in
            guard var session = all[id] else { return nil }
            if Sessions.expired(session, now) {
                all[id] = nil
                return nil
            }
            session.seen = now
            all[id] = session
            return session
        }
    }

    func end(_ id: String) { sessions.withLock { _ = $0.removeValue(forKey: id) } }

    static func expired(_ session: Session, _ now: Date) -> Bool {
        now.timeIntervalSince(session.seen) > idle || now.timeIntervalSince(session.started) > absolute
    }
}

/// Slows down guessing: after `free` wrong passwords for an account or from an address within
/// `window`, each further attempt must wait, twice as long after each failure (up to `longest`).
final class Throttle: Sendable {
    static let free = 5, window: TimeInterval = 15 * 60, longest: TimeInterval = 300
    private let failures = Mutex<[String: (count: Int, last: Date)]>([:])

    /// Seconds to wait before `keys` may try again (0: now).
    func wait(_ keys: [String], now: Date = Date()) -> Int {
        failures.withLock { all in
            keys.map { key -> Int in
                guard let entry = all[key], now.timeIntervalSince(entry.last) < Throttle.window,
                      entry.count >= Throttle.free else { return 0 }
                let delay = min(Throttle.longest, pow(2, Double(entry.count - Throttle.free)))
                return max(0, Int((delay - now.timeIntervalSince(entry.last)).rounded(.up)))
            }.max() ?? 0
        }
    }

    func failed(_ keys: [String], now: Date = Date()) {
        failures.withLock { all in
            for key in keys {
                let count = all[key].map { now.timeIntervalSince($0.last) < Throttle.window ? $0.count : 0 } ?? 0
                all[key] = (count + 1, now)
            }
        }
    }

    func succeeded(_ keys: [String]) { failures.withLock { all in for key in keys { all[key] = nil } } }
}
