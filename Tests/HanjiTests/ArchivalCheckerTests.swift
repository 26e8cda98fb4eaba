// The independent checker of issue 18 (Tests/tools/pdfcheck.py, pikepdf): how the tests run it, and proof
// that it can fail, on a PDF drawn with raw Cairo calls and on files that each break one rule (selftest.py).
import CPangoCairo
import Foundation
import HanjiTestSupport
import Testing

/// Runs Tests/tools/pdfcheck.py with Debian's python3 and python3-pikepdf (`make deps` installs it).
enum PDFCheck {
    static let python = URL(fileURLWithPath: "/usr/bin/python3")
    static let tools = repoRoot.appendingPathComponent("Tests/tools")

    /// The checker's failure lines for `files` at PDF/A-2 `level` ("a" or "b"), all in one process.
    static func failures(_ files: [URL], level: String,
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let out = try run("pdfcheck.py", ["--level", level] + files.map(\.path), sourceLocation: sourceLocation)
        try #require(out.status == 0 || !out.stdout.isEmpty, "pdfcheck failed without a failure line: \(out)",
                     sourceLocation: sourceLocation)
        return out.stdout.split(separator: "\n").map(String.init)
    }

    /// Each file's structure-tree text, read in tree order, its elements joined by newlines.
    static func structText(_ files: [URL], sourceLocation: SourceLocation = #_sourceLocation) throws -> [URL: String] {
        let out = try run("pdfcheck.py", ["--struct-text"] + files.map(\.path), sourceLocation: sourceLocation)
        try #require(out.status == 0, "pdfcheck --struct-text: \(out)", sourceLocation: sourceLocation)
        var texts: [URL: String] = [:], current: URL?
        for line in out.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# ") {
                current = URL(fileURLWithPath: String(line.dropFirst(2)))
                texts[current!] = ""
            } else if let file = current, let tab = line.firstIndex(of: "\t") {
                texts[file]! += line[line.index(after: tab)...] + "\n"
            }
        }
        return texts
    }

    static func run(_ script: String, _ args: [String], sourceLocation: SourceLocation) throws -> Outcome {
        let ready = execute(python, ["-c", "import pikepdf"])
        try #require(ready.status == 0, "the checks need Debian's python3-pikepdf: make deps (\(ready.stderr))",
                     sourceLocation: sourceLocation)
        // No __pycache__ left in Tests/tools.
        return execute(python, [tools.appendingPathComponent(script).path] + args,
                       environment: ["PYTHONDONTWRITEBYTECODE": "1"])
    }
}

@Suite("Archival checker: pdfcheck.py can pass and can fail")
struct ArchivalCheckerTests {

    @Test("a small tagged PDF keeping every rule passes; each copy breaking one rule fails on that rule")
    func selftest() throws {
        let out = try PDFCheck.run("selftest.py", [], sourceLocation: #_sourceLocation)
        #expect(out.status == 0, "\(out)")
    }

    @Test("raw Cairo 1.16 tags: no attributes, no catalog entries, a skipped heading, untagged paint")
    func rawCairoFails() throws {
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("raw.pdf")
            try Self.drawRaw(to: pdf)
            let found = try PDFCheck.failures([pdf], level: "a")
            let expected = ["/Lang is Korean", "/DisplayDocTitle true", "a trailer /ID",
                            "/OutputIntents has /GTS_PDFA1", "an XMP /Metadata stream",
                            "every CIDFontType2 has /CIDToGIDMap",
                            "annotations print and are not hidden", "a Link has /Contents", "/Tabs /S",
                            "a TH has /Scope", "a Figure has non-empty /Alt", "H3 after H1",
                            "painting only inside an Artifact or tagged content: f"]
            for rule in expected {
                #expect(found.contains { $0.contains(rule) }, "pdfcheck missed \(rule): \(found)")
            }
            #expect(found.count == expected.count, "other failures: \(found)")
            // Level b asks for no structure, but still for the catalog, XMP, intent, fonts and printing links.
            let b = try PDFCheck.failures([pdf], level: "b")
            #expect(b.contains { $0.contains("pdfaid") || $0.contains("XMP") } && !b.contains { $0.contains("TH") })
        }
    }

    /// A Document with H1, H3, a one-row table, a figure and a link, drawn through Cairo's own tag calls,
    /// and a rule outside any element.
    static func drawRaw(to url: URL) throws {
        let surface = try #require(cairo_pdf_surface_create(url.path, 595, 842))
        let cr = try #require(cairo_create(surface))
        cairo_select_font_face(cr, "NanumGothic", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, 12)
        func leaf(_ tag: String, _ text: String, y: Double, attributes: String = "") {
            cairo_tag_begin(cr, tag, attributes)
            cairo_move_to(cr, 40, y)
            cairo_show_text(cr, text)
            cairo_tag_end(cr, tag)
        }
        cairo_rectangle(cr, 30, 30, 500, 1)
        cairo_fill(cr)
        cairo_tag_begin(cr, "Document", "")
        leaf("H1", "회의록", y: 60)
        leaf("H3", "안건", y: 90)
        cairo_tag_begin(cr, "Table", "")
        cairo_tag_begin(cr, "TR", "")
        leaf("TH", "이름", y: 120, attributes: "Scope='Column'")
        leaf("TD", "한부영", y: 140)
        cairo_tag_end(cr, "TR")
        cairo_tag_end(cr, "Table")
        cairo_tag_begin(cr, "Figure", "Alt='직인'")
        cairo_rectangle(cr, 40, 160, 20, 20)
        cairo_fill(cr)
        cairo_tag_end(cr, "Figure")
        leaf("Link", "링크", y: 200, attributes: "uri='https://example.org' rect=[40 188 40 14]")
        cairo_tag_end(cr, "Document")
        cairo_destroy(cr)
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        try #require(status == CAIRO_STATUS_SUCCESS, "Cairo: \(String(cString: cairo_status_to_string(status)))")
    }
}
