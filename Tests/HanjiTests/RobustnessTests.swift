import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// A small deterministic generator, so a failing mutation can be found again by its number.
struct Dice {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(max(n, 1)))
    }
}

/// Damages a YAML text the ways people and tools do: lines lost, doubled or swapped, values of
/// the wrong kind, tabs, cut-off files, stray bytes, unknown keys.
enum Mutation {
    static let values = ["[]", "{}", "42", "-7", "true", "~", "\"\"", "2018-13-45", "2018-02-30", "\"25:99\"", "1e308",
                         "[[[[1]]]]", "{a: {b: {c: 1}}}", "\"\\u0007\"", "*nowhere", "&a x", "!!binary AAAA", "999999999999999999999",
                         "-0.0001mm", "100000mm", "-5mm", "0", "\"#zzzzzz\"", "\"*\"", "\"{unknown.field}\"", "\"{\"", "\"}\"",
                         // Numbers that parse but cannot print, and dates at the ends of the calendar.
                         "nan", ".inf", "-inf", "1e308mm", "infem", "nan%", "-0", "9223372036854775807", "99999",
                         "1918-03-01", "0001-01-01", "0000-01-01", "9999-12-31"]

    static func apply(_ text: String, _ dice: inout Dice) -> Data {
        var lines = text.components(separatedBy: "\n")
        let i = dice.next(lines.count)
        switch dice.next(10) {
        case 0: lines.remove(at: i)
        case 1: lines.insert(lines[i], at: i)
        case 2: if i + 1 < lines.count { lines.swapAt(i, i + 1) }
        case 3:
            // A value of another kind.
            if let colon = lines[i].range(of: ": ") {
                lines[i] = String(lines[i][..<colon.upperBound]) + values[dice.next(values.count)]
            } else {
                lines[i] += " " + values[dice.next(values.count)]
            }
        case 4: lines[i] = "\t" + lines[i]
        case 5:
            let data = Data(lines.joined(separator: "\n").utf8)
            return data.prefix(dice.next(data.count))
        case 6:
            var data = Data(lines.joined(separator: "\n").utf8)
            let at = dice.next(data.count)
            data.insert(contentsOf: [[0xFF], [0xC3], [0x00], [0x07], [0xE2, 0x80], [0x1B, 0x5B]][dice.next(6)], at: at)
            return data
        case 7: lines.insert("unknownkey\(i): \(values[dice.next(values.count)])", at: i)
        case 8: lines[i] = String(repeating: " ", count: dice.next(9)) + lines[i].trimmingCharacters(in: .whitespaces)
        default:
            // Cut a line in half.
            let line = lines[i]
            lines[i] = String(line.prefix(dice.next(line.count + 1)))
        }
        return Data(lines.joined(separator: "\n").utf8)
    }
}

