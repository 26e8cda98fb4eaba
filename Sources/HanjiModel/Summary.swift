import Foundation

/// One attendee of a summary record's plain list: a name and, where given, a role.
public struct Attendee: Sendable {
    public var name: String
    public var role: String?
}

/// A report heard at a meeting (보고 사항): a title with bullet notes, or rows of a table
/// (【보고사항】 위원 선임: 위원명, 교섭단체, 연월일), each row its columns by name.
public struct Report: Sendable {
    public var title: String
    public var notes: [Note]
    public var rows: [[(column: String, text: String)]] = []
}

/// A decided item of a summary record (심의 및 결정 안건) with its four parts.
public struct Decision: Sendable {
    public var title: String
    /// 구분 in the decisions table (사업, 예산, 운영 …).
    public var kind: String?
    /// 논의 배경.
    public var background: String
    /// 주요 의견.
    public var opinions: [String]
    /// 결정 사항.
    public var decision: String
    /// 후속 조치.
    public var followup: String?
}

extension Meeting {
    /// The layouts a record may name with `layout:` (`layouts/NAME.yaml`).
    public static let layouts = ["minutes", "summary", "council-plenary", "committee"]

    /// Reads `layout:`, refusing a name Hanji has no layout for.
    static func readLayout(_ field: Field?) throws -> String {
        guard let field else { return "minutes" }
        let name = try field.text()
        guard layouts.contains(name) else {
            let meant = nearest(name, in: layouts).map { "did you mean '\($0)'? " } ?? ""
            let names = layouts.joined(separator: ", ")
            throw field.error("unknown layout '\(name)'",
                              hint: "\(meant)write one of: \(names) (or leave 'layout' out for minutes)")
        }
        return name
    }

    static func readAttendee(_ field: Field) throws -> Attendee {
        if case .scalar = field.node { return Attendee(name: try field.text(), role: nil) }
        let f = try field.fields(["name", "role"])
        return Attendee(name: try f.required("name").text(), role: try f["role"]?.text())
    }

    static func readReport(_ field: Field) throws -> Report {
        let f = try field.fields(["title", "notes", "rows"])
        var report = Report(title: try f.required("title").text(), notes: try f["notes"]?.list().map(readNote) ?? [])
        report.rows = try f["rows"]?.list().map { row in try row.pairs().map { ($0.key, try $0.value.text()) } } ?? []
        return report
    }

    static func readDecision(_ field: Field) throws -> Decision {
        let f = try field.fields(["title", "kind", "background", "opinions", "decision", "followup"])
        return Decision(title: try f.required("title").text(), kind: try f["kind"]?.text(),
                        background: try f.required("background", hint: "add 'background:' (논의 배경)").text(),
                        opinions: try f["opinions"]?.list().map { try $0.text() } ?? [],
                        decision: try f.required("decision", hint: "add 'decision:' (결정 사항)").text(),
                        followup: try f["followup"]?.text())
    }
}
