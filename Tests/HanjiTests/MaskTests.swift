import Foundation
import Hanji
import HanjiModel
import HanjiSpec
import HanjiTestSupport
import Testing

/// The public edition's masking: names followed by particles, the copula and titles, paths left
/// alone, extra people and other spellings from the record, and words kept with a warning.
@Suite struct MaskTests {
    static let record = try! String(contentsOf: Fixture.example, encoding: .utf8)
    let mask = Mask(names: ["한부영", "김하나"], pattern: "ㅇㅇㅇ")

    /// The example record with its remarks set to `remarks` and `extra` appended.
    static func record(remarks: String, extra: String = "") -> String {
        record.replacingOccurrences(of: "remarks: \"\"", with: "remarks: \"\(remarks)\"") + extra
    }

    /// Line and column (1-based) of the first `word` in `text`, as an error names them.
    static func place(of word: String, in text: String) -> String {
        let lines = text.lines(keepEmpty: true)
        let line = lines.firstIndex { $0.contains(word) }!
        let column = lines[line].distance(from: lines[line].startIndex, to: lines[line].range(of: word)!.lowerBound)
        return "\(line + 1):\(column + 1)"
    }

    /// After a name that ends in a consonant (한부영): case and auxiliary particles, the copula,
    /// titles and honorifics, and chains of them.
    @Test(arguments: ["한테", " 씨", "씨", "선생님", "입니다", "으로부터", "에", "에게서", "대표", "이었습니다", "이", "은", "을",
                      "의", "과", "께", "께서", "에게", "에게는", "께서는", "으로부터의", "으로", "하고", "이랑", "도", "만",
                      "까지", "부터", "조차", "마저", "이나", "이든지", "보다", "처럼", "같이", "마다", "밖에", "뿐",
                      "이다", "이며", "이고", "이라고", "이에요", "이셨습니다", "이었다", "인데", "님", "군", "양",
                      "선생", "위원", "위원장", "분과장", "의원", "회장", "팀장", "과장", "국장", "구청장", "교수",
                      "박사", "사무국장", "위원장님께서는", "분과장님께서", " 분과장님께서는", "대표님이", "씨에게",
                      "선생님이셨습니다", "한테서", "이랑은", "만이라도", "에게만은", "까지도"])
    func maskedAfterAConsonant(suffix: String) {
        #expect(mask.apply("어제 한부영\(suffix) 말했다") == "어제 ㅇㅇㅇ\(suffix) 말했다")
        #expect(mask.apply("한부영\(suffix)") == "ㅇㅇㅇ\(suffix)", "at the start of the text")
    }

    /// After a name that ends in a vowel (김하나): the forms that follow a vowel.
    @Test(arguments: ["가", "를", "는", "와", "로", "로부터", "로서", "예요", "였습니다", "였다", "라고", "다", "야",
                      "랑", "나", "며", "셨습니다", "십니다", "님께서는", "씨가", "입니다", "이다", "한테", "에게서"])
    func maskedAfterAVowel(suffix: String) {
        #expect(mask.apply("어제 김하나\(suffix) 말했다") == "어제 ㅇㅇㅇ\(suffix) 말했다")
    }

    /// A word that starts with a name but goes on with what is no particle, copula or title is
    /// not the name: it stays, and is reported.
    @Test(arguments: ["한부영상", "한부영길", "한부영다", "한부영가", "김하나은행", "김하나이"])
    func keptWhereTheWordIsNotTheName(word: String) {
        let (text, kept) = mask.scan("그 \(word) 앞")
        #expect(text == "그 \(word) 앞")
        #expect(kept.map(\.word) == [word])
    }

    @Test func aNameInsideAWordIsKeptAndReported() {
        let (text, kept) = mask.scan("신한부영, 한부영")
        #expect(text == "신한부영, ㅇㅇㅇ")
        #expect(kept.map(\.word) == ["신한부영"] && kept.map(\.name) == ["한부영"])
    }