@Suite(.timeLimit(.minutes(3))) struct RobustnessTests {
    static let record = try! String(contentsOf: Fixture.example, encoding: .utf8)
    static let specText = try! String(contentsOf: Fixture.minutesSpec, encoding: .utf8)
    nonisolated(unsafe) static let spec = try! Fixture.spec()
    /// Each test's own: tests run in parallel, and a composer's shaper (its cache, its Pango
    /// context) is for one thread at a time.
    let composer: Composer

    init() throws { composer = try Composer(for: Self.spec) }

    /// What became of one damaged input: read (and maybe laid out), or refused with a place.
    enum Outcome: Equatable { case accepted, refused }

    func outcome(_ body: () throws -> Void, _ label: String) -> Outcome? {
        do {
            try body()
            return .accepted
        } catch let error as InputError {
            #expect(error.location != nil || !error.path.isEmpty, "\(label): unlocated: \(error)")
            #expect(!error.message.isEmpty, "\(label)")
            return .refused
        } catch let gathered as InputErrors {
            // Several problems found at once (every bad row of a roster), each with its place.
            #expect(gathered.errors.count > 1 && gathered.errors.allSatisfy { $0.location != nil }, "\(label)")
            return .refused
        } catch let error as LayoutError {
            #expect(!error.description.isEmpty, "\(label)")
            return .refused
        } catch {
            Issue.record("\(label): unexpected \(type(of: error)): \(error)")
            return nil
        }
    }

    @Test func damagedRecordsAreReadOrRefusedWithAPlace() throws {
        var dice = Dice(state: 2018)
        var refused = 0, accepted = 0
        for n in 0..<300 {
            let data = Mutation.apply(Self.record, &dice)
            let label = "record mutation \(n)"
            let result = outcome({
                var meeting = try Meeting.read(try Field.parse(try Field.decode(data, file: "m.yaml"), file: "m.yaml"))
                meeting.folder = Fixture.example.deletingLastPathComponent()
                let value = meeting.value
                _ = try Self.spec.bind(value)
                // Lay out one in ten all the way.
                if n % 10 == 0 { _ = try composer.minutes(meeting, spec: Self.spec) }
            }, label)
            if result == .refused { refused += 1 } else if result == .accepted { accepted += 1 }
        }
        #expect(refused > 50 && accepted > 20, "refused \(refused), accepted \(accepted): the mutations should do both")
    }

    @Test func damagedSpecsAreReadOrRefusedWithAPlace() throws {
        var dice = Dice(state: 1122)
        var refused = 0
        let meeting = try Fixture.meeting()
        for n in 0..<150 {
            let data = Mutation.apply(Self.specText, &dice)
            let result = outcome({
                let spec = try Spec(try Field.parse(try Field.decode(data, file: Fixture.minutesSpec.path), file: Fixture.minutesSpec.path))
                if n % 5 == 0 {
                    _ = try composer.minutes(meeting, spec: spec)
                } else {
                    _ = try spec.bind(meeting.value)
                }
            }, "spec mutation \(n)")
            if result == .refused { refused += 1 }
        }
        #expect(refused > 30)
    }

    @Test func damagedYearsAndRostersAreReadOrRefusedWithAPlace() throws {
        let yearFile = Fixture.example.deletingLastPathComponent().appendingPathComponent("year.yaml")
        let text = try String(contentsOf: yearFile, encoding: .utf8)
        var dice = Dice(state: 77)
        for n in 0..<60 {
            let data = Mutation.apply(text, &dice)
            _ = outcome({
                _ = try Year.read(try Field.parse(try Field.decode(data, file: "y.yaml"), file: "y.yaml"), folder: yearFile.deletingLastPathComponent())
            }, "year mutation \(n)")
        }
        let csv = try String(contentsOf: yearFile.deletingLastPathComponent().appendingPathComponent("roster.csv"), encoding: .utf8)
        for n in 0..<60 {
            let data = Mutation.apply(csv, &dice)
            _ = outcome({
                let roster = try Roster.parse(try Roster.decode(data, file: "r.csv"), file: "r.csv")
                _ = try roster.records(columns: [("name", "성명"), ("group", "소속")], required: ["name", "group"])
            }, "roster mutation \(n)")
        }
    }

    // MARK: Every kind of bad input, by name

    func refusal(_ data: Data) throws -> InputError {
        try #require(throws: InputError.self) {
            _ = try Meeting.read(try Field.parse(try Field.decode(data, file: "bad.yaml"), file: "bad.yaml"))
        }
    }

    @Test func namedBadInputsGetLocatedAnswers() throws {
        let record = Self.record
        // A 10 MB string.
        let huge = record.replacingOccurrences(of: "remarks: \"\"", with: "remarks: \"" + String(repeating: "가", count: 3_500_000) + "\"")
        #expect(try refusal(Data(huge.utf8)).message.contains("MB"))
        let longText = record.replacingOccurrences(of: "remarks: \"\"", with: "remarks: \"" + String(repeating: "가", count: 400_000) + "\"")
        let long = try refusal(Data(longText.utf8))
        #expect(long.message.contains("KB") && long.path == "remarks")
        // An alias bomb: nine copies of nine copies … of a note.
        var bomb = ["anchors:"]
        bomb.append("  - &n0 {text: 하하}")
        for level in 1...8 { bomb.append("  - &n\(level) {text: 하하, items: [" + Array(repeating: "*n\(level - 1)", count: 9).joined(separator: ", ") + "]}") }
        let bombed = bomb.joined(separator: "\n") + "\n" + record
        #expect(try refusal(Data(bombed.utf8)).message.contains("expands to more than"))
        // Deep nesting.
        let deep = record + "\nextra: " + String(repeating: "[", count: 5000)
        #expect(try refusal(Data(deep.utf8)).location?.line ?? 0 >= 1)
        // Binary, invalid UTF-8 and control characters.
        #expect(try refusal(Data([0x62, 0x6F, 0x64, 0x79, 0x3A, 0x20, 0x00, 0x01])).message.contains("binary"))
        let latin1 = Data(record.replacingOccurrences(of: "place: 한우리카페", with: "place: caf").utf8) + Data([0xE9, 0x0A])
        let notUTF8 = try refusal(latin1)
        #expect(notUTF8.message.contains("UTF-8") && notUTF8.location?.line ?? 0 > 100)
        let bell = try refusal(Data(record.replacingOccurrences(of: "place: 한우리카페 공용테이블", with: "place: \"한우리\\u0007카페\"").utf8))
        #expect(bell.message.contains("U+0007") && bell.path == "place")
        // Tab indentation, impossible dates, wrong types, missing and unknown keys.
        let tab = try refusal(Data(record.replacingOccurrences(of: "\n  role: 협치지원관", with: "\n\trole: 협치지원관").utf8))
        #expect(tab.location?.line ?? 0 > 1)
        let date = try refusal(Data(record.replacingOccurrences(of: "date: 2018-11-22", with: "date: 2018-02-30").utf8))
        #expect(date.path == "date")
        let type = try refusal(Data(record.replacingOccurrences(of: "number: 14", with: "number: [14]").utf8))
        #expect(type.path == "number" && type.message.contains("list"))
        let missing = try refusal(Data(record.replacingOccurrences(of: "\nplace: 한우리카페 공용테이블", with: "").utf8))
        #expect(missing.message.contains("place"))
        let unknown = try refusal(Data(record.replacingOccurrences(of: "\nplace:", with: "\nplase:").utf8))
        #expect((unknown.hint ?? "").contains("place"))
        // Truncated.
        #expect(throws: InputError.self) { _ = try Meeting.read(try Field.parse(String(record.prefix(300)), file: "cut.yaml")) }
    }
}

