import Foundation
import Hanji
import HanjiModel
import HanjiSpec
import Synchronization
import Testing
import HanjiTestSupport

/// Composers on several threads: one each, over the same fonts.
@Suite("Composers on two threads")
struct ThreadTests {
    /// Writes document `n` (0: the example minutes, streamed; 1: the example year's programme)
    /// with a composer of its own over `fonts`, and returns the PDF's bytes.
    static func write(_ n: Int, fonts: SharedFonts, into dir: URL) throws -> Data {
        let composer = try Composer(sharing: fonts)
        let pdf = dir.appendingPathComponent("\(n)-\(UUID().uuidString).pdf")
        if n == 0 {
            let spec = try Fixture.spec()
            _ = try composer.minutes(try Fixture.meeting(), spec: spec, to: Output(pdf: pdf))
        } else {
            let spec = try Spec.load(BatchTests.programSpec)
            try composer.program(try Year.load(BatchTests.yearFile), spec: spec).writePDF(to: pdf)
        }
        return try Data(contentsOf: pdf)
    }

    @Test("two composers on two threads print two documents at once, each byte for byte as it prints alone")
    func twoAtOnce() throws {
        try withTempDir { dir in
            let fonts = try Composer(for: try Fixture.spec()).shared
            let alone = try [0, 1].map { try Self.write($0, fonts: fonts, into: dir) }
            #expect(alone[0] != alone[1])
            for _ in 0..<2 {
                let results = Mutex<[Int: Result<Data, any Error>]>([:])
                let group = DispatchGroup()
                for n in [0, 1] {
                    DispatchQueue.global().async(group: group) {
                        let result = Result { try Self.write(n, fonts: fonts, into: dir) }
                        results.withLock { $0[n] = result }
                    }
                }
                group.wait()
                for n in [0, 1] {
                    let bytes = try #require(try results.withLock { $0[n] }?.get())
                    #expect(bytes == alone[n], "document \(n) printed on its own thread differs")
                }
            }
        }
    }
}
