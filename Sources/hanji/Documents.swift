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
        discussion: """
            Examples:
              hanji minutes examples/yeongdeungpo-2018/minutes-14.yaml
              hanji minutes minutes-14.yaml --public -o out/minutes-14-public.pdf
              hanji minutes minutes-14.yaml --layout my-minutes.yaml --png out/pages
            """)

    @Argument(help: "The meeting record (YAML).")
    var record: String

    @Option(name: .shortAndLong, help: "The PDF to write (default: out/NAME.pdf, NAME-public.pdf for --public).")
    var output: String?

    @Option(help: "The layout spec (default: layouts/minutes.yaml).")
    var layout: String?

    @Flag(name: .customLong("public"), help: "The public edition: personal names masked.")
    var publicEdition = false

    @OptionGroup var common: Common

    func run() throws {
        try Runner.run {
            let recordURL = URL(fileURLWithPath: record)
            let clock = Phases()
            let (specURL, fonts) = try common.layout(layout, name: "minutes", near: record)
            let meeting = try Meeting.load(recordURL)
            clock.mark("record")
            try common.warn(meeting.warnings.map(\.description))
            let spec = try Spec.load(specURL, allowOutside: common.allowOutside)
            try common.checkPixels(spec)
            clock.mark("spec")
            let composer = try common.composer(spec, fonts: fonts)
            clock.mark("fonts")
            let name = recordURL.deletingPathExtension().lastPathComponent + (publicEdition ? "-public" : "")
            let target = URL(fileURLWithPath: output ?? "out/\(name).pdf")
            defer { clock.mark("layout and write"); clock.report() }
            // Warnings are known only once the pages are laid out; under --strict a first,
            // unwritten pass finds them so nothing is written.
            if common.strict {
                let document = try composer.minutes(meeting, spec: spec, edition: publicEdition ? .public : .official)
                try common.warn(document.warnings.map { "warning: \($0)" })
            }
            let progress = Progress(label: "pages")
            defer { progress.done() }
            var output = Output(pdf: target, png: common.png.map { URL(fileURLWithPath: $0) }, name: name, dpi: common.dpi)
            output.progress = { progress.show($0, 0) }
            let written = try composer.minutes(meeting, spec: spec, edition: publicEdition ? .public : .official, to: output)
            clock.note(String(format: "  of which Cairo drawing pages (second thread) %.1f ms, finishing the PDF (font subsets) %.1f ms",
                              written.drawing * 1000, written.finishing * 1000))
            if !common.strict { try common.warn(written.warnings.map { "warning: \($0)" }) }
            print("\(target.path): \(written.pages) pages")
        }
    }
}

struct ProgramCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "program",
        abstract: "Print the showcase programme of a year.",
        discussion: """
            The layout (layouts/program.yaml) sets the page; `page: {size: A5, up: 2}` prints it
            2-up as an A5 leaflet on A4 landscape.
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
        try Runner.run {
            let (record, spec, composer) = try common.year(year, layout: layout, name: "program")
            let document = try composer.program(record, spec: spec)
            try common.warn(document.warnings.map { "warning: \($0)" })
            let target = URL(fileURLWithPath: output ?? "out/program.pdf")
            try document.writePDF(to: target)
            if let png = common.png { try document.writePNG(to: URL(fileURLWithPath: png), name: target.deletingPathExtension().lastPathComponent, dpi: common.dpi) }
            print("\(target.path): \(document.pages.count) pages")
        }
    }
}

struct CertificatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificates",
        abstract: "Print certificates (감사장), one page per recipient.",
        discussion: """
            Recipients are the event's presenters, or the rows of --roster: a CSV whose header
            row names the columns (mapped to fields in layouts/certificate.yaml), in UTF-8, UTF-8
            with a BOM, or CP949 as Korean Excel saves it.
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
        try Runner.run {
            let (record, spec, composer) = try common.year(year, layout: layout, name: "certificate")
            let list = try roster.map { try Roster.load(URL(fileURLWithPath: $0)) }
            let progress = Progress(label: "certificates")
            if let split {
                let files = try composer.certificates(record, spec: spec, roster: list, split: URL(fileURLWithPath: split),
                                                      progress: progress.show)
                progress.done()
                print("\(split): \(files.count) files")
            } else {
                let target = URL(fileURLWithPath: output ?? "out/certificates.pdf")
                let pages = try composer.certificates(record, spec: spec, roster: list, to: target, progress: progress.show)
                progress.done()
                print("\(target.path): \(pages) pages")
            }
            if let png = common.png {
                for person in try composer.recipients(record, spec: spec, roster: list) {
                    let document = try composer.certificate(person, year: record, value: record.value, spec: spec)
                    try document.writePNG(to: URL(fileURLWithPath: png), name: "certificate-\(person.number)", dpi: common.dpi)
                }
            }
        }
    }
}

struct BookletCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "booklet",
        abstract: "Print the year's performance booklet (성과집).",
        discussion: """
            Cover, foreword, contents with page numbers, the year at a glance with charts, each
            meeting's minutes (names masked unless --official), the projects, the showcase, the
            certificates issued and a back cover, with PDF bookmarks, page labels and links.
            --impose a5-booklet prints two A5 pages per A4 landscape sheet in saddle-stitch order:
            print both sides (flip on the short edge), fold the stack, and it reads in order.
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

    func run() throws {
        try Runner.run {
            let (record, spec, composer) = try common.year(year, layout: layout, name: "booklet")
            var document = try composer.booklet(record, spec: spec, edition: official ? .official : .public)
            try common.warn(document.warnings.map { "warning: \($0)" })
            if impose == .a5Booklet { document.pages = Imposition.booklet(document.pages, sheet: Size.a4.landscape) }
            let target = URL(fileURLWithPath: output ?? "out/booklet.pdf")
            try document.writePDF(to: target)
            if let png = common.png { try document.writePNG(to: URL(fileURLWithPath: png), name: target.deletingPathExtension().lastPathComponent, dpi: common.dpi) }
            print("\(target.path): \(document.pages.count) \(impose == nil ? "pages" : "sheet sides")")
        }
    }
}
