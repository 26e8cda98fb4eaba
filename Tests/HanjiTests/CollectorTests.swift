// `hanji check` gathers every problem of a record through a `Collector`; a long-running server
// checks records from several threads at once, and each must get its own problems only.
import Foundation
import HanjiModel
import HanjiTestSupport
import Testing

@Suite struct CollectorTests {
    static let record = try! String(contentsOf: Fixture.example, encoding: .utf8)

    /// Two sets of edits to the example, each making it wrong in its own places.
    static let firstEdits = [("number: 14 ", "number: 열넷 "), ("weekday: 목", "weekday: 월"),
                             ("place: 한우리카페", "plase: 한우리카페")]
    static let secondEdits = [("date: 2018-11-22", "date: 2018-02-30"), ("time: \"18:30\"", "time: \"25:70\""),
                              ("written: 2018-11-23", "writen: 2018-11-23")]
    static let first = variant(firstEdits), second = variant(secondEdits)

    /// The example with `edits` applied.
    static func variant(_ edits: [(String, String)]) -> String {
        edits.reduce(record) { text, edit in text.replacingOccurrences(of: edit.0, with: edit.1) }
    }

    /// What `hanji check` gathers from `text`: every problem's description.
    static func gathered(_ text: String, file: String) -> [String] {
        let collector = Collector()
        do {
            _ = try collector.run { try Meeting.read(try Field.parse(text, file: file)) }
            return []
        } catch let errors as InputErrors {
            return errors.errors.map(\.description)
        } catch {
            return ["unexpected: \(error)"]
        }
    }

    @Test func eachRecordAloneHasSeveralProblems() {
        for (from, _) in Self.firstEdits + Self.secondEdits { #expect(Self.record.contains(from), "\(from)") }
        #expect(Self.gathered(Self.first, file: "first.yaml").count >= 3)
        #expect(Self.gathered(Self.second, file: "second.yaml").count >= 3)
        #expect(Self.gathered(Self.first, file: "first.yaml") != Self.gathered(Self.second, file: "second.yaml"))
    }

    /// Two threads check two bad records at the same time, many times: each gets exactly the
    /// problems its record has alone (a collector shared through a global mixes them).
    @Test func twoThreadsCheckingAtOnceKeepTheirOwnProblems() {
        let records = [(Self.first, "first.yaml"), (Self.second, "second.yaml")]
        let alone = records.map { Self.gathered($0.0, file: $0.1) }
        let mixed = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            for round in 0..<150 {
                let got = Self.gathered(records[side].0, file: records[side].1)
                if got != alone[side] { mixed.add("round \(round), \(records[side].1): \(got)") }
            }
        }
        let found = mixed.all
        #expect(found.count == 0, "mixed checks, the first: \(found.first ?? "")")
    }
}

/// Messages gathered from several threads.
private final class Mismatches: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [String] = []

    func add(_ message: String) { lock.withLock { found.append(message) } }
    var all: [String] { lock.withLock { found } }
}
