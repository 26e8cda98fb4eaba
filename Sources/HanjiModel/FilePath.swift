import Foundation

/// Paths to files a record names (photos, a seal, a cover, meeting records): written with `/`
/// and relative to the record's folder, so a path typed or pasted from Windows is named with its fix.
extension Field {
    /// A path to a file; one with `\` or a drive letter (`D:\사진\회의.jpg`) is an error that
    /// suggests the path as it should be written.
    public func filePath() throws -> String {
        let path = try text()
        let drive = path.count >= 2 && path.first!.isLetter && path.first!.isASCII && Array(path)[1] == ":"
        guard path.contains("\\") || drive else { return path }
        var fixed = Substring(path)
        if drive { fixed = fixed.dropFirst(2) }
        let suggested = fixed.replacingOccurrences(of: "\\", with: "/").drop { $0 == "/" }
        let move = drive ? "copy the file into the record's folder (or a folder in it) and write" : "write"
        throw error("'\(path)' is a Windows path: paths use / and stay in the record's folder",
                    hint: "\(move) '\(suggested)'")
    }
}
