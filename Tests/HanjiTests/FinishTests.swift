// The finishing pass (PDF/A-2, tagged PDF) checked from outside: `qpdf --json` reads the
// finished file, and the checks here tokenize page content themselves, so they do not share
// the pass's own reading of it. Each check is also shown to fail on Cairo's file as written.
import CPangoCairo
import Foundation
import FoundationXML
import HanjiLayout
@testable import HanjiRender
import HanjiTestSupport
import Testing

/// The structure element a canvas opened (not Swift Testing's tag).
private typealias Tag = HanjiLayout.Tag

/// A PDF drawn with raw Cairo calls, one closure a page, into memory.
func cairoPDF(title: String = "", _ pages: [(OpaquePointer) -> Void]) -> [UInt8] {
    final class Bytes { var data: [UInt8] = [] }
    let bytes = Bytes()
    let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
        if let closure, let data {
            Unmanaged<Bytes>.fromOpaque(closure).takeUnretainedValue().data
                .append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        }
        return CAIRO_STATUS_SUCCESS
    }, Unmanaged.passUnretained(bytes).toOpaque(), 595, 842)
    for (key, value) in [(CAIRO_PDF_METADATA_TITLE, title), (CAIRO_PDF_METADATA_CREATE_DATE, "2018-11-23T00:00:00"),
                         (CAIRO_PDF_METADATA_MOD_DATE, "2018-11-23T00:00:00")] where !value.isEmpty {
        cairo_pdf_surface_set_metadata(surface, key, value)
    }
    let cr = cairo_create(surface)!
    cairo_select_font_face(cr, "NanumGothic", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(cr, 12)
    for page in pages {
        page(cr)
        cairo_show_page(cr)
    }
    cairo_destroy(cr)
    cairo_surface_finish(surface)
    cairo_surface_destroy(surface)
    return withExtendedLifetime(bytes) { bytes.data }
}

/// Raw Cairo drawing helpers for the test pages.
enum Draw {
    static func text(_ cr: OpaquePointer, _ text: String, y: Double) {
        cairo_move_to(cr, 72, y)
        cairo_show_text(cr, text)
    }

    static func tagged(_ cr: OpaquePointer, _ name: String, _ body: () -> Void) {
        cairo_tag_begin(cr, name, "")
        body()
        cairo_tag_end(cr, name)
    }

    static func rule(_ cr: OpaquePointer, y: Double) {
        cairo_rectangle(cr, 72, y, 400, 1)
        cairo_fill(cr)
    }
}

/// A finished file's objects as `qpdf --json=2` shows them (content streams decoded, inline).
struct PDFJSON {
    let objects: [String: Any]

    init(_ bytes: [UInt8]) throws {
        let data = try withTempDir { dir in
            let file = dir.appendingPathComponent("t.pdf")
            try Data(bytes).write(to: file)
            let out = tool("qpdf", ["--json=2", "--json-key=qpdf", "--json-stream-data=inline",
                                    "--decode-level=generalized", file.path])
            try #require(out.status == 0, "qpdf --json failed: \(out.stderr)")
            return Data(out.stdout.utf8)
        }
        let top = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let parts = try #require(top["qpdf"] as? [Any])
        objects = try #require(parts[1] as? [String: Any])
    }

    /// An object's value (a stream's dictionary), following a reference "N 0 R".
    func resolve(_ value: Any?) -> Any? {
        guard let ref = value as? String, ref.hasSuffix(" R"), let entry = objects["obj:" + ref] as? [String: Any]
        else { return value }
        if let stream = entry["stream"] as? [String: Any] { return stream["dict"] }
        return entry["value"]
    }

    func dict(_ value: Any?) -> [String: Any] { resolve(value) as? [String: Any] ?? [:] }
    func array(_ value: Any?) -> [Any] { resolve(value) as? [Any] ?? [] }

    /// A stream's decoded bytes.
    func data(_ ref: Any?) -> [UInt8] {
        guard let ref = ref as? String, let entry = objects["obj:" + ref] as? [String: Any],
              let stream = entry["stream"] as? [String: Any], let text = stream["data"] as? String,
              let data = Data(base64Encoded: text) else { return [] }
        return [UInt8](data)
    }

    var trailer: [String: Any] { (objects["trailer"] as? [String: Any])?["value"] as? [String: Any] ?? [:] }
    var root: [String: Any] { dict(trailer["/Root"]) }
    var info: [String: Any] { dict(trailer["/Info"]) }

    /// Every dictionary (and stream dictionary) object with its reference.
    var dictionaries: [(String, [String: Any])] {
        objects.keys.sorted().compactMap { key in
            guard key.hasPrefix("obj:"), let d = resolve(String(key.dropFirst(4))) as? [String: Any] else { return nil }
            return (String(key.dropFirst(4)), d)
        }
    }

