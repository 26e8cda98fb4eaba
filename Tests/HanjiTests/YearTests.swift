import Foundation
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// The year record and roster CSVs: members written once, referred to by name; encodings.
@Suite struct YearTests {
    static let yearFile = Fixture.example.deletingLastPathComponent().appendingPathComponent("year.yaml")
    static let rosterFile = Fixture.example.deletingLastPathComponent().appendingPathComponent("roster.csv")
    static let text = try! String(contentsOf: yearFile, encoding: .utf8)

    func read(_ text: String) throws -> Year {
        try Year.read(try Field.parse(text, file: "year.yaml"), folder: Self.yearFile.deletingLastPathComponent())
    }

    @Test func readsTheExampleYear() throws {
        let year = try Year.load(Self.yearFile)
        #expect(year.year == 2018 && year.subcommittees.count == 5 && year.projects.count == 13)
        #expect(year.meetings.map(\.number) == [11, 12, 13, 14])
        #expect(year.warnings.isEmpty, "\(year.warnings)")
        let event = try #require(year.event)
        #expect(event.order.count == 6 && event.order[0].start?.text == "18:00")
        // Presenters refer to members: group and role come from the subcommittee.
        #expect(event.presenters.map { "\($0.group) \($0.role) \($0.name ?? "")" }
                == ["생활밀착분과 분과위원 안란", "도시재생분과 분과장 한부영", "지역특화분과 분과장 다솜빛"])
    }

    @Test func unknownMemberIsAnErrorWithTheNearestName() throws {
        let bad = Self.text.replacingOccurrences(of: "{member: 한부영,", with: "{member: 한부형,")
        let error = try #require(throws: InputError.self) { try read(bad) }
        #expect(error.message.contains("한부형") && (error.hint ?? "").contains("한부영"))
        #expect(error.path.hasPrefix("event.presenters[1].member") && error.location?.line ?? 0 > 1)
    }

    @Test func projectOfAnUnknownSubcommitteeIsAnError() throws {
        let bad = Self.text.replacingOccurrences(of: "subcommittee: 생활밀착분과, budget: 12000000", with: "subcommittee: 생활밀착, budget: 12000000")
        let error = try #require(throws: InputError.self) { try read(bad) }
        #expect((error.hint ?? "").contains("생활밀착분과"))
    }

    @Test func meetingAttendeeWhoIsNoMemberIsAWarning() throws {
        let bad = Self.text.replacingOccurrences(of: "      - {name: 다솜빛, role: 분과장}\n", with: "")
            .replacingOccurrences(of: "{member: 다솜빛, project: 영등포시장역사 문화예술플랫폼}",
                                  with: "{group: 지역특화분과, name: 다솜빛, role: 분과장, project: 영등포시장역사 문화예술플랫폼}")
        let year = try read(bad)
        #expect(year.warnings.count == 4 && year.warnings.allSatisfy { $0.message.contains("다솜빛") }, "one per meeting")
    }

    // MARK: Rosters

    func recordsOf(_ data: Data) throws -> [(line: Int, fields: [(String, String)])] {
        let roster = try Roster.parse(try Roster.decode(data, file: "r.csv"), file: "r.csv")
        return try roster.records(columns: [("name", "성명"), ("group", "소속"), ("role", "직위")], required: ["name", "group"])
    }

    @Test func utf8BomAndCP949ReadTheSame() throws {
        let utf8 = try Data(contentsOf: Self.rosterFile)
        let bom = Data([0xEF, 0xBB, 0xBF]) + utf8
        let cp949 = try #require(converted(utf8, to: "CP949"))
        #expect(cp949 != utf8 && String(data: cp949, encoding: .utf8) == nil, "iconv produced no CP949")
        let expected = try recordsOf(utf8).map { $0.fields.map { "\($0.0)=\($0.1)" } }
        #expect(expected.count == 22 && expected[0].prefix(3) == ["name=한부영", "group=도시재생분과", "role=분과장"])
        for data in [bom, cp949] {
            #expect(try recordsOf(data).map { $0.fields.map { "\($0.0)=\($0.1)" } } == expected)
        }
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let csv = "성명,소속,직위\r\n\"김, 하늘\",\"복지\"\"분과\"\"\",\"분과\n위원\"\r\n이솔,복지분과,분과장\r\n"
        let rows = try recordsOf(Data(csv.utf8))
        #expect(rows.count == 2)
        #expect(rows[0].fields.prefix(3).map(\.1) == ["김, 하늘", "복지\"분과\"", "분과\n위원"])
        #expect(rows[1].line == 4, "a quoted line break moves the next row's line number")
    }

    @Test func rowMissingARequiredValueFailsWithItsLine() throws {
        let csv = "성명,소속,직위\n한부영,도시재생분과,분과장\n나래솔,,부분과장\n"
        let error = try #require(throws: InputError.self) { try recordsOf(Data(csv.utf8)) }
        #expect(error.location?.line == 3 && error.message.contains("소속"))
    }

    @Test func missingColumnFailsNamingIt() throws {
        let csv = "이름,소속\n한부영,도시재생분과\n"
        let error = try #require(throws: InputError.self) { try recordsOf(Data(csv.utf8)) }
        #expect(error.message.contains("성명") && (error.hint ?? "").contains("이름,소속"))
    }

    @Test func attendeeInTheWrongSubcommitteeIsAWarning() throws {
        let moved = Self.text.replacingOccurrences(of: "      - {name: 푸른솔, role: 분과위원}\n", with: "")
            .replacingOccurrences(of: "      - {name: 파란솔, role: 협치지원관}\n", with: "      - {name: 푸른솔, role: 분과위원}\n")
            .replacingOccurrences(of: "      - {name: 초롱이, role: 분과위원}\n", with: "      - {name: 초롱이, role: 분과위원}\n      - {name: 파란솔, role: 분과위원}\n")
        let year = try read(moved)
        #expect(!year.warnings.isEmpty && year.warnings.allSatisfy { $0.message.contains("파란솔") && $0.message.contains("복지분과") })
    }

    @Test func particlesFollowTheLastSyllable() {
        #expect(Template.particle(after: "분과장", "으로서") == "으로서")
        #expect(Template.particle(after: "분과위원", "으로서") == "으로서")
        #expect(Template.particle(after: "협치조정관", "으로서") == "으로서")
        #expect(Template.particle(after: "주무관", "은") == "은")
        #expect(Template.particle(after: "팀장", "이") == "이")
        #expect(Template.particle(after: "부위원회", "으로서") == "로서")
        #expect(Template.particle(after: "서울", "으로") == "로", "ㄹ takes 로")
        #expect(Template.particle(after: "나래", "을") == "를")
        #expect(Template.grouped(30_000_000) == "30,000,000" && Template.grouped(999) == "999")
    }
}

/// `data` re-encoded by the iconv tool, or nil when it fails.
func converted(_ data: Data, to encoding: String) -> Data? {
    let dir = Fixture.tempDir()
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("in.txt"), output = dir.appendingPathComponent("out.txt")
    guard (try? data.write(to: input)) != nil,
          tool("iconv", ["-f", "UTF-8", "-t", encoding, "-o", output.path, input.path]).status == 0 else { return nil }
    return try? Data(contentsOf: output)
}
