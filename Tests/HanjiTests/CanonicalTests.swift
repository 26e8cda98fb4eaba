// The canonical layout: a record's YAML as JSON and back, as the web form saves it.
//
// Build first: swift build --build-tests; then: swift test --skip-build --filter Canonical
import Foundation
import Hanji
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

@Suite("Canonical: a record as JSON and back as canonical YAML")
struct CanonicalTests {
    static let meetings = ["examples/yeongdeungpo-2018/minutes-11.yaml", "examples/yeongdeungpo-2018/minutes-12.yaml",
                           "examples/yeongdeungpo-2018/minutes-13.yaml", "examples/yeongdeungpo-2018/minutes-14.yaml",
                           "examples/jumin-2026/summary-0807.yaml", "examples/solbit-council-2026/plenary-0720.yaml",
                           "examples/assembly-2018/committee-0112.yaml"]

    /// `text` through JSON and back.
    static func canonical(_ text: String, file: String) throws -> String {
        try Canonical.yaml(json: try Canonical.json(yaml: text, file: file))
    }

    /// The minutes `text` prints, read as the record at `url` (its folder's photos).
    static func minutes(_ text: String, at url: URL) throws -> [String] {
        var meeting = try Meeting.read(try Field.parse(text, file: url.path))
        meeting.folder = url.deletingLastPathComponent()
        let spec = try Spec.load(repoRoot.appendingPathComponent("layouts/\(meeting.layout).yaml"))
        return try Composer(for: spec).minutes(meeting, spec: spec).text
    }

    @Test("a meeting record through JSON and back prints the same minutes, and canonical is a fixed point",
          arguments: meetings)
    func meetingRoundTrip(_ path: String) throws {
        let url = repoRoot.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let json = try Canonical.json(yaml: text, file: url.path)
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
        let once = try Canonical.yaml(json: json)
        #expect(try Self.minutes(once, at: url) == Self.minutes(text, at: url))
        #expect(try Self.canonical(once, file: url.path) == once)
        #expect(!once.contains("#"), "comments are dropped")
    }