    /// The pages in order, as references.
    var pages: [String] {
        func walk(_ ref: Any?) -> [String] {
            let node = dict(ref)
            if node["/Type"] as? String == "/Page" { return [ref as? String ?? ""] }
            return array(node["/Kids"]).flatMap(walk)
        }
        return walk(root["/Pages"])
    }

    /// A page's content, its streams joined.
    func content(_ page: String) -> [UInt8] {
        let contents = dict(page)["/Contents"]
        let refs = (contents as? [Any]) ?? [contents as Any]
        return refs.flatMap { data($0) + [0x0A] }
    }

    /// The structure elements in pre-order (references), from the structure tree root.
    var elements: [String] {
        var out: [String] = []
        func walk(_ kids: Any?) {
            let list = (resolve(kids) as? [Any]) ?? (kids.map { [$0] } ?? [])
            for kid in list {
                guard let ref = kid as? String, dict(ref)["/S"] != nil else { continue }
                out.append(ref)
                walk(dict(ref)["/K"])
            }
        }
        walk(dict(root["/StructTreeRoot"])["/K"])
        return out
    }

    /// The XMP packet's text.
    var xmp: String { String(decoding: data(root["/Metadata"]), as: UTF8.self) }
}

/// A page with a rule on it, drawn through the canvas.
let rulePage: Page = {
    var frame = Frame(size: .a4)
    frame.add(.fill(Size(width: 400, height: 1), .black), at: Point(x: 72, y: 100))
    return Page(size: .a4, frame: frame, number: 1)
}()

/// Metadata for the test files.
func testMetadata(_ standard: PDFStandard = .a2a) -> Metadata {
    var metadata = Metadata()
    metadata.title = "분과실무협의회 14차 회의록 <\"초안\" & '검토'>"
    metadata.author = "분과실무협의회"
    metadata.subject = "회의록"
    metadata.keywords = "회의록, 협치"
    metadata.date = "2018-11-23T00:00:00"
    metadata.standard = standard
    return metadata
}

@Suite("Finishing pass: catalog, metadata, fonts, bytes")
struct FinishTests {
    static var page: [(OpaquePointer) -> Void] { [{ cr in
        Draw.tagged(cr, "Document") {
            Draw.tagged(cr, "P") { Draw.text(cr, "회의록 본문 text", y: 100) }
            Draw.rule(cr, y: 120)
        }
    }] }

    func finished(_ standard: PDFStandard = .a2a) throws -> [UInt8] {
        try PDFFinisher(metadata: testMetadata(standard), tags: [Tag(.document), Tag(.paragraph)])
            .finish(cairoPDF(Self.page))
    }

    @Test("the catalog declares Korean, shows the title, keeps MarkInfo, has XMP and an sRGB intent")
    func catalog() throws {
        let raw = try PDFJSON(cairoPDF(Self.page)).root
        #expect(raw["/Lang"] == nil && raw["/Metadata"] == nil && raw["/OutputIntents"] == nil)
        let pdf = try PDFJSON(try finished())
        let root = pdf.root
        #expect(root["/Lang"] as? String == "u:ko-KR")
        #expect(pdf.dict(root["/ViewerPreferences"])["/DisplayDocTitle"] as? Bool == true)
        #expect(pdf.dict(root["/MarkInfo"])["/Marked"] as? Bool == true)
        let metadata = pdf.dict(root["/Metadata"])
        #expect(metadata["/Type"] as? String == "/Metadata" && metadata["/Subtype"] as? String == "/XML")
        #expect(metadata["/Filter"] == nil, "the XMP stream must stay uncompressed")
        let intents = pdf.array(root["/OutputIntents"])
        #expect(intents.count == 1)
        let intent = pdf.dict(intents.first)
        #expect(intent["/S"] as? String == "/GTS_PDFA1")
        #expect(intent["/OutputConditionIdentifier"] as? String == "u:sRGB IEC61966-2.1")
        #expect(pdf.dict(intent["/DestOutputProfile"])["/N"] as? Int == 3)
        let profile = pdf.data(intent["/DestOutputProfile"])
        let shipped = try Data(contentsOf: URL(fileURLWithPath: PDFFinisher.profilePath))
        let same = profile == [UInt8](shipped)
        #expect(same, "the output intent's profile is not the sRGB profile")
    }

