import HanjiModel

extension Template {
    /// Formats a time of day by a pattern: `H` `HH` the hour of 24 (`HH` two digits), `h` `hh`
    /// the hour of 12, `M` `MM` the minute, `오전/오후` the half of the day. `H시 MM분` gives
    /// `10시 00분`; `오전/오후 h:MM` gives `오후 3:30`.
    public static func format(_ clock: Clock, _ pattern: String) -> String {
        let twelve = clock.hour % 12 == 0 ? 12 : clock.hour % 12
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return expand(pattern, [
            ("오전/오후", { clock.hour % 24 < 12 ? "오전" : "오후" }),
            ("HH", { two(clock.hour) }), ("H", { String(clock.hour) }),
            ("hh", { two(twelve) }), ("h", { String(twelve) }),
            ("MM", { two(clock.minute) }), ("M", { String(clock.minute) }),
        ])
    }
}

extension Value {
    /// The time of day the value holds: a clock, or a text such as `15:30`.
    var clock: Clock? {
        switch self {
        case .clock(let c): return c
        case .text(let s): return Clock(s)
        default: return nil
        }
    }
}