@Suite("EndToEnd: interrupts, confinement, strict")
struct SafetyCommandTests {
    static let year = exampleRecord.deletingLastPathComponent().appendingPathComponent("year.yaml")

    @Test("SIGINT in the middle of a 1000-page render leaves the earlier output and no temporary file")
    func interrupted() throws {
        try withTempDir { dir in
            let csv = dir.appendingPathComponent("r.csv"), pdf = dir.appendingPathComponent("c.pdf")
            var rows = ["성명,소속,직위"]
            for i in 0..<1000 { rows.append("회원\(i),복지분과,분과위원") }
            try rows.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
            let earlier = Data("the earlier output".utf8)
            try earlier.write(to: pdf)
            let process = Process()
            process.executableURL = hanjiBinary
            process.arguments = ["certificates", Self.year.path, "--roster", csv.path, "-o", pdf.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Wait until the temporary file is being written, then interrupt.
            let deadline = Date().addingTimeInterval(60)
            var started = false
            while Date() < deadline && process.isRunning {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
                if names.contains(where: { $0.hasSuffix(".tmp") }) { started = true; break }
                usleep(2000)
            }
            try #require(started, "the render never started writing (or finished first)")
            usleep(50_000)
            kill(process.processIdentifier, SIGINT)
            process.waitUntilExit()
            #expect(process.terminationStatus == 130)
            #expect(try Data(contentsOf: pdf) == earlier, "the earlier file changed")
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".tmp") }
            #expect(left.isEmpty, "temporary files left: \(left)")
        }
    }

    @Test("paths leading out of the record's or spec's folder are refused unless allowed")
    func confined() throws {
        try withTempDir { dir in
            let record = try String(contentsOf: exampleRecord, encoding: .utf8)
                .replacingOccurrences(of: "file: photos/meeting.jpg", with: "file: ../../../../../../etc/hostname")
            let copy = dir.appendingPathComponent("m.yaml")
            try record.write(to: copy, atomically: true, encoding: .utf8)
            let out = run(["minutes", copy.path, "-o", dir.appendingPathComponent("m.pdf").path])
            #expect(out.status == 1 && out.stderr.contains("outside") && out.stderr.contains("photos[0].file"), "\(out)")
            // A spec whose fonts come from elsewhere on the machine.
            let spec = try String(contentsOf: minutesLayout, encoding: .utf8).replacingOccurrences(of: "folders: [../fonts]", with: "folders: [/usr/share/fonts]")
            let specCopy = dir.appendingPathComponent("layouts/s.yaml")
            try FileManager.default.createDirectory(at: specCopy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try spec.write(to: specCopy, atomically: true, encoding: .utf8)
            let fonts = run(["minutes", exampleRecord.path, "--layout", specCopy.path, "-o", dir.appendingPathComponent("x.pdf").path])
            #expect(fonts.status == 1 && fonts.stderr.contains("outside") && fonts.stderr.contains("s.yaml:"), "\(fonts)")
            let allowed = run(["minutes", exampleRecord.path, "--layout", specCopy.path, "--allow-outside", "-o", dir.appendingPathComponent("x.pdf").path])
            #expect(allowed.status == 0, "\(allowed)")
        }
    }

    @Test("warnings keep exit 0, unless --strict")
    func strict() throws {
        try withTempDir { dir in
            let record = try String(contentsOf: exampleRecord, encoding: .utf8)
                .replacingOccurrences(of: "      - 복지분과장: |", with: "      - 손님: |")
            let copy = dir.appendingPathComponent("photos")
            try FileManager.default.copyItem(at: exampleRecord.deletingLastPathComponent().appendingPathComponent("photos"), to: copy)
            let file = dir.appendingPathComponent("m.yaml")
            try record.write(to: file, atomically: true, encoding: .utf8)
            let pdf = dir.appendingPathComponent("m.pdf")
            let lenient = run(["minutes", file.path, "-o", pdf.path])
            #expect(lenient.status == 0 && lenient.stderr.contains("warning"), "\(lenient)")
            try FileManager.default.removeItem(at: pdf)
            let strict = run(["minutes", file.path, "-o", pdf.path, "--strict"])
            #expect(strict.status == 1 && !FileManager.default.fileExists(atPath: pdf.path), "\(strict)")
        }
    }

    @Test("damaged files through the command line: exit 1 with a located message, never a crash")
    func damagedThroughTheCLI() throws {
        var dice = Dice(state: 9)
        let text = try String(contentsOf: exampleRecord, encoding: .utf8)
        try withTempDir { dir in
            try FileManager.default.copyItem(at: exampleRecord.deletingLastPathComponent().appendingPathComponent("photos"),
                                             to: dir.appendingPathComponent("photos"))
            for n in 0..<12 {
                let file = dir.appendingPathComponent("m\(n).yaml")
                try Mutation.apply(text, &dice).write(to: file)
                let out = run(["minutes", file.path, "-o", dir.appendingPathComponent("m\(n).pdf").path])
                #expect([0, 1].contains(out.status), "mutation \(n): \(out)")
                #expect(!out.stderr.contains("Fatal error") && !out.stderr.contains("Backtrac") && !out.stderr.contains("internal error"),
                        "mutation \(n): \(out.stderr)")
                if out.status == 1 { #expect(out.stderr.contains("m\(n).yaml:") && out.stderr.contains("error:"), "mutation \(n): \(out.stderr)") }
            }
        }
    }
}

