// A served copy of the example year for the server's tests: the folder, two accounts, the
// server on a free loopback port in this process, and a small HTTP client over it.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HanjiServe
import HanjiTestSupport

/// The example year served on loopback, with an editor (`김담당`) and a reader (`열람자`).
final class Office: @unchecked Sendable {
    let folder: URL
    let base: URL
    let task: Task<Void, Never>
    static let password = "correct horse 1"

    /// Starts a server over a fresh copy of examples/yeongdeungpo-2018 (plus what `prepare` adds).
    init(prepare: (URL) throws -> Void = { _ in }) async throws {
        let root = try makeTempDir()
        folder = root.appendingPathComponent("year")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("examples/yeongdeungpo-2018"), to: folder)
        var accounts = try Accounts(folder: folder)
        try accounts.set("김담당", role: .editor, password: Office.password)
        try accounts.set("열람자", role: .reader, password: Office.password)
        try prepare(folder)
        var server = try Server(folder: folder, host: "127.0.0.1", port: 0,
                                web: repoRoot.appendingPathComponent("web"), renderers: 2)
        server.logLevel = .critical
        let (ports, told) = AsyncStream.makeStream(of: Int.self)
        task = Task { try? await server.run { port in told.yield(port) } }
        var port = 0
        for await found in ports { port = found; break }
        base = URL(string: "http://127.0.0.1:\(port)")!
    }

    func stop() {
        task.cancel()
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// One HTTP exchange: the status, the headers (lower-case names) and the body.
    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration)
    }()

    func call(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:],
              as login: Login? = nil) async throws -> Answer {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = method
        request.httpBody = body
        if let login {
            request.setValue("hanji_session=\(login.cookie)", forHTTPHeaderField: "Cookie")
            request.setValue(login.csrf, forHTTPHeaderField: "X-Hanji-CSRF")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields { fields["\(name)".lowercased()] = "\(value)" }
        return Answer(status: http.statusCode, headers: fields, body: data)
    }

    /// A logged-in session: its cookie and CSRF token.
    struct Login {
        var cookie: String
        var csrf: String
        /// The same session without its CSRF token.
        var withoutToken: Login { Login(cookie: cookie, csrf: "") }
    }

    func login(_ name: String, password: String = Office.password) async throws -> (Answer, Login?) {
        let body = try JSONSerialization.data(withJSONObject: ["name": name, "password": password])
        let answer = try await call("POST", "/api/login", body: body, headers: ["Content-Type": "application/json"])
        guard answer.status == 200, let cookie = answer.headers["set-cookie"],
              let value = cookie.split(separator: ";").first?.split(separator: "=", maxSplits: 1).last,
              let csrf = answer.json["csrf"] as? String else { return (answer, nil) }
        return (answer, Login(cookie: String(value), csrf: csrf))
    }

    func editor() async throws -> Login { try await login("김담당").1! }
    func reader() async throws -> Login { try await login("열람자").1! }
}
