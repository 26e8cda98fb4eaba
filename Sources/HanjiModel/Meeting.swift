import Foundation

/// One meeting's record: everything its minutes print.
public struct Meeting: Sendable {
    public var body: String
    public var number: Int
    public var date: Day
    public var time: Clock?
    public var end: Clock?
    public var place: String
    public var recorder: Person
    /// Who confirms the minutes by signing them (확인자).
    public var confirmer: Person?
    /// The date the minutes were written (작성일); the meeting's date when not given.
    public var written: Day
    /// How the roles of the 결재란 sign, by role (담당, 팀장 …); a role not named signs in person.
    public var approval: [(role: String, sign: Sign)] = []
    public var attendance: [Group]
    public var agenda: [AgendaItem]
    public var summary: [String]
    public var next: Next?
    public var photos: [Photo]
    public var remarks: String
    /// The layout that prints the record (`layouts/NAME.yaml`): minutes unless `layout:` names another.
    public var layout = "minutes"
    /// A summary record's plain list of attendees (no statuses).
    public var attendees: [Attendee] = []
    /// 보고 사항.
    public var reports: [Report] = []
    /// 심의 및 결정 안건.
    public var decisions: [Decision] = []
    /// 제N회 and the session's kind (임시회, 정례회).
    public var session: Session?
    /// 제N호: the issue number of the minutes.
    public var issue: Int?
    /// The office issuing the minutes (○○시의회사무국, 국회사무처).
    public var office: String?
    /// A status banner over the title, such as that the minutes are not final yet.
    public var banner: String?
    /// The statuses this body records, in order (`statuses:`); the first counts as present.
    public var statuses = Status.allCases
    /// Who presides when the meeting opens; a turn keyed by their title is theirs until a 사회교대.
    public var chair: Member?
    /// People who speak without being in the attendance (a minister, a guest), declared once.
    public var speakers: [Member] = []
    /// A verbatim transcript in the order it happened (the kinds that are not the seed's form).
    public var transcript: [Entry] = []
    /// People the public edition masks besides those named above, and other spellings of names (`mask:`).
    public var mask: [Masked] = []
    /// The folder the record was read from; photo paths are relative to it.
    public var folder: URL?
    /// Problems that do not stop the minutes (an unknown speaker, an empty agenda item).
    public var warnings: [InputError] = []
    /// The record's text and file name, to find the field behind a problem when there is one.
    public var origin: (text: String, file: String)?

    /// Every text of the record with its key path and place, read again from the record's text
    /// (only when a problem needs naming, so a long record's tree is not kept).
    public var sources: [(path: String, location: Location, text: String)] {
        guard let origin, let root = try? Field.parse(origin.text, file: origin.file) else { return [] }
        return root.scalars()
    }

    /// Everyone in the attendance grid, in order.
    public var members: [Member] { attendance.flatMap(\.members) }

    /// How many members have each status, in the order of `Status.allCases`.
    public func count(_ status: Status) -> Int { members.filter { $0.status == status }.count }

    /// How many members are present: those with the first of the body's statuses.
    public var present: Int { count(statuses[0]) }

    /// Every personal name the record knows, for masking in a public edition.
    public var names: [String] {
        var all = members.compactMap(\.name) + [recorder.name, confirmer?.name].compactMap { $0 }
        for item in agenda { all += item.event?.presenters.compactMap(\.name) ?? [] }
        all += attendees.map(\.name)
        all += speakers.compactMap(\.name)
        all += mask.map(\.name)
        var seen = Set<String>()
        return all.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// A person named by role and, where known, by name.
public struct Person: Sendable {
    public var role: String
    public var name: String?
}

/// A group of the attendance grid (a subcommittee or team) with its members.
public struct Group: Sendable {
    public var name: String
    public var members: [Member]
}

/// One row of the attendance grid.
public struct Member: Sendable {
    public var group: String
    public var role: String
    public var name: String?
    /// How the transcript names this person, such as 도시재생분과장.
    public var title: String?
    /// Nil while not recorded yet: `status:` left empty, as `hanji new` writes it before the meeting.
    public var status: Status?
    /// The organisation a listed attendee comes from (법무부), for lists grouped by it.
    public var org: String? = nil
}

/// Attendance status of a member: 참석, 위임, 불참, or one a body defines with `statuses:` (출석, 청가 …).
public struct Status: RawRepresentable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let present = Status(rawValue: "참석")
    public static let proxy = Status(rawValue: "위임")
    public static let absent = Status(rawValue: "불참")
    /// The statuses of the seed's grid, a record's unless it names its own.
    public static let allCases = [present, proxy, absent]
}

/// One agenda item with what was said and shown under it.
public struct AgendaItem: Sendable {
    public var title: String
    public var notes: [Note]
    public var appendix: Appendix?
    public var transcript: [Turn]
    public var event: Event?
    /// The item's number on the agenda (1., 2. …); nil for an item with its own `marker`.
    public var number: Int? = nil
    /// A marker printed instead of a number (`○5분 자유발언`), as the body writes it.
    public var marker: String? = nil
    /// Sub-items (가. 나. …), each with the marker the body writes where it has its own (`o`).
    public var items: [(marker: String?, title: String)] = []
    /// Whether the item is on the 의사일정 as well as among the 부의된 안건 (`schedule: false` leaves it off).
    public var scheduled = true
}

/// An outline entry of an agenda item's notes.
public indirect enum Note: Sendable {
    case item(String, [Note])
    case remark(String)
}

/// An attached list printed as a numbered table (별첨).
public struct Appendix: Sendable {
    public var title: String
    public var items: [String]
}

/// One turn of the discussion.
public struct Turn: Sendable {
    /// Who speaks, with the title of this turn.
    public var speaker: Member
    public var paragraphs: [String]
    /// The speaker as the turn prints them: `의장 김하늘`, `박서진 의원`, `협치조정관`.
    public var label = ""
}

/// An event planned in a meeting, such as the showcase.
public struct Event: Sendable {
    public var title: String
    public var date: Day
    public var start: Clock?
    public var end: Clock?
    public var venue: String
    public var address: String?
    public var audience: String?
    public var program: [String]
    public var presenters: [Presenter]
    /// A second title line, such as 협치 공유 네트워크 파티.
    public var subtitle: String?
    /// 주최 and 주관.
    public var host: String?
    public var organiser: String?
    /// The running order with times (진행 순서).
    public var order: [Slot] = []
}

/// A presentation at an event.
public struct Presenter: Sendable {
    public var group: String
    public var project: String
    public var name: String?
    public var role: String
}

/// What the next meeting is, and when if known.
public struct Next: Sendable {
    public var title: String
    public var date: Day?
    public var time: Clock?
}

/// How one role of the approval box signs.
public enum Sign: String, Sendable, CaseIterable {
    /// 전결: signs as the delegated final approver.
    case delegated = "전결"
    /// 대결: a deputy signs for an absent approver.
    case deputy = "대결"
    /// 없음: no one signs; the box gets a diagonal line.
    case none = "없음"
}

/// A photo file with its caption.
public struct Photo: Sendable {
    public var file: String
    public var caption: String
}
