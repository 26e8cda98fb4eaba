// A new meeting record listed in the year.yaml beside it: one line added after the last
// record's, only where that is plain to do, else the line to add is printed.
import Foundation
import HanjiModel

/// The `meetings:` list of the year record beside a meeting record.
enum YearList {
    /// Lists `record` after `previous` in the year.yaml of their folder, and says what it did.
    /// Nothing is changed unless `record` is beside `previous`, that year lists `previous` on a
    /// line of its own, is the year of `date`, and reads back with the one entry more. `shown` is
    /// the year record's path as told.
    static func add(_ record: URL, after previous: URL, date: Day, shown: String) {
        let file = previous.deletingLastPathComponent().appendingPathComponent("year.yaml")
        guard let data = try? Data(contentsOf: file), let text = String(data: data, encoding: .utf8),
              let root = try? Field.parse(text, file: file.path),
              let listed = try? root.fields(Year.keys)["meetings"]?.list().map({ try $0.text() }),
              listed.contains(previous.lastPathComponent) else { return }
        // A record written elsewhere (-o drafts/…) is not the year's yet.
        let beside = record.deletingLastPathComponent().standardizedFileURL
            == previous.deletingLastPathComponent().standardizedFileURL
        let name = record.lastPathComponent
        guard beside, !listed.contains(name) else { return }
        let yearNumber = (try? root.fields(Year.keys)["year"]?.int()) ?? date.year
        guard yearNumber == date.year else {
            print("\(shown) is the year \(yearNumber): list \(name) in the meetings of \(date.year)'s year record")
            return
        }
        guard let changed = inserted(name, after: previous.lastPathComponent, in: text),
              let reread = try? Field.parse(changed, file: file.path),
              (try? reread.fields(Year.keys)["meetings"]?.list().map { try $0.text() })
                == insert(name, after: previous.lastPathComponent, in: listed),
              (try? Data(changed.utf8).write(to: file, options: .atomic)) != nil else {
            print("add to \(shown) under meetings: - \(name)")
            return
        }
        print("\(shown): \(name) listed under meetings")
    }

    /// The text with `- name` on a line after the one line that lists `previous` (its indent and
    /// dash kept, its comment not), or nil when there is not exactly one such line.
    static func inserted(_ name: String, after previous: String, in text: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        let matches = lines.indices.filter { index in
            let line = lines[index]
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return content.trimmingCharacters(in: .whitespaces) == "- \(previous)"
        }
        guard matches.count == 1, let at = matches.first else { return nil }
        let indent = lines[at].prefix { $0 == " " }
        lines.insert("\(indent)- \(NextRecord.scalar(name))", at: at + 1)
        return lines.joined(separator: "\n")
    }

    static func insert(_ name: String, after previous: String, in list: [String]) -> [String] {
        var list = list
        if let at = list.firstIndex(of: previous) { list.insert(name, at: at + 1) }
        return list
    }
}
