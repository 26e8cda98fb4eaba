// `hanji serve`: the year folder as a web application. The routes of the JSON API and the web
// page; each handler checks who asks, then hands the work to the folder, the store or the pool.
import Foundation
import Hanji
import HanjiModel
import HanjiRender
import Hummingbird
import HTTPTypes
import Logging
import NIOCore

/// The office server over one year folder.
public struct Server: Sendable {
    let folder: Folder
    let store: Store
    let sessions = Sessions()
    let throttle = Throttle()
    let pool: Pool
    /// The web page's files (`index.html`, `app.js`, `app.css`), when they are found.
    let web: URL?
    public var host: String
    public var port: Int
    /// What the server logs: each start, stop and internal error at `info` (never a password,
    /// token or record text).
    public var logLevel = Logger.Level.info

    /// The largest record, layout or roster a save takes, and the largest photo.
    static let textLimit = 2 << 20, photoLimit = 20 << 20

    public init(folder: URL, host: String = "127.0.0.1", port: Int = 8080, web: URL?, renderers: Int? = nil) throws {
        self.folder = try Folder(folder)
        store = Store(folder: self.folder)
        pool = Pool(size: renderers ?? ProcessInfo.processInfo.activeProcessorCount)
        self.web = web
        self.host = host
        self.port = port
    }