    @Test("year.yaml through JSON and back prints the same programme and booklet, and canonical is a fixed point")
    func yearRoundTrip() throws {
        let url = repoRoot.appendingPathComponent("examples/yeongdeungpo-2018/year.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let once = try Self.canonical(text, file: url.path)
        #expect(try Self.canonical(once, file: url.path) == once)
        let folder = url.deletingLastPathComponent()
        let before = try Year.read(try Field.parse(text, file: url.path), folder: folder)
        let after = try Year.read(try Field.parse(once, file: url.path), folder: folder)
        for name in ["program", "booklet"] {
            let spec = try Spec.load(repoRoot.appendingPathComponent("layouts/\(name).yaml"))
            let composer = try Composer(for: spec)
            func printed(_ year: Year) throws -> [String] {
                name == "program" ? try composer.program(year, spec: spec).text : try composer.booklet(year, spec: spec).text
            }
            #expect(try printed(after) == printed(before), "\(name)")
        }
    }

    /// Texts that YAML would misread or refuse unquoted.
    static let strings = [
        "<script>alert(1)</script>", "\"quotes\"", "'single'", "it's", "{{x}}", "a: b", "a #b", "- item", "-", "*star",
        "&anchor", "!tag", "|", ">", "%percent", "@at", "`tick`", "yes", "No", "on", "y", "null", "Null", "~", "", "14",
        "-3", "1e3", "0x1F", "0o17", "1_000", ".5", ".inf", "18:30", "09:05", "2018-11-22", "2018-11-22 18:30:00",
        "<<", "=", "true", "trailing ", " leading", "two  spaces", "tab\there", "\ttab first",
        "two\nlines", "two\nlines\n", "ends in two\n\n", "\nstarts with a break", "  indented\nsecond",
        "line with trailing space \nnext", "한글 문장: 참석 🦄", "🦄", "📝\n🦄\n", "a\u{2028}b", "a\rb", "#", "? q", "[a]",
        "{a}", "a, b", "100%", "key:", "...", "---", "--- x",
    ]

    @Test("every string survives the round trip as the same string, as a value, a list element and a key")
    func strings() throws {
        for string in Self.strings { try Self.survives(string) }
    }

    @Test("random strings of YAML's awkward characters survive the round trip")
    func randomStrings() throws {
        let alphabet = ["a", "한", " ", "  ", "\t", "\n", "\n\n", ":", ": ", " #", "#", "-", "- ", "'", "\"", "\\", "!",
                        "&", "*", "|", ">", "%", "@", "`", "?", ",", "[", "]", "{", "}", "🦄", "1", "0", ".", "e", "y",
                        "~", "\u{2028}", "\r", "...", "---"]
        var seed: UInt64 = 2018_11_22
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<1500 {
            try Self.survives((0..<next(9)).map { _ in alphabet[next(alphabet.count)] }.joined())
        }
    }

    @Test("random JSON trees (objects, lists, empty ones, numbers, booleans, nulls, texts) come back the same")
    func randomTrees() throws {
        let texts = ["a", "한글", "yes", "14", "", "a: b", "- x", "두 줄\n", "\n", " x", "🦄", "'", "\"", "{}", "[]", "null"]
        let atoms = ["0", "-1.5", "1e3", "true", "false", "null"] + texts.map(Self.encoded)
        var seed: UInt64 = 2026_07_20
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        func tree(_ depth: Int) -> String {
            switch depth > 3 ? 2 : next(4) {
            case 0: return "{" + (0..<next(4)).map { "\(Self.encoded("k\($0)" + texts[next(texts.count)])):\(tree(depth + 1))" }
                .joined(separator: ",") + "}"
            case 1: return "[" + (0..<next(4)).map { _ in tree(depth + 1) }.joined(separator: ",") + "]"
            default: return atoms[next(atoms.count)]
            }
        }
        for _ in 0..<400 {
            let json = "{\"top\":\(tree(0)),\"list\":[\(tree(0)),\(tree(0))]}"
            let yaml = try Canonical.yaml(json: json)
            #expect(try Canonical.json(yaml: yaml, file: "t.yaml") == json, "\(json) → \(yaml)")
            #expect(try Canonical.yaml(json: try Canonical.json(yaml: yaml, file: "t.yaml")) == yaml)
        }
    }

    /// Checks that `string` comes back from the canonical YAML as itself, in each place a string
    /// can stand, and back in JSON still as a string.
    static func survives(_ string: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let json = "{\"v\":\(encoded(string)),\"l\":[\(encoded(string))],\(encoded(string)):1}"
        let yaml = try Canonical.yaml(json: json)
        let root = try Field.parse(yaml, file: "t.yaml")
        let pairs = try root.pairs()
        let said: Comment = "\(string.debugDescription) → \(yaml)"
        #expect(try pairs[0].value.string() == string && !pairs[0].value.isNull(), said,
                sourceLocation: sourceLocation)
        #expect(try pairs[1].value.list().first?.string() == string, said, sourceLocation: sourceLocation)
        #expect(pairs.count == 3 && pairs[2].key == string, said, sourceLocation: sourceLocation)
        // And back to JSON, the string still a string everywhere.
        let back = try Canonical.json(yaml: yaml, file: "t.yaml")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(back.utf8)) as? [String: Any], "\(back)",
                                  sourceLocation: sourceLocation)
        #expect(object["v"] as? String == string && object["l"] as? [String] == [string]
                    && object[string] as? Int == 1, "\(string.debugDescription) → \(back)", sourceLocation: sourceLocation)
    }

    /// A string as JSON text, by Foundation.
    static func encoded(_ string: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: try! encoder.encode(string), as: UTF8.self)
    }

    @Test("scalars are typed as Hanji reads them back; keys keep their order both ways; aliases are copied")
    func typing() throws {
        let yaml = """
            z: 14
            a: '14'
            m: yes
            d: ~
            e:
            f: true
            g: 18:30
            h: 2018-11-22
            i: -1.5e3
            j: "x"
            k: &x [v, 007]
            l: *x
            p: null
            o: Null
            """
        let json = try Canonical.json(yaml: yaml, file: "t.yaml")
        #expect(json == #"{"z":14,"a":"14","m":"yes","d":null,"e":null,"f":true,"g":"18:30","h":"2018-11-22","#
                    + #""i":-1.5e3,"j":"x","k":["v","007"],"l":["v","007"],"p":null,"o":"Null"}"#)
        let back = try Canonical.yaml(json: json)
        #expect(back == """
            z: 14
            a: '14'
            m: 'yes'
            d:
            e:
            f: true
            g: '18:30'
            h: 2018-11-22
            i: -1.5e3
            j: x
            k:
              - v
              - '007'
            l:
              - v
              - '007'
            p:
            o: 'Null'

            """)
    }

    @Test("nested lists and mappings in the canonical layout, multi-line text as | blocks")
    func layout() throws {
        let json = #"{"attendance":[{"group":"분과","members":[{"name":"가","status":"참석"},{}]},[],[[1,2],"x"]],"#
            + #""text":"첫 줄\n  둘째 줄\n","keep":"a\n\n","top":{"in":{"deep":"  lead\nx"}},"empty":{}}"#
        let yaml = try Canonical.yaml(json: json)
        #expect(yaml == """
            attendance:
              - group: 분과
                members:
                  - name: 가
                    status: 참석
                  - {}
              - []
              - - - 1
                  - 2
                - x
            text: |
              첫 줄
                둘째 줄
            keep: |+
              a

            top:
              in:
                deep: |2-
                    lead
                  x
            empty: {}

            """, "\(yaml)")
        #expect(try Canonical.json(yaml: yaml, file: "t.yaml") == json)
    }

    @Test("JSON with escaped halves of a character beyond U+FFFF (as Python writes it) reads as that character")
    func surrogates() throws {
        let yaml = try Canonical.yaml(json: #"{"a":"\ud83e\udd84 \u00e9\\ud83e","b":"\"\\\/"}"#)
        #expect(yaml == "a: 🦄 é\\ud83e\nb: '\"\\/'\n", "\(yaml)")
    }

    @Test("text that is not JSON, or JSON that is not an object, is an InputError", arguments: [
        "", "[1, 2]", "\"text\"", "14", "null", "{\"a\": }", "{a: b}", "{\"a\": 1,}", "{\"a\": 'x'}",
        "{\"a\": 1} # c", "{\"a\": 1}\n{\"b\": 2}", "{\"a\": 1, \"a\": 2}", "{\"a\": \"\\ud83e\"}", "{\"a\": 01}", "{\"a\": \"\\x\"}", "{\"a\": \"tab\there\"}",
        "{\"a\": tru}", "{\"a\": [1 2]}", "{\"a\": \"open}", String(repeating: "[", count: 1_000),
        "{\"a\":" + String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000) + "}",
    ])
    func notJSON(_ json: String) throws {
        #expect(throws: InputError.self) { try Canonical.yaml(json: json, file: "r.json") }
    }

    @Test("an error in the JSON is located at its line and column")
    func jsonErrorLocated() throws {
        let error = try #require(throws: InputError.self) { try Canonical.yaml(json: "{\"a\": 1,\n \"b\": x}", file: "r.json") }
        #expect(error.location?.file == "r.json")
        #expect(error.location?.line == 2, "\(error)")
    }

    @Test("a YAML syntax error is an InputError at its line and column")
    func yamlErrorLocated() throws {
        let error = try #require(throws: InputError.self) {
            try Canonical.json(yaml: "a: 1\nb: [2\nc: 3\n", file: "m.yaml")
        }
        #expect(error.location?.file == "m.yaml" && error.location?.line == 2, "\(error)")
    }
}
