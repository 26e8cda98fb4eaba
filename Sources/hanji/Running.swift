// What every command shares: options, layouts lookup, exit codes, interrupts, progress and timings.
import ArgumentParser
import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiRender
import HanjiSpec
import HanjiText

/// Options every document command takes.
struct Common: ParsableArguments {
    @Option(help: "Also write each page as PNG into this folder.")
    var png: String?

    @Option(help: "Resolution of the PNG pages, in dots per inch.")
    var dpi: Double = 96

    @Flag(help: "Treat warnings as errors: print them and stop with exit code 1, writing nothing.")
    var strict = false

    @Flag(help: "Allow images, fonts and meeting records outside the folder of the file that names them.")
    var allowOutside = false

    @Option(help: "What the PDF conforms to: a-2a (PDF/A-2 level a, tagged; the default), a-2b (level b) or none.")
    var pdfStandard: PDFStandard?

    /// The resolutions a page can be drawn at: an A4 page at 1200 dpi is already 140 million pixels.
    static let dpis = 10.0...1200

    func validate() throws {
        guard dpi.isFinite, Common.dpis.contains(dpi) else {
            throw ValidationError("--dpi must be a number from 10 to 1200 dots per inch, such as 96 (got \(dpi))")
        }
    }

    /// The widest PNG page Cairo draws, in pixels.
    static let maxPixels = 32_767.0

    /// Checks that --png pages at --dpi stay within what Cairo can draw, before any work.
    func checkPixels(_ spec: Spec) throws {
        guard png != nil else { return }
        let side = [spec.page.size.width, spec.page.size.height, spec.sheet?.width ?? 0, spec.sheet?.height ?? 0].max()!
        guard side / 72 * dpi > Common.maxPixels else { return }
        let pixels = Int(side / 72 * dpi)
        throw InputError("--dpi \(Int(dpi)) makes a page \(pixels) pixels across; a PNG page may be at most 32767",
                         at: Location(file: spec.file, line: 1, column: 1), path: "page.size",
                         hint: "use --dpi \(Int(Common.maxPixels * 72 / side)) or less for this page size")
    }

    /// Prints warnings; under --strict, any warning stops the command.
    func warn(_ lines: [String]) throws {
        Runner.warn(lines)
        if strict && !lines.isEmpty {
            try? FileHandle.standardError.write(
                contentsOf: Data("error: \(lines.count) warning(s) and --strict: nothing written\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The composer for a spec, over the fonts started ahead when they are the spec's.
    func composer(_ spec: Spec, fonts ahead: FontsAhead? = nil) throws -> Composer {
        let composer = try ahead.map { try Composer(fonts: try $0.fonts(for: spec.fontFolders)) } ?? Composer(for: spec)
        composer.allowOutside = allowOutside
        composer.standard = pdfStandard ?? .a2a
        Runner.spec = spec
        return composer
    }

    /// Reads a year record (printing its warnings) and its spec, the spec's fonts set up meanwhile.
    func year(_ path: String, layout given: String?, name: String) throws -> (Year, Spec, Composer) {
        let (url, fonts) = try layout(given, name: name, near: path)
        let record = try Year.load(URL(fileURLWithPath: path), allowOutside: allowOutside)
        try warn(record.warnings.map(\.description))
        let spec = try Spec.load(url, allowOutside: allowOutside)
        try checkPixels(spec)
        return (record, spec, try composer(spec, fonts: fonts))
    }

    /// Finds the layout spec and starts setting up its fonts while the caller reads its files.
    func layout(_ given: String?, name: String, near record: String) throws -> (URL, FontsAhead) {
        let url = try Layouts.find(given, name: name, near: record)
        return (url, FontsAhead(folders: Spec.fontFolders(near: url)))
    }
}

/// Runs a command, turning every failure into a message on standard error and an exit code.
enum Runner {
    /// The spec the command lays out by, once it has one: to place an error at the spec's line.
    nonisolated(unsafe) static var spec: Spec?

    /// The most warnings a printing command shows at once; `hanji check` lists them all.
    static let shownWarnings = 20

    /// Prints warnings: the first `shownWarnings`, then how many more (a roster of a thousand
    /// rows can hold hundreds; a wall of them hides the first, and fills a caller's pipe).
    static func warn(_ lines: [String]) {
        for line in lines.prefix(shownWarnings) {
            try? FileHandle.standardError.write(contentsOf: Data("\(line)\n".utf8))
        }
        guard lines.count > shownWarnings else { return }
        let more = lines.count - shownWarnings
        try? FileHandle.standardError.write(
            contentsOf: Data("… and \(counted(more, "more warning")) (hanji check lists them all)\n".utf8))
    }

    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let code as ExitCode {
            throw code
        } catch let error as InputError {
            try? FileHandle.standardError.write(contentsOf: Data("\(error)\n".utf8))
            throw ExitCode(1)
        } catch let gathered as InputErrors {
            // Every bad row of a roster, say, each with its place.
            for error in gathered.errors { try? FileHandle.standardError.write(contentsOf: Data("\(error)\n".utf8)) }
            throw ExitCode(1)
        } catch let error as ImageError where spec?.located(error) != nil {
            // An image the layout names (a logo), at the layout's line.
            try? FileHandle.standardError.write(contentsOf: Data("\(spec!.located(error)!)\n".utf8))
            throw ExitCode(1)
        } catch where error is ImageError || error is LayoutError {
            // An image that cannot be placed, text that cannot fit: the input must change.
            try? FileHandle.standardError.write(contentsOf: Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as WriteError {
            // A full disk, a folder one may not change: the user can fix it and run again.
            try? FileHandle.standardError.write(contentsOf: Data("error: \(error)\n  hint: \(error.hint)\n".utf8))
            throw ExitCode(1)
        } catch let error as RenderError {
            try? FileHandle.standardError.write(contentsOf: Data("error: \(error)\n".utf8))
            throw ExitCode(3)
        } catch {
            try? FileHandle.standardError.write(contentsOf: Data("internal error: \(error)\n".utf8))
            throw ExitCode(3)
        }
    }
}

/// Ctrl-C (SIGINT) and SIGTERM: remove the temporary files being written, so an interrupted run
/// leaves earlier outputs as they were and nothing half-written, then exit 130 or 143.
enum Interrupts {
    nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []
    /// Set while nothing is being written (`hanji watch` waiting for a change): stopping then
    /// interrupts nothing, so nothing is said of it.
    nonisolated(unsafe) static var idle = false

    static func install() {
        // A reader that goes away (`-o` a pipe whose reader quit) is a write error with a
        // message, not a silent death by SIGPIPE.
        Foundation.signal(SIGPIPE, SIG_IGN)
        for (signal, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                Atomic.abandonAll()
                if !idle {
                    try? FileHandle.standardError.write(contentsOf: Data("\ninterrupted: nothing was written\n".utf8))
                }
                _exit(code)
            }
            source.resume()
            sources.append(source)
        }
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
        try? FileHandle.standardError.write(contentsOf: Data("\r\(label): \(text)".utf8))
    }

    func done() {
        if shown && last >= 0 { try? FileHandle.standardError.write(contentsOf: Data("\n".utf8)) }
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
    var notes: [String] = []
    /// A line after the phases (a figure measured elsewhere, such as on the writer's thread).
    func note(_ line: String) { if on { notes.append(line) } }
    func report() {
        if on {
            try? FileHandle.standardError.write(
                contentsOf: Data(((lines + notes).joined(separator: "\n") + "\n").utf8))
        }
    }
}

extension PDFStandard: ExpressibleByArgument {}
