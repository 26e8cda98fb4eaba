import Foundation
import Hanji
import HanjiLayout
import HanjiTestSupport
import Testing

/// The 결재란 (approval box) and the closing lines, placed by the spec.
@Suite struct ApprovalTests {
    @Test func approvalBoxGeometryComesFromTheSpec() throws {
        let spec = try Fixture.spec()
        let document = try Composer(for: spec).minutes(try Fixture.meeting(), spec: spec)
        let page = document.pages[0]
        let right = spec.page.size.width - spec.page.margins.right
        func centre(_ text: String) throws -> Double {
            let line = try #require(page.frame.lines.first { $0.1.text == text }, "\(text) missing")
            return line.0.x + line.1.width / 2
        }
        // Columns of 20mm, right-aligned: 과장 centred 10mm from the right edge, then 30mm, 50mm.
        #expect(abs(try centre("과장") - (right - 10 * mm)) < 1)
        #expect(abs(try centre("팀장") - (right - 30 * mm)) < 1)
        #expect(abs(try centre("담당") - (right - 50 * mm)) < 1)
        // The header cell reads 결 over 재.
        let gyeol = try #require(page.frame.lines.first { $0.1.text == "결" })
        let jae = try #require(page.frame.lines.first { $0.1.text == "재" })
        #expect(abs(gyeol.0.x - jae.0.x) < 0.5 && jae.0.y > gyeol.0.y)
        // The box's outer frame: 68mm wide, and the signature row at least 16mm high.
        let verticals = page.frame.items.compactMap { p, item -> (Double, Double)? in
            if case .rule(let to, _, _) = item, abs(to.x) < 0.01, p.y < 60 * mm { return (p.x, to.y) } else { return nil }
        }
        let xs = verticals.map(\.0)
        #expect(abs((xs.max() ?? 0) - (xs.min() ?? 0) - 68 * mm) < 0.5)
        #expect((verticals.map(\.1).max() ?? 0) >= 16 * mm)
    }

    @Test func diagonalMarksACellNoOneSigns() throws {
        var cell = Cell(Empty(), padding: .zero)
        cell.diagonal = true
        let table = Table(columns: [.fixed(40)], rows: [Row([cell], minHeight: 30)])
        guard case .whole(let frame) = try table.layout(in: Region(width: 100, height: 100, fresh: true), Fixture.context()) else {
            Issue.record("did not fit")
            return
        }
        let diagonals = frame.items.filter { _, item in
            if case .rule(let to, _, _) = item { return abs(to.x) > 1 && abs(to.y) > 1 } else { return false }
        }
        #expect(diagonals.count == 1)
        #expect(frame.size.height == 30)
    }

    @Test func minutesCloseWithEndMarkAndSignatureLines() throws {
        let spec = try Fixture.spec()
        let document = try Composer(for: spec).minutes(try Fixture.meeting(), spec: spec)
        let last = document.pages.last!.frame.lines.map { $0.1.text.trimmingCharacters(in: .whitespaces) }
        let end = try #require(last.firstIndex(of: "끝."))
        let signed = last[end...]
        #expect(signed.contains("작성일: 2018. 11. 23."))
        #expect(signed.contains("작성자: 협치지원관   (서명)"))
        #expect(signed.contains("확인자: 협치조정관 타래빛   (서명)"))
    }
}
