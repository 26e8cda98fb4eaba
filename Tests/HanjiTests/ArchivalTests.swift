// Issue 18 end to end: every kind of document the CLI prints, checked by the independent checker
// (Tests/tools/pdfcheck.py) at the PDF/A-2 level it claims, byte-identical across two runs, clean for
// qpdf, its texts found by pdftotext, its pixels those of `--pdf-standard none`, and its structure
// tree read in the record's order. Each document is printed once per variant, for all the tests.
import Foundation
import HanjiModel
import HanjiTestSupport
import Testing

/// One document of the archival tests: the CLI's arguments (without the output), the level it
/// claims, the texts pdftotext must find and the texts its structure tree must read in order.
struct ArchivalDocument: Sendable, CustomTestStringConvertible {
    var name: String
    var args: [String]
    /// With `--split`: the file of the folder that is checked.
    var split: String?
    var level = "a"
    var texts: [String] = []
    var order: [String] = []
    /// Reading order is checked after the first occurrence of this text (the end of a contents page).
    var after: String?

    var testDescription: String { name }

    /// The PDF this document's run writes into `folder`, and the arguments naming it.
    func output(in folder: URL) -> (pdf: URL, args: [String]) {
        if let split {
            let dir = folder.appendingPathComponent(name)
            return (dir.appendingPathComponent(split), args + ["--split", dir.path])
        }
        let pdf = folder.appendingPathComponent("\(name).pdf")
        return (pdf, args + ["-o", pdf.path])
    }
}

extension ArchivalDocument {
    static let examples = repoRoot.appendingPathComponent("examples")
    static let year = examples.appendingPathComponent("yeongdeungpo-2018/year.yaml")
    static let roster = examples.appendingPathComponent("yeongdeungpo-2018/roster.csv")
    /// The seed's meeting 14 and the records of the other layouts.
    static let records = ["yeongdeungpo-2018/minutes-14", "jumin-2026/summary-0807",
                          "solbit-council-2026/plenary-0720", "assembly-2018/committee-0112"]
    /// The booklet's chapter titles, in order.
    static let chapters = ["발간사", "1. 한눈에 보는 2018", "2. 분과실무협의회 회의록", "3. 2018 승인 협치사업",
                           "4. 2018 영등포 협치분과 성과공유회", "5. 감사장 수여"]

    /// Every document, its texts read from the records by the model's readers.
    static let all: [ArchivalDocument] = {
        var documents: [ArchivalDocument] = []
        for record in ArchivalDocument.records {
            let file = ArchivalDocument.examples.appendingPathComponent(record + ".yaml")
            let meeting = try? Meeting.load(file)
            let name = String(record.split(separator: "/")[1])
            let texts = meeting.map(recordTexts) ?? []
            documents.append(ArchivalDocument(name: name, args: ["minutes", file.path], texts: texts.map(\.text),
                                              order: meeting.map(readingOrder) ?? ["(record unreadable)"]))
            documents.append(ArchivalDocument(name: name + "-public", args: ["minutes", file.path, "--public"],
                                              texts: texts.map(\.text).filter { text in
                                                  !(meeting?.names ?? []).contains { text.contains($0) } }))
        }
        let year = try? Year.load(ArchivalDocument.year), path = ArchivalDocument.year.path
        let presenters = year?.event?.presenters.compactMap(\.name) ?? []
        let roster = try? Roster.load(ArchivalDocument.roster)
        let members = roster?.rows.map { $0.cells.first ?? "" } ?? []
        let chapters = ArchivalDocument.chapters
        let booklet = (year?.book?.foreword ?? ["?"]) + (year?.projects.map(\.title) ?? [])
            + (year?.meetings.flatMap { $0.agenda.map(\.title) } ?? [])
        documents += [
            ArchivalDocument(name: "program", args: ["program", path],
                             texts: [year?.event?.title ?? "?"], order: year?.event?.order.map(\.title) ?? ["?"]),
            ArchivalDocument(name: "certificate", args: ["certificates", path],
                             split: "001-\(presenters.first ?? "?").pdf", texts: Array(presenters.prefix(1)),
                             order: Array(presenters.prefix(1))),
            ArchivalDocument(name: "certificates",
                             args: ["certificates", path, "--roster", ArchivalDocument.roster.path],
                             texts: members, order: members),
            ArchivalDocument(name: "booklet", args: ["booklet", path, "--official"],
                             // The chapters after the contents page (the foreword stands before it).
                             texts: booklet, order: Array(chapters.dropFirst()), after: chapters.last),
            // Imposed sheets are drawn in sheet order, not reading order: level b only.
            ArchivalDocument(name: "booklet-imposed", args: ["booklet", path, "--impose", "a5-booklet"], level: "b"),
        ]
        return documents
    }()
}

