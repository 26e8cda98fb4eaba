// Printing a document of one meeting record (its minutes, its sign-in sheet): the run the
// commands of such documents share, each with its own layout.
import Foundation
import Hanji
import HanjiModel
import HanjiSpec

extension Common {
    /// Prints the meeting `record` by the layout `name` (or `given`) into `output`, by default
    /// out/RECORD`suffix`.pdf (with -public for the public edition), and reports the pages.
    func meeting(_ record: String, layout given: String?, name: String, suffix: String, output: String?,
                 edition: Edition) throws {
        try Runner.run {
            let recordURL = URL(fileURLWithPath: record)
            let clock = Phases()
            let (specURL, fonts) = try layout(given, name: name, near: record)
            let meeting = try Meeting.load(recordURL)
            clock.mark("record")
            try warn(meeting.warnings.map(\.description))
            let spec = try Spec.load(specURL, allowOutside: allowOutside)
            clock.mark("spec")
            let composer = try composer(spec, fonts: fonts)
            clock.mark("fonts")
            let base = recordURL.deletingPathExtension().lastPathComponent + suffix + (edition == .public ? "-public" : "")
            let target = URL(fileURLWithPath: output ?? "out/\(base).pdf")
            defer { clock.mark("layout and write"); clock.report() }
            // Warnings are known only once the pages are laid out; under --strict a first,
            // unwritten pass finds them so nothing is written.
            if strict {
                let document = try composer.minutes(meeting, spec: spec, edition: edition)
                try warn(document.warnings.map { "warning: \($0)" })
            }
            let progress = Progress(label: "pages")
            defer { progress.done() }
            var pages = Output(pdf: target, png: png.map { URL(fileURLWithPath: $0) }, name: base, dpi: dpi)
            pages.progress = { progress.show($0, 0) }
            let written = try composer.minutes(meeting, spec: spec, edition: edition, to: pages)
            clock.note(String(format: "  of which Cairo drawing pages (second thread) %.1f ms, finishing the PDF (font subsets) %.1f ms",
                              written.drawing * 1000, written.finishing * 1000))
            if !strict { try warn(written.warnings.map { "warning: \($0)" }) }
            print("\(target.path): \(written.pages) pages")
        }
    }
}