    /// Korean documents list names with ㆍ (U+318D, a Hangul letter by Unicode) as the middle dot.
    @Test func namesListedWithTheHangulMiddleDotAreMasked() {
        #expect(mask.apply("김하나ㆍ한부영ㆍ김하나가") == "ㅇㅇㅇㆍㅇㅇㅇㆍㅇㅇㅇ가")
    }

    /// Another script is a word's edge, as the mask before it had it: 故한부영, Mr한부영.
    @Test func aNameAfterHanjaOrLatinStartsAWord() {
        #expect(mask.apply("故한부영 분과장, Mr한부영") == "故ㅇㅇㅇ 분과장, Mrㅇㅇㅇ")
    }

    /// A long run of letters holding the name many times is one word, reported once and cut short.
    @Test func aRunOfNamesIsReportedOnce() {
        let (text, kept) = mask.scan(String(repeating: "한부영", count: 2000))
        #expect(text.count == 6000 && kept.count == 1)
        #expect(kept.first?.word == String(repeating: "한부영", count: 14).prefix(40).description)
        let many = (0..<30).map { Kept(word: "신한부영\($0)", name: "한부영") }
        let warnings = Kept.warnings(many, in: [])
        #expect(warnings.count == 21 && warnings.last?.hasPrefix("10 more words") == true)
    }

    @Test func otherScriptsMaskAsWordsToo() {
        let spellings = [Masked(name: "한부영", also: ["韓富英", "Han Bu-young"])]
        let mask = Mask(names: ["한부영"], also: spellings, pattern: "{first}○○")
        #expect(mask.apply("韓富英 분과장, Han Bu-young, 韓富英은") == "한○○ 분과장, 한○○, 한○○은")
        #expect(mask.apply("Han Bu-youngs") == "Han Bu-youngs")
    }

