// Which layout spec a command prints by, when the command line names none.
import Foundation
import HanjiModel

/// Finds layout specs: the one named on the command line, else `layouts/` beside the record
/// (a folder made by `hanji init`), else $HANJI_LAYOUTS, `layouts/` in the current folder, and
/// the layouts that came with Hanji (`Home`).
public enum Layouts {
    /// The spec `given` (a path), else `NAME.yaml` in the first of the places above that holds it.
    public static func find(_ given: String?, name: String, near record: String? = nil) throws -> URL {
        if let given { return URL(fileURLWithPath: given) }
        let candidates = [
            record.map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("layouts") },
            ProcessInfo.processInfo.environment["HANJI_LAYOUTS"].map { URL(fileURLWithPath: $0) },
            URL(fileURLWithPath: "layouts"),
            Home.folder?.appendingPathComponent("layouts"),
        ].compactMap { $0 }.map { $0.appendingPathComponent("\(name).yaml") }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            let installed = Home.folder == nil ? "; Hanji's own layouts are missing too (looked in \(Home.looked))" : ""
            throw InputError("no layout spec '\(name).yaml' found\(installed)", at: nil, path: "",
                             hint: "pass --layout FILE.yaml, or run from the folder that holds layouts/")
        }
        return found
    }
}
