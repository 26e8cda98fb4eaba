// The command line: hanji minutes RECORD.yaml [-o FILE.pdf] [--layout SPEC.yaml] [--public]
import ArgumentParser
import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiRender
import HanjiSpec
import HanjiText

@main
struct HanjiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hanji",
        abstract: "Prints the paperwork of Korean public governance bodies as A4 PDFs.",
        discussion: """
            Exit codes: 0 done, 1 the input is wrong, 2 usage, 3 internal error, 130 or 143
            interrupted (nothing half-written is left). Warnings keep 0 unless --strict.
            Start a year with `hanji init DIR`; `hanji check` finds every mistake before printing.
            """,
        subcommands: [MinutesCommand.self, ProgramCommand.self, CertificatesCommand.self, BookletCommand.self, CheckCommand.self,
                      WatchCommand.self, InitCommand.self, FontsCommand.self])

    /// Runs the command with the documented exit codes: 0 done, 1 input wrong, 2 usage, 3 internal.
    static func main() {
        Interrupts.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

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

    @Option(help: "Also write each page as PNG into this folder.")
    var png: String?

    @Option(help: "Resolution of the PNG pages, in dots per inch.")
    var dpi: Double = 96

    @OptionGroup var common: Common

    func run() throws {
        try Runner.run {
            let recordURL = URL(fileURLWithPath: record)
            let clock = Phases()
            let meeting = try Meeting.load(recordURL)
            clock.mark("record")
            try common.warn(meeting.warnings.map(\.description))
            let spec = try Spec.load(try Layouts.find(layout, name: "minutes", near: record), allowOutside: common.allowOutside)
            clock.mark("spec")
            let composer = try common.composer(spec)
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
            var output = Output(pdf: target, png: png.map { URL(fileURLWithPath: $0) }, name: name, dpi: dpi)
            output.progress = { progress.show($0, 0) }
            let written = try composer.minutes(meeting, spec: spec, edition: publicEdition ? .public : .official, to: output)
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

    @Option(help: "Also write each page as PNG into this folder.")
    var png: String?

    @Option(help: "Resolution of the PNG pages, in dots per inch.")
    var dpi: Double = 96

    @OptionGroup var common: Common

    func run() throws {
        try Runner.run {
            let record = try Year.load(URL(fileURLWithPath: year), allowOutside: common.allowOutside)
            try common.warn(record.warnings.map(\.description))
            let spec = try Spec.load(try Layouts.find(layout, name: "program", near: year), allowOutside: common.allowOutside)
            let document = try common.composer(spec).program(record, spec: spec)
            try common.warn(document.warnings.map { "warning: \($0)" })
            let target = URL(fileURLWithPath: output ?? "out/program.pdf")
            try document.writePDF(to: target)
            if let png { try document.writePNG(to: URL(fileURLWithPath: png), name: target.deletingPathExtension().lastPathComponent, dpi: dpi) }
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

    @Option(help: "Also write each page as PNG into this folder.")
    var png: String?

    @Option(help: "Resolution of the PNG pages, in dots per inch.")
    var dpi: Double = 96

    @OptionGroup var common: Common

    func validate() throws {
        if split != nil && output != nil { throw ValidationError("give -o FILE.pdf or --split DIR, not both") }
    }

    func run() throws {
        try Runner.run {
            let record = try Year.load(URL(fileURLWithPath: year), allowOutside: common.allowOutside)
            try common.warn(record.warnings.map(\.description))
            let spec = try Spec.load(try Layouts.find(layout, name: "certificate", near: year), allowOutside: common.allowOutside)
            let list = try roster.map { try Roster.load(URL(fileURLWithPath: $0)) }
            let composer = try common.composer(spec)
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
            if let png {
                for person in try composer.recipients(record, spec: spec, roster: list) {
                    let document = try composer.certificate(person, year: record, value: record.value, spec: spec)
                    try document.writePNG(to: URL(fileURLWithPath: png), name: "certificate-\(person.number)", dpi: dpi)
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

    @Option(help: "Also write each page as PNG into this folder.")
    var png: String?

    @Option(help: "Resolution of the PNG pages, in dots per inch.")
    var dpi: Double = 96

    @OptionGroup var common: Common

    func run() throws {
        try Runner.run {
            let record = try Year.load(URL(fileURLWithPath: year), allowOutside: common.allowOutside)
            try common.warn(record.warnings.map(\.description))
            let spec = try Spec.load(try Layouts.find(layout, name: "booklet", near: year), allowOutside: common.allowOutside)
            var document = try common.composer(spec).booklet(record, spec: spec, edition: official ? .official : .public)
            try common.warn(document.warnings.map { "warning: \($0)" })
            if impose == .a5Booklet { document.pages = Imposition.booklet(document.pages, sheet: Size.a4.landscape) }
            let target = URL(fileURLWithPath: output ?? "out/booklet.pdf")
            try document.writePDF(to: target)
            if let png { try document.writePNG(to: URL(fileURLWithPath: png), name: target.deletingPathExtension().lastPathComponent, dpi: dpi) }
            print("\(target.path): \(document.pages.count) \(impose == nil ? "pages" : "sheet sides")")
        }
    }
}

/// Phase timings on standard error when HANJI_TIMING is set (for profiling start-up).
final class Phases {
    let on = ProcessInfo.processInfo.environment["HANJI_TIMING"] != nil
    var last = DispatchTime.now()
    var lines: [String] = []
    func mark(_ name: String) {
        guard on else { return }
        let now = DispatchTime.now()
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let rss = status.split(separator: "\n").first { $0.hasPrefix("VmHWM") }.map(String.init) ?? ""
        lines.append("\(name) \(Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e6) ms \(rss)")
        last = now
    }
    func report() { if on { FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8)) } }
}

/// Options every document command takes.
struct Common: ParsableArguments {
    @Flag(help: "Treat warnings as errors: print them and stop with exit code 1, writing nothing.")
    var strict = false

    @Flag(help: "Allow images, fonts and meeting records outside the folder of the file that names them.")
    var allowOutside = false

    /// Prints warnings; under --strict, any warning stops the command.
    func warn(_ lines: [String]) throws {
        Runner.warn(lines)
        if strict && !lines.isEmpty {
            FileHandle.standardError.write(Data("error: \(lines.count) warning(s) and --strict: nothing written\n".utf8))
            throw ExitCode(1)
        }
    }

    func composer(_ spec: Spec) throws -> Composer {
        var composer = try Composer(for: spec)
        composer.allowOutside = allowOutside
        return composer
    }
}

/// A one-line counter on standard error, shown only when it is a terminal.
/// It appears only once a run has taken over a second, so quick runs stay quiet.
final class Progress {
    let label: String
    let shown = isatty(2) != 0
    let start = DispatchTime.now()
    var last = -1

    init(label: String) { self.label = label }

    var late: Bool { DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds > 1_000_000_000 }

    /// `done` of `total`; a total of 0 means not known yet (pages still being laid out).
    func show(_ done: Int, _ total: Int) {
        guard shown, late else { return }
        let percent = total > 0 ? done * 100 / total : done
        guard percent != last else { return }
        last = percent
        let text = total > 0 ? "\(done)/\(total) (\(percent)%)" : "\(done)"
        FileHandle.standardError.write(Data("\r\(label): \(text)".utf8))
    }

    func done() {
        if shown && last >= 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check records, year records, layout specs and rosters without printing.",
        discussion: """
            Reads each file as Hanji would and reports every problem it finds, not only the
            first: the place, the source line with a caret under it, and a hint. A meeting
            record's photos are opened too. Exit code 1 when any file has an error.
            Examples:
              hanji check examples/yeongdeungpo-2018/minutes-14.yaml
              hanji check year.yaml minutes-*.yaml layouts/*.yaml roster.csv
            """)

    @Argument(help: "The files to check (.yaml records and specs, .csv rosters).")
    var files: [String]

    @Flag(help: "Count warnings as errors.")
    var strict = false

    @Flag(help: "Allow files outside the folder of the file that names them.")
    var allowOutside = false

    func run() throws {
        var errors = 0, warnings = 0
        for path in files {
            let url = URL(fileURLWithPath: path)
            let source = (try? Data(contentsOf: url)).flatMap { String(data: $0, encoding: .utf8) }
            let (found, warned) = check(url)
            for problem in (found + warned).sorted(by: { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }) {
                FileHandle.standardError.write(Data((problem.rendered(source: source) + "\n\n").utf8))
            }
            errors += found.count
            warnings += warned.count
        }
        let summary = "\(files.count) file\(files.count == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        print(summary)
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }

    /// The errors and warnings of one file, read by what it is: a meeting record, a year
    /// record, a layout spec or a roster.
    func check(_ url: URL) -> (errors: [InputError], warnings: [InputError]) {
        do {
            if url.pathExtension.lowercased() == "csv" {
                let roster = try Roster.load(url)
                let collector = Collector()
                _ = try? collector.run { try roster.records(columns: [("name", "성명")], required: ["name"]) }
                return (collector.errors, [])
            }
            let root = try Field.load(url)
            let keys = (try? root.pairs().map(\.key)) ?? []
            let collector = Collector()
            var warned: [InputError] = []
            do {
                if keys.contains("agenda") {
                    let meeting = try collector.run { () -> Meeting in
                        var meeting = try Meeting.read(root)
                        meeting.folder = url.deletingLastPathComponent()
                        return meeting
                    }
                    warned = meeting.warnings
                    let images = ImageFiles(folder: meeting.folder, allowOutside: allowOutside)
                    var found: [InputError] = []
                    for photo in meeting.photos {
                        do { _ = try images.load(photo.file) } catch let error as ImageError {
                            let at = meeting.sources.first { $0.text == photo.file }
                            found.append(InputError("photo '\(photo.file)': \(error.reason)", at: at?.location, path: at?.path ?? "photos",
                                                    hint: "photo paths are relative to the record's folder; use a JPEG or PNG file"))
                        }
                    }
                    return (found, warned)
                } else if keys.contains("subcommittees") {
                    let year = try collector.run { try Year.read(root, folder: url.deletingLastPathComponent(), allowOutside: allowOutside) }
                    warned = year.warnings
                } else {
                    let spec = try collector.run { try Spec(root, allowOutside: allowOutside) }
                    try Composer(for: spec).check(spec)
                }
            } catch let gathered as InputErrors {
                return (gathered.errors, warned)
            }
            return ([], warned)
        } catch let error as InputError {
            return ([error], [])
        } catch let gathered as InputErrors {
            return (gathered.errors, [])
        } catch {
            return ([InputError("\(error)", at: Location(file: url.path, line: 1, column: 1))], [])
        }
    }
}

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Print a document again whenever its record, layout or images change.",
        discussion: """
            Prints once, then watches the record, the files it names (meeting records, photos,
            the seal, the cover), the layout spec and the fonts folder, and prints again within
            a moment of each save, with the time it took and any diagnostics. Ctrl-C stops it.
            Examples:
              hanji watch examples/yeongdeungpo-2018/minutes-14.yaml
              hanji watch year.yaml --document booklet -o out/booklet.pdf --png out/pages
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable { case minutes, program, certificates, booklet }

    @Argument(help: "The meeting or year record (YAML).")
    var record: String

    @Option(help: "What to print: minutes (for a meeting record), program, certificates or booklet (for a year record).")
    var document: Kind?

    @Option(name: .shortAndLong, help: "The PDF to write.")
    var output: String?

    @Option(help: "The layout spec.")
    var layout: String?

    @Option(help: "Also write each page as PNG into this folder.")
    var png: String?

    @Option(help: "How often to look for changes, in milliseconds.")
    var interval: Int = 200

    func run() throws {
        let kind = document ?? ((try? Field.load(URL(fileURLWithPath: record)).pairs().contains { $0.key == "agenda" }) == true ? .minutes : .booklet)
        var args = [kind.rawValue, record]
        if let output { args += ["-o", output] }
        if let layout { args += ["--layout", layout] }
        if let png { args += ["--png", png] }
        var seen: [String: Date] = [:]
        var first = true
        while true {
            let files = watched(kind)
            let stamps = Dictionary(files.map { ($0, WatchCommand.modified($0)) }, uniquingKeysWith: { a, _ in a })
            let changed = stamps.filter { seen[$0.key] != $0.value }.map(\.key).sorted()
            if first || !changed.isEmpty {
                if !first { say("changed: \(changed.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", "))") }
                first = false
                seen = stamps
                let start = DispatchTime.now()
                var ok = true
                do {
                    var command = try HanjiCommand.parseAsRoot(args)
                    try command.run()
                } catch {
                    ok = false
                }
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
                say("\(ok ? "printed" : "failed") in \(Int(ms)) ms; watching \(stamps.count) files (Ctrl-C to stop)")
            }
            usleep(useconds_t(max(interval, 20) * 1000))
        }
    }

    /// The record, the spec, and every file the record names, as far as they can be read now.
    func watched(_ kind: Kind) -> [String] {
        let url = URL(fileURLWithPath: record)
        let folder = url.deletingLastPathComponent()
        var files = [url.path]
        let name = kind == .certificates ? "certificate" : kind.rawValue
        if let spec = try? Layouts.find(layout, name: name, near: record) { files.append(spec.path) }
        if kind == .minutes, let meeting = try? Meeting.load(url) {
            files += meeting.photos.map { folder.appendingPathComponent($0.file).path }
        } else if let year = try? Year.load(url, allowOutside: true) {
            if let seal = year.organisation.seal { files.append(folder.appendingPathComponent(seal).path) }
            if let cover = year.book?.cover { files.append(folder.appendingPathComponent(cover).path) }
            if let list = try? Field.load(url).fields(Year.keys)["meetings"]?.list() {
                files += list.compactMap { try? folder.appendingPathComponent($0.text()).path }
            }
        }
        return files
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
        abstract: "Start a new year: a folder with a year record, a meeting, a roster and the layouts.",
        discussion: """
            Makes DIR with a commented year.yaml, minutes-01.yaml, roster.csv, a sample seal.png,
            layouts/ (copies of Hanji's layouts, to customise) and fonts/ (for your own fonts).
            Every document prints from it at once. An existing file is never overwritten.
            Examples:
              hanji init 2019
              hanji minutes 2019/minutes-01.yaml -o 2019/out/minutes-01.pdf
            """)

    @Argument(help: "The folder to make.")
    var folder: String

    func run() throws {
        try Runner.run {
            let target = URL(fileURLWithPath: folder)
            let template = Layouts.home.appendingPathComponent("templates/new-year")
            var copies: [(URL, URL)] = try FileManager.default.contentsOfDirectory(atPath: template.path).sorted().map {
                (template.appendingPathComponent($0), target.appendingPathComponent($0))
            }
            for name in ["minutes", "program", "certificate", "booklet"] {
                copies.append((Layouts.home.appendingPathComponent("layouts/\(name).yaml"), target.appendingPathComponent("layouts/\(name).yaml")))
            }
            copies.append((Layouts.home.appendingPathComponent("fonts/README.md"), target.appendingPathComponent("fonts/README.md")))
            if let clash = copies.first(where: { FileManager.default.fileExists(atPath: $0.1.path) }) {
                throw InputError("\(clash.1.path) already exists", at: nil, hint: "choose a new folder; hanji init never overwrites a file")
            }
            for (from, to) in copies {
                try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: from, to: to)
            }
            print("\(target.path): year.yaml, minutes-01.yaml, roster.csv, seal.png, layouts/, fonts/")
            print("next: hanji check \(folder)/*.yaml && hanji minutes \(folder)/minutes-01.yaml -o \(folder)/out/minutes-01.pdf")
        }
    }
}

struct FontsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fonts",
        abstract: "List the font families Hanji can use.",
        discussion: """
            Hanji sees only the fonts in the spec's font folders (by default fonts/ beside
            layouts/) and the Debian font packages it installs, never other fonts of the machine.
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
            let summary = "(\(fonts.families.count) families from \(fonts.folders.joined(separator: ", ")))\n"
            FileHandle.standardError.write(Data(summary.utf8))
        }
    }
}

/// Finds layout specs: the one named on the command line, else `layouts/` beside the record
/// (a folder made by `hanji init`), else $HANJI_LAYOUTS, `layouts/` in the current folder, and
/// the layouts that came with Hanji.
enum Layouts {
    /// Where Hanji's own files (layouts, templates, fonts/) are: the source checkout it was built from.
    static let home = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func find(_ given: String?, name: String, near record: String? = nil) throws -> URL {
        if let given { return URL(fileURLWithPath: given) }
        let candidates = [
            record.map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("layouts") },
            ProcessInfo.processInfo.environment["HANJI_LAYOUTS"].map { URL(fileURLWithPath: $0) },
            URL(fileURLWithPath: "layouts"),
            home.appendingPathComponent("layouts"),
        ].compactMap { $0 }.map { $0.appendingPathComponent("\(name).yaml") }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw InputError("no layout spec '\(name).yaml' found", at: nil, path: "",
                             hint: "pass --layout FILE.yaml, or run from the folder that holds layouts/")
        }
        return found
    }
}

/// Runs a command, turning every failure into a message on standard error and an exit code.
enum Runner {
    static func warn(_ lines: [String]) {
        for line in lines { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
    }

    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let code as ExitCode {
            throw code
        } catch let error as InputError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as ImageError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as LayoutError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as RenderError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(3)
        } catch {
            FileHandle.standardError.write(Data("internal error: \(error)\n".utf8))
            throw ExitCode(3)
        }
    }
}

/// Ctrl-C (SIGINT) and SIGTERM: remove the temporary files being written, so an interrupted run
/// leaves earlier outputs as they were and nothing half-written, then exit 130 or 143.
enum Interrupts {
    nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []

    static func install() {
        for (signal, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                Atomic.abandonAll()
                FileHandle.standardError.write(Data("\ninterrupted: nothing was written\n".utf8))
                _exit(code)
            }
            source.resume()
            sources.append(source)
        }
    }
}
