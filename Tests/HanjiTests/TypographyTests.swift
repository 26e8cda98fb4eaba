import Foundation
import Hanji
import HanjiLayout
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
        var previous: (handle: ObjectIdentifier, text: String)?
        var pairs = 0
        for page in document.pages {
            for (_, line) in page.frame.lines {
                let id = ObjectIdentifier(line.handle)
                if let p = previous, p.handle == id {
                    pairs += 1
                    #expect(!(Self.isHangul(p.text.last) && Self.isHangul(line.text.first)),
                            "word broken: '\(p.text)' / '\(line.text)'")
                }
                previous = (id, line.text)
            }
        }
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