@Suite("EndToEnd: hanji check")
struct CheckCommandTests {
    @Test("a record with three mistakes gets three located diagnostics with carets in one run")
    func threeMistakes() throws {
        try withTempDir { dir in
            let text = try String(contentsOf: exampleRecord, encoding: .utf8)
                .replacingOccurrences(of: "date: 2018-11-22              # meeting date", with: "date: 2018-11-32              # meeting date")
                .replacingOccurrences(of: "place: 한우리카페 공용테이블", with: "plase: 한우리카페 공용테이블")
                .replacingOccurrences(of: "        status: 참석           # 참석 | 위임 | 불참", with: "        status: 출석           # 참석 | 위임 | 불참")
            try FileManager.default.copyItem(at: exampleRecord.deletingLastPathComponent().appendingPathComponent("photos"),
                                             to: dir.appendingPathComponent("photos"))
            let file = dir.appendingPathComponent("m.yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let out = run(["check", file.path])
            #expect(out.status == 1)
            let heads = out.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
            #expect(heads.count == 3, "\(out.stderr)")
            #expect(heads.contains { $0.contains("m.yaml:20:7") && $0.contains("2018-11-32") })
            #expect(heads.contains { $0.contains("unknown key 'plase'") })
            #expect(heads.contains { $0.contains("'출석'") && $0.contains("attendance[0].members[0].status") })
            // Each names its source line, with a caret under the column (Hangul counts two cells).
            #expect(out.stderr.contains("20 | date: 2018-11-32") && out.stderr.contains("   |       ^"))
            #expect(out.stderr.contains("41 |         status: 출석") && out.stderr.contains("   |                 ^"))
            #expect(out.stdout.contains("3 errors"))
        }
    }

    @Test("a year record's mistakes are each named, without knock-on errors")
    func yearMistakes() throws {
        try withTempDir { dir in
            let folder = exampleRecord.deletingLastPathComponent()
            let text = try String(contentsOf: folder.appendingPathComponent("year.yaml"), encoding: .utf8)
                .replacingOccurrences(of: "subcommittee: 생활밀착분과, budget: 12000000", with: "subcommittee: 생활밀착, budget: 12000000")
                .replacingOccurrences(of: "      - {name: 가온결, role: 분과위원}", with: "      - {name: 가온결}")
                .replacingOccurrences(of: "year: 2018", with: "year: 이천십팔")
            for name in ["minutes-11.yaml", "minutes-12.yaml", "minutes-13.yaml", "minutes-14.yaml", "seal.png"] {
                try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: dir.appendingPathComponent(name))
            }
            try FileManager.default.copyItem(at: folder.appendingPathComponent("photos"), to: dir.appendingPathComponent("photos"))
            let file = dir.appendingPathComponent("year.yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let out = run(["check", file.path])
            let heads = out.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
            #expect(out.status == 1 && heads.count == 3, "\(out.stderr)")
            #expect(heads.contains { $0.contains("이천십팔") } && heads.contains { $0.contains("missing key 'role'") }
                    && heads.contains { $0.contains("'생활밀착'") })
        }
    }

