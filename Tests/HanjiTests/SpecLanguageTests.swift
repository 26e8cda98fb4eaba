import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// What the spec language offers the kinds of minutes: branches on a value with `else`, inline
/// runs, first-line indents, time patterns and plain lists of names.
@Suite struct SpecLanguageTests {
    static let styles = """
        styles:
          base: {font: NanumMyeongjo, size: 10pt, line: 160%, align: justify}

        """

    func spec(_ body: String) throws -> Spec {
        try Spec(try Field.parse(Self.styles + body, file: "spec.yaml"))
    }

    func specError(_ body: String) -> InputError? {
        do { _ = try spec(body); return nil } catch let e as InputError { return e } catch { return nil }
    }

    /// The lines a spec prints for `value`, in page order.
    func lines(_ body: String, _ value: Value) throws -> [(Point, Line)] {
        let document = try Composer().compose(value, spec: try spec(body), date: Day(year: 2018, month: 11, day: 22)!,
                                              edition: .official)
        return document.pages.flatMap(\.frame.lines)
    }

    func texts(_ body: String, _ value: Value) throws -> [String] {
        try lines(body, value).map(\.1.text)
    }

    // MARK: Branching on values

    static let branches = """
        body:
          - text: 임시회입니다
            if: {field: kind, is: 임시회}
            else:
              - text: 임시회가 아닙니다
          - {text: 정례회 아님, if: {field: kind, is-not: 정례회}}
          - {text: 회기 중, if: {field: kind, in: [임시회, 정례회]}}
          - {text: 기타, unless: {field: kind, in: [임시회, 정례회]}, else: [{text: 둘 중 하나}]}
        """

    @Test func branchesOnAValueBothWaysWithElse() throws {
        #expect(try texts(Self.branches, .map([("kind", .text("임시회"))])) == ["임시회입니다", "정례회 아님", "회기 중", "둘 중 하나"])
        #expect(try texts(Self.branches, .map([("kind", .text("정례회"))])) == ["임시회가 아닙니다", "회기 중", "둘 중 하나"])
        #expect(try texts(Self.branches, .map([("kind", .text("간담회"))])) == ["임시회가 아닙니다", "정례회 아님", "기타"])
        // The presence test is unchanged, and takes an else too.
        let present = "body:\n  - {text: 있음, if: note, else: [{text: 없음}]}\n"
        #expect(try texts(present, .map([("note", .text("메모"))])) == ["있음"])
        #expect(try texts(present, .map([("note", .text(""))])) == ["없음"])
    }

    @Test func malformedConditionsAreLocated() throws {
        let twoTests = try #require(specError("body:\n  - text: x\n    if: {field: kind, is: a, in: [b]}\n"))
        #expect(twoTests.location?.line == 5 && twoTests.message.contains("one test"))
        let noField = try #require(specError("body:\n  - text: x\n    if: {is: a}\n"))
        #expect(noField.location?.line == 5 && noField.hint?.contains("field") == true)
        let badKey = try #require(specError("body:\n  - text: x\n    if: {field: kind, iss: a}\n"))
        #expect(badKey.location?.line == 5 && badKey.message.contains("iss"))
        let notList = try #require(specError("body:\n  - text: x\n    if: {field: kind, in: a}\n"))
        #expect(notList.location?.line == 5 && notList.message.contains("list"))
        let lonely = try #require(specError("body:\n  - text: x\n    else: [{text: y}]\n"))
        #expect(lonely.location?.line == 5 && lonely.message.contains("'else'"))
    }

