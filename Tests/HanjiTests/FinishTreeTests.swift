// The finishing pass's structure tree and page content, checked from outside (`PDFJSON`,
// `ContentCheck`, poppler's `pdfinfo -struct-text`).
import CPangoCairo
import Foundation
import HanjiLayout
@testable import HanjiRender
import HanjiTestSupport
import Testing

/// The structure element a canvas opened (not Swift Testing's tag).
private typealias Tag = HanjiLayout.Tag

/// What is wrong with a page's content for a tagged PDF: a painting operator outside marked
/// content that is an artifact or has an MCID; marked content crossing BT/ET; an MCID inside
/// an artifact or another MCID; an MCID whose parent-tree element does not list it.
enum ContentCheck {
    static let painting: Set<String> = ["Tj", "TJ", "'", "\"", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*",
                                        "Do", "sh", "BI"]

    static func problems(_ content: [UInt8], listed: (Int) -> Bool) -> [String] {
        var problems: [String] = []
        // Open marked content: whether it tags (artifact or MCID), and whether it opened in a text object.
        var stack: [(tags: Bool, inText: Bool)] = []
        var inText = false, operands: [String] = []
        var i = 0
        func token() -> String? {
            while i < content.count, [0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x00].contains(content[i]) { i += 1 }
            guard i < content.count else { return nil }
            let start = i
            switch content[i] {
            case 0x28:
                var depth = 0
                repeat {
                    if content[i] == 0x5C { i += 2; continue }
                    if content[i] == 0x28 { depth += 1 } else if content[i] == 0x29 { depth -= 1 }
                    i += 1
                } while i < content.count && depth > 0
                return "(string)"
            case 0x3C where i + 1 < content.count && content[i + 1] == 0x3C,
                 0x3E where i + 1 < content.count && content[i + 1] == 0x3E:
                i += 2
                return String(decoding: content[start..<i], as: UTF8.self)
            case 0x3C:
                while i < content.count && content[i] != 0x3E { i += 1 }
                i += 1
                return "<hex>"
            case 0x5B, 0x5D, 0x7B, 0x7D:
                i += 1
                return String(UnicodeScalar(content[start]))
            case 0x25:
                while i < content.count && content[i] != 0x0A { i += 1 }
                return token()
            default:
                i += 1
                let delimiters: Set<UInt8> = [0x20, 0x0A, 0x0D, 0x09, 0x0C, 0x00, 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D,
                                              0x7B, 0x7D, 0x2F, 0x25]
                while i < content.count && !delimiters.contains(content[i]) { i += 1 }
                return String(decoding: content[start..<i], as: UTF8.self)
            }
        }
        while let t = token() {
            let isOperand = t.hasPrefix("/") || t.hasPrefix("(") || t.hasPrefix("<") || t.hasPrefix(">")
                || ["[", "]", "true", "false", "null"].contains(t) || Double(t) != nil
            if isOperand { operands.append(t); continue }
            switch t {
            case "BT": inText = true
            case "ET": inText = false
            case "BDC", "BMC":
                let mcid = operands.firstIndex(of: "/MCID").flatMap { Int(operands[$0 + 1]) }
                let artifact = operands.first == "/Artifact"
                let tagged = stack.contains { $0.tags }
                if mcid != nil && tagged { problems.append("MCID \(mcid!) inside tagged or artifact content") }
                if let mcid, !listed(mcid) { problems.append("MCID \(mcid) not listed by its parent-tree element") }
                stack.append((mcid != nil || artifact, inText))
            case "EMC":
                if let top = stack.popLast(), top.inText != inText { problems.append("marked content crosses BT/ET") }
            default:
                if painting.contains(t) && !stack.contains(where: { $0.tags }) {
                    problems.append("\(t) outside tagged or artifact content")
                }
            }
            operands = []
        }
        return problems
    }

