// Page previews (`--png`): `NAME-NN.png`, each page number zero-padded to the width of the last,
// so the files sort in page order (booklet-01.png … booklet-16.png).
import Foundation
import HanjiLayout

/// Names page previews so they sort in page order.
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

/// Where a document's pages go as PNG previews: `NAME-N.png` into `folder` at `dpi`.
public struct PNGPages: Sendable {
    public var folder: URL
    public var name: String
    public var dpi: Double
    /// Whether a document of one page is named `NAME.png`, without its number (a certificate
    /// named by its person).
    public var bare: Bool

    public init(folder: URL, name: String, dpi: Double, bare: Bool = false) {
        self.folder = folder; self.name = name; self.dpi = dpi; self.bare = bare
    }

    /// The file of page `page` when the last page is numbered `last`.
    func file(page: Int, last: Int) -> URL {
        folder.appendingPathComponent(Previews.name(name, page: page, last: last))
    }
}

/// Previews written as pages stream out, before the page count is known: each as `NAME-N.png`,
/// renamed to its padded name once the last page is written.
final class PNGStream {
    let target: PNGPages
    let images: ImageCache
    /// The page numbers written so far.
    var numbers: [Int] = []

    init(_ target: PNGPages, images: ImageCache) { self.target = target; self.images = images }

    func add(_ page: Page) throws {
        try PNGWriter.write(page, dpi: target.dpi, to: target.file(page: page.number, last: 1), images: images)
        numbers.append(page.number)
    }

    /// Gives every preview its padded name (or its bare one), now that the last page is known,
    /// and removes the previews an earlier run left under the same name that this one did not
    /// write (a document that got shorter leaves no stale last pages).
    func finish() throws {
        let last = numbers.max() ?? 1
        var written: Set<String>
        if target.bare && numbers.count == 1 {
            let bare = target.name + ".png"
            try move(target.file(page: numbers[0], last: 1), to: target.folder.appendingPathComponent(bare))
            written = [bare]
        } else {
            for number in numbers where String(number).count < String(last).count {
                try move(target.file(page: number, last: 1), to: target.file(page: number, last: last))
            }
            written = Set(numbers.map { Previews.name(target.name, page: $0, last: last) })
        }
        for stale in earlier() where !written.contains(stale) {
            try? FileManager.default.removeItem(at: target.folder.appendingPathComponent(stale))
        }
    }

    /// The files of the folder a run under this name writes: `NAME.png` and `NAME-N.png`, N digits.
    func earlier() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: target.folder.path)) ?? []
        return files.filter { file in
            guard file.hasSuffix(".png") else { return false }
            let stem = file.dropLast(4)
            if stem == target.name { return true }
            guard stem.hasPrefix(target.name + "-") else { return false }
            let number = stem.dropFirst(target.name.count + 1)
            return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
        }
    }

    /// rename(2): replaces a preview of an earlier run in one step.
    func move(_ from: URL, to: URL) throws {
        if rename(from.path, to.path) != 0 { throw WriteError(path: to.path, code: errno) }
    }
}
