// Summary minutes (요약형 회의록, `layout: summary`): the example in both editions, the decisions'
// four parts and table in order, masking, the layout a record names, and old records unchanged.
import Foundation
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

@Suite("EndToEnd: summary minutes (layout: summary)")
struct SummaryTests {
    static let record = repoRoot.appendingPathComponent("examples/jumin-2026/summary-0807.yaml")

    /// The example printed into `dir` (with `extra` options), and its text in drawing order, squeezed.
    func printed(_ dir: URL, _ extra: [String] = []) throws -> String {
        let pdf = dir.appendingPathComponent("summary\(extra.joined()).pdf")
        try render(Self.record, to: pdf, extra: extra)
        return squeezed(try pdfText(pdf, raw: true))
    }

    /// Where each of `parts` is found in `text`, each after the one before (nil for one not found).
    func positions(of parts: [String], in text: String) -> [String.Index?] {
        var from = text.startIndex
        return parts.map { part in
            guard let found = text.range(of: squeezed(part), range: from..<text.endIndex) else { return nil }
            from = found.upperBound
            return found.lowerBound
        }
    }

    @Test("the example prints in both editions, in 2 to 3 pages, with its header and five sections")
    func bothEditions() throws {
        try withTempDir { dir in
            for extra in [[], ["--public"]] {
                let pdf = dir.appendingPathComponent("e\(extra.count).pdf")
                let out = try render(Self.record, to: pdf, extra: extra)
                #expect(out.stdout.contains(": 3 pages") || out.stdout.contains(": 2 pages"), "\(out.stdout)")
                let text = squeezed(try pdfText(pdf, raw: true))
                let heads = ["솔빛동 주민자치회 운영위원회 제8차 회의록", "일시", "2026년 8월 7일(금) 오후 3:30", "장소", "참석자",
                             "I. 회의 개요", "II. 보고 사항", "III. 심의 및 결정 안건", "IV. 주요 결정사항 요약",
                             "V. 차기 회의 안내", "2026년 9월 11일(금) 오후 3:30", "끝."]
                #expect(!positions(of: heads, in: text).contains(nil), "\(extra): \(text.prefix(400))")
                #expect(!text.contains("서명"), "no signatures")
            }
        }
    }

    @Test("every decision's four labelled parts print in order, then the table's rows in order")
    func decisionsInOrder() throws {
        let meeting = try Meeting.load(Self.record)
        #expect(meeting.layout == "summary" && meeting.decisions.count >= 8 && meeting.attendees.count >= 8)
        try withTempDir { dir in
            let text = try printed(dir)
            var parts: [String] = []
            for (i, d) in meeting.decisions.enumerated() {
                let n = i + 1
                parts += ["\(n). \(d.title)", "\(n).1. 논의 배경", d.background]
                if !d.opinions.isEmpty { parts += ["\(n).2. 주요 의견"] + d.opinions }
                parts += ["\(n).3. 결정 사항", d.decision]
                if let followup = d.followup { parts += ["\(n).4. 후속 조치", followup] }
            }
            parts += ["IV. 주요 결정사항 요약", "번호 구분 결정 내용 후속 조치"]
            for (i, d) in meeting.decisions.enumerated() {
                parts += ["\(i + 1)", d.kind ?? "-", d.decision, d.followup ?? "-"]
            }
            let found = positions(of: parts, in: text)
            let missing = zip(parts, found).filter { $0.1 == nil }.map(\.0)
            #expect(missing.isEmpty, "not found in order: \(missing.prefix(3))")
        }
    }

    @Test("--public masks every attendee's name, in the header and in the text")
    func publicMasksAttendees() throws {
        let meeting = try Meeting.load(Self.record)
        try withTempDir { dir in
            let official = try printed(dir), masked = try printed(dir, ["--public"])
            #expect(meeting.attendees.count >= 8)
            for attendee in meeting.attendees {
                #expect(official.contains(attendee.name), "\(attendee.name) prints in the official edition")
                #expect(!masked.contains(attendee.name), "\(attendee.name) is masked in the public edition")
            }
            #expect(masked.contains("ㅇㅇㅇ(위원장)") && masked.contains("ㅇㅇㅇ문화분과장"))
        }
    }

    @Test("a summary record of identity alone prints: no section whose data is absent, no empty table")
    func absentSectionsDoNotPrint() throws {
        try withTempDir { dir in
            let record = dir.appendingPathComponent("summary-min.yaml")
            try "layout: summary\nbody: 햇빛동 주민자치회\nnumber: 1\ndate: 2026-03-06\nplace: 회의실\n"
                .write(to: record, atomically: true, encoding: .utf8)
            let pdf = dir.appendingPathComponent("min.pdf")
            try render(record, to: pdf)
            let text = squeezed(try pdfText(pdf, raw: true))
            #expect(text.contains("햇빛동주민자치회제1차회의록") && text.contains("2026년3월6일(금)"), "\(text)")
            for absent in ["I.회의개요", "II.", "III.", "IV.", "V.", "번호구분", "오전", "오후"] {
                #expect(!text.contains(absent), "\(absent) printed: \(text)")
            }
        }
    }