    /// The problems of every page of a PDF.
    static func problems(_ pdf: PDFJSON) -> [String] {
        let tree = pdf.dict(pdf.dict(pdf.root["/StructTreeRoot"])["/ParentTree"])
        let nums = pdf.array(tree["/Nums"])
        var entries: [Int: Any] = [:]
        for k in stride(from: 0, to: nums.count - 1, by: 2) { entries[nums[k] as? Int ?? -1] = nums[k + 1] }
        return pdf.pages.enumerated().flatMap { index, page in
            let list = pdf.array(entries[pdf.dict(page)["/StructParents"] as? Int ?? -1])
            return problems(pdf.content(page)) { mcid in
                guard mcid < list.count, let element = list[mcid] as? String else { return false }
                let node = pdf.dict(element)
                let kids = (pdf.resolve(node["/K"]) as? [Any]) ?? [node["/K"] as Any]
                return kids.contains { kid in
                    if let n = kid as? Int { return n == mcid && node["/Pg"] as? String == page }
                    let mcr = pdf.dict(kid)
                    return mcr["/Type"] as? String == "/MCR" && mcr["/MCID"] as? Int == mcid
                        && (mcr["/Pg"] ?? node["/Pg"]) as? String == page
                }
            }.map { "page \(index + 1): \($0)" }
        }
    }
}

@Suite("Finishing pass: structure tree and content")
struct FinishTreeTests {
    /// Two pages: a heading, a paragraph, a table (a header cell, a cell over two columns), a
    /// figure, and a paragraph and the table going on over the page; rules outside the tree.
    static var pages: [(OpaquePointer) -> Void] { [
        { cr in
            cairo_tag_begin(cr, "Document", "")
            Draw.rule(cr, y: 40)
            Draw.tagged(cr, "H1") { Draw.text(cr, "제목", y: 80) }
            Draw.tagged(cr, "P") { Draw.text(cr, "첫 문단", y: 100) }
            Draw.tagged(cr, "Table") {
                Draw.tagged(cr, "TR") {
                    Draw.tagged(cr, "TH") { Draw.text(cr, "구분", y: 120) }
                    Draw.tagged(cr, "TD") { Draw.text(cr, "내용", y: 140) }
                }
            }
            Draw.tagged(cr, "Figure") { Draw.rule(cr, y: 160) }
            Draw.tagged(cr, "P") { Draw.text(cr, "넘어가는 문단의 앞", y: 180) }
            Draw.text(cr, "- 1 -", y: 800)
        },
        { cr in
            Draw.tagged(cr, "P") { Draw.text(cr, "넘어가는 문단의 뒤", y: 80) }
            Draw.tagged(cr, "Table") {
                Draw.tagged(cr, "TR") { Draw.tagged(cr, "TD") { Draw.text(cr, "계속", y: 100) } }
            }
            Draw.text(cr, "- 2 -", y: 800)
            cairo_tag_end(cr, "Document")
        },
    ] }
    static let tags: [HanjiLayout.Tag] = [
        Tag(.document), Tag(.heading(1)), Tag(.paragraph), Tag(.table), Tag(.row), Tag(.header(.column)),
        Tag(.cell(columns: 2)), Tag(.figure(alt: "직인: 의장")), Tag(.paragraph), Tag(.paragraph, continued: true),
        Tag(.table, continued: true), Tag(.row), Tag(.cell()),
    ]

    func finished() throws -> [UInt8] {
        try PDFFinisher(metadata: testMetadata(), tags: Self.tags).finish(cairoPDF(Self.pages))
    }

    @Test("alternative text, scope and spans go on the elements the tags name")
    func attributes() throws {
        let pdf = try PDFJSON(try finished())
        let elements = pdf.elements.map { pdf.dict($0) }
        let types = elements.map { $0["/S"] as? String ?? "?" }
        #expect(types == ["/Document", "/H1", "/P", "/Table", "/TR", "/TH", "/TD", "/TR", "/TD", "/Figure", "/P"])
        let th = try #require(elements.first { $0["/S"] as? String == "/TH" })
        let a = pdf.dict(th["/A"])
        #expect(a["/O"] as? String == "/Table" && a["/Scope"] as? String == "/Column")
        let cells = elements.filter { $0["/S"] as? String == "/TD" }
        #expect(pdf.dict(cells.first?["/A"])["/ColSpan"] as? Int == 2)
        #expect(cells.last?["/A"] == nil)
        let figure = try #require(elements.first { $0["/S"] as? String == "/Figure" })
        #expect(figure["/Alt"] as? String == "u:직인: 의장")
        #expect(elements.filter { $0["/Alt"] != nil || $0["/A"] != nil }.count == 3)
    }

