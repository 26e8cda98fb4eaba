// `hanji new PREVIOUS.yaml`: the next meeting's record, started from the last one.
import ArgumentParser
import Foundation
import HanjiModel

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start the next meeting's record from the last one.",
        discussion: """
            Writes minutes-NN.yaml beside PREVIOUS (NN its number + 1), or -o FILE:
            the same body, place, time, recorder and attendees, each status left empty
            until the meeting is held; the agenda, summary, photos and next meeting
            empty, with commented examples to fill in. The date is the one under
            PREVIOUS's `next:`, else --date, else asked for on a terminal. An existing
            file is never overwritten. When a year.yaml beside PREVIOUS lists it under
            `meetings:`, the new record is listed after it.
            Examples:
              hanji new examples/yeongdeungpo-2018/minutes-14.yaml --date 2018-12-20
              hanji new minutes-03.yaml -o drafts/minutes-04.yaml
            """)

    @Argument(help: "The last meeting's record (YAML).")
    var previous: String

    @Option(help: "The new meeting's date, YYYY-MM-DD (default: the date under PREVIOUS's next:).")
    var date: String?

    @Option(name: .shortAndLong, help: "The record to write (default: minutes-NN.yaml beside PREVIOUS).")
    var output: String?

    func validate() throws {
        if let date, Day(iso: date) == nil {
            throw ValidationError("--date '\(date)' is not a date: write YYYY-MM-DD, such as 2018-12-20")
        }
    }

    func run() throws {
        try Runner.run {
            let from = URL(fileURLWithPath: previous)
            let last = try Meeting.load(from)
            let (day, source) = try nextDate(after: last, from: from)
            // Paths are told as the user gave them: beside PREVIOUS as it was typed.
            let folder = NSString(string: previous).deletingLastPathComponent as NSString
            let name = last.layout == "minutes" ? NextRecord.fileName(after: from, number: last.number + 1)
                                                : NextRecord.kindFileName(after: from, date: day)
            let path = output ?? folder.appendingPathComponent(name)
            let target = URL(fileURLWithPath: path)
            if FileManager.default.fileExists(atPath: target.path) {
                throw InputError("\(path) already exists", at: nil,
                                 hint: "hanji new never overwrites a file; pass -o FILE to write another one")
            }
            let record = NextRecord(last: last, previous: from.lastPathComponent, date: day, dateSource: source)
            let text = try record.text(named: target.lastPathComponent)
            do {
                try Data(text.utf8).write(to: target, options: .withoutOverwriting)
            } catch {
                throw InputError("cannot write \(path): \(error.localizedDescription)", at: nil,
                                 hint: "check that its folder exists and may be written to, or pass -o FILE")
            }
            let time = record.time.map { " \($0.text)" } ?? ""
            let attendees = last.layout == "minutes"
                ? "\(last.members.count) attendees (statuses empty until the meeting)"
                : last.layout == "summary" ? "\(last.attendees.count) attendees" : "\(last.members.count) listed"
            print("\(path): \(last.body) \(record.label), \(day.recordText) (\(day.weekday))\(time), \(attendees)")
            YearList.add(target, after: from, date: day, shown: folder.appendingPathComponent("year.yaml"))
            if last.layout == "minutes" {
                print("next: hanji signin \(path)   (the sign-in sheet, before the meeting)")
                print("then fill in the statuses, agenda and summary: hanji check \(path) && hanji minutes \(path)")
            } else {
                let parts = last.layout == "summary" ? "summary, reports and decisions" : "agenda and transcript"
                print("then fill in the \(parts): hanji check \(path) && hanji minutes \(path)")
            }
        }
    }

    /// The new meeting's date and where it came from: --date, the last record's `next:`, or a
    /// prompt on a terminal. Without any, in a script, the message says to pass --date.
    func nextDate(after last: Meeting, from url: URL) throws -> (Day, String) {
        let day: Day, source: String
        if let given = date.flatMap(Day.init(iso:)) {
            (day, source) = (given, "given with --date")
        } else if let planned = last.next?.date {
            (day, source) = (planned, "from \(url.lastPathComponent)'s next:")
        } else if isatty(0) != 0,
                  let typed = NewCommand.ask("date of \(last.body) \(last.number + 1)차 회의 (YYYY-MM-DD): ") {
            (day, source) = (typed, "typed when it was made")
        } else {
            let at = last.sources.first { $0.path.hasPrefix("next") }?.location
            throw InputError("\(url.lastPathComponent) gives no date for the next meeting", at: at, path: "next.date",
                             hint: "pass --date YYYY-MM-DD, or add 'date: YYYY-MM-DD' under 'next:' in "
                                 + url.lastPathComponent)
        }
        if day < last.date {
            let message = "the new meeting's date \(day.recordText) is before the last meeting's "
                + "(\(last.date.recordText), \(url.lastPathComponent))"
            throw InputError(message, at: nil, hint: "pass --date YYYY-MM-DD with the date of the next meeting")
        }
        return (day, source)
    }

    /// Asks on the terminal until a date is typed (three tries); nil at the end of input.
    static func ask(_ prompt: String) -> Day? {
        for _ in 0..<3 {
            try? FileHandle.standardError.write(contentsOf: Data(prompt.utf8))
            guard let line = readLine() else { return nil }
            if let day = Day(iso: line.trimmingCharacters(in: .whitespaces)) { return day }
            try? FileHandle.standardError.write(
                contentsOf: Data("'\(line)' is not a date; write it as YYYY-MM-DD\n".utf8))
        }
        return nil
    }
}

extension Day {
    /// The date as YYYY-MM-DD, as records write it.
    var recordText: String { String(format: "%04d-%02d-%02d", year, month, day) }
}
