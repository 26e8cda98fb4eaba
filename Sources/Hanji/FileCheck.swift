// `hanji check` of one file, as a library call: the command line checks saved files with it, a
// server checks a text being edited (not yet saved) with its warm composers.
import Foundation
import HanjiInput
import HanjiLayout
import HanjiModel
import HanjiSpec

/// Checks one file the way `hanji check` does: a meeting record, a year record, a layout spec or
/// a roster, read by what it is, every problem found rather than the first.
public struct FileCheck {
    /// Whether the files a record names may lie outside its folder (`--allow-outside`).
    public var allowOutside: Bool
    /// The certificate layout whose columns a roster is read by (a path); nil: as
    /// `hanji certificates` finds it.
    public var layout: String?
    /// The composer that lays out documents by a spec (to find characters no font has, and the
    /// families a layout names): a server passes its warm ones.
    public var composer: (Spec) throws -> Composer

    public init(allowOutside: Bool = false, layout: String? = nil, composer: ((Spec) throws -> Composer)? = nil) {
        self.allowOutside = allowOutside
        self.layout = layout
        self.composer = composer ?? { spec in
            let composer = try Composer(for: spec)
            composer.allowOutside = allowOutside
            return composer
        }
    }

    /// The errors and warnings of the file at `url`. `text`, when given, stands for the file's
    /// content (a record or layout not yet saved); the file's folder is still `url`'s, so the
    /// photos, year.yaml and layouts/ beside it are found as for the saved file.
    public func check(_ url: URL, text: String? = nil) -> (errors: [InputError], warnings: [InputError]) {
        do {
            if url.pathExtension.lowercased() == "csv" {
                // Read by the certificate layout's column mapping, as `hanji certificates` reads it.
                let roster = try text.map { try Roster.parse($0, file: url.path) } ?? Roster.load(url)
                let found = try Layouts.find(layout, name: "certificate", near: url.path)
                let review = roster.review(by: try Spec.load(found, allowOutside: allowOutside).plan())
                return (review.errors, review.warnings)
            }
            let root = try text.map { try Field.parse(try Field.decode(Data($0.utf8), file: url.path), file: url.path) }
                ?? Field.load(url)
            return try record(root, at: url)
        } catch let error as InputError {
            return ([error], [])
        } catch let gathered as InputErrors {
            return (gathered.errors, [])
        } catch {
            return ([InputError("\(error)", at: Location(file: url.path, line: 1, column: 1))], [])
        }
    }

    /// The problems of a YAML file already parsed: a meeting, a year or a layout spec.
    func record(_ root: Field, at url: URL) throws -> (errors: [InputError], warnings: [InputError]) {
        let kind = RecordKind.of(url, root: root)
        let collector = Collector()
        var warned: [InputError] = []
        do {
            if kind == .meeting {
                let meeting = try collector.run { () -> Meeting in
                    var meeting = try Meeting.read(root)
                    meeting.folder = url.deletingLastPathComponent()
                    return meeting
                }
                let year = Year.listing(url, allowOutside: allowOutside)
                warned = meeting.warnings + (year?.warnings(about: meeting) ?? [])
                let found = try photos(of: meeting)
                guard found.isEmpty else { return (found, warned) }
                let glyphs = shaped(meeting, at: url)
                return (glyphs.filter { !$0.isWarning }, warned + glyphs.filter(\.isWarning))
            } else if kind == .year {
                let year = try collector.run {
                    try Year.read(root, folder: url.deletingLastPathComponent(), allowOutside: allowOutside)
                }
                let glyphs = shaped(year, fields: root.scalars(), at: url)
                return (glyphs.filter { !$0.isWarning }, year.warnings + glyphs.filter(\.isWarning))
            } else {
                let spec = try collector.run { try Spec(root, allowOutside: allowOutside) }
                try composer(spec).check(spec)
            }
        } catch let gathered as InputErrors {
            return (gathered.errors, warned)
        }
        return ([], warned)
    }

    /// Each photo of the meeting that is not an image Hanji can print, at the record's field that
    /// names it (another failure, such as a path outside the folder, is thrown).
    func photos(of meeting: Meeting) throws -> [InputError] {
        let images = ImageFiles(folder: meeting.folder, allowOutside: allowOutside)
        var found: [InputError] = []
        for photo in meeting.photos {
            do { _ = try images.load(photo.file) } catch let error as ImageError {
                let at = meeting.sources.first { $0.text == photo.file }
                found.append(InputError("photo '\(photo.file)': \(error.reason)", at: at?.location,
                                        path: at?.path ?? "photos",
                                        hint: "photo paths are relative to the record's folder; "
                                            + "use a JPEG or PNG file"))
            }
        }
        return found
    }
}