    @Test("a paragraph and a table continued over a page are one element each")
    func joined() throws {
        try withTempDir { dir in
            let file = dir.appendingPathComponent("t.pdf")
            let raw = dir.appendingPathComponent("raw.pdf")
            try Data(try finished()).write(to: file)
            try Data(cairoPDF(Self.pages)).write(to: raw)
            func outline(_ url: URL) -> [String] {
                tool("pdfinfo", ["-struct-text", url.path]).stdout.split(separator: "\n")
                    .compactMap { $0.split(separator: " ").first.map(String.init) }
            }
            #expect(outline(raw).filter { $0 == "Table" }.count == 2)
            #expect(outline(raw).filter { $0 == "P" }.count == 3)
            #expect(outline(file).filter { $0 == "Table" }.count == 1)
            #expect(outline(file).filter { $0 == "P" }.count == 2)
            let text = tool("pdfinfo", ["-struct-text", file.path]).stdout
            let joinedText = "P(block)\"넘어가는문단의앞\"\"넘어가는문단의뒤\""
            #expect(squeezed(text).contains(joinedText), "\(text)")
            let check = tool("qpdf", ["--check", file.path])
            #expect(check.status == 0 && !check.stdout.contains("WARNING"), "\(check.stdout)")
        }
        // The parent tree names only elements in the tree; every MCID is listed where it points.
        let pdf = try PDFJSON(try finished())
        let inTree = Set(pdf.elements)
        let nums = pdf.array(pdf.dict(pdf.dict(pdf.root["/StructTreeRoot"])["/ParentTree"])["/Nums"])
        for value in stride(from: 1, to: nums.count, by: 2).map({ nums[$0] }) {
            let refs = (pdf.resolve(value) as? [Any])?.compactMap { $0 as? String } ?? [value as? String ?? ""]
            #expect(refs.allSatisfy { inTree.contains($0) }, "\(refs)")
        }
        #expect(ContentCheck.problems(pdf) == [])
    }

    @Test("everything painted is in tagged content or an artifact; Cairo's own file is not")
    func artifacts() throws {
        let raw = ContentCheck.problems(try PDFJSON(cairoPDF(Self.pages)))
        #expect(raw.contains { $0.contains(": f outside") } && raw.contains { $0.contains(": Tj outside") }, "\(raw)")
        #expect(ContentCheck.problems(try PDFJSON(try finished())) == [])
    }

    @Test("an MCID no element lists (an open element that was a leaf on its page) becomes an artifact")
    func orphans() throws {
        let pages: [(OpaquePointer) -> Void] = [
            { cr in
                cairo_tag_begin(cr, "Document", "")
                Draw.text(cr, "표지", y: 100)
            },
            { cr in
                Draw.tagged(cr, "P") { Draw.text(cr, "본문", y: 100) }
                cairo_tag_end(cr, "Document")
            },
        ]
        let bytes = cairoPDF(pages)
        let before = ContentCheck.problems(try PDFJSON(bytes))
        #expect(before.contains("page 1: MCID 0 not listed by its parent-tree element"), "\(before)")
        let pdf = try PDFJSON(try PDFFinisher(metadata: testMetadata(), tags: [Tag(.document), Tag(.paragraph)])
            .finish(bytes))
        #expect(ContentCheck.problems(pdf) == [])
        let first = String(decoding: pdf.content(pdf.pages[0]), as: UTF8.self)
        #expect(first.contains("/Artifact BMC") && !first.contains("/MCID"), "\(first)")
    }

    @Test("a tree that does not match the tags is an error with both counts, and the earlier file stays")
    func mismatch() throws {
        #expect {
            try PDFFinisher(metadata: testMetadata(), tags: Array(Self.tags.dropLast())).finish(cairoPDF(Self.pages))
        } throws: {
            "\($0)".contains("13 structure elements") && "\($0)".contains("opened 12")
                && "\($0)".contains("--pdf-standard none writes it without this pass")
        }
        try withTempDir { dir in
            let url = dir.appendingPathComponent("m.pdf")
            try Data("EARLIER".utf8).write(to: url)
            let stream = try PDFStream(to: url, metadata: testMetadata())
            try stream.add(rulePage)
            stream.canvas.tags.append(Tag(.paragraph))
            #expect(throws: RenderError.self) { try stream.finish() }
            #expect(try String(contentsOf: url, encoding: .utf8) == "EARLIER")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m.pdf"])
        }
    }
}
