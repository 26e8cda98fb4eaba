// The example documents through the CLI with and without the finishing pass: the same text and
// the same page pixels; the finished files pass the content and annotation checks.
import Foundation
@testable import HanjiRender
import HanjiTestSupport
import Testing

@Suite("Finishing pass: example documents")
struct FinishExampleTests {
    static let year = repoRoot.appendingPathComponent("examples/yeongdeungpo-2018/year.yaml")

    /// Writes a document with each standard and compares the two.
    func compare(_ args: [String], in dir: URL) throws -> PDFJSON {
        try #require(FileManager.default.isExecutableFile(atPath: hanjiBinary.path), "build the CLI first")
        let none = dir.appendingPathComponent("none.pdf"), a2a = dir.appendingPathComponent("a2a.pdf")
        for (url, standard) in [(none, "none"), (a2a, "a-2a")] {
            let result = run(args + ["-o", url.path, "--pdf-standard", standard])
            try #require(result.status == 0, "\(result.stderr)")
        }
        #expect(try pdfText(none) == (try pdfText(a2a)))
        for (url, prefix) in [(none, "n"), (a2a, "a")] {
            let out = tool("pdftoppm", ["-png", "-r", "60", url.path, dir.appendingPathComponent(prefix).path])
            try #require(out.status == 0, "\(out.stderr)")
        }
        let pngs = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("n-") }
        #expect(!pngs.isEmpty)
        for name in pngs.sorted() {
            let same = try Data(contentsOf: dir.appendingPathComponent(name))
                == (try Data(contentsOf: dir.appendingPathComponent("a" + name.dropFirst())))
            #expect(same, "page \(name) differs between none and a-2a")
        }
        let check = tool("qpdf", ["--check", a2a.path])
        #expect(check.status == 0 && !check.stdout.contains("WARNING"), "\(check.stdout)")
        let pdf = try PDFJSON([UInt8](try Data(contentsOf: a2a)))
        #expect(ContentCheck.problems(pdf) == [])
        return pdf
    }

    @Test("the minutes: text and pixels as without the pass; content all marked")
    func minutes() throws {
        try withTempDir { dir in _ = try compare(["minutes", exampleRecord.path], in: dir) }
    }

    @Test("the booklet: links printable, described, pages in structure order for tabbing")
    func booklet() throws {
        try withTempDir { dir in
            let pdf = try compare(["booklet", Self.year.path], in: dir)
            let links = pdf.dictionaries.map(\.1).filter { $0["/Subtype"] as? String == "/Link" }
            #expect(!links.isEmpty)
            #expect(links.allSatisfy { $0["/F"] as? Int == 4 })
            let said = links.compactMap { $0["/Contents"] as? String }
            #expect(said.count == links.count && said.allSatisfy { $0.hasSuffix("쪽으로 이동") }, "\(said)")
            // The contents' first row goes to the foreword, on the page labelled i.
            #expect(said.contains("u:발간사, i쪽으로 이동"), "\(said)")
            let pages = pdf.pages.map { pdf.dict($0) }.filter { $0["/Annots"] != nil }
            #expect(!pages.isEmpty && pages.allSatisfy { $0["/Tabs"] as? String == "/S" })
        }
    }

    @Test("--pdf-standard reaches the file of every document command", arguments: [
        ("signin", "a-2b", "B"), ("program", "a-2b", "B"), ("certificates", "a-2a", "A"), ("minutes", "a-2b", "B"),
    ])
    func level(command: String, standard: String, letter: String) throws {
        try withTempDir { dir in
            let url = dir.appendingPathComponent("out.pdf")
            let record = command == "signin" || command == "minutes" ? exampleRecord : Self.year
            let result = run([command, record.path, "-o", url.path, "--pdf-standard", standard])
            try #require(result.status == 0, "\(result.stderr)")
            let xmp = try PDFJSON([UInt8](try Data(contentsOf: url))).xmp
            #expect(xmp.contains("<pdfaid:conformance>\(letter)</pdfaid:conformance>"), "\(command): \(xmp)")
        }
    }

    @Test("an imposed booklet claims level b; asked for a-2a it is refused as usage, writing nothing")
    func imposed() throws {
        try withTempDir { dir in
            let url = dir.appendingPathComponent("out.pdf")
            let ok = run(["booklet", Self.year.path, "--impose", "a5-booklet", "-o", url.path])
            try #require(ok.status == 0, "\(ok.stderr)")
            let xmp = try PDFJSON([UInt8](try Data(contentsOf: url))).xmp
            #expect(xmp.contains("<pdfaid:conformance>B</pdfaid:conformance>"), "\(xmp)")
            let other = dir.appendingPathComponent("a.pdf")
            let refused = run(["booklet", Self.year.path, "--impose", "a5-booklet", "--pdf-standard", "a-2a",
                               "-o", other.path])
            #expect(refused.status == 2, "\(refused.status)")  // usage, as every wrong option
            #expect(refused.stderr.contains("use a-2b"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: other.path))
        }
    }

    @Test("an unknown --pdf-standard names the three")
    func unknown() throws {
        let result = run(["minutes", exampleRecord.path, "--pdf-standard", "a-3u"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("'a-2a', 'a-2b' or 'none'"), "\(result.stderr)")
    }
}
