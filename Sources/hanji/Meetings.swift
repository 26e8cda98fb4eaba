// Printing a document of one meeting record (its minutes, its sign-in sheet): the run the
// commands of such documents share, each with its own layout.
import ArgumentParser
import Foundation
import Hanji
import HanjiModel
import HanjiSpec

/// What a command printing one meeting record takes: the record, -o, --layout, --public and
/// the options every document command takes.
struct MeetingDocument: ParsableArguments {
    @Argument(help: "The meeting record (YAML).")
    var record: String

    @Option(name: .shortAndLong, help: """
        The PDF to write (default: out/NAME.pdf for the minutes, out/NAME-signin.pdf for the sign-in sheet; \
        -public before .pdf for --public).
        """)
    var output: String?

    @Option(help: """
        The layout spec (default: the document's own, such as layouts/minutes.yaml; for the \
        minutes, the one the record names with layout:, such as layouts/summary.yaml).
        """)
    var layout: String?

    @Flag(name: .customLong("public"), help: "The public edition: personal names masked.")
    var publicEdition = false

    @OptionGroup var common: Common

    /// Writes the record by the layout `name` (or --layout) into -o, by default
    /// out/RECORD`suffix`.pdf (with -public for the public edition), and reports the pages.
    /// `notes` are the document's own warnings about the record, told with the record's.
    func write(_ name: String, suffix: String, notes: (Meeting) -> [InputError] = { _ in [] }) throws {
        let edition: Edition = publicEdition ? .public : .official
        try Runner.run {
            let recordURL = URL(fileURLWithPath: record)
            let clock = Phases()
            let meeting = try Meeting.load(recordURL)
            clock.mark("record")
            // The minutes print by the layout the record names (`layout: summary`), unless --layout.
            let chosen = name == "minutes" ? meeting.layout : name
            let (specURL, fonts) = try common.layout(layout, name: chosen, near: record)
            try common.warn((meeting.warnings + notes(meeting)).map(\.description))
            let spec = try Spec.load(specURL, allowOutside: common.allowOutside)
            try common.checkPixels(spec)
            clock.mark("spec")
            let composer = try common.composer(spec, fonts: fonts)
            clock.mark("fonts")
            let base = recordURL.deletingPathExtension().lastPathComponent + suffix
                + (edition == .public ? "-public" : "")
            let target = URL(fileURLWithPath: output ?? "out/\(base).pdf")
            defer { clock.mark("layout and write"); clock.report() }
            // Warnings are known only once the pages are laid out; under --strict a first,
            // unwritten pass finds them so nothing is written.
            if common.strict {
                let document = try composer.minutes(meeting, spec: spec, edition: edition)
                try common.warn(document.warnings.map { "warning: \($0)" })
            }
            let progress = Progress(label: "pages")
            defer { progress.done() }
            var pages = Output(pdf: target, png: common.png.map { URL(fileURLWithPath: $0) }, name: base,
                               dpi: common.dpi)
            pages.progress = { progress.show($0, 0) }
            let written = try composer.minutes(meeting, spec: spec, edition: edition, to: pages)
            let format = "  of which Cairo drawing pages (second thread) %.1f ms, "
                + "finishing the PDF (font subsets) %.1f ms, the PDF/A pass %.1f ms"
            clock.note(String(format: format, written.drawing * 1000, written.finishing * 1000,
                              written.archiving * 1000))
            if !common.strict { try common.warn(written.warnings.map { "warning: \($0)" }) }
            summary("\(target.path): \(counted(written.pages, "page"))", for: target)
        }
    }
}