    /// Serves until SIGTERM or SIGINT (then in-flight requests finish) or the task is cancelled;
    /// `running` is told the port once the server listens.
    public func run(running: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "hanji")
        logger.logLevel = logLevel
        let app = Application(router: router(), configuration: .init(address: .hostname(host, port: port),
                                                                      serverName: "hanji"),
                              onServerRunning: { await running($0.localAddress?.port ?? 0) }, logger: logger)
        try await app.runService()
    }

    func router() -> Router<Context> {
        let router = Router(context: Context.self)
        router.middlewares.add(Headers())
        router.get("healthz") { _, _ in "ok" }
        router.post("api/login") { request, context in try await login(request, context) }
        router.post("api/logout") { request, context in
            let session = try changing(request, context)
            sessions.end(session.id)
            var response = Response(status: .noContent)
            response.headers[.setCookie] = "hanji_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
            return response
        }
        router.get("api/session") { request, _ in try who(request).json.response() }
        router.get("api/files") { request, _ in
            _ = try who(request)
            return JSON.object(["files": .array(folder.listing().map(\.json))]).response()
        }
        router.get("api/files/**") { request, context in try read(request, context) }
        router.put("api/files/**") { request, context in try await save(request, context) }
        router.post("api/check/**") { request, context in try await check(request, context) }
        router.get("api/print/:paper/**") { request, context in try await print(request, context) }
        router.get("api/preview/:paper/**") { request, context in try await preview(request, context, unsaved: false) }
        router.post("api/preview/:paper/**") { request, context in try await preview(request, context, unsaved: true) }
        router.post("api/photos") { request, context in try await upload(request, context) }
        for (route, name, type) in [("/", "index.html", "text/html"), ("app.js", "app.js", "text/javascript"),
                                    ("app.css", "app.css", "text/css")] {
            router.get(RouterPath(route)) { _, _ in try page(name, type: type) }
        }
        return router
    }

    // MARK: Who asks

    /// The session of the request's cookie, or 401.
    func who(_ request: Request) throws -> Session {
        guard let id = request.cookies["hanji_session"]?.value, let session = sessions.session(id) else {
            throw Refusal.loginNeeded
        }
        return session
    }

    /// The session of a request that changes something: it must carry the session's CSRF token
    /// and come from this server's own page (no cross-origin `Origin`), else 403.
    func changing(_ request: Request, _ context: Context) throws -> Session {
        let session = try who(request)
        if let origin = request.headers[.origin], let host = request.head.authority,
           URL(string: origin)?.hostWithPort != host {
            throw Refusal(.forbidden, "다른 사이트에서 온 요청은 받지 않습니다")
        }
        guard let token = request.headers[.csrf], Random.same(Array(token.utf8), Array(session.csrf.utf8)) else {
            throw Refusal(.forbidden, "요청에 보안 토큰(X-Hanji-CSRF)이 없습니다. 페이지를 새로 고치세요")
        }
        return session
    }

    /// Refuses a request a page of another site sent (its `Origin` is not this server's).
    func sameOrigin(_ request: Request) throws {
        if let origin = request.headers[.origin], let host = request.head.authority,
           URL(string: origin)?.hostWithPort != host {
            throw Refusal(.forbidden, "다른 사이트에서 온 요청은 받지 않습니다")
        }
    }

    /// The session of a request that edits: an editor's, else 403.
    func editing(_ request: Request, _ context: Context) throws -> Session {
        let session = try changing(request, context)
        guard session.role == .editor else { throw Refusal(.forbidden, "읽기 전용 계정은 수정할 수 없습니다") }
        return session
    }

    func login(_ request: Request, _ context: Context) async throws -> Response {
        struct Login: Decodable { var name: String; var password: String }
        try sameOrigin(request)
        let body = try await request.body.collect(upTo: 64 << 10)
        guard let login = try? JSONDecoder().decode(Login.self, from: Data(buffer: body)) else {
            throw Refusal(.badRequest, "이름과 비밀번호를 보내세요: {\"name\", \"password\"}")
        }
        let keys = ["name:" + login.name, "address:" + context.client(request)]
        let wait = throttle.wait(keys)
        if wait > 0 {
            var refusal = Refusal(.tooManyRequests, "비밀번호가 여러 번 틀렸습니다. \(wait)초 뒤에 다시 시도하세요")
            refusal.headers[.retryAfter] = String(wait)
            throw refusal
        }
        let root = folder.root
        let account = try await pool.run { _ in try Accounts(folder: root).account(login.name, password: login.password) }
        guard let account else {
            throttle.failed(keys)
            store.audit.append(login.name, "login-failed", "", "")
            throw Refusal(.unauthorized, "이름이나 비밀번호가 맞지 않습니다")
        }
        throttle.succeeded(keys)
        // A session id already in the browser is ended: a new one at every login.
        if let old = request.cookies["hanji_session"]?.value { sessions.end(old) }
        let session = sessions.start(account)
        store.audit.append(account.name, "login", "", "")
        var response = session.json.response()
        let secure = context.secure(request) ? "; Secure" : ""
        response.headers[.setCookie] = "hanji_session=\(session.id); Path=/; HttpOnly; SameSite=Strict; "
            + "Max-Age=\(Int(Sessions.absolute))\(secure)"
        return response
    }

    // MARK: Files

    func read(_ request: Request, _ context: Context) throws -> Response {
        let session = try who(request)
        let (path, url) = try folder.file(context.parameters.getCatchAll())
        let data = try folder.read(url)
        // A reader sees public editions only: the year's record (its body, members and projects,
        // which the programme prints), not a meeting's record or a roster, which hold the names
        // and statuses the public editions mask.
        if session.role == .reader, folder.entry(url, path: path)?.kind != "year" {
            throw Refusal(.forbidden, "읽기 전용 계정은 회의 기록 원문을 볼 수 없습니다. 공개본 미리보기와 인쇄를 이용하세요")
        }
        let etag = Folder.etag(data)
        if request.uri.queryParameters["as"] == "json" {
            guard let text = String(data: data, encoding: .utf8) else { throw Refusal(.unprocessableContent, "UTF-8이 아닌 파일입니다") }
            do {
                let tree = try Canonical.json(yaml: text, file: url.path)
                return JSON.object(["record": .raw(tree)]).response(headers: [.eTag: etag])
            } catch {
                throw Diagnostics.refusal(error, file: url, folder: folder)
            }
        }
        let type = url.pathExtension.lowercased() == "csv" ? "text/csv; charset=utf-8" : "text/yaml; charset=utf-8"
        return Response(status: .ok, headers: [.contentType: type, .eTag: etag],
                        body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    /// The text a save, check or preview sends: as typed (YAML, CSV), or the form's record tree
    /// (`{"record": …}`) written in the canonical layout.
    func text(of request: Request, url: URL) async throws -> String {
        let body = try await request.body.collect(upTo: Server.textLimit)
        guard let sent = String(data: Data(buffer: body), encoding: .utf8) else {
            throw Refusal(.badRequest, "본문이 UTF-8 텍스트가 아닙니다")
        }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") ?? false else { return sent }
        do {
            return try Canonical.yaml(json: try Server.record(in: sent))
        } catch {
            throw Diagnostics.refusal(error, file: url, folder: folder)
        }
    }

    /// The JSON text of the `record` member of `{"record": …}`, the only member.
    static func record(in body: String) throws -> String {
        var text = Substring(body.trimmingCharacters(in: .whitespacesAndNewlines))
        guard text.hasPrefix("{"), text.hasSuffix("}") else { throw Refusal(.badRequest, "본문은 {\"record\": …} 이어야 합니다") }
        text = text.dropFirst().dropLast()
        text = text.drop { $0.isWhitespace }
        guard text.hasPrefix("\"record\"") else { throw Refusal(.badRequest, "본문은 {\"record\": …} 이어야 합니다") }
        text = text.dropFirst(8).drop { $0.isWhitespace }
        guard text.hasPrefix(":") else { throw Refusal(.badRequest, "본문은 {\"record\": …} 이어야 합니다") }
        return String(text.dropFirst())
    }

    /// The problems `hanji check` finds in `text` as the content of `url`, found on the pool.
    func problems(_ text: String, url: URL) async throws -> (errors: [InputError], warnings: [InputError]) {
        try await pool.run { worker in
            FileCheck(composer: { try worker.composer(for: $0) }).check(url, text: text)
        }
    }

    func save(_ request: Request, _ context: Context) async throws -> Response {
        let session = try editing(request, context)
        let (path, url) = try folder.file(context.parameters.getCatchAll())
        _ = try folder.read(url)
        guard let expected = request.headers[.ifMatch] else {
            throw Refusal(.preconditionRequired, "If-Match 헤더(읽을 때 받은 ETag)가 없습니다")
        }
        let text = try await self.text(of: request, url: url)
        let found = try await problems(text, url: url)
        guard found.errors.isEmpty else {
            throw Refusal(.unprocessableContent, "기록에 고칠 곳이 있어 저장하지 않았습니다",
                          ["diagnostics": Diagnostics.json(found.errors + found.warnings, folder: folder)])
        }
        let etag = try await store.save(Data(text.utf8), path: path, url: url, expected: expected, by: session.name)
        return JSON.object(["etag": .string(etag), "diagnostics": Diagnostics.json(found.warnings, folder: folder)])
            .response(headers: [.eTag: etag])
    }

    func check(_ request: Request, _ context: Context) async throws -> Response {
        _ = try editing(request, context)
        let (_, url) = try folder.file(context.parameters.getCatchAll())
        let text = try await self.text(of: request, url: url)
        let found = try await problems(text, url: url)
        return JSON.object(["diagnostics": Diagnostics.json(found.errors + found.warnings, folder: folder)]).response()
    }

    // MARK: Printing

    /// The paper, the record and the edition a print or preview asks for; a reader asking for an
    /// official edition is 403.
    func asked(_ request: Request, _ context: Context, _ session: Session) throws -> (Paper, String, URL, Edition) {
        guard let paper = context.parameters.get("paper").flatMap(Paper.init(rawValue:)) else {
            throw Refusal(.notFound, "없는 문서입니다: minutes, signin, program, certificates, booklet")
        }
        let (path, url) = try folder.file(context.parameters.getCatchAll())
        let edition: Edition
        switch request.uri.queryParameters["edition"].map(String.init) {
        case "official": edition = .official
        case "public": edition = .public
        case nil: edition = session.role == .reader ? .public : .official
        default: throw Refusal(.badRequest, "edition은 official 또는 public입니다")
        }
        if edition == .official && session.role == .reader {
            throw Refusal(.forbidden, "읽기 전용 계정은 공개본만 볼 수 있습니다")
        }
        guard paper.editions.contains(edition) else {
            throw Refusal(.badRequest, "이 문서에는 \(edition == .public ? "공개본" : "원본")이 없습니다")
        }
        return (paper, path, url, edition)
    }

    func print(_ request: Request, _ context: Context) async throws -> Response {
        let session = try who(request)
        let (paper, path, url, edition) = try asked(request, context, session)
        let data = try await rendered(url) { worker in
            let document = try paper.document(url, text: nil, edition: edition, worker: worker)
            let temp = FileManager.default.temporaryDirectory.appendingPathComponent("hanji-\(Random.token(9)).pdf")
            defer { try? FileManager.default.removeItem(at: temp) }
            try document.writePDF(to: temp)
            return try Data(contentsOf: temp)
        }
        store.audit.append(session.name, "print-\(paper.rawValue)-\(edition == .public ? "public" : "official")", path,
                           Folder.etag(try folder.read(url)))
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            + "-\(paper.rawValue)\(edition == .public ? "-public" : "").pdf"
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "document.pdf"
        return Response(status: .ok, headers: [.contentType: "application/pdf",
                                               .contentDisposition: "inline; filename*=UTF-8''\(encoded)"],
                        body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    func preview(_ request: Request, _ context: Context, unsaved: Bool) async throws -> Response {
        let session = unsaved ? try editing(request, context) : try who(request)
        let (paper, _, url, edition) = try asked(request, context, session)
        let page = request.uri.queryParameters["page"].flatMap { Int($0) } ?? 1
        let dpi = min(200, max(30, request.uri.queryParameters["dpi"].flatMap { Double($0) } ?? 96))
        let text = unsaved ? try await self.text(of: request, url: url) : nil
        let (png, pages) = try await rendered(url) { worker -> ([UInt8], Int) in
            let document = try paper.document(url, text: text, edition: edition, worker: worker)
            guard page >= 1, page <= document.pages.count else { throw Refusal(.notFound, "없는 쪽입니다") }
            return (try PNGWriter.data(document.pages[page - 1], dpi: dpi, images: document.images), document.pages.count)
        }
        return Response(status: .ok, headers: [.contentType: "image/png", .pages: String(pages)],
                        body: .init(byteBuffer: ByteBuffer(bytes: png)))
    }

    /// Runs a render on the pool; what stops it is a 422 with diagnostics at the record.
    func rendered<T: Sendable>(_ url: URL, _ body: @escaping @Sendable (Worker) throws -> T) async throws -> T {
        do {
            return try await pool.run(body)
        } catch {
            throw Diagnostics.refusal(error, file: url, folder: folder)
        }
    }

    // MARK: Photos and the page

    func upload(_ request: Request, _ context: Context) async throws -> Response {
        let session = try editing(request, context)
        let body = try await request.body.collect(upTo: Server.photoLimit)
        let stored = try await pool.run { [folder] _ in
            try Photos.store(Data(buffer: body), named: request.uri.queryParameters["name"].map(String.init) ?? "photo",
                             in: folder)
        }
        store.audit.append(session.name, "upload", stored, Folder.etag(try folder.read(folder.root.appendingPathComponent(stored))))
        return JSON.object(["path": .string(stored)]).response(status: .created)
    }

    func page(_ name: String, type: String) throws -> Response {
        guard let web, let data = FileManager.default.contents(atPath: web.appendingPathComponent(name).path) else {
            throw Refusal(.notFound, "웹 페이지 파일이 없습니다 (share/hanji/web)")
        }
        return Response(status: .ok, headers: [.contentType: "\(type); charset=utf-8", .cacheControl: "no-cache"],
                        body: .init(byteBuffer: ByteBuffer(data: data)))
    }
}

extension Session {
    var json: JSON { .object(["csrf": .string(csrf), "name": .string(name), "role": .string(role.rawValue)]) }
}

extension URL {
    /// `host:port` as a Host header writes it (the port left out when the URL has none).
    var hostWithPort: String? {
        guard let components = URLComponents(url: self, resolvingAgainstBaseURL: false), let host = components.host else {
            return nil
        }
        return components.port.map { "\(host):\($0)" } ?? host
    }
}
