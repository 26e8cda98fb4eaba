import Foundation

/// A path written the Windows way (`D:\사진\회의.jpg`, `photos\a.jpg`): Hanji's paths use `/`
/// and are relative to the record's folder.
public struct WindowsPath: Sendable {
    /// The path as it should be written.
    public let fixed: String
    /// Whether it began with a drive letter, so the file must be copied in first.
    public let drive: Bool

    /// `path` read as a Windows path, or nil when it is none.
    public init?(_ path: String) {
        let chars = Array(path)
        drive = chars.count >= 2 && chars[0].isASCII && chars[0].isLetter && chars[1] == ":"
        guard path.contains("\\") || drive else { return nil }
        let rest = drive ? String(chars.dropFirst(2)) : path
        fixed = String(rest.replacingOccurrences(of: "\\", with: "/").drop { $0 == "/" })
    }

    /// The error for `written` at `location`: what is wrong and the path to write.
    public func error(_ written: String, at location: Location?, path: String = "") -> InputError {
        let move = drive ? "copy the file into the record's folder (or a folder in it) and write" : "write"
        return InputError("'\(written)' is a Windows path: paths use / and stay in the record's folder",
                          at: location, path: path, hint: "\(move) '\(fixed)'")
    }
}

extension Field {
    /// A path to a file (a photo, a seal, a cover, a meeting record); a Windows path is an error
    /// that suggests the path as it should be written.
    public func filePath() throws -> String {
        let path = try text()
        if let windows = WindowsPath(path) { throw windows.error(path, at: location, path: self.path) }
        return path
    }
}
