// The file names of page previews (`--png`): `NAME-NN.png`, each page number zero-padded to
// the width of the last, so the files sort in page order (booklet-01.png … booklet-16.png).
import Foundation
import HanjiLayout
import HanjiRender

/// Names and writes page previews so they sort in page order.
public enum Previews {
    /// `number` with leading zeros to `width` digits.
    public static func padded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The preview of page `page` when the last page is numbered `last`.
    public static func name(_ base: String, page: Int, last: Int) -> String {
        "\(base)-\(padded(page, width: String(last).count)).png"
    }
}

/// Previews written as pages stream out, before the page count is known: each as `NAME-N.png`,
/// renamed to its padded name once the last page is written.
final class StreamedPreviews: @unchecked Sendable {
    let folder: URL, base: String, dpi: Double
    /// The page numbers written so far (on the writer's thread; read once it has drained).
    var numbers: [Int] = []

    init(folder: URL, base: String, dpi: Double) {
        self.folder = folder
        self.base = base
        self.dpi = dpi
    }

    func write(_ page: Page) throws {
        let file = folder.appendingPathComponent(Previews.name(base, page: page.number, last: 1))
        try PNGWriter.write(page, dpi: dpi, to: file)
        numbers.append(page.number)
    }

    /// Gives every preview its padded name, now that the last page is known.
    func finish() throws {
        let last = numbers.max() ?? 1
        for number in numbers where String(number).count < String(last).count {
            let from = folder.appendingPathComponent(Previews.name(base, page: number, last: 1))
            let to = folder.appendingPathComponent(Previews.name(base, page: number, last: last))
            // rename(2) replaces a preview of an earlier run in one step.
            if rename(from.path, to.path) != 0 { throw WriteError(path: to.path, code: errno) }
        }
    }
}