    @Test("the examples and layouts check clean")
    func examplesAreClean() throws {
        let folder = exampleRecord.deletingLastPathComponent()
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".csv") }
            .map { folder.appendingPathComponent($0).path }
        let layouts = try FileManager.default.contentsOfDirectory(atPath: minutesLayout.deletingLastPathComponent().path)
            .filter { $0.hasSuffix(".yaml") }.map { minutesLayout.deletingLastPathComponent().appendingPathComponent($0).path }
        let out = run(["check"] + files + layouts)
        #expect(out.status == 0 && out.stdout.contains("0 errors, 0 warnings"), "\(out)")
    }
}

@Suite("EndToEnd: hanji init and hanji watch")
struct EverydayCommandTests {
    @Test("init makes a year folder that prints every document at once")
    func initialised() throws {
        try withTempDir { dir in
            let year = dir.appendingPathComponent("2019")
            let made = run(["init", year.path])
            try #require(made.status == 0, "\(made)")
            let again = run(["init", year.path])
            #expect(again.status == 1 && again.stderr.contains("already exists"), "never overwrites")
            let out = year.appendingPathComponent("out")
            for args in [["check", "year.yaml", "minutes-01.yaml", "roster.csv", "layouts/minutes.yaml"],
                         ["minutes", "minutes-01.yaml"], ["program", "year.yaml"], ["certificates", "year.yaml", "--roster", "roster.csv"],
                         ["booklet", "year.yaml"]] {
                let files = args.dropFirst().map { $0.hasSuffix(".yaml") || $0.hasSuffix(".csv") ? year.appendingPathComponent($0).path : $0 }
                let target = args[0] == "check" ? [] : ["-o", out.appendingPathComponent("\(args[0]).pdf").path]
                let result = run([args[0]] + files + target)
                // Certificates warn once, of the sample seal (견본) that is still to be replaced.
                let sample = args[0] == "certificates" && result.stderr.contains("Hanji's sample (견본)")
                    && result.stderr.components(separatedBy: "warning:").count == 2
                #expect(result.status == 0 && (result.stderr.isEmpty || sample), "\(args[0]): \(result)")
            }
        }
    }

