import Foundation

/// Dates and times written the ways people write them by hand (`2025.3.4`, `2025년 3월 4일`,
/// `오후 3시`, `3:00 PM`), read only to suggest the exact spelling a record takes.
enum Respelled {
    /// The runs of digits in `text` and what stands between them.
    static func numbers(_ text: String) -> (numbers: [Int], rest: String) {
        var numbers: [Int] = [], rest = "", run = ""
        for c in text {
            if c.isASCII && c.isNumber { run.append(c); continue }
            if let n = Int(run) { numbers.append(n) }
            run = ""
            rest.append(c)
        }
        if let n = Int(run) { numbers.append(n) }
        return (numbers, rest)
    }

    /// `2025.3.4`, `2025/3/4`, `2025. 3. 4.`, `2025년 3월 4일` as a day.
    static func day(_ raw: String) -> Day? {
        let (found, rest) = numbers(raw.trimmed)
        guard found.count == 3, raw.trimmed.prefix(4).allSatisfy(\.isNumber),
              rest.allSatisfy({ ".-/ 년월일".contains($0) }) else { return nil }
        return Day(year: found[0], month: found[1], day: found[2])
    }

    /// `오후 3시`, `15시`, `3시 30분`, `3:00 PM`, `3 pm` as a time of day.
    static func clock(_ raw: String) -> Clock? {
        let text = raw.trimmed.lowercased()
        let (found, rest) = numbers(text)
        let afternoon = text.contains("오후") || text.contains("pm") || text.contains("p.m.")
        let morning = text.contains("오전") || text.contains("am") || text.contains("a.m.")
        guard (1...2).contains(found.count), rest.allSatisfy({ ":시분 .오전후apm".contains($0) }),
              !(afternoon && morning) else { return nil }
        var hour = found[0]
        let minute = found.count == 2 ? found[1] : 0
        if afternoon && hour < 12 { hour += 12 }
        if morning && hour == 12 { hour = 0 }
        return Clock("\(hour):\(two(minute))")
    }

    /// The key a value stands under, for a hint that shows the whole line.
    static func key(_ path: String) -> String {
        String(path.split(separator: ".").last ?? Substring(path))
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension Field {
    /// A date spelled another way, as an error whose hint gives the exact fix.
    func respelledDay(_ raw: String) -> InputError? {
        guard Day(iso: raw.trimmed) == nil, let day = Respelled.day(raw) else { return nil }
        let fixed = "\(day.year)-\(Respelled.two(day.month))-\(Respelled.two(day.day))"
        return error("'\(raw)' is not a date as records write it",
                     hint: "write \(Respelled.key(path)): \(fixed) (year-month-day, with dashes)")
    }

    /// A time spelled another way, as an error whose hint gives the exact fix.
    func respelledClock(_ raw: String) -> InputError? {
        guard Clock(raw.trimmed) == nil, let clock = Respelled.clock(raw) else { return nil }
        return error("'\(raw)' is not a time as records write it",
                     hint: "write \(Respelled.key(path)): \"\(clock.text)\" (24-hour, in quotes)")
    }
}