    @Test("times print the Korean twelve-hour way", arguments: [
        ("15:30", "오후 3:30"), ("09:05", "오전 9:05"), ("12:00", "오후 12:00"), ("00:30", "오전 12:30"),
    ])
    func twelveHour(_ clock: String, _ printed: String) throws {
        #expect(try #require(Clock(clock)).twelveHour == printed)
    }

    @Test("the example's value has only fields Shape.meeting knows")
    func fitsTheShape() throws {
        #expect(fieldsOutside(try Meeting.load(Self.record).value, Shape.meeting) == [])
    }

    @Test("an unknown layout: is an error at its line and column, naming the known layouts")
    func unknownLayout() throws {
        try withTempDir { dir in
            let text = try String(contentsOf: Self.record, encoding: .utf8)
            #expect(text.contains("\nlayout: summary\n"))
            let copy = dir.appendingPathComponent("summary-typo.yaml")
            try text.replacingOccurrences(of: "\nlayout: summary\n", with: "\nlayout: sumary\n")
                .write(to: copy, atomically: true, encoding: .utf8)
            let line = text.components(separatedBy: "\n").firstIndex(of: "layout: summary").map { $0 + 1 } ?? 0
            let pdf = dir.appendingPathComponent("x.pdf")
            for args in [["minutes", copy.path, "-o", pdf.path], ["check", copy.path]] {
                let out = run(args)
                #expect(out.status == 1, "\(args[0]): \(out.stderr)")
                let at = "summary-typo.yaml:\(line):9: error: unknown layout 'sumary'"
                #expect(out.stderr.contains(at), "\(out.stderr)")
                #expect(out.stderr.contains("did you mean 'summary'?") && out.stderr.contains("minutes, summary"))
                #expect(!out.stderr.contains("Fatal") && !out.stderr.contains("Stack"))
            }
            #expect(!FileManager.default.fileExists(atPath: pdf.path))
        }
    }

    @Test("hanji check shapes a summary record with its own layout: a character no font has in a decision")
    func checkUsesTheRecordsLayout() throws {
        try withTempDir { dir in
            let text = try String(contentsOf: Self.record, encoding: .utf8)
            let copy = dir.appendingPathComponent("summary-glyph.yaml")
            try text.replacingOccurrences(of: "가을호를 10월경", with: "가을호를 \u{E000} 10월경")
                .write(to: copy, atomically: true, encoding: .utf8)
            let line = (text.components(separatedBy: "\n").firstIndex { $0.contains("가을호를 10월경") } ?? -1) + 1
            let out = run(["check", copy.path])
            #expect(out.status == 1, "\(out.stderr)")
            #expect(out.stderr.contains("summary-glyph.yaml:\(line):15: error: no font has the character U+E000"),
                    "\(out.stderr)")
            #expect(out.stderr.contains("decisions[7].decision"), "\(out.stderr)")
        }
    }

    @Test("a record without layout: prints byte for byte as with layout: minutes and as --layout minutes.yaml")
    func oldRecordsUnchanged() throws {
        try withTempDir { dir in
            let folder = exampleRecord.deletingLastPathComponent()
            // The record with `layout: minutes` beside a copy of its photos (paths are relative).
            try FileManager.default.copyItem(at: folder.appendingPathComponent("photos"),
                                             to: dir.appendingPathComponent("photos"))
            let named = dir.appendingPathComponent("minutes-14.yaml")
            try ("layout: minutes\n" + String(contentsOf: exampleRecord, encoding: .utf8))
                .write(to: named, atomically: true, encoding: .utf8)
            let plain = dir.appendingPathComponent("plain.pdf"), given = dir.appendingPathComponent("given.pdf")
            let byName = dir.appendingPathComponent("named.pdf")
            try render(exampleRecord, to: plain)
            try render(exampleRecord, to: given, extra: ["--layout", minutesLayout.path])
            try render(named, to: byName)
            let bytes = try Data(contentsOf: plain)
            #expect(try Data(contentsOf: given) == bytes)
            #expect(try Data(contentsOf: byName) == bytes)
            // Against the binary of the branch this work started from, where one is at hand: the same
            // text (its bytes differ once a change such as the structure tags reaches every PDF).
            let baseline = ProcessInfo.processInfo.environment["HANJI_BASELINE"] ?? "/work/main/.build/debug/hanji"
            if FileManager.default.isExecutableFile(atPath: baseline) {
                let before = dir.appendingPathComponent("before.pdf")
                // With that branch's own layout (.build/debug/hanji → its layouts/), which this one may outgrow.
                let root = URL(fileURLWithPath: baseline).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent()
                let layout = root.appendingPathComponent("layouts/minutes.yaml")
                let own = FileManager.default.fileExists(atPath: layout.path) ? ["--layout", layout.path] : []
                let out = execute(URL(fileURLWithPath: baseline),
                                  ["minutes", exampleRecord.path, "-o", before.path] + own)
                #expect(out.status == 0, "\(out)")
                let same = try pdfText(before) == (try pdfText(plain))
                #expect(same, "minutes-14 printed differently from \(baseline)")
            }
        }
    }
}
