import Foundation

/// A year of a governance body: its people, projects, showcase and meetings.
public struct Year: Sendable {
    public var year: Int
    public var organisation: Organisation
    public var subcommittees: [Subcommittee]
    public var projects: [Project]
    public var event: Event?
    public var meetings: [Meeting]
    /// What the yearly booklet says of itself: title, cover image, foreword.
    public var book: Book?
    /// The folder the record was read from; the seal and meeting paths are relative to it.
    public var folder: URL?
    public var warnings: [InputError] = []
    /// The record's text and file name, to find the field behind a problem when there is one.
    public var origin: (text: String, file: String)?

    /// Every member of every subcommittee, in order.
    public var members: [Member] { subcommittees.flatMap(\.members) }

    /// Every personal name the year knows: members, and the people of its meetings.
    public var names: [String] {
        var all = members.compactMap(\.name) + meetings.flatMap(\.names)
        all += event?.presenters.compactMap(\.name) ?? []
        var seen = Set<String>()
        return all.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}

/// The yearly booklet's own words: its title, cover image and foreword.
public struct Book: Sendable {
    public var title: String
    public var subtitle: String?
    /// An image for the cover, relative to the year record.
    public var cover: String?
    /// The foreword (발간사), one paragraph per entry, and who signs it.
    public var foreword: [String]
    public var signed: String?
    /// When the booklet is published.
    public var published: Day?
}

/// The body that issues the documents.
public struct Organisation: Sendable {
    public var name: String
    public var district: String?
    /// 발신명의: the issuer printed above the seal.
    public var issuer: String
    /// A PNG of the seal, relative to the year record.
    public var seal: String?
    public var office: String?
}

/// A subcommittee (분과) and its members.
public struct Subcommittee: Sendable {
    public var name: String
    public var members: [Member]
}

/// An approved project (협치사업).
public struct Project: Sendable {
    public var title: String
    public var subcommittee: String
    /// Budget in won.
    public var budget: Int?
    public var summary: String?
}

/// One slot of an event's running order.
public struct Slot: Sendable {
    public var start: Clock?
    public var end: Clock?
    public var title: String
    public var by: String?
}
