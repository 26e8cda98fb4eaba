// `hanji check FOLDER`: the records, layouts and rosters in a folder, as a list of files.
import Foundation

extension CheckCommand {
    /// The files to check: each path given, a folder standing for the .yaml and .csv files in
    /// it and its subfolders (in name order), but not out/, where documents are written, nor
    /// hidden folders.
    static func expanded(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue
            else { return [path] }
            return inputs(in: URL(fileURLWithPath: path)).map(\.path)
        }
    }

    static func inputs(in folder: URL) -> [URL] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        return names.filter { !$0.hasPrefix(".") }.flatMap { name -> [URL] in
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            // A linked folder is not entered: a link back up (`up -> ..`) would walk the tree again.
            let linked = (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil
            if isFolder.boolValue { return name == "out" || linked ? [] : inputs(in: url) }
            return ["yaml", "yml", "csv"].contains(url.pathExtension.lowercased()) ? [url] : []
        }
    }
}
