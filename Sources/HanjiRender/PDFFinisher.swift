import CPangoCairo
import CQPDF
import Foundation
import HanjiLayout
import Synchronization

/// The finishing pass over Cairo's PDF (with libqpdf), for PDF/A-2 and screen readers: the
/// catalog's language, title display, XMP and sRGB output intent; Info dates in Korea time;
/// `/CIDToGIDMap` on CID TrueType fonts; the structure tree completed from the canvas's tags
/// (`StructureTree`); page content outside the tree marked as artifacts (`ContentMarker`);
/// printable, described links; a deterministic /ID. Same bytes in, same bytes out.
struct PDFFinisher {
    let metadata: Metadata
    /// Every structure element the pages opened, in order (`Canvas.tags`).
    let tags: [Tag]

    /// The sRGB profile of Debian's icc-profiles-free (Zlib licence).
    static let profilePath = "/usr/share/color/icc/sRGB.icc"
    /// Pages whose object handles are let go of at once.
    static let pagesPerRelease = 64

    /// What the Info dictionary and the XMP name as the PDF's producer.
    static var producer: String {
        "Hanji (cairo \(String(cString: cairo_version_string())), qpdf \(String(cString: qpdf_get_qpdf_version())))"
    }

    func finish(_ bytes: [UInt8]) throws -> [UInt8] {
        guard let profile = FileManager.default.contents(atPath: Self.profilePath) else {
            throw RenderError.finishing("the sRGB output intent",
                                        "cannot read \(Self.profilePath); install the Debian package icc-profiles-free")
        }
        return try bytes.withUnsafeBytes { raw in
            let pdf = try QPDFFile(raw)
            try catalog(pdf, profile: [UInt8](profile))
            pdf.release()
            try fonts(pdf)
            pdf.release()
            let tree = StructureTree(pdf: pdf)
            let listed = try tree.complete(tags)
            pdf.release()
            try pages(pdf, tree, listed: listed)
            pdf.release()
            return try pdf.write()
        }
    }

    /// The catalog's language, viewer preferences, XMP and output intent; the Info dictionary.
    func catalog(_ pdf: QPDFFile, profile: [UInt8]) throws {
        let root = pdf.root
        pdf.set(root, "/Lang", pdf.text(metadata.language))
        pdf.set(root, "/ViewerPreferences", pdf.parse("<< /DisplayDocTitle true >>"))
        let xmp = XMPPacket(metadata: metadata, producer: Self.producer).text
        pdf.set(root, "/Metadata", pdf.stream(Array(xmp.utf8), keys: "<< /Type /Metadata /Subtype /XML >>"))
        let intent = pdf.parse("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1) "
                               + "/Info (sRGB IEC61966-2.1) >>")
        pdf.set(intent, "/DestOutputProfile", pdf.stream(profile, keys: "<< /N 3 >>"))
        pdf.set(root, "/OutputIntents", pdf.array([intent]))
        try pdf.check("the catalog")
        let dates = PDFDates(metadata.date)
        for (key, value) in [("/CreationDate", dates.info), ("/ModDate", dates.info), ("/Producer", Self.producer)] {
            qpdf_set_info_key(pdf.q, key, value)
        }
        try pdf.check("the document information")
    }

    /// `/CIDToGIDMap /Identity` on every CID TrueType font: Cairo's subsets number glyphs by CID.
    func fonts(_ pdf: QPDFFile) throws {
        let size = pdf.int(pdf.key(pdf.trailer, "/Size"))
        for id in 1..<max(size, 1) {
            let object = pdf.object(Int32(id))
            if qpdf_oh_is_dictionary_of_type(pdf.q, object, "/Font", "/CIDFontType2") != 0
                && !pdf.has(object, "/CIDToGIDMap") {
                pdf.set(object, "/CIDToGIDMap", pdf.newName("/Identity"))
            }
            qpdf_oh_release(pdf.q, object)
        }
        try pdf.check("the fonts")
    }

    /// Each page: content outside the tree as artifacts, orphaned MCIDs too; links printable
    /// and described, in structure order.
    func pages(_ pdf: QPDFFile, _ tree: StructureTree, listed: Set<StructureTree.Listed>) throws {
        let links = LinkPages(pdf)
        for first in stride(from: 0, to: pdf.pageCount, by: Self.pagesPerRelease) {
            pdf.release()
            let entries = tree.numbers(pdf.key(pdf.key(pdf.root, "/StructTreeRoot"), "/ParentTree"))
            let batch = first..<min(first + Self.pagesPerRelease, pdf.pageCount)
            // libqpdf is read and changed on this thread; the content is marked and compressed
            // on both cores meanwhile (a batch of pages at a time, so memory stays bounded).
            var work: [(content: [UInt8], marker: ContentMarker)] = []
            for index in batch {
                let page = pdf.page(index)
                let annotations = pdf.elements(pdf.key(page, "/Annots"))
                for annotation in annotations {
                    pdf.set(annotation, "/F", pdf.integer(4))
                    if pdf.name(pdf.key(annotation, "/Subtype")) == "/Link" {
                        pdf.set(annotation, "/Contents", pdf.text(links.description(annotation)))
                    }
                }
                if !annotations.isEmpty { pdf.set(page, "/Tabs", pdf.newName("/S")) }
                work.append((try pdf.content(page),
                             ContentMarker(orphans: tree.orphans(page, entries: entries, listed: listed))))
                try pdf.check("page \(index + 1)")
            }
            let marked = try Self.marked(work)
            for (index, packed) in zip(batch, marked) {
                // A page all in tagged content keeps its stream as Cairo compressed it.
                if let packed { pdf.set(pdf.page(index), "/Contents", pdf.flateStream(packed)) }
                try pdf.check("page \(index + 1)")
            }
        }
    }

    /// Each page's content marked and Flate-compressed, nil where marking changed nothing; run
    /// on every core (pure work on bytes: no qpdf call).
    static func marked(_ work: [(content: [UInt8], marker: ContentMarker)]) throws -> [[UInt8]?] {
        let results = Mutex([Result<[UInt8]?, any Error>](repeating: .success(nil), count: work.count))
        DispatchQueue.concurrentPerform(iterations: work.count) { i in
            let result = Result<[UInt8]?, any Error> {
                let marked = work[i].marker.rewrite(work[i].content)
                return marked == work[i].content ? nil : try QPDFFile.deflate(marked)
            }
            results.withLock { $0[i] = result }
        }
        return try results.withLock { $0 }.map { try $0.get() }
    }
}
