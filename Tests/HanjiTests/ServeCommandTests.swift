// `hanji serve` and `hanji user add` as a user runs them: the password from standard input, the
// server on a port of its own, and SIGTERM letting a request under way finish.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HanjiTestSupport
import Testing

@Suite("hanji serve and hanji user add")
struct ServeCommandTests {
    @Test("user add takes the password from standard input, stores only a hash, and refuses a short one")
    func userAdd() throws {
        try withTempDir { dir in
            let added = execute(hanjiBinary, ["user", "add", "김담당", "--folder", dir.path], stdin: "long enough 1\n")
            #expect(added.status == 0, "\(added)")
            let users = try String(contentsOf: dir.appendingPathComponent(".hanji/users"), encoding: .utf8)
            #expect(users.hasPrefix("김담당\teditor\tscrypt$15$8$1$") && !users.contains("long enough"))
            let mode = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(".hanji/users").path)[
                .posixPermissions] as? Int
            #expect(mode == 0o600)
            let short = execute(hanjiBinary, ["user", "add", "x", "--folder", dir.path], stdin: "short\n")
            #expect(short.status == 1 && short.stderr.contains("8 characters"))
            let role = execute(hanjiBinary, ["user", "add", "y", "--folder", dir.path, "--role", "boss"], stdin: "")
            #expect(role.status == 2)
        }
    }

    @Test("SIGTERM stops the server once the request under way has its answer; exit 0")
    func gracefulStop() async throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("year")
        try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("examples/yeongdeungpo-2018"), to: folder)
        #expect(execute(hanjiBinary, ["user", "add", "김담당", "--folder", folder.path], stdin: "long enough 1\n").status
            == 0)
        let port = 20_000 + Int.random(in: 0..<20_000)
        let server = Process()
        server.executableURL = hanjiBinary
        server.arguments = ["serve", folder.path, "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        let base = "http://127.0.0.1:\(port)"
        var up = false
        for _ in 0..<100 where !up {
            up = (try? await URLSession.shared.data(from: URL(string: base + "/healthz")!)) != nil
            if !up { try await Task.sleep(nanoseconds: 100_000_000) }
        }
        #expect(up)
        var login = URLRequest(url: URL(string: base + "/api/login")!)
        login.httpMethod = "POST"
        login.httpBody = Data(#"{"name":"김담당","password":"long enough 1"}"#.utf8)
        let (_, answer) = try await URLSession.shared.data(for: login)
        let cookie = ((answer as? HTTPURLResponse)?.value(forHTTPHeaderField: "Set-Cookie") ?? "")
            .split(separator: ";").first.map(String.init) ?? ""
        // The booklet takes seconds to print: SIGTERM arrives while it is under way.
        var print = URLRequest(url: URL(string: base + "/api/print/booklet/year.yaml?edition=public")!)
        print.setValue(cookie, forHTTPHeaderField: "Cookie")
        print.timeoutInterval = 120
        async let printed = URLSession.shared.data(for: print)
        try await Task.sleep(nanoseconds: 700_000_000)
        kill(server.processIdentifier, SIGTERM)
        let (pdf, response) = try await printed
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(pdf.starts(with: Array("%PDF".utf8)) && String(decoding: pdf.suffix(8), as: UTF8.self).contains("%%EOF"))
        for _ in 0..<200 where server.isRunning { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(!server.isRunning, "the server did not stop within 10 s of SIGTERM")
        if !server.isRunning { #expect(server.terminationStatus == 0) }
    }
}