    /// Photo files are paths, not text: a name in a file name must reach the disk unmasked,
    /// while the caption beside it is masked.
    @Test func aPhotoPathHoldingANamePrintsInThePublicEdition() throws {
        try withTempDir { dir in
            let photos = dir.appendingPathComponent("photos")
            try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: PhotoTests.folder.appendingPathComponent("photos/meeting.jpg"),
                                             to: photos.appendingPathComponent("한부영 발표.jpg"))
            let text = Self.record.replacingOccurrences(of: "  - file: photos/meeting.jpg\n    caption: 분과 회의 전경",
                                                        with: "  - file: \"photos/한부영 발표.jpg\"\n    caption: 한부영 발표")
            var meeting = try Fixture.meeting(text)
            meeting.folder = dir
            meeting.photos = Array(meeting.photos.prefix(1))
            let spec = try Fixture.spec()
            let document = try Composer(for: spec).minutes(meeting, spec: spec, edition: .public)
            let printed = document.text.joined(separator: "\n")
            #expect(printed.contains("ㅇㅇㅇ 발표") && !printed.contains("한부영"))
            let images = document.pages.flatMap { $0.frame.items }
                .filter { if case .image = $0.1 { true } else { false } }
            #expect(images.count == 1)
        }
    }

    /// `mask:` lists people who attend no grid and other spellings of anyone's name.
    @Test func extraPeopleAndOtherSpellingsAreMasked() throws {
        let text = Self.record(remarks: "김기자가 취재함. 韓富英 분과장, Han Bu-young 참석. 박주민 씨 방청.",
                               extra: "mask:\n  - 김기자\n  - name: 한부영\n    also: [韓富英, Han Bu-young]\n  - name: 박주민\n")
        let meeting = try Fixture.meeting(text)
        #expect(meeting.names.contains("김기자") && meeting.names.contains("박주민"))
        let spec = try Fixture.spec()
        let composer = try Composer(for: spec)
        let published = try composer.minutes(meeting, spec: spec, edition: .public).text.joined(separator: "\n")
        for spelling in ["김기자", "韓富英", "Han Bu-young", "박주민", "한부영"] {
            #expect(!squeezed(published).contains(squeezed(spelling)), "\(spelling) printed in the public edition")
        }
        #expect(squeezed(published).contains("ㅇㅇㅇ가취재함.ㅇㅇㅇ분과장,ㅇㅇㅇ참석.ㅇㅇㅇ씨방청."))
        let official = try composer.minutes(meeting, spec: spec).text.joined(separator: "\n")
        #expect(squeezed(official).contains("김기자가취재함.韓富英분과장,HanBu-young참석."))
    }

    /// Each bad entry of `mask:` is an error at its line of the record (`line` counts within `extra`).
    @Test(arguments: [
        ("mask:\n  - 한\n", 2, "one character"),
        ("mask:\n  - 김기자\n  - 김기자\n", 3, "twice"),
        ("mask:\n  - name: 한부영\n    also: [나래솔]\n", 3, "another person"),
        ("mask:\n  - name: 김기자\n    alias: 金\n", 3, "unknown key"),
        ("mask:\n  - name: 김기자\n    also: [\"\"]\n", 3, "empty"),
        ("mask: 김기자\n", 1, "a list"),
    ])
    func badMaskEntriesAreLocated(extra: String, line: Int, saying: String) throws {
        let text = Self.record + extra
        let before = Self.record.lines(keepEmpty: true).count - 1
        let error = #expect(throws: InputError.self) { try Fixture.meeting(text) }
        let description = error?.description ?? ""
        #expect(description.hasPrefix("test.yaml:\(before + line):"), "\(description)")
        #expect(description.contains(saying), "\(description)")
    }

    /// `hanji check` names every bad entry, not only the first.
    @Test func everyBadMaskEntryIsCollected() throws {
        let text = Self.record + "mask:\n  - 한\n  - name: 한부영\n    also: [나래솔, 韓富英]\n  - 김기자\n  - 김기자\n"
        let collector = Collector()
        #expect(throws: InputErrors.self) { try collector.run { try Fixture.meeting(text) } }
        #expect(collector.errors.map(\.path) == ["mask[0]", "mask[1].also[0]", "mask[3]"], "\(collector.errors)")
    }

    /// The booklet (public by default) reports its kept words too, at their place in the year
    /// record or in the meeting record they come from.
    @Test func theBookletReportsKeptWordsWhereTheyStand() throws {
        let folder = BookletTests.yearFile.deletingLastPathComponent()
        let text = try String(contentsOf: BookletTests.yearFile, encoding: .utf8)
            .replacingOccurrences(of: "    이 성과집은 그 과정을", with: "    한부영상을 받은 이 성과집은 그 과정을")
        let year = try Year.read(try Field.parse(text, file: "test-year.yaml"), folder: folder)
        let spec = try Spec.load(BookletTests.bookletSpec)
        let composer = try Composer(for: spec)
        let warnings = try composer.booklet(year, spec: spec).warnings
        let warning = warnings.first { $0.contains("'한부영상을'") }
        #expect(warning?.hasPrefix("test-year.yaml:\(Self.place(of: "한부영상", in: text)):") == true, "\(warnings)")
        #expect(try composer.booklet(year, spec: spec, edition: .official).warnings.isEmpty)
    }

    /// A word kept because it is not the name is reported at its place in the record.
    @Test func aKeptWordIsAWarningAtItsPlaceInTheRecord() throws {
        let text = Self.record(remarks: "올해 한부영상을 받았다.")
        let spec = try Fixture.spec()
        let composer = try Composer(for: spec)
        let document = try composer.minutes(try Fixture.meeting(text), spec: spec, edition: .public)
        let warning = document.warnings.first { $0.contains("한부영상") }
        #expect(warning?.hasPrefix("test.yaml:\(Self.place(of: "한부영상", in: text)):") == true, "\(document.warnings)")
        #expect(warning?.contains("'한부영'") == true)
        #expect(try composer.minutes(try Fixture.meeting(text), spec: spec).warnings.isEmpty,
                "no warning in the official edition")
    }
}
