/// A calendar date without a time zone, as records write it (`2018-11-22`).
public struct Day: Sendable, Equatable, Comparable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int

    /// The years a date may have: 0001 to 9999, as `YYYY` writes them.
    public static let years = 1...9999

    public init?(year: Int, month: Int, day: Int) {
        guard Day.years.contains(year), (1...12).contains(month), day >= 1, day <= Day.length(of: month, in: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func length(of month: Int, in year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// 0 = Sunday … 6 = Saturday (Sakamoto's method).
    public var weekdayIndex: Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
    }

    /// The Korean weekday letter: 일 월 화 수 목 금 토.
    public var weekday: String { Day.weekdays[weekdayIndex] }

    public static let weekdays = ["일", "월", "화", "수", "목", "금", "토"]

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Days since 1970-01-01 (negative before it), in the proleptic Gregorian calendar, counted
    /// in closed form (Howard Hinnant's days_from_civil) for every year from 1 to 9999.
    public var epochDays: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Seconds since 1970-01-01 at 00:00 UTC (for PDF metadata); negative before 1970.
    public var epochSeconds: Int { epochDays * 86_400 }
}

/// A time of day, `HH:MM`, 24-hour.
public struct Clock: Sendable, Equatable, Comparable {
    public var hour: Int
    public var minute: Int

    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        // One or two digits, then two: no sign, and 24 only as 24:00, the end of a day.
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let h = Int(parts[0]), let m = Int(parts[1]),
              (0...23).contains(h) || (h == 24 && m == 0), (0...59).contains(m) else { return nil }
        hour = h
        minute = m
    }

    /// `18:30`.
    public var text: String { "\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)" }

    public static func < (a: Clock, b: Clock) -> Bool { (a.hour, a.minute) < (b.hour, b.minute) }
}

extension Field {
    /// A date written `YYYY-MM-DD`.
    public func day() throws -> Day {
        let raw = try string()
        if let respelled = respelledDay(raw) { throw respelled }
        guard let day = Day(iso: raw.trimmed) else {
            if let year = Int(raw.trimmed.prefix(4)), !Day.years.contains(year) {
                throw error("'\(raw)' is outside the years 0001 to 9999",
                            hint: "write a year from 0001 to 9999, as in 2018-11-22")
            }
            throw error("'\(raw)' is not a date",
                        hint: "write dates as YYYY-MM-DD, such as 2018-11-22, and check the day exists")
        }
        return day
    }

    /// A time written `HH:MM`.
    public func clock() throws -> Clock {
        let raw = try string()
        if let respelled = respelledClock(raw) { throw respelled }
        guard let clock = Clock(raw.trimmed) else {
            throw error("'\(raw)' is not a time", hint: "write times as \"HH:MM\" in quotes, such as \"18:30\"")
        }
        return clock
    }
}
