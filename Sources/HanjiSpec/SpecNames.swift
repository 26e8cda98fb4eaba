import HanjiLayout
import HanjiModel

/// The names and templates a spec uses, gathered by walking them as `checkFields` does.
final class Names {
    var paths: [[String]] = []
    var templates: [Template] = []
}

extension Spec {
    /// Every name and template of the spec.
    var names: Names {
        let names = Names()
        try? checkFields(.any, seen: names)
        return names
    }

    /// Whether the body prints a `page` (an agenda item's page reference); the running header
    /// and footer's `{page}` does not count.
    public var refersToPages: Bool {
        let names = Names()
        try? check(body, ShapeScope(frames: [.any], seen: names))
        return names.paths.contains { $0.last == "page" }
    }

    /// Where the spec writes `text` as a whole constant template (an image's file name), if it does.
    public func location(ofConstant text: String) -> Location? {
        names.templates.first { $0.isConstant && (try? $0.render(Scope(.null))) == text }?.field
    }

    /// An image the spec names (`image: logo.png`) that cannot be read, at the spec's line.
    public func located(_ error: ImageError) -> InputError? {
        guard let named = location(ofConstant: error.path) else { return nil }
        if let windows = WindowsPath(error.path) { return windows.error(error.path, at: named) }
        let state = error.reason.hasPrefix("no such") ? " is missing" : ""
        return InputError("image '\(error.path)' that the layout names\(state): \(error.reason)", at: named,
                          hint: "put the image beside the record (a layout's image paths are relative to the "
                              + "record's folder), or correct the name; use a JPEG or PNG file")
    }

    /// The roles of the spec's 결재란: the `ROLE` of each `{approval.ROLE.mark}` it prints.
    public var approvalRoles: [String] {
        let names = self.names
        var roles: [String] = []
        for path in names.paths where path.count >= 2 && path[0] == "approval" && !roles.contains(path[1]) {
            roles.append(path[1])
        }
        return roles
    }

    /// Throws when the meeting's `approval:` names a role this spec's 결재란 does not have (it
    /// would print nowhere); a spec with no 결재란 takes any.
    public func checkApproval(_ meeting: Meeting) throws {
        let roles = approvalRoles
        guard !roles.isEmpty else { return }
        for (role, _) in meeting.approval where !roles.contains(role) {
            let source = meeting.sources.first { $0.path == "approval.\(role)" }
            throw InputError("the 결재란 of \(file) has no role '\(role)' (it has \(roles.joined(separator: ", ")))",
                             at: source?.location ?? meeting.origin.map { Location(file: $0.file, line: 1, column: 1) },
                             path: "approval.\(role)",
                             hint: nearest(role, in: roles).map { "did you mean '\($0)'?" }
                                 ?? "write one of \(roles.joined(separator: ", ")), or add the role to the layout")
        }
    }
}