/// The documents, printed on first use: the default run twice and once with `--pdf-standard none`.
struct ArchivalRun: Sendable {
    static let shared = ArchivalRun(ArchivalDocument.all)
    /// Where the runs print, removed when the test process ends.
    static let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("hanji-archival-\(UUID().uuidString)")

    let documents: [ArchivalDocument]
    let folders: [String: URL]
    /// Why a run failed, by "variant/name".
    let errors: [String: String]

    init(_ documents: [ArchivalDocument]) {
        self.documents = documents
        let root = Self.root
        atexit { try? FileManager.default.removeItem(at: ArchivalRun.root) }
        let variants = [("first", [String]()), ("second", []), ("none", ["--pdf-standard", "none"])]
        let folders = Dictionary(uniqueKeysWithValues: variants.map { ($0.0, root.appendingPathComponent($0.0)) })
        for folder in folders.values {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let jobs = variants.flatMap { variant, extra in documents.map { (variant, extra, $0) } }
        let outcomes = Outcomes()
        DispatchQueue.concurrentPerform(iterations: jobs.count) { k in
            let (variant, extra, document) = jobs[k]
            let out = run(document.output(in: folders[variant]!).args + extra)
            if out.status != 0 { outcomes.add("\(variant)/\(document.name)", "exit \(out.status): \(out.stderr)") }
        }
        self.folders = folders
        self.errors = outcomes.errors
    }

    /// The document's PDF of `variant`, or a failure naming why it was not printed.
    func pdf(_ document: ArchivalDocument, _ variant: String = "first",
             sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        try #require(FileManager.default.isExecutableFile(atPath: hanjiBinary.path), "build first: swift build",
                     sourceLocation: sourceLocation)
        let error = errors["\(variant)/\(document.name)"]
        try #require(error == nil, "hanji \(document.args.joined(separator: " ")) (\(variant)): \(error ?? "")",
                     sourceLocation: sourceLocation)
        return document.output(in: folders[variant]!).pdf
    }
}

/// Failed runs, collected from concurrent jobs.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var failed: [String: String] = [:]

    func add(_ key: String, _ error: String) {
        lock.lock()
        failed[key] = error
        lock.unlock()
    }

    var errors: [String: String] {
        lock.lock()
        defer { lock.unlock() }
        return failed
    }
}

/// What a screen reader must meet in this order in minutes: the body and place of the header, each
/// agenda title, and the start (20 characters) of each turn's speech.
func readingOrder(_ meeting: Meeting) -> [String] {
    var order = [meeting.body, meeting.place]
    for item in meeting.agenda {
        order.append(item.title)
        order += item.transcript.compactMap { $0.paragraphs.first.map { String(squeezed($0).prefix(20)) } }
    }
    return order
}

/// The texts of `order` not found in `text` (whitespace removed) each after the one before (and after
/// `start`), with the text found last; a missing one does not move the search on.
func outOfOrder(_ order: [String], in text: String, after start: String? = nil) -> [String] {
    let text = squeezed(text)
    var from = start.flatMap { text.range(of: squeezed($0))?.upperBound } ?? text.startIndex
    var missing: [String] = [], last = "(start)"
    for wanted in order.map(squeezed) where !wanted.isEmpty {
        if let found = text.range(of: wanted, range: from..<text.endIndex) {
            from = found.upperBound
            last = wanted
        } else {
            missing.append("\(wanted) (not after \(last))")
        }
    }
    return missing
}

