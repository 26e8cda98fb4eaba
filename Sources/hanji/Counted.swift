// Counts in the CLI's summary lines: "1 page", "16 pages".
import Foundation

/// `count` and its noun, in the singular for one: "1 page", "3 pages", "1 sheet side".
func counted(_ count: Int, _ noun: String) -> String {
    count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
}

/// Prints a run's summary line ("out/m.pdf: 5 pages"): on standard output, or on standard error
/// when the document itself went to a pipe or device (`-o /dev/stdout`), so it never joins the PDF.
func summary(_ line: String, for target: URL) {
    var info = stat()
    if stat(target.path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG && info.st_mode & S_IFMT != S_IFDIR {
        try? FileHandle.standardError.write(contentsOf: Data("\(line)\n".utf8))
    } else {
        print(line)
    }
}
