import Foundation

/// The XMP packet of a finished PDF: the document information (title, author, subject,
/// keywords, tools, dates in Korea time) and the PDF/A part and level it claims, in step with
/// the Info dictionary (`PDFDates`, `producer`).
struct XMPPacket {
    let metadata: Metadata
    let producer: String

    /// "A" for level a, "B" for level b.
    var conformance: String { metadata.standard == .a2b ? "B" : "A" }

    var text: String {
        let dates = PDFDates(metadata.date)
        var fields = [
            "<pdfaid:part>2</pdfaid:part>",
            "<pdfaid:conformance>\(conformance)</pdfaid:conformance>",
            "<pdf:Producer>\(escaped(producer))</pdf:Producer>",
            "<xmp:CreatorTool>\(escaped(metadata.creator))</xmp:CreatorTool>",
            "<xmp:CreateDate>\(dates.xmp)</xmp:CreateDate>",
            "<xmp:ModifyDate>\(dates.xmp)</xmp:ModifyDate>",
            "<xmp:MetadataDate>\(dates.xmp)</xmp:MetadataDate>",
            "<dc:format>application/pdf</dc:format>",
        ]
        if !metadata.title.isEmpty {
            fields.append("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escaped(metadata.title))"
                          + "</rdf:li></rdf:Alt></dc:title>")
        }
        if !metadata.author.isEmpty {
            fields.append("<dc:creator><rdf:Seq><rdf:li>\(escaped(metadata.author))</rdf:li></rdf:Seq></dc:creator>")
        }
        if !metadata.subject.isEmpty {
            fields.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escaped(metadata.subject))"
                          + "</rdf:li></rdf:Alt></dc:description>")
        }
        if !metadata.keywords.isEmpty { fields.append("<pdf:Keywords>\(escaped(metadata.keywords))</pdf:Keywords>") }
        if !metadata.language.isEmpty {
            fields.append("<dc:language><rdf:Bag><rdf:li>\(escaped(metadata.language))</rdf:li></rdf:Bag>"
                          + "</dc:language>")
        }
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" \
            xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" \
            xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
            \(fields.joined(separator: "\n"))
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
    }

    /// Text as XML character data or an attribute value.
    func escaped(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Control characters are not allowed in XML 1.0; a tab, newline or return is kept.
            case "\t", "\n", "\r": out.unicodeScalars.append(c)
            case _ where c.value < 0x20 || (0xFFFE...0xFFFF).contains(c.value): out += " "
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// A record's date in the two forms a PDF writes, in Korea time (records are dated there):
/// the Info dictionary's `D:YYYYMMDDHHmmSS+09'00'` and XMP's `YYYY-MM-DDThh:mm:ss+09:00`.
struct PDFDates {
    let info: String, xmp: String

    /// From ISO 8601 `YYYY-MM-DDThh:mm:ss` (missing parts are zero).
    init(_ iso: String) {
        let digits = iso.split(whereSeparator: { !$0.isNumber }).map { Int($0) ?? 0 }
        var parts = Array(digits.prefix(6))
        while parts.count < 6 { parts.append(parts.count < 3 ? 1 : 0) }
        let (y, mo, d, h, mi, s) = (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
        info = String(format: "D:%04d%02d%02d%02d%02d%02d+09'00'", y, mo, d, h, mi, s)
        xmp = String(format: "%04d-%02d-%02dT%02d:%02d:%02d+09:00", y, mo, d, h, mi, s)
    }
}
