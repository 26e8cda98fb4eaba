// The content rewriting of the finishing pass on hand-written streams in Cairo 1.16's shape.
import Foundation
@testable import HanjiRender
import Testing

@Suite("Finishing pass: content marking")
struct FinishContentTests {
    func rewrite(_ text: String, orphans: Set<Int> = []) -> String {
        String(decoding: ContentMarker(orphans: orphans).rewrite(Array(text.utf8)), as: UTF8.self)
    }

    @Test("an untagged run that paints is one artifact, Cairo's inline ActualText span inside it")
    func run() {
        let page = """
            q
            BT
            /f-0-0 1 Tf
            [<0001>]TJ
            /Span << /ActualText <feff0020> >> BDC
            EMC
            [<0002>]TJ
            ET
            /P << /MCID 0 >> BDC
            BT
            [<0003>]TJ
            ET
            EMC
            0 0 10 10 re f
            Q

            """
        #expect(rewrite(page) == """
            /Artifact BMC
            q
            BT
            /f-0-0 1 Tf
            [<0001>]TJ
            /Span << /ActualText <feff0020> >> BDC
            EMC
            [<0002>]TJ
            ET
            EMC
            /P << /MCID 0 >> BDC
            BT
            [<0003>]TJ
            ET
            EMC
            /Artifact BMC
            0 0 10 10 re f
            Q
            EMC

            """)
    }

    @Test("a run that paints nothing stays as it is; an orphaned MCID becomes an artifact")
    func orphan() {
        let page = "q\n1 0 0 1 0 0 cm\n/Document << /MCID 0 >> BDC\nBT\n(a)Tj\nET\nEMC\nQ\n"
        #expect(rewrite(page) == page)
        #expect(rewrite(page, orphans: [0]) == "q\n1 0 0 1 0 0 cm\n/Artifact BMC\nBT\n(a)Tj\nET\nEMC\nQ\n")
    }

    @Test("painting operators are told from names, strings and numbers", arguments: [
        ("0 0 m 10 10 l S", true), ("/S gs", false), ("(S f B) Tj", true), ("(S f B) Tw", false),
        ("<0066> Tf", false), ("10 10 re f*", true), ("/a0 Do", true), ("[(f) 3 (S)] TJ", true),
        ("1 0 0 1 5 5 cm", false), ("S Q", true),
    ])
    func painting(line: String, paints: Bool) {
        #expect(ContentMarker.paints(ArraySlice(Array(line.utf8))) == paints, "\(line)")
    }
}
