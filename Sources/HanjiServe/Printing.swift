// The documents the server prints, by name: a meeting's minutes and sign-in sheet, the year's
// programme, certificates and booklet; from the saved file or from an unsaved text.
import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiRender
import HanjiSpec

/// A document the API prints (`/api/print/{paper}/…`).
enum Paper: String, CaseIterable, Sendable {
    case minutes, signin, program, certificates, booklet

    /// Whether it prints a meeting record (else the year record).
    var ofMeeting: Bool { self == .minutes || self == .signin }

    /// The editions it has: certificates exist only with names (official); the programme is
    /// one document, handed to attendees, which either edition prints.
    var editions: [Edition] { self == .certificates ? [.official] : [.official, .public] }

    /// The document of the record at `url` (its text `text` when given, else the file's), by the
    /// layout printing would use, composed on `worker`'s thread. `only` (a page's index) composes
    /// a single certificate instead of all.
    func document(_ url: URL, text: String?, edition: Edition, worker: Worker, only: Int? = nil) throws -> Document {
        let root = try text.map { try Field.parse($0, file: url.path) } ?? Field.load(url)
        if ofMeeting {
            var meeting = try Meeting.read(root)
            meeting.folder = url.deletingLastPathComponent()
            let spec = try worker.spec(try Layouts.find(nil, name: self == .minutes ? meeting.layout : "signin",
                                                        near: url.path))
            return try worker.composer(for: spec).minutes(meeting, spec: spec, edition: edition)
        }
        let year = try Year.read(root, folder: url.deletingLastPathComponent())
        let name = self == .certificates ? "certificate" : rawValue
        let spec = try worker.spec(try Layouts.find(nil, name: name, near: url.path))
        let composer = try worker.composer(for: spec)
        switch self {
        case .program: return try composer.program(year, spec: spec)
        case .booklet: return try composer.booklet(year, spec: spec, edition: edition)
        default:
            var recipients = try composer.recipients(year, spec: spec, roster: nil)
            if let only { recipients = recipients.indices.contains(only) ? [recipients[only]] : [] }
            let documents = try recipients.map { try composer.certificate($0, year: year, value: year.value, spec: spec) }
            guard var document = documents.first else { throw Refusal(.notFound, "받을 사람이 없습니다") }
            document.pages = documents.flatMap(\.pages)
            return document
        }
    }
}

/// What the page shows of problems: each as a diagnostic with its file (relative to the folder),
/// line, column, key path, message and hint.
enum Diagnostics {
    static func json(_ problems: [InputError], folder: Folder) -> JSON {
        .array(problems.map { problem in
            var file = problem.location?.file ?? ""
            let root = folder.root.path + "/"
            if file.hasPrefix(root) { file.removeFirst(root.count) }
            return .object([
                "severity": .string(problem.isWarning ? "warning" : "error"),
                "file": .string(file),
                "line": .number(problem.location?.line ?? 0),
                "column": .number(problem.location?.column ?? 0),
                "path": .string(problem.path),
                "message": .string(problem.message),
                "hint": problem.hint.map { .string($0) } ?? .null,
            ])
        })
    }

    /// The 422 of a record that cannot be saved or printed: its errors as diagnostics; an error
    /// of another kind (a text that cannot fit its box, an image) as one diagnostic at the file.
    static func refusal(_ error: any Error, file: URL, folder: Folder) -> Refusal {
        let problems: [InputError]
        switch error {
        case let refusal as Refusal: return refusal
        case let one as InputError: problems = [one]
        case let many as InputErrors: problems = many.errors
        default: problems = [InputError("\(error)", at: Location(file: file.path, line: 1, column: 1))]
        }
        return Refusal(.unprocessableContent, "기록에 고칠 곳이 있습니다",
                       ["diagnostics": json(problems, folder: folder)])
    }
}
