import Foundation

/// Where files named inside records and specs may be: inside the folder of the file that names
/// them, unless the user allows more (`--allow-outside`).
public enum Paths {
    /// `path` resolved against `folder`; an error when it leaves the folder and that is not allowed.
    public static func resolve(_ path: String, in folder: URL, allowOutside: Bool, what: String,
                               at field: Field? = nil) throws -> URL {
        if let url = confined(path, in: folder, allowOutside: allowOutside) { return url }
        let message = "\(what) '\(path)' is outside \(folder.standardizedFileURL.path)"
        let hint = "move the file into that folder (or below it), or pass --allow-outside to allow it"
        if let field { throw field.error(message, hint: hint) }
        throw InputError(message, at: nil, path: path, hint: hint)
    }

    /// `path` (absolute, or relative to `folder`) as a file URL; nil when it leaves `folder` and
    /// that is not allowed. Every file a record or spec names is found through here.
    public static func confined(_ path: String, in folder: URL, allowOutside: Bool) -> URL? {
        let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path))
            .standardizedFileURL
        return allowOutside || inside(url, folder) ? url : nil
    }

    /// Whether `url` lies in `folder` or below it, after `..` and symbolic links are resolved.
    public static func inside(_ url: URL, _ folder: URL) -> Bool {
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let target = url.standardizedFileURL.resolvingSymlinksInPath().path
        return target == base || target.hasPrefix(base.hasSuffix("/") ? base : base + "/")
    }
}
