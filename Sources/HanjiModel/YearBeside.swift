import Foundation

extension Year {
    /// The year record beside a meeting record that lists it under `meetings:` (year.yaml in the
    /// same folder), read without its meetings (one that cannot be read, or the meeting's saved
    /// file when its text is being checked, is no matter to the year's judgement of this one);
    /// nil when there is none or it cannot be read.
    public static func listing(_ meeting: URL, allowOutside: Bool = false) -> Year? {
        let folder = meeting.deletingLastPathComponent()
        let url = folder.appendingPathComponent("year.yaml")
        let wanted = meeting.standardizedFileURL.path
        guard url.standardizedFileURL.path != wanted, FileManager.default.fileExists(atPath: url.path),
              let root = try? Field.load(url), let listed = try? root.fields(keys)["meetings"]?.list(),
              listed.contains(where: { entry in
                  let path = try? entry.text()
                  return path.map { folder.appendingPathComponent($0).standardizedFileURL.path == wanted } ?? false
              })
        else { return nil }
        return try? Year.read(root, folder: folder, allowOutside: allowOutside, meetings: false)
    }

    /// The year's warnings about `meeting` as it was read (from a text not yet saved, say, rather
    /// than the file the year read): each attendee of the seed's form the year does not know.
    public func warnings(about meeting: Meeting) -> [InputError] {
        guard meeting.layout == "minutes", let file = origin?.file else { return [] }
        return Year.strangers(in: meeting, members: subcommittees.flatMap(\.members), file: file)
    }
}