@Suite("Archival: tagged, Korean, PDF/A-2 documents (issue 18)", .serialized)
struct ArchivalTests {
    static var documents: [ArchivalDocument] { ArchivalDocument.all }
    var run: ArchivalRun { ArchivalRun.shared }

    @Test("every document passes pdfcheck at the level it claims (a; b for the imposed booklet)")
    func passesTheChecks() throws {
        for level in ["a", "b"] {
            let files = try run.documents.filter { $0.level == level }.map { try run.pdf($0) }
            let found = try PDFCheck.failures(files, level: level)
            #expect(found.isEmpty,
                    "pdfcheck --level \(level): \(found.count) failures\n\(found.joined(separator: "\n"))")
        }
    }

    @Test("two runs write the same bytes", arguments: documents)
    func sameBytesTwice(_ document: ArchivalDocument) throws {
        let same = try Data(contentsOf: run.pdf(document)) == Data(contentsOf: run.pdf(document, "second"))
        #expect(same, "\(document.name): two runs differ")
    }

    @Test("qpdf --check finds nothing", arguments: documents)
    func qpdfClean(_ document: ArchivalDocument) throws {
        let check = tool("qpdf", ["--check", try run.pdf(document).path])
        #expect(check.status == 0 && !check.stdout.contains("WARNING"), "\(check.stdout)\(check.stderr)")
    }

    @Test("pdftotext finds the record's texts", arguments: documents)
    func textsPrinted(_ document: ArchivalDocument) throws {
        let printed = PrintedText(try pdfText(try run.pdf(document), raw: true))
        let missing = document.texts.filter { !printed.contains($0) }
        #expect(missing.isEmpty, "\(document.name): missing \(missing)")
    }

    @Test("--pdf-standard none and the default draw the same pixels (pdftoppm -r 40)", arguments: documents)
    func samePixels(_ document: ArchivalDocument) throws {
        try withTempDir { dir in
            var pages: [String: [Data]] = [:]
            for variant in ["first", "none"] {
                let prefix = dir.appendingPathComponent(variant).path
                let out = tool("pdftoppm", ["-png", "-r", "40", try run.pdf(document, variant).path, prefix])
                try #require(out.status == 0, "pdftoppm: \(out.stderr)")
                let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
                    .filter { $0.hasPrefix(variant + "-") }.sorted()
                pages[variant] = try names.map { try Data(contentsOf: dir.appendingPathComponent($0)) }
            }
            let first = pages["first"] ?? [], none = pages["none"] ?? []
            #expect(first.count == none.count && !first.isEmpty, "\(first.count) pages vs \(none.count)")
            for (k, (a, b)) in zip(first, none).enumerated() {
                let same = a == b
                #expect(same, "\(document.name): page \(k + 1) differs from --pdf-standard none")
            }
        }
    }

    @Test("the structure tree holds every text pdftotext finds (none is left out of the tree or an artifact)")
    func treeHoldsEveryText() throws {
        let tagged = run.documents.filter { $0.level == "a" }
        let texts = try PDFCheck.structText(try tagged.map { try run.pdf($0) })
        for document in tagged {
            let tree = squeezed(texts[try run.pdf(document)] ?? "")
            let missing = document.texts.filter { !tree.contains(squeezed($0)) }
            #expect(missing.isEmpty, "\(document.name): \(missing.count) texts not in the tree: \(missing)")
        }
    }

    @Test("the structure tree, read in order, reads the record in its order")
    func readingOrderFollowsTheRecord() throws {
        let ordered = run.documents.filter { !$0.order.isEmpty }
        let texts = try PDFCheck.structText(try ordered.map { try run.pdf($0) })
        for document in ordered {
            let tree = texts[try run.pdf(document)] ?? ""
            #expect(!tree.isEmpty, "\(document.name): the structure tree has no text")
            let missing = outOfOrder(document.order, in: tree, after: document.after)
            #expect(missing.isEmpty,
                    "\(document.name): \(missing.count) of \(document.order.count) out of order: \(missing)")
        }
    }
}
