import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiSpec
import Testing

/// Blocks kept together: the closing block of the minutes (끝., 작성일, 작성자, 확인자) never
/// splits across pages, and `keep: together` in a spec keeps any group on one page.
@Suite struct KeepTests {
    /// The first-year record `hanji init` writes.
    static let firstYear = Fixture.root.appendingPathComponent("templates/new-year/minutes-01.yaml")

    /// The 1-based pages that hold each line of the closing block, by the line's start.
    static func closingPages(_ document: Document) -> [String: Set<Int>] {
        var found: [String: Set<Int>] = [:]
        for page in document.pages {
            for (_, line) in page.frame.lines {
                let text = line.text.trimmingCharacters(in: .whitespaces)
                for start in ["끝.", "작성일", "작성자", "확인자"] where text.hasPrefix(start) {
                    found[start, default: []].insert(page.number)
                }
            }
        }
        return found
    }

    /// Every line of the closing block is printed once, all four on one page; returns that page.
    @discardableResult
    static func expectTogether(_ document: Document, _ what: String,
                               sourceLocation: SourceLocation = #_sourceLocation) -> Int? {
        let found = closingPages(document)
        let pages = Set(found.values.flatMap { $0 })
        #expect(found.count == 4 && found.values.allSatisfy { $0.count == 1 },
                "\(what): closing lines \(found)", sourceLocation: sourceLocation)
        #expect(pages.count == 1, "\(what): the closing block is split over pages \(pages.sorted()): \(found)",
                sourceLocation: sourceLocation)
        return pages.count == 1 ? pages.first : nil
    }

    @Test func firstYearPublicMinutesKeepTheClosingBlockTogether() throws {
        let spec = try Fixture.spec()
        let meeting = try Meeting.load(Self.firstYear)
        let document = try Composer(for: spec).minutes(meeting, spec: spec, edition: .public)
        Self.expectTogether(document, "first-year minutes, public edition")
    }

    /// The first-year record with `extra` more one-line remarks in its transcript.
    static func grown(_ extra: Int, base: String) -> String {
        let turns = (0..<extra).map { "      - 협치조정관: 추가 의견 \($0 + 1)번을 기록합니다.\n" }.joined()
        return base.replacingOccurrences(of: "    transcript:                 # `title (or name): remark`; each line is a paragraph\n",
                                         with: "    transcript:\n" + turns)
    }

    @Test func closingBlockStaysTogetherAsTheRecordGrows() throws {
        let spec = try Fixture.spec()
        let composer = try Composer(for: spec)
        let base = try String(contentsOf: Self.firstYear, encoding: .utf8)
        #expect(Self.grown(1, base: base) != base, "the record's transcript line changed; update grown(_:base:)")
        var closing: [Edition: Set<Int>] = [:]
        var counts: [Int] = []
        for extra in 0...64 {
            let meeting = try Fixture.meeting(Self.grown(extra, base: base))
            for edition in [Edition.official, .public] {
                let document = try composer.minutes(meeting, spec: spec, edition: edition)
                if edition == .official { counts.append(document.pages.count) }
                if let page = Self.expectTogether(document, "\(edition) edition, \(extra) extra remarks") {
                    closing[edition, default: []].insert(page)
                }
            }
        }
        // The steps moved the block across both page breaks: pages 1, 2 and 3 each held it.
        #expect(closing[.official] == [1, 2, 3], "the closing block stood on pages \(closing)")
        #expect(closing[.public]?.isSuperset(of: [2, 3]) == true, "the closing block stood on pages \(closing)")
        #expect(counts.first == 1 && counts.last == 3, "pages per step: \(counts)")
    }
}
