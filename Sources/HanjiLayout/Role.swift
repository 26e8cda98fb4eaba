/// What a run of a page's items is to a reader: the structure element a tagged PDF gives it
/// (screen readers, PDF/A level a). Text is drawn only in elements without children (Cairo 1.16
/// marks content on leaves only); containers hold elements.
public enum Role: Sendable, Hashable {
    /// The whole document (opened by the writer, never by layout).
    case document
    /// A group of elements: a part of the minutes, one certificate, a chapter.
    case section
    /// A heading of level 1…6; levels never skip (1, 2, 3 …).
    case heading(Int)
    case paragraph
    /// A list, its item, the item's marker and its body.
    case list, item, label, body
    case table, row
    /// A header cell, naming what it heads, spanning rows and columns.
    case header(Scope, rows: Int = 1, columns: Int = 1)
    case cell(rows: Int = 1, columns: Int = 1)
    /// An image, a chart or a seal, with what it shows in words.
    case figure(alt: String)
    case caption
    /// A link's annotation (opened by the writer around a link item).
    case link
    /// A run inside a paragraph set apart.
    case span

    /// The PDF structure type.
    public var tag: String {
        switch self {
        case .document: return "Document"
        case .section: return "Sect"
        case .heading(let level): return "H\(min(max(level, 1), 6))"
        case .paragraph: return "P"
        case .list: return "L"
        case .item: return "LI"
        case .label: return "Lbl"
        case .body: return "LBody"
        case .table: return "Table"
        case .row: return "TR"
        case .header: return "TH"
        case .cell: return "TD"
        case .figure: return "Figure"
        case .caption: return "Caption"
        case .link: return "Link"
        case .span: return "Span"
        }
    }

    /// What a header cell heads.
    public enum Scope: String, Sendable, Hashable {
        case row = "Row", column = "Column", both = "Both"
    }
}

/// A structure element as the writer opened it, in the order opened: what the finishing pass
/// needs beside Cairo's tree (alternative text, scope, spans; Cairo 1.16 writes no attributes).
public struct Tag: Sendable, Hashable {
    public var role: Role
    /// This element goes on the one of the same role closed last at the same depth (a paragraph
    /// or table split over pages); the finishing pass joins them into one.
    public var continued: Bool
    public init(_ role: Role, continued: Bool = false) { self.role = role; self.continued = continued }
}