    @Test("XMP and Info say the same, in Korea time; the level letter follows the standard")
    func xmp() throws {
        for (standard, letter) in [(PDFStandard.a2a, "A"), (.a2b, "B")] {
            let pdf = try PDFJSON(try finished(standard))
            let xmp = pdf.xmp
            #expect(xmp.contains("<pdfaid:part>2</pdfaid:part>"))
            #expect(xmp.contains("<pdfaid:conformance>\(letter)</pdfaid:conformance>"), "\(standard)")
            #expect(!xmp.contains("pdfuaid"))
            #expect(!xmp.contains("bytes=") && !xmp.contains("encoding="))
            #expect(xmp.contains("<rdf:li xml:lang=\"x-default\">분과실무협의회 14차 회의록 "
                                 + "&lt;&quot;초안&quot; &amp; &apos;검토&apos;&gt;</rdf:li>"))
            #expect(xmp.contains("<dc:creator><rdf:Seq><rdf:li>분과실무협의회</rdf:li></rdf:Seq></dc:creator>"))
            #expect(xmp.contains("<pdf:Keywords>회의록, 협치</pdf:Keywords>"))
            #expect(xmp.contains("<xmp:CreateDate>2018-11-23T00:00:00+09:00</xmp:CreateDate>"))
            #expect(xmp.contains("<xmp:ModifyDate>2018-11-23T00:00:00+09:00</xmp:ModifyDate>"))
            #expect(xmp.contains("<xmp:CreatorTool>Hanji</xmp:CreatorTool>"))
            #expect(XMLParser(data: Data(xmp.utf8)).parse(), "the XMP is not well-formed XML")
            let info = pdf.info
            #expect(info["/CreationDate"] as? String == "u:D:20181123000000+09'00'")
            #expect(info["/ModDate"] as? String == "u:D:20181123000000+09'00'")
            let producer = try #require(info["/Producer"] as? String)
            #expect(xmp.contains("<pdf:Producer>\(producer.dropFirst(2))</pdf:Producer>"), "\(producer)")
        }
    }

    @Test("every CID TrueType font maps CIDs to glyphs by identity")
    func cidToGIDMap() throws {
        func fonts(_ pdf: PDFJSON) -> [[String: Any]] {
            pdf.dictionaries.map(\.1).filter { $0["/Subtype"] as? String == "/CIDFontType2" }
        }
        let raw = try PDFJSON(cairoPDF(Self.page))
        #expect(!fonts(raw).isEmpty && fonts(raw).allSatisfy { $0["/CIDToGIDMap"] == nil })
        let pdf = try PDFJSON(try finished())
        #expect(!fonts(pdf).isEmpty)
        #expect(fonts(pdf).allSatisfy { $0["/CIDToGIDMap"] as? String == "/Identity" })
    }

    @Test("a trailer /ID from the content: the same bytes twice, whatever the file is called; qpdf --check clean")
    func deterministic() throws {
        let bytes = try finished()
        let pdf = try PDFJSON(bytes)
        #expect((pdf.trailer["/ID"] as? [Any])?.count == 2)
        // PDF 1.5 or later (object streams), and the comment line of four bytes above 127.
        #expect(bytes.starts(with: Array("%PDF-1.5\n%".utf8)) && bytes[10..<14].allSatisfy { $0 > 127 })
        let again = try finished() == (try finished())
        #expect(again)
        try withTempDir { dir in
            var written: [Data] = []
            for name in ["a.pdf", "sub/other name.pdf"] {
                let url = dir.appendingPathComponent(name)
                let stream = try PDFStream(to: url, metadata: testMetadata())
                try stream.add(rulePage)
                try stream.finish()
                written.append(try Data(contentsOf: url))
                let check = tool("qpdf", ["--check", url.path])
                #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
            }
            let same = written[0] == written[1]
            #expect(same, "the bytes depend on the file's name")
        }
    }

    @Test("a stream with no pages still finishes into a file qpdf accepts")
    func empty() throws {
        try withTempDir { dir in
            let url = dir.appendingPathComponent("empty.pdf")
            try PDFStream(to: url, metadata: testMetadata()).finish()
            let check = tool("qpdf", ["--check", url.path])
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        }
    }

    @Test("--pdf-standard none: Cairo's file as written, no pass")
    func none() throws {
        try withTempDir { dir in
            let url = dir.appendingPathComponent("none.pdf")
            let stream = try PDFStream(to: url, metadata: testMetadata(.none))
            try stream.add(rulePage)
            try stream.finish()
            let bytes = [UInt8](try Data(contentsOf: url))
            let pdf = try PDFJSON(bytes)
            #expect(pdf.root["/Lang"] == nil && pdf.root["/Metadata"] == nil && pdf.trailer["/ID"] == nil)
            #expect((pdf.info["/Producer"] as? String)?.hasPrefix("u:cairo") == true)
        }
    }
}
