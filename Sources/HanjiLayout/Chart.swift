/// A chart drawn as vectors: bars (horizontal), columns (vertical) or stacked bars, with the
/// labels and values shaped like any text. It has a fixed height and moves whole.
public struct Chart: Block {
    public enum Kind: String, Sendable, CaseIterable { case bars, columns, stacked }

    /// One bar or column: its label and a value per series.
    public struct Row: Sendable {
        public var label: String
        public var values: [Double]
        public init(label: String, values: [Double]) { self.label = label; self.values = values }
    }

    public var kind: Kind
    public var rows: [Row]
    /// The names of the series, shown in a legend when there is more than one.
    public var series: [String]
    public var colors: [Color]
    /// The value a full bar stands for; the largest value (or total) when nil.
    public var maximum: Double?
    /// Printed after each value: `%`, `회`.
    public var unit: String
    public var height: Double
    /// Labels and values.
    public var style: Style
    public var source: String
    /// A bar's thickness as a share of its row's pitch (a column's of its width); nil for the
    /// kind's own, 62% for bars, 60% for columns.
    public var bar: Double?
    /// The colour of the axis rule.
    public var axis = Chart.grey

    /// The axis colour unless a spec gives one.
    public static let grey = Color(red: 0.55, green: 0.55, blue: 0.55)

    public init(kind: Kind, rows: [Row], series: [String], colors: [Color], maximum: Double? = nil,
                unit: String = "", height: Double, style: Style, source: String = "chart") {
        self.kind = kind; self.rows = rows; self.series = series; self.colors = colors; self.maximum = maximum
        self.unit = unit; self.height = height; self.style = style; self.source = source
    }

    public var spaceBefore: Double { style.spaceBefore }
    public var spaceAfter: Double { style.spaceAfter }

    func color(_ i: Int) -> Color { colors.isEmpty ? .black : colors[i % colors.count] }

    /// A value as printed: whole numbers without decimals; beyond 10^15 (a chart built in code,
    /// as a spec's values are bounded) in exponent form, as Int cannot hold it.
    func number(_ v: Double) -> String {
        guard v.isFinite, abs(v) < 1e15 else { return "\(v)" + unit }
        let whole = v.rounded() == v
        let digits: String = whole ? String(Int(v)) : String(Double(Int(v * 10)) / 10)
        return digits + unit
    }

    public func layout(in region: Region, _ context: Context) throws -> Fit {
        guard height <= region.height + 0.01 else {
            if region.fresh { throw LayoutError.tooLarge(what: source, height: height, available: region.height) }
            return .nothing
        }
        var frame = Frame(size: Size(width: region.width, height: height))
        guard !rows.isEmpty else { return .whole(frame) }
        var plain = style
        plain.align = .left
        plain.indent = 0
        func line(_ text: String) throws -> Line? {
            try context.shaper.shape(text, style: plain, width: .infinity).first
        }
        func put(_ text: String, x: Double, centreY: Double, anchor: Double = 0, color: Color? = nil) throws {
            guard let l = try line(text) else { return }
            let baseline = centreY + (l.ascent - l.descent) / 2
            frame.add(.text(l, color ?? style.color), at: Point(x: x - l.width * anchor, y: baseline))
        }
        let legend = series.count > 1 ? style.pitch * 1.4 : 0
        if legend > 0 {
            var x = 0.0
            for (i, name) in series.enumerated() {
                let box = style.size * 0.8
                frame.add(.fill(Size(width: box, height: box), color(i)),
                          at: Point(x: x, y: height - legend / 2 - box / 2))
                try put(name, x: x + box * 1.4, centreY: height - legend / 2)
                x += box * 1.4 + (try line(name)?.width ?? 0) + style.size * 1.5
            }
        }
        let area = height - legend
        // A value that is not a number (from code; a spec's are checked) draws as nothing.
        let rows = self.rows.map { Row(label: $0.label, values: $0.values.map { $0.isFinite ? $0 : 0 }) }
        let totals = rows.map { kind == .stacked ? $0.values.reduce(0, +) : ($0.values.max() ?? 0) }
        let given = maximum.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        let top = min(max(given ?? (totals.max() ?? 1), 0.000_001), .greatestFiniteMagnitude)
        switch kind {
        case .bars, .stacked:
            let labelWidth = try rows.map { try line($0.label)?.width ?? 0 }.max() ?? 0
            let valueWidth = try line(number(top))?.width ?? 0
            let x0 = labelWidth + style.size
            let span = max(region.width - x0 - valueWidth - style.size, 10)
            let pitch = area / Double(rows.count)
            let thickness = min(pitch * (bar ?? 0.62), style.size * 2.2)
            for (r, row) in rows.enumerated() {
                let centre = pitch * (Double(r) + 0.5)
                try put(row.label, x: labelWidth, centreY: centre, anchor: 1)
                var x = x0
                let values = kind == .stacked ? row.values : Array(row.values.prefix(1))
                for (i, v) in values.enumerated() where v > 0 {
                    let w = span * min(v, top) / top
                    frame.add(.fill(Size(width: w, height: thickness), color(i)),
                              at: Point(x: x, y: centre - thickness / 2))
                    // A stacked segment wide enough shows its own value inside, in white.
                    if kind == .stacked, let l = try line(number(v)), l.width + 4 < w {
                        let c = color(i)
                        let light = 0.3 * c.red + 0.59 * c.green + 0.11 * c.blue > 0.6
                        try put(number(v), x: x + w / 2, centreY: centre, anchor: 0.5,
                                color: light ? style.color : .white)
                    }
                    x += w
                }
                try put(number(totals[r]), x: x + style.size * 0.4, centreY: centre)
            }
            frame.add(.rule(to: Point(x: 0, y: area), width: 0.6, color: axis), at: Point(x: x0, y: 0))
        case .columns:
            let labelBand = style.pitch * 1.2, valueBand = style.pitch * 1.2
            let base = area - labelBand
            let pitch = region.width / Double(rows.count)
            let thickness = min(pitch * (bar ?? 0.6), style.size * 3)
            for (r, row) in rows.enumerated() {
                let centre = pitch * (Double(r) + 0.5)
                let v = row.values.first ?? 0
                let h = (base - valueBand) * min(v, top) / top
                if h > 0 {
                    frame.add(.fill(Size(width: thickness, height: h), color(0)),
                              at: Point(x: centre - thickness / 2, y: base - h))
                }
                if v != 0 { try put(number(v), x: centre, centreY: base - h - valueBand / 2, anchor: 0.5) }
                try put(row.label, x: centre, centreY: base + labelBand / 2, anchor: 0.5)
            }
            frame.add(.rule(to: Point(x: region.width, y: 0), width: 0.6, color: axis), at: Point(x: 0, y: base))
        }
        return .whole(frame)
    }
}
