import HanjiLayout
import HanjiModel

/// One block of a spec, read and checked before any record is bound to it.
indirect enum SpecNode {
    case text(Template, Style, keep: Bool, section: Int?, source: String)
    case pageBreak
    case numbering(PageNumbers)
    case contents(path: [String], style: Style, step: Double, levels: Int, field: Field)
    case chart(ChartSpec)
    case sealed(Template, Style, seal: Template, size: Double, raise: Double, source: String)
    case fitted(Template, Style, height: Double, minScale: Double, source: String)
    case each(path: [String], body: [SpecNode], field: Field)
    /// Blocks printed when `condition` holds, `otherwise` (`else:`) when it does not.
    case when(Condition, body: [SpecNode], otherwise: [SpecNode])
    case hang(marker: Template, markerStyle: Style, body: [SpecNode], width: Double?, gap: Double, source: String)
    case table(TableSpec)
    /// Vertical space of this height; infinite for `space: fill` (what the page leaves).
    case space(Double)
    case outline(path: [String], markers: [String], note: String, style: Style, step: Double, field: Field)
    case group([SpecNode], before: Double, after: Double)
    /// A block with `keep: together`, or `keep: true` on a block other than a text.
    case kept(SpecNode, Keeping)
    case image(Template, height: Double, align: Double, source: String)
    case grid(path: [String], columns: Int, gap: Double, before: Double, after: Double, body: [SpecNode], field: Field)
    /// A block with `role:` or `alt:`: what it is in a tagged PDF.
    case tagged(SpecNode, TagSpec)
}

struct ChartSpec {
    /// The one series' colour unless a spec gives `colors`.
    static let blue = Color(red: 0.12, green: 0.31, blue: 0.47)

    var kind: Chart.Kind
    var data: [String]
    var label: Template
    var values: [Template]
    var series: [String]
    var colors: [Color]
    var maximum: Double?
    var unit: String
    var height: Double
    var style: Style
    /// A bar's share of its row (nil: the kind's own) and the axis rule's colour.
    var bar: Double?
    var axis: Color
    var field: Field
}

struct TableSpec {
    var columns: [Width]
    var header: [RowSpec]
    var rows: [RowSpec]
    var rule: Double
    var frame: Double
    var before: Double
    var after: Double
    var align: Double
    var source: String
    /// Where the columns are given, for a table too wide for its page.
    var origin: Origin
}

struct RowSpec {
    var each: [String]?
    var field: Field
    var cells: [CellSpec]
    var breakable: Bool
    var keepWithPrevious: Bool
    var minHeight: Double
    /// The row's `height:` (else the row), for a row too tall for its page.
    var origin: Origin

    /// The row made of `cells`, with the spec's rules for it.
    func row(_ cells: [Cell], keepWithPrevious: Bool) -> Row {
        var row = Row(cells, breakable: breakable, keepWithPrevious: keepWithPrevious, minHeight: minHeight)
        row.origin = origin
        return row
    }
}

struct CellSpec {
    var content: [SpecNode]
    /// The text that identifies the cell for `merge` (its first text template).
    var key: Template?
    var span: Int
    var rows: Int
    var fill: Color?
    var middle: Bool
    var merge: Bool
    /// A diagonal through the cell: `true`, or a template that draws it when it prints something.
    var diagonal: Template?
    var continued: (Template, Style)?
    var padding: Insets
    /// A body cell that heads its row or column (`scope:`).
    var scope: Role.Scope?
}
