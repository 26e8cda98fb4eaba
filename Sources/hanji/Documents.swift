// The printing commands: minutes, programme, certificates and booklet.
import ArgumentParser
import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiRender
import HanjiSpec
import HanjiText

struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Print a meeting's minutes.",
        usage: "hanji minutes <record> [-o <pdf>] [--public] [--layout <spec>] [options]",
        discussion: """
            Examples:
              hanji minutes examples/yeongdeungpo-2018/minutes-14.yaml
              hanji minutes minutes-14.yaml --public -o out/minutes-14-public.pdf
              hanji minutes minutes-14.yaml --layout my-minutes.yaml --png out/pages
            """)

    @OptionGroup var document: MeetingDocument

    func run() throws {
        try document.write("minutes", suffix: "") { meeting in
            // A record from `hanji new` leaves them empty until the meeting is held.
            let open = meeting.members.filter { $0.status == nil }.count
            guard open > 0 else { return [] }
            let at = meeting.sources.first { $0.path.hasPrefix("attendance") }
            return [InputError("\(open) attendees have no status yet: the minutes count them in no column",
                               at: at?.location, path: "attendance",
                               hint: "write 참석, 위임 or 불참 for each once the meeting is held").asWarning]
        }
    }
}

struct SigninCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signin",
        abstract: "Print a meeting's sign-in sheet (참석자 서명부).",
        usage: "hanji signin <record> [-o <pdf>] [--layout <spec>] [options]",
        discussion: """
            The meeting's title, date, time and place, then one row per attendee
            (순번, 구분, 직위, 성명) with a box to sign in; a long list carries on over
            pages with the header repeated. The layout is layouts/signin.yaml.
            Examples:
              hanji signin examples/yeongdeungpo-2018/minutes-14.yaml
              hanji signin minutes-15.yaml --public --png out/pages
            """)

    @OptionGroup var document: MeetingDocument

    func run() throws {
        try document.write("signin", suffix: "-signin")
    }
}

struct ProgramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "program",
        abstract: "Print the showcase programme of a year.",
        usage: "hanji program <year> [-o <pdf>] [--layout <spec>] [options]",
        discussion: """
            The layout (layouts/program.yaml) sets the page; `page: {size: A5, up: 2}`
            prints it 2-up as an A5 leaflet on A4 landscape.
            Examples:
              hanji program examples/yeongdeungpo-2018/year.yaml
              hanji program year.yaml -o out/program.pdf --png out/pages
            """)

    @Argument(help: "The year record (YAML).")
    var year: String

    @Option(name: .shortAndLong, help: "The PDF to write (default: out/program.pdf).")
    var output: String?

    @Option(help: "The layout spec (default: layouts/program.yaml).")
    var layout: String?

    @OptionGroup var common: Common

    func run() throws {
        try Runner.run(record: year) {
            let (record, spec, composer) = try common.year(year, layout: layout, name: "program")
            let document = try composer.program(record, spec: spec)
            try common.warn(document.warnings.map { "warning: \($0)" })
            let target = URL(fileURLWithPath: output ?? "out/program.pdf")
            try document.writePDF(to: target)
            if let png = common.png {
                try document.writePNG(to: URL(fileURLWithPath: png),
                                      name: target.deletingPathExtension().lastPathComponent, dpi: common.dpi)
            }
            summary("\(target.path): \(counted(document.pages.count, "page"))", for: target)
        }
    }
}

