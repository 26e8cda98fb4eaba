// Where Hanji's own files are (layouts/, templates/, fonts/): beside the running program when it is
// installed, else the checkout a development build under .build/ was built in.
import Foundation
import HanjiModel

/// Hanji's own files, found from the running executable (`/proc/self/exe`, links resolved), never
/// from where the source was when it was built: first `../share/hanji` beside its `bin/` (what
/// `make install` and the Debian package lay out), then, for a program inside a checkout's
/// `.build/` folder (`swift build`; or `.build-tsan/`…), that checkout. The first that holds `layouts/` wins.
public enum Home {
    /// The folder, or nil when neither place holds Hanji's layouts.
    public static let folder: URL? = executable.flatMap { found(for: $0) }

    /// The running program's own file, symbolic links resolved.
    public static let executable: URL? = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath
        return path.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath() }
    }()

    /// The places Hanji's files may be for a program at `program`, in the order they are tried.
    public static func candidates(for program: URL) -> [URL] {
        let prefix = program.deletingLastPathComponent().deletingLastPathComponent()
        var places = [prefix.appendingPathComponent("share/hanji")]
        let parts = program.pathComponents
        if let build = parts.lastIndex(where: { $0 == ".build" || $0.hasPrefix(".build-") }), build > 0 {
            places.append(URL(fileURLWithPath: NSString.path(withComponents: Array(parts[..<build]))))
        }
        return places
    }

    /// The first candidate that holds `layouts/`.
    public static func found(for program: URL) -> URL? {
        candidates(for: program).first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("layouts").path)
        }
    }

    /// Hanji's own files, or an error saying where they were looked for and how to put them there.
    public static func required() throws -> URL {
        if let folder { return folder }
        throw InputError("Hanji's own layouts and templates are missing: looked in \(looked)", at: nil, path: "",
                         hint: "install Hanji with `make install` (or its Debian package) so that "
                             + "share/hanji/ sits beside its bin/ folder")
    }

    /// One of Hanji's own files or folders (`templates/new-year`), or an error naming where it should be.
    public static func required(_ part: String) throws -> URL {
        let url = try required().appendingPathComponent(part)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw InputError("Hanji's own \(part) is missing: looked for \(url.path)", at: nil, path: "",
                             hint: "install Hanji again (`make install`, or its Debian package)")
        }
        return url
    }

    /// Where the files were looked for, for messages.
    public static var looked: String {
        guard let executable else { return "(the program's own path is unknown)" }
        return candidates(for: executable).map(\.path).joined(separator: ", ")
    }
}
