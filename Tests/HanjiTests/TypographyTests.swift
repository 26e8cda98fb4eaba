import Foundation
import Hanji
import HanjiLayout
import HanjiTestSupport
import HanjiText
import Testing

/// Korean line breaking: between words, never inside one unless the word is longer than its line.
@Suite struct TypographyTests {
    let shaper = Fixture.shaper()

    static func isHangul(_ c: Character?) -> Bool {
        guard let v = c?.unicodeScalars.first?.value else { return false }
        return (0xAC00...0xD7A3).contains(v)
    }

    @Test func noWordOfTheExampleBreaksAcrossLines() throws {
        let document = try Composer().minutes(try Fixture.meeting(), spec: try Fixture.spec())
        let (pairs, broken) = brokenWords(document)
        #expect(broken.isEmpty, "words broken: \(broken)")
        #expect(pairs > 40, "the example wraps many paragraphs")
    }

    @Test func wordsStayWholeInANarrowBox() throws {
        let lines = try shaper.shape("지역사회 혁신계획 협치사업 분과체제 운영", style: Fixture.style(align: .left), width: 60)
        #expect(lines.count >= 3)
        for pair in zip(lines, lines.dropFirst()) {
            #expect(!(Self.isHangul(pair.0.text.last) && Self.isHangul(pair.1.text.first)))
        }
    }

    @Test func overLongWordBreaksBetweenSyllablesWithinTheBox() throws {
        let lines = try shaper.shape("가나다라마바사아자차카타파하가나다라 끝", style: Fixture.style(align: .left), width: 50)
        #expect(lines.count >= 3)
        #expect(lines.allSatisfy { $0.width <= 50.5 })
        #expect(lines.last?.text.contains("끝") == true)
    }

    @Test func syllableBreakingIsAStyleChoice() throws {
        let text = "지역사회혁신 계획은 매우 성공적으로 수립되었습니다"
        let words = try shaper.shape(text, style: Fixture.style(align: .left), width: 95)
        let syllables = try shaper.shape(text, style: Fixture.style(align: .left, breaking: .syllables), width: 95)
        let broken = zip(syllables, syllables.dropFirst()).contains { Self.isHangul($0.0.text.last) && Self.isHangul($0.1.text.first) }
        #expect(broken, "syllable breaking fills lines by breaking inside words")
        #expect(!zip(words, words.dropFirst()).contains { Self.isHangul($0.0.text.last) && Self.isHangul($0.1.text.first) })
    }

