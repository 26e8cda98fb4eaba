// `hanji serve`'s JSON API over loopback with the example year: accounts and sessions, the files
// with their ETags, saves that lose nothing, printing and previews, and paths that lead nowhere.
import Foundation
import HanjiInput
import HanjiTestSupport
import Testing

@Suite("The office server's API", .serialized)
struct ServeTests {
    @Test("healthz answers without login; the API asks for one; a wrong password is 401; a login sets a strict cookie")
    func login() async throws {
        let office = try await Office()
        defer { office.stop() }
        #expect(try await office.call("GET", "/healthz").status == 200)
        #expect(try await office.call("GET", "/api/files").status == 401)
        let (wrong, none) = try await office.login("김담당", password: "nope nope")
        #expect(wrong.status == 401 && none == nil)
        let body = try JSONSerialization.data(withJSONObject: ["name": "김담당", "password": Office.password])
        let elsewhere = try await office.call("POST", "/api/login", body: body, headers: ["Origin": "https://evil.example"])
        #expect(elsewhere.status == 403 && elsewhere.headers["set-cookie"] == nil)
        let (right, login) = try await office.login("김담당")
        #expect(right.status == 200)
        let cookie = right.headers["set-cookie"] ?? ""
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && !cookie.contains("Secure"))
        #expect(right.json["role"] as? String == "editor")
        #expect(right.headers["content-security-policy"]?.contains("default-src 'self'") == true)
        let me = try await office.call("GET", "/api/session", as: login)
        #expect(me.status == 200 && me.json["name"] as? String == "김담당")
        // Logout ends the session: its cookie no longer works.
        #expect(try await office.call("POST", "/api/logout", as: login).status == 204)
        #expect(try await office.call("GET", "/api/session", as: login).status == 401)
    }

    @Test("repeated wrong passwords slow down: the sixth try is 429 with Retry-After, even with the right password")
    func throttled() async throws {
        let office = try await Office()
        defer { office.stop() }
        for _ in 0..<5 { #expect(try await office.login("열람자", password: "wrong wrong").0.status == 401) }
        let (answer, _) = try await office.login("열람자")
        #expect(answer.status == 429)
        #expect(Int(answer.headers["retry-after"] ?? "") ?? 0 > 0)
    }

    @Test("the folder's records with their kinds; a file's text with its content hash as ETag")
    func files() async throws {
        let office = try await Office()
        defer { office.stop() }
        let login = try await office.reader()
        let listing = try await office.call("GET", "/api/files", as: login)
        let files = listing.json["files"] as? [[String: Any]] ?? []
        let kinds = Dictionary(uniqueKeysWithValues: files.map { ($0["path"] as! String, $0["kind"] as! String) })
        #expect(kinds["year.yaml"] == "year" && kinds["minutes-14.yaml"] == "meeting" && kinds["roster.csv"] == "roster")
        let fourteen = files.first { $0["path"] as? String == "minutes-14.yaml" }
        #expect(fourteen?["date"] as? String == "2018-11-22")
        #expect(fourteen?["title"] as? String == "분과실무협의회 14차")
        // A reader sees the year's record, not a meeting's (its names are what public editions mask).
        #expect(try await office.call("GET", "/api/files/year.yaml", as: login).status == 200)
        #expect(try await office.call("GET", "/api/files/minutes-14.yaml", as: login).status == 403)
        #expect(try await office.call("GET", "/api/files/minutes-14.yaml?as=json", as: login).status == 403)
        #expect(try await office.call("GET", "/api/files/roster.csv", as: login).status == 403)
        let text = try await office.call("GET", "/api/files/minutes-14.yaml", as: try await office.editor()).text
        #expect(try await office.call("POST", "/api/check/minutes-14.yaml", body: Data(text.utf8), as: login).status == 403)
        #expect(try await office.call("POST", "/api/preview/minutes/minutes-14.yaml?edition=public", body: Data(text.utf8),
                                      as: login).status == 403)
        let file = try await office.call("GET", "/api/files/minutes-14.yaml", as: try await office.editor())
        let disk = try Data(contentsOf: office.folder.appendingPathComponent("minutes-14.yaml"))
        #expect(file.status == 200 && file.body == disk)
        #expect(file.headers["etag"]?.count == 66)
        #expect(file.headers["content-type"]?.hasPrefix("text/yaml") == true)
    }

    @Test("a save: 428 without If-Match, 403 without the token or for a reader, 409 when stale, 200 keeping the old version")
    func save() async throws {
        let office = try await Office()
        defer { office.stop() }
        let editor = try await office.editor(), reader = try await office.reader()
        let path = "/api/files/minutes-13.yaml"
        let url = office.folder.appendingPathComponent("minutes-13.yaml")
        let old = try await office.call("GET", path, as: editor)
        let etag = old.headers["etag"]!
        let edited = old.text.replacingOccurrences(of: "place: ", with: "place: 새 장소 ")
        let body = Data(edited.utf8), yaml = ["Content-Type": "text/yaml"]
        #expect(try await office.call("PUT", path, body: body, headers: yaml, as: editor).status == 428)
        let matching = yaml.merging(["If-Match": etag]) { $1 }
        #expect(try await office.call("PUT", path, body: body, headers: matching, as: editor.withoutToken).status == 403)
        #expect(try await office.call("PUT", path, body: body, headers: matching, as: reader).status == 403)
        let crossSite = matching.merging(["Origin": "https://evil.example"]) { $1 }
        #expect(try await office.call("PUT", path, body: body, headers: crossSite, as: editor).status == 403)
        #expect(try Data(contentsOf: url) == old.body)
        let saved = try await office.call("PUT", path, body: body, headers: matching, as: editor)
        #expect(saved.status == 200)
        #expect(try String(contentsOf: url, encoding: .utf8) == edited)
        #expect(saved.json["etag"] as? String == saved.headers["etag"] && saved.headers["etag"] != etag)
        // The old version is kept as it was, and the audit log says who saved what.
        let history = office.folder.appendingPathComponent(".hanji/history/minutes-13.yaml")
        let kept = try FileManager.default.contentsOfDirectory(atPath: history.path)
        #expect(kept.count == 1)
        #expect(try kept.first.map { try Data(contentsOf: history.appendingPathComponent($0)) } == old.body)
        let audit = try String(contentsOf: office.folder.appendingPathComponent(".hanji/audit.log"), encoding: .utf8)
        #expect(audit.contains("\t김담당\tsave\tminutes-13.yaml\t\(saved.headers["etag"]!)"))
        // A second save with the first ETag is stale: 409 naming who saved first, nothing written.
        let stale = try await office.call("PUT", path, body: Data((edited + "\n").utf8), headers: matching, as: editor)
        #expect(stale.status == 409)
        #expect(stale.json["by"] as? String == "김담당" && (stale.json["at"] as? String)?.isEmpty == false)
        #expect(try String(contentsOf: url, encoding: .utf8) == edited)
    }

    @Test("a save hanji check refuses is 422 with located diagnostics, and nothing is saved")
    func refused() async throws {
        let office = try await Office()
        defer { office.stop() }
        let editor = try await office.editor()
        let path = "/api/files/minutes-14.yaml"
        let old = try await office.call("GET", path, as: editor)
        let broken = old.text.replacingOccurrences(of: "date: 2018-11-22", with: "date: 2018-13-45")
        let answer = try await office.call("PUT", path, body: Data(broken.utf8),
                                           headers: ["Content-Type": "text/yaml", "If-Match": old.headers["etag"]!],
                                           as: editor)
        #expect(answer.status == 422)
        let diagnostics = answer.json["diagnostics"] as? [[String: Any]] ?? []
        let first = diagnostics.first ?? [:]
        #expect(first["file"] as? String == "minutes-14.yaml")
        #expect(first["path"] as? String == "date")
        #expect((first["line"] as? Int ?? 0) > 1 && (first["column"] as? Int ?? 0) >= 1)
        #expect(Set(first.keys).isSuperset(of: ["file", "line", "column", "path", "message", "hint"]))
        #expect(try Data(contentsOf: office.folder.appendingPathComponent("minutes-14.yaml")) == old.body)
    }

    @Test("prints a PDF; a reader gets the public edition and 403 for the official one; a preview is a PNG page")
    func printing() async throws {
        let office = try await Office()
        defer { office.stop() }
        let editor = try await office.editor(), reader = try await office.reader()
        let pdf = try await office.call("GET", "/api/print/minutes/minutes-14.yaml?edition=official", as: editor)
        #expect(pdf.status == 200 && pdf.headers["content-type"] == "application/pdf")
        #expect(pdf.body.starts(with: Array("%PDF".utf8)))
        #expect(try await office.call("GET", "/api/print/minutes/minutes-14.yaml?edition=official", as: reader).status
            == 403)
        let shown = try await office.call("GET", "/api/print/minutes/minutes-14.yaml?edition=public", as: reader)
        #expect(shown.status == 200 && shown.body.starts(with: Array("%PDF".utf8)))
        #expect(try await office.call("GET", "/api/print/signin/minutes-14.yaml", as: reader).status == 200)
        #expect(try await office.call("GET", "/api/print/program/year.yaml", as: reader).status == 200)
        let png = try await office.call("GET", "/api/preview/minutes/minutes-14.yaml?page=1", as: editor)
        #expect(png.status == 200 && png.body.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(Int(png.headers["x-hanji-pages"] ?? "") ?? 0 >= 2)
        #expect(try await office.call("GET", "/api/preview/minutes/minutes-14.yaml?page=99", as: editor).status == 404)
        #expect(try await office.call("GET", "/api/print/poster/minutes-14.yaml", as: editor).status == 404)
    }

    @Test("a preview of an unsaved text shows the change; an unprintable one is 422")
    func unsavedPreview() async throws {
        let office = try await Office()
        defer { office.stop() }
        let editor = try await office.editor()
        let text = try await office.call("GET", "/api/files/minutes-14.yaml", as: editor).text
        let path = "/api/preview/minutes/minutes-14.yaml?page=1"
        let before = try await office.call("POST", path, body: Data(text.utf8), as: editor)
        let changed = text.replacingOccurrences(of: "place: 한우리카페 공용테이블", with: "place: 구청 대회의실")
        let after = try await office.call("POST", path, body: Data(changed.utf8), as: editor)
        #expect(before.status == 200 && after.status == 200 && before.body != after.body)
        let broken = try await office.call("POST", path, body: Data("body: [".utf8), as: editor)
        #expect(broken.status == 422)
        #expect((broken.json["diagnostics"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test("a path that leaves the folder or names .hanji/ reads nothing")
    func paths() async throws {
        let office = try await Office { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("outside.yaml").path,
                                                       withDestinationPath: "/etc/hostname.yaml")
            try "secret: 1\n".write(to: folder.deletingLastPathComponent().appendingPathComponent("secret.yaml"),
                                    atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.yaml").path,
                                                       withDestinationPath: "../secret.yaml")
        }
        defer { office.stop() }
        let editor = try await office.editor()
        for path in ["%2E%2E/secret.yaml", "..%2Fsecret.yaml", "%2Fetc%2Fpasswd", ".hanji/users", ".hanji/audit.log",
                     "%2Ehanji/users", "link.yaml", "outside.yaml", "nothing.yaml", "photos/x.jpg"] {
            let answer = try await office.call("GET", "/api/files/\(path)", as: editor)
            #expect([400, 403, 404].contains(answer.status), "\(path): \(answer.status)")
            #expect(!answer.text.contains("secret") && !answer.text.contains("scrypt"), "\(path)")
        }
    }

    @Test("an uploaded photo lands in photos/ under a safe name of its own")
    func photo() async throws {
        let office = try await Office()
        defer { office.stop() }
        let editor = try await office.editor()
        let png = try Data(contentsOf: office.folder.appendingPathComponent("seal.png"))
        let first = try await office.call("POST", "/api/photos?name=%EC%82%AC%EC%A7%84%20..%2FIMG%201.PNG", body: png,
                                          as: editor)
        #expect(first.status == 201)
        let stored = first.json["path"] as? String ?? ""
        #expect(stored.hasPrefix("photos/") && stored.hasSuffix(".png") && !stored.dropFirst(7).contains("/"))
        #expect(try Data(contentsOf: office.folder.appendingPathComponent(stored)) == png)
        let second = try await office.call("POST", "/api/photos?name=IMG%201.PNG", body: png, as: editor)
        #expect(second.json["path"] as? String != stored)
        #expect(try await office.call("POST", "/api/photos?name=a.txt", body: Data("hello".utf8), as: editor).status == 415)
    }

    @Test("a phone's sideways JPEG (EXIF orientation 6) is stored upright: its width and height swap, no orientation left")
    func sidewaysPhoto() async throws {
        let office = try await Office()
        defer { office.stop() }
        let editor = try await office.editor()
        let sideways = PhoneTests.oriented(try PhoneTests.jpeg(width: 240, height: 160), 6)
        let answer = try await office.call("POST", "/api/photos?name=IMG_0002.JPG", body: sideways, as: editor)
        #expect(answer.status == 201)
        let stored = try Data(contentsOf: office.folder.appendingPathComponent(answer.json["path"] as? String ?? ""))
        #expect(stored != sideways && stored.starts(with: [0xFF, 0xD8, 0xFF]))
        #expect(ServeTests.jpegSize(stored).map { "\($0.width)x\($0.height)" } == "160x240")
        #expect(stored.withUnsafeBytes { Exif.orientation(jpeg: $0) } == 1)
    }

    /// A JPEG's width and height, from its start-of-frame segment.
    static func jpegSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        var i = 2
        while i + 9 < bytes.count, bytes[i] == 0xFF {
            let marker = bytes[i + 1], length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            if (0xC0...0xC3).contains(marker) {
                return (Int(bytes[i + 7]) << 8 | Int(bytes[i + 8]), Int(bytes[i + 5]) << 8 | Int(bytes[i + 6]))
            }
            i += 2 + length
        }
        return nil
    }

    @Test("the form's way: the record as JSON in the file's key order, saved back in the canonical layout, awkward text intact")
    func form() async throws {
        let office = try await Office()
        defer { office.stop() }
        let editor = try await office.editor()
        let path = "/api/files/minutes-12.yaml"
        let read = try await office.call("GET", path + "?as=json", as: editor)
        #expect(read.status == 200 && read.headers["etag"] != nil)
        let raw = read.text
        // Keys in the file's order: body before number before date.
        let (b, n, d) = (raw.range(of: "\"body\"")!, raw.range(of: "\"number\"")!, raw.range(of: "\"date\"")!)
        #expect(b.lowerBound < n.lowerBound && n.lowerBound < d.lowerBound)
        var tree = try #require(read.json["record"] as? [String: Any])
        let awkward = "<script>alert(1)</script> \"따옴표\" {{x}} 'a': b #c"
        tree["place"] = awkward
        // JSONSerialization loses the key order; the server keeps what it is sent.
        let body = try JSONSerialization.data(withJSONObject: ["record": tree])
        let saved = try await office.call("PUT", path, body: body,
                                          headers: ["Content-Type": "application/json", "If-Match": read.headers["etag"]!],
                                          as: editor)
        #expect(saved.status == 200, "\(saved.text)")
        let disk = try String(contentsOf: office.folder.appendingPathComponent("minutes-12.yaml"), encoding: .utf8)
        #expect(!disk.contains("#  ") && !disk.hasPrefix("#"))
        let again = try await office.call("GET", path + "?as=json", as: editor)
        #expect((again.json["record"] as? [String: Any])?["place"] as? String == awkward)
        // The saved record prints: the minutes show the place as typed.
        let pdf = try await office.call("GET", "/api/print/minutes/minutes-12.yaml", as: editor)
        #expect(pdf.status == 200)
        let file = office.folder.appendingPathComponent("out.pdf")
        try pdf.body.write(to: file)
        #expect(squeezed(try pdfText(file)).contains(squeezed("<script>alert(1)</script>")))
    }

    @Test("a designer's edit of the layout shows in the next preview (the warm spec is read again when its file changes)")
    func layoutEdit() async throws {
        let office = try await Office { folder in
            let layouts = folder.appendingPathComponent("layouts")
            try FileManager.default.createDirectory(at: layouts, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("layouts/minutes.yaml"),
                                            to: layouts.appendingPathComponent("minutes.yaml"))
        }
        defer { office.stop() }
        let editor = try await office.editor()
        let path = "/api/preview/minutes/minutes-14.yaml?page=1&dpi=40"
        let before = try await office.call("GET", path, as: editor)
        let again = try await office.call("GET", path, as: editor)
        let spec = office.folder.appendingPathComponent("layouts/minutes.yaml")
        let text = try String(contentsOf: spec, encoding: .utf8)
        try text.replacingOccurrences(of: "size: 19pt", with: "size: 24pt").write(to: spec, atomically: true, encoding: .utf8)
        let after = try await office.call("GET", path, as: editor)
        #expect(before.status == 200 && after.status == 200)
        #expect(before.body == again.body && before.body != after.body)
    }
}
