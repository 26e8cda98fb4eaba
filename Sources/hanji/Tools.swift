// The everyday tools around printing: check, watch, init and fonts.
import ArgumentParser
import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiRender
import HanjiSpec
import HanjiText

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check records, year records, layouts and rosters without printing.",
        discussion: """
            Reads each file as Hanji would and reports every problem it finds, not
            only the first: the place, the source line with a caret under it, and a
            hint. A meeting record's photos are opened too; a roster (.csv) is read
            by the certificate layout's columns, as `hanji certificates` reads it.
            Exit code 1 when any file has an error.
            Examples:
              hanji check examples/yeongdeungpo-2018/minutes-14.yaml
              hanji check year.yaml minutes-*.yaml layouts/*.yaml roster.csv
              hanji check .                  (every record, layout and roster here)
            """)

    @Argument(help: "The files to check (.yaml records and specs, .csv rosters), or folders of them.")
    var files: [String]

    @Option(help: "The certificate layout whose columns rosters are read by (default: as certificates finds it).")
    var layout: String?

    @Flag(help: "Count warnings as errors.")
    var strict = false

    @Flag(help: "Allow files outside the folder of the file that names them.")
    var allowOutside = false

    func run() throws {
        var errors = 0, warnings = 0
        var sources: [String: String?] = [:]
        // A problem is shown with a line of the file it names (a layout's, a meeting's), which
        // need not be the file checked.
        func source(of file: String) -> String? {
            if let known = sources[file] { return known }
            let text = (try? Data(contentsOf: URL(fileURLWithPath: file))).flatMap { String(data: $0, encoding: .utf8) }
            sources[file] = text
            return text
        }
        let files = Self.expanded(self.files)
        for path in files {
            let url = URL(fileURLWithPath: path)
            let (found, warned) = check(url)
            for problem in (found + warned).sorted(by: { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }) {
                let text = source(of: problem.location?.file ?? url.path)
                try? FileHandle.standardError.write(contentsOf: Data((problem.rendered(source: text) + "\n\n").utf8))
            }
            errors += found.count
            warnings += warned.count
        }
        let found = "\(counted(errors, "error")), \(counted(warnings, "warning"))"
        let summary = "\(counted(files.count, "file")) checked: \(found)"
        print(summary)
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }

    /// The errors and warnings of one file, read by what it is: a meeting record, a year
    /// record, a layout spec or a roster.
    func check(_ url: URL) -> (errors: [InputError], warnings: [InputError]) {
        FileCheck(allowOutside: allowOutside, layout: layout).check(url)
    }
}

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print a document again whenever its record, layout or images change.",
        usage: "hanji watch <record> [--document <document>] [-o <pdf>] [options]",
        discussion: """
            Prints once, then watches the record, the files it names (meeting
            records, photos, the seal, the cover), the layout spec and the fonts
            folder, and prints again within a moment of each save, with the time it
            took and any diagnostics. Ctrl-C stops it.
            Examples:
              hanji watch examples/yeongdeungpo-2018/minutes-14.yaml
              hanji watch minutes-14.yaml --public
              hanji watch year.yaml --document booklet -o out/booklet.pdf
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case minutes, signin, program, certificates, booklet }

    @Argument(help: "The meeting or year record (YAML).")
    var record: String

    @Option(help: """
        What to print: minutes or signin (for a meeting record), program, certificates or \
        booklet (for a year record).
        """)
    var document: Kind?

    @Option(name: .shortAndLong, help: "The PDF to write.")
    var output: String?

    @Option(help: "The layout spec.")
    var layout: String?

    @Option(help: "Also write each page as PNG into this folder.")
    var png: String?

    @Option(help: "What the PDF conforms to: a-2a (PDF/A-2 level a, tagged), a-2b (level b) or none.")
    var pdfStandard = PDFStandard.a2a

    @Option(help: "How often to look for changes, in milliseconds (20 to 3600000).")
    var interval: Int = 200

    @Flag(name: .customLong("public"), help: "Print the public edition of the minutes: personal names masked.")
    var publicEdition = false

    func validate() throws {
        guard (20...3_600_000).contains(interval) else {
            throw ValidationError("--interval must be from 20 to 3600000 milliseconds, such as 200 (got \(interval))")
        }
    }

    func run() throws {
        // A meeting record of any kind (the seed's form, summary, plenary, committee) prints its
        // minutes; a year record its booklet.
        let url = URL(fileURLWithPath: record)
        let kind = document ?? (RecordKind.of(url, root: try? Field.load(url)) == .year ? .booklet : .minutes)
        if publicEdition && kind != .minutes {
            throw ValidationError("--public is for a meeting's minutes; the booklet masks names unless --official")
        }
        var args = [kind.rawValue, record]
        if let output { args += ["-o", output] }
        if let layout { args += ["--layout", layout] }
        if let png { args += ["--png", png] }
        args += ["--pdf-standard", pdfStandard.rawValue]
        if publicEdition { args.append("--public") }
        var seen: [String: Date] = [:]
        var first = true
        while true {
            let files = watched(kind)
            let stamps = Dictionary(files.map { ($0, WatchCommand.modified($0)) }, uniquingKeysWith: { a, _ in a })
            let changed = stamps.filter { seen[$0.key] != $0.value }.map(\.key).sorted()
            if first || !changed.isEmpty {
                if !first {
                    say("changed: "
                        + "\(changed.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))")
                }
                first = false
                seen = stamps
                let start = DispatchTime.now()
                var ok = true
                Interrupts.idle = false
                do {
                    var command = try HanjiCommand.parseAsRoot(args)
                    try command.run()
                } catch {
                    ok = false
                }
                // Between prints nothing is being written: Ctrl-C just stops watching.
                Interrupts.idle = true
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
                say("\(ok ? "printed" : "failed") in \(Int(ms)) ms; watching \(stamps.count) files (Ctrl-C to stop)")
            }
            usleep(useconds_t(interval * 1000))
        }
    }

    /// The record, the spec, and every file the record names, as far as they can be read now:
    /// only those inside the record's folder, as printing confines them (one outside is the
    /// print's error, and is not watched).
    func watched(_ kind: Kind) -> [String] {
        let url = URL(fileURLWithPath: record)
        let folder = url.deletingLastPathComponent()
        var named: [String] = []
        var name = kind == .certificates ? "certificate" : kind.rawValue
        if kind == .minutes || kind == .signin, let meeting = try? Meeting.load(url) {
            named = meeting.photos.map(\.file)
            // The minutes print by the layout the record names (`layout: summary`).
            if kind == .minutes { name = meeting.layout }
        } else if let year = try? Year.load(url, allowOutside: true) {
            named = [year.organisation.seal, year.book?.cover].compactMap { $0 }
            if let list = try? Field.load(url).fields(Year.keys)["meetings"]?.list() {
                named += list.compactMap { try? $0.text() }
            }
        }
        let spec = (try? Layouts.find(layout, name: name, near: record)).map { [$0.path] } ?? []
        return [url.path] + spec + named.compactMap { Paths.confined($0, in: folder, allowOutside: false)?.path }
    }

    /// A line on standard output, unbuffered, so a log or another program sees it at once.
    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func modified(_ path: String) -> Date {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a new year: a folder with records, a roster and the layouts.",
        discussion: """
            Makes DIR with a commented year.yaml, minutes-01.yaml, roster.csv, a
            sample seal.png (marked 견본: certificates printed with it warn until it
            is replaced), layouts/ (copies of Hanji's layouts, to customise) and
            fonts/ (for your own fonts). Every document prints from it at once. An
            existing file is never overwritten.
            Examples:
              hanji init 2019
              hanji minutes 2019/minutes-01.yaml -o 2019/out/minutes-01.pdf
            """)

    @Argument(help: "The folder to make.")
    var folder: String

    func run() throws {
        try Runner.run {
            let target = URL(fileURLWithPath: folder)
            let template = try Home.required("templates/new-year")
            var copies: [(URL, URL)] = try FileManager.default.contentsOfDirectory(atPath: template.path).sorted().map {
                (template.appendingPathComponent($0), target.appendingPathComponent($0))
            }
            // Every layout Hanji ships (each kind of minutes, the sign-in sheet, the year's documents).
            let layouts = try Home.required("layouts")
            for name in try FileManager.default.contentsOfDirectory(atPath: layouts.path).sorted()
                where name.hasSuffix(".yaml") {
                copies.append((layouts.appendingPathComponent(name), target.appendingPathComponent("layouts/\(name)")))
            }
            copies.append((try Home.required("fonts/README.md"), target.appendingPathComponent("fonts/README.md")))
            if let clash = copies.first(where: { FileManager.default.fileExists(atPath: $0.1.path) }) {
                throw InputError("\(clash.1.path) already exists", at: nil,
                                 hint: "choose a new folder; hanji init never overwrites a file")
            }
            for (from, to) in copies {
                try FileManager.default.createDirectory(at: to.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: from, to: to)
            }
            print("\(target.path): year.yaml, minutes-01.yaml, roster.csv, seal.png, layouts/, fonts/")
            print("next: hanji check \(folder)/*.yaml && hanji minutes \(folder)/minutes-01.yaml "
                + "-o \(folder)/out/minutes-01.pdf")
        }
    }
}

struct FontsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fonts",
        abstract: "List the font families Hanji can use.",
        discussion: """
            Hanji sees only the fonts in the spec's font folders (by default fonts/
            beside layouts/) and the Debian font packages it installs, never other
            fonts of the machine.
            Examples:
              hanji fonts
              hanji fonts --layout my-minutes.yaml
            """)

    @Option(help: "The layout spec whose font folders to use (default: layouts/minutes.yaml).")
    var layout: String?

    func run() throws {
        try Runner.run {
            let spec = try Spec.load(try Layouts.find(layout, name: "minutes"))
            let fonts = try Fonts(folders: spec.fontFolders)
            for family in fonts.families { print(family) }
            // What each of the user's own files is called, and the ones fontconfig cannot read.
            let files = fonts.own.map { "\($0.file): \($0.families.joined(separator: ", "))\n" }
            let warned = fonts.unreadableWarnings.map { "warning: \($0)\n" }
            try? FileHandle.standardError.write(contentsOf: Data((files + warned).joined().utf8))
            let summary = "(\(fonts.families.count) families from \(fonts.folders.joined(separator: ", ")))\n"
            try? FileHandle.standardError.write(contentsOf: Data(summary.utf8))
        }
    }
}