    @Test func latinWordIsNotSplit() throws {
        let lines = try shaper.shape("영등포구 청소년 Work Camp 나누리 Global Harmony Band", style: Fixture.style(align: .left), width: 70)
        let words = Set(lines.flatMap { $0.text.split(separator: " ").map(String.init) })
        for w in ["Work", "Camp", "Global", "Harmony", "Band"] { #expect(words.contains(w), "\(w) was split") }
    }

    @Test func justifiedLinesFillTheWidthExceptTheLast() throws {
        let text = String(repeating: "협치 분과 운영 방안을 함께 논의합니다 ", count: 6)
        let lines = try shaper.shape(text, style: Fixture.style(), width: 200)
        #expect(lines.count >= 3)
        for line in lines.dropLast() { #expect(abs(line.x + line.width - 200) < 1.5, "justified line ends at \(line.width)") }
        #expect(lines.last!.width < 195)
    }
}

@Suite struct UnitBreakingTests {
    let shaper = Fixture.shaper()

    @Test(arguments: ["2018. 11. 22.(목)", "'18. 6. 3.", "18:00~21:00", "2018년 12월 13일", "8 명", "Harmony"])
    func neverSplit(_ unit: String) throws {
        let text = "회의는 \(unit) 에 열렸고 모두 참석했습니다"
        // Wherever the unit fits on a line it is never cut: at every width from the unit's own
        // up, one line holds all of it (spaces aside: a line drops the space it breaks at).
        let natural = try shaper.shape(unit, style: Fixture.style(align: .left), width: 1000)[0].width
        var wrapped = 0
        for width in stride(from: natural + 1, through: 200, by: 3) {
            let lines = try shaper.shape(text, style: Fixture.style(align: .left), width: width)
            if lines.count > 1 { wrapped += 1 }
            #expect(lines.contains { squeezed($0.text).contains(squeezed(unit)) },
                    "'\(unit)' split at \(width) pt: \(lines.map(\.text))")
        }
        #expect(wrapped > 5, "the text must wrap at many of the widths tried")
    }

    @Test func justifiedGapsStayWithinTheLimit() throws {
        var style = Fixture.style()
        style.maxGap = 0.4
        style.maxLetterGap = 0.2
        // Long words in a narrow column: plain justification would open huge gaps.
        let lines = try shaper.shape("지역사회혁신계획 협치분과체제 운영방안을 효율적으로 논의하였습니다 그리고 다시", style: style, width: 120)
        #expect(lines.count >= 3)
        var widened = 0
        for line in lines.dropLast() {
            #expect(line.x + line.width <= 120.5)
            // Each gap, measured: how much further each glyph stands from the next than it
            // would in the same text set loose (left aligned, nothing stretched).
            let characters = Array(line.text.trimmingCharacters(in: .whitespaces))
            let loose = try shaper.shape(String(characters), style: Fixture.style(align: .left), width: 1000)
            let set = glyphX(line), natural = glyphX(loose[0])
            try #require(set.count == characters.count && natural.count == characters.count, "\(line.text)")
            let extra: [Double] = (0..<(set.count - 1)).map { k in
                let drawn: Double = set[k + 1] - set[k], plain: Double = natural[k + 1] - natural[k]
                return drawn - plain
            }
            // Every gap after a letter opens by the same amount, at most the letter limit; a
            // space opens by that and at most the word-gap limit besides.
            let letter: Double = extra.indices.filter { characters[$0] != " " }.map { extra[$0] }.max() ?? 0
            #expect(letter <= style.maxLetterGap * style.size + 0.01,
                    "letters of '\(line.text)' opened by \(letter) pt")
            for k in extra.indices where characters[k] == " " {
                #expect(extra[k] - letter <= style.maxGap * style.size + 0.01,
                        "a space of '\(line.text)' opened by \(extra[k] - letter) pt more than its letters")
            }
            if extra.contains(where: { $0 > 0.1 }) { widened += 1 }
        }
        #expect(widened > 0, "some line must be stretched, or no gap was checked")
    }

    /// Where each glyph of a line stands from the line's start, as the writer will draw it.
    func glyphX(_ line: Line) -> [Double] {
        line.runs.flatMap { $0.glyphs.map(\.x) }
    }
}

@Suite struct SpacingTests {
    let context = Fixture.context()

    @Test func letterSpacingWidensATitleWithoutTypedSpaces() throws {
        var plain = Fixture.style(size: 20, align: .left)
        var spaced = plain
        spaced.tracking = 0.5
        plain.tracking = 0
        let a = try context.shaper.shape("감사장", style: plain, width: 500)[0]
        let b = try context.shaper.shape("감사장", style: spaced, width: 500)[0]
        #expect(b.text == "감사장")
        #expect(abs((b.width - a.width) - 2 * 0.5 * 20) < 1, "0.5em between each pair of the three letters")
    }

    @Test func lineSpacingIsAPercentageOfTheSize() throws {
        var style = Fixture.style(size: 10)
        style.lineSpacing = 1.6
        let paragraph = Paragraph(String(repeating: "줄 간격은 글자 크기의 백육십 퍼센트입니다 ", count: 8), style: style)
        guard case .whole(let frame) = try paragraph.layout(in: Region(width: 150, height: 1000, fresh: true), context) else {
            Issue.record("did not fit")
            return
        }
        let ys = frame.lines.map(\.0.y)
        #expect(ys.count > 3)
        for (a, b) in zip(ys, ys.dropFirst()) { #expect(abs(b - a - 16) < 0.01) }
    }
}