    @Test func conditionFieldsAreChecked() throws {
        let misspelt = try #require(specError("""
            document: minutes
            body:
              - text: x
                if: {field: bdy, is: 위원회}
              - text: y
                unless: plcae
                else: [{text: "{dat}"}]
            """))
        #expect(misspelt.location?.line == 6 && misspelt.hint?.contains("'body'") == true)
        let inElse = try #require(specError(
            "document: minutes\nbody:\n  - {text: y, if: place, else: [{text: \"{dat}\"}]}\n"))
        #expect(inElse.message.contains("dat") && inElse.hint?.contains("'date'") == true)
    }

    // MARK: Inline runs

    static let background = "지역 주민의 의견을 모아 공원 조성 계획에 반영하고자 여러 차례 간담회를 열었으며 "
        + "그 결과를 정리하여 이번 회의에 상정하게 되었습니다 주민들은 산책로와 쉼터를 늘려 달라고 요청하였습니다"

    static let runIn = "body:\n  - text: \"**논의 배경** {background}\"\n"

    @Test func boldRunInLabelWrapsAndJustifiesWithItsParagraph() throws {
        let value = Value.map([("background", .text(Self.background))])
        let document = try Composer().compose(value, spec: try spec(Self.runIn),
                                              date: Day(year: 2018, month: 11, day: 22)!, edition: .official)
        let lines = document.pages.flatMap(\.frame.lines)
        // One paragraph: the label and the text share the first line, and words stay whole.
        #expect(lines.count >= 2)
        #expect(lines.first?.1.text.hasPrefix("논의 배경 지역 주민의") == true, "\(lines.map(\.1.text))")
        let words = Set(("논의 배경 " + Self.background).split(separator: " ").map(String.init))
        for (_, line) in lines {
            #expect(line.text.split(separator: " ").allSatisfy { words.contains(String($0)) }, "\(line.text)")
        }
        // Justified: every line but the last fills the width of the first.
        let width = try #require(lines.first?.1.width)
        for (_, line) in lines.dropLast() { #expect(abs(line.width - width) < 0.01) }
        #expect(lines.map(\.1.text).joined().replacingOccurrences(of: " ", with: "")
                == ("논의 배경" + Self.background).replacingOccurrences(of: " ", with: ""))
        // The run is drawn in the bold face, the rest in the regular one.
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("runs.pdf")
            try document.writePDF(to: pdf)
            let fonts = tool("pdffonts", [pdf.path]).stdout
            #expect(fonts.contains("NanumMyeongjoBold") && fonts.contains("NanumMyeongjo "), "\(fonts)")
        }
        // Without the marks, no bold face is used.
        let plain = try Composer().compose(value, spec: try spec("body:\n  - text: \"논의 배경 {background}\"\n"),
                                           date: Day(year: 2018, month: 11, day: 22)!, edition: .official)
        try withTempDir { dir in
            let pdf = dir.appendingPathComponent("plain.pdf")
            try plain.writePDF(to: pdf)
            #expect(!tool("pdffonts", [pdf.path]).stdout.contains("Bold"))
        }
    }

    @Test func boldRunsFollowLineBreaksAndAnUnclosedRunIsAnError() throws {
        let text = try texts("body:\n  - text: \"**가\\n나** 다\"\n", .null)
        #expect(text == ["가", "나 다"])
        let unclosed = try #require(specError("body:\n  - text: \"**논의 배경 {background}\"\n"))
        #expect(unclosed.location?.line == 4 && unclosed.hint?.contains("**") == true)
    }

    // MARK: First-line indents

    func indented(_ indent: String) throws -> [(Point, Line)] {
        let body = """
            body:
              - {text: "{background} {background}", style: para}
            """
        let styled = "  para: {parent: base, first-indent: \(indent)}\n" + body
        return try lines(styled, .map([("background", .text(Self.background))]))
    }

    @Test func firstLineIndentMovesOnlyTheFirstLineAndKeepsTheRightEdge() throws {
        let plain = try indented("0")
        let first = try indented("1em"), hanging = try indented("-2em")
        try #require(plain.count >= 3 && first.count >= 3 && hanging.count >= 3)
        // 1em of a 10pt style: the first line starts 10pt in, the others where they did.
        #expect(abs(first[0].0.x - plain[0].0.x - 10) < 0.01)
        #expect(abs(first[1].0.x - plain[1].0.x) < 0.01)
        // Negative: the first line stands where it did, the rest 20pt in.
        #expect(abs(hanging[0].0.x - plain[0].0.x) < 0.01)
        #expect(abs(hanging[1].0.x - plain[1].0.x - 20) < 0.01)
        // Justified lines still end at the right edge.
        let edge = plain[0].0.x + plain[0].1.width
        for line in [first[0], first[1], hanging[0], hanging[1]] {
            #expect(abs(line.0.x + line.1.width - edge) < 0.01)
        }
    }

    // MARK: Time patterns

    @Test func timeFilterPrintsTheFormsOfTheKinds() throws {
        let scope = Scope(.map([("time", .clock(Clock("10:00")!)), ("pm", .clock(Clock("15:30")!)),
                                ("noon", .text("12:05")), ("night", .text("00:09")), ("note", .text("미정"))]))
        func filled(_ template: String) throws -> String { try Template(template).render(scope) }
        #expect(try filled("{time|time:H시 MM분}") == "10시 00분")
        #expect(try filled("{pm|time:H시 MM분}") == "15시 30분")
        #expect(try filled("{pm|time:오전/오후 h:MM}") == "오후 3:30")
        #expect(try filled("{time|time:오전/오후 h시 M분}") == "오전 10시 0분")
        #expect(try filled("{noon|time:오전/오후 h:MM}") == "오후 12:05")
        #expect(try filled("{night|time:오전/오후 hh:MM}") == "오전 12:09")
        #expect(try filled("{night|time:HH:MM}") == "00:09")
        // A text that is no time of day prints as it is.
        #expect(try filled("{note|time:H시 MM분}") == "미정")
        #expect(Template.format(Clock("09:05")!, "H시 MM분 개의") == "9시 05분 개의")
    }

    // MARK: Plain lists of names

    static let names: Value = .list(["김철수", "이영희", "박민수", "최지은", "정우성", "한가람"].map { Value.text($0) })

    @Test func joinPrintsAPlainListOfNamesSoManyToALine() throws {
        let members = Value.list(["김철수", "", "이영희"].map { .map([("name", .text($0)), ("role", .text("위원"))]) })
        let scope = Scope(.map([("names", Self.names), ("members", members)]))
        func filled(_ template: String) throws -> String { try Template(template).render(scope) }
        #expect(try filled("{names|join: · }") == "김철수 · 이영희 · 박민수 · 최지은 · 정우성 · 한가람")
        #expect(try filled("{names|join: · :4}") == "김철수 · 이영희 · 박민수 · 최지은\n정우성 · 한가람")
        #expect(try filled("{names|join}") == "김철수, 이영희, 박민수, 최지은, 정우성, 한가람")
        #expect(try filled("{members|join:, ::name}") == "김철수, 이영희")
        // In a text block each line of four is its own paragraph.
        #expect(try texts("body:\n  - text: \"{names|join: · :4}\"\n", .map([("names", Self.names)]))
                == ["김철수 · 이영희 · 박민수 · 최지은", "정우성 · 한가람"])
    }

    @Test func gridPrintsNamesWithNoRoleBeforeThem() throws {
        let grid = "body:\n  - grid: names\n    columns: 4\n    do: [{text: \"{.}\"}]\n"
        let placed = try lines(grid, .map([("names", Self.names)]))
        #expect(placed.map(\.1.text) == ["김철수", "이영희", "박민수", "최지은", "정우성", "한가람"])
        // Four to a row: the fifth name starts a new row under the first.
        #expect(abs(placed[4].0.x - placed[0].0.x) < 0.01 && placed[4].0.y > placed[0].0.y)
        #expect(Set(placed.prefix(4).map(\.0.y)).count == 1)
    }
}