struct CertificatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificates",
        abstract: "Print certificates (감사장), one page per recipient.",
        usage: "hanji certificates <year> [--roster <csv>] [-o <pdf>] [options]",
        discussion: """
            Recipients are the event's presenters, or the rows of --roster: a CSV
            whose header row names the columns (mapped to fields by the layout's
            `recipients.roster`), in UTF-8, with or without a BOM, or CP949 as
            Korean Excel saves it. Blank rows are skipped. Every row missing a
            required cell is an error; a blank mapped cell or a person listed twice
            is a warning (`hanji check roster.csv` finds the same).
            Examples:
              hanji certificates examples/yeongdeungpo-2018/year.yaml
              hanji certificates year.yaml --roster roster.csv -o out/certificates.pdf
              hanji certificates year.yaml --roster roster.csv --split out/certificates
            """)

    @Argument(help: "The year record (YAML).")
    var year: String

    @Option(help: "A CSV of recipients (default: the event's presenters).")
    var roster: String?

    @Option(name: .shortAndLong, help: "The PDF to write (default: out/certificates.pdf).")
    var output: String?

    @Option(help: "Write one PDF per recipient into this folder instead.")
    var split: String?

    @Option(help: "The layout spec (default: layouts/certificate.yaml).")
    var layout: String?

    @OptionGroup var common: Common

    func validate() throws {
        if split != nil && output != nil { throw ValidationError("give -o FILE.pdf or --split DIR, not both") }
    }

    func run() throws {
        try Runner.run(record: year) {
            let (record, spec, composer) = try common.year(year, layout: layout, name: "certificate")
            try common.warn(SampleSeal.warning(record).map { [$0.description] } ?? [])
            let list = try roster.map { try Roster.load(URL(fileURLWithPath: $0)) }
            // Every bad row at once, and the rows that would print wrong, as `hanji check` finds them.
            if let list { try common.warn(try list.warnings(by: try spec.plan()).map(\.description)) }
            let progress = Progress(label: "certificates")
            // Each certificate's pages as PNGs too, named by person: certificate-003-홍길동.png.
            let previews = common.png.map {
                PNGPages(folder: URL(fileURLWithPath: $0), name: "certificate", dpi: common.dpi)
            }
            if let split {
                let files = try composer.certificates(record, spec: spec, roster: list,
                                                      split: URL(fileURLWithPath: split),
                                                      previews: previews, progress: progress.show)
                progress.done()
                print("\(split): \(counted(files.count, "file"))")
            } else {
                let target = URL(fileURLWithPath: output ?? "out/certificates.pdf")
                let pages = try composer.certificates(record, spec: spec, roster: list, to: target, previews: previews,
                                                      progress: progress.show)
                progress.done()
                summary("\(target.path): \(counted(pages, "page"))", for: target)
            }
        }
    }
}

struct BookletCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "booklet",
        abstract: "Print the year's performance booklet (성과집).",
        usage: "hanji booklet <year> [-o <pdf>] [--official] [--impose <kind>] [options]",
        discussion: """
            Cover, foreword, contents with page numbers, the year at a glance with
            charts, each meeting's minutes (names masked unless --official), the
            projects, the showcase, the certificates issued and a back cover, with
            PDF bookmarks, page labels and links.
            --impose a5-booklet prints two A5 pages per A4 landscape sheet in
            saddle-stitch order: print both sides (flip on the short edge), fold the
            stack, and it reads in order.
            Examples:
              hanji booklet examples/yeongdeungpo-2018/year.yaml
              hanji booklet year.yaml --impose a5-booklet -o out/booklet-print.pdf
            """)

    enum Impose: String, ExpressibleByArgument, CaseIterable { case a5Booklet = "a5-booklet" }

    @Argument(help: "The year record (YAML).")
    var year: String

    @Option(name: .shortAndLong, help: "The PDF to write (default: out/booklet.pdf).")
    var output: String?

    @Option(help: "The layout spec (default: layouts/booklet.yaml).")
    var layout: String?

    @Option(help: "Lay the pages out for print: a5-booklet.")
    var impose: Impose?

    @Flag(help: "Print personal names (the booklet masks them by default).")
    var official = false

    @OptionGroup var common: Common

    func validate() throws {
        if impose == .a5Booklet && common.pdfStandard == .a2a {
            throw ValidationError("--impose a5-booklet cannot claim --pdf-standard a-2a: its sheets, and so its tags, "
                                  + "follow the folding order, not the reading order; use a-2b (its default) or none")
        }
    }

    func run() throws {
        try Runner.run(record: year) {
            let (record, spec, composer) = try common.year(year, layout: layout, name: "booklet")
            var document = try composer.booklet(record, spec: spec, edition: official ? .official : .public)
            try common.warn(document.warnings.map { "warning: \($0)" })
            if impose == .a5Booklet {
                document.pages = Imposition.booklet(document.pages, sheet: Size.a4.landscape)
                // Sheets in folding order: the tags follow them, not the reading order (PDF/A level b).
                if document.metadata.standard == .a2a { document.metadata.standard = .a2b }
            }
            let target = URL(fileURLWithPath: output ?? "out/booklet.pdf")
            try document.writePDF(to: target)
            if let png = common.png {
                try document.writePNG(to: URL(fileURLWithPath: png),
                                      name: target.deletingPathExtension().lastPathComponent, dpi: common.dpi)
            }
            summary("\(target.path): \(counted(document.pages.count, impose == nil ? "page" : "sheet side"))",
                    for: target)
        }
    }
}
