import CPangoCairo
import HanjiLayout

extension PangoShaper {
    /// Which font family draws each run of `text` in `style` on one unbounded line: the run's
    /// characters with the family's first name (`Noto Serif CJK KR` for the Hanja of 명조 text).
    public func faces(_ text: String, style: Style) throws -> [(text: String, family: String)] {
        let bytes = Array(text.utf8)
        let shaped = try make(text, style: style, width: .infinity, keep: [])
        return try shaped.iterate { iter in
            var runs: [(text: String, family: String)] = []
            repeat {
                guard let run = pango_layout_iter_get_run_readonly(iter) else { continue }
                let item = run.pointee.item.pointee
                let start = Int(item.offset), end = min(start + Int(item.length), bytes.count)
                runs.append((String(decoding: bytes[start..<end], as: UTF8.self), Self.families(of: item).first ?? ""))
            } while pango_layout_iter_next_run(iter) != 0
            return runs
        }
    }

    /// Every family name of the font an item is drawn with (none when Pango found no font).
    static func families(of item: PangoItem) -> [String] {
        guard let font = item.analysis.font else { return [] }
        let fc = UnsafeMutableRawPointer(font).assumingMemoryBound(to: PangoFcFont.self)
        return pango_fc_font_get_pattern(fc).map(Fonts.families) ?? []
    }
}