    @Test("watch prints again within a second of a save")
    func watches() throws {
        try withTempDir { dir in
            let year = dir.appendingPathComponent("y")
            try #require(run(["init", year.path]).status == 0)
            let record = year.appendingPathComponent("minutes-01.yaml"), pdf = dir.appendingPathComponent("w.pdf")
            let log = dir.appendingPathComponent("watch.log")
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            let process = Process()
            process.executableURL = hanjiBinary
            process.arguments = ["watch", record.path, "-o", pdf.path, "--interval", "100"]
            process.standardOutput = try FileHandle(forWritingTo: log)
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { kill(process.processIdentifier, SIGINT); process.waitUntilExit() } }
            func wait(for text: String, count: Int, seconds: Double) -> Bool {
                let deadline = Date().addingTimeInterval(seconds)
                while Date() < deadline {
                    let seen = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                    if seen.components(separatedBy: text).count - 1 >= count { return true }
                    usleep(10_000)
                }
                return false
            }
            try #require(wait(for: "printed in", count: 1, seconds: 30), "the first print never came")
            let text = try String(contentsOf: record, encoding: .utf8)
            // Modification times have whole-second resolution on some file systems: let one pass.
            usleep(1_100_000)
            let saved = Date()
            try text.replacingOccurrences(of: "새마을구청 3층 회의실", with: "새마을구청 4층 회의실").write(to: record, atomically: true, encoding: .utf8)
            #expect(wait(for: "changed: minutes-01.yaml", count: 1, seconds: 1.0), "no re-print within a second")
            #expect(Date().timeIntervalSince(saved) < 1.0)
            try #require(wait(for: "printed in", count: 2, seconds: 30))
            #expect(try pdfText(pdf).contains("4층"))
        }
    }
}

@Suite("EndToEnd: the README's first year")
struct ReadmeTests {
    @Test("the README's step-by-step block runs as written: a new year, two meetings, every document")
    func firstYear() throws {
        let readme = try String(contentsOf: repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```sh\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] }
        let script = try #require(blocks.first { $0.hasPrefix("# first year") }, "no '# first year' block in the README")
        try withTempDir { dir in
            // The block puts .build/release first on PATH; here the freshly built debug binary stands in.
            let path = hanjiBinary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            let out = execute(URL(fileURLWithPath: "/bin/bash"), ["-e", "-c", script], in: dir,
                              environment: ["PATH": path, "HANJI_LAYOUTS": "/nonexistent"])
            #expect(out.status == 0, "\(out)")
            for file in ["minutes-01.pdf", "minutes-01-public.pdf", "program.pdf", "certificates.pdf", "booklet.pdf", "minutes-02.pdf"] {
                let pdf = dir.appendingPathComponent("2019/out/\(file)")
                #expect(FileManager.default.fileExists(atPath: pdf.path), "\(file) missing")
            }
            let booklet = try pdfText(dir.appendingPathComponent("2019/out/booklet.pdf"))
            #expect(booklet.contains("제2차"), "the second meeting is in the booklet")
        }
    }
}
