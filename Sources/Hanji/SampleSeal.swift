import Foundation
import HanjiModel

/// The sample seal (견본) `hanji init` puts into a new year, known by its bytes, not its name.
public enum SampleSeal {
    /// The size and FNV-1a fingerprint of templates/new-year/seal.png (made by
    /// templates/make-sample-seal.sh); a test keeps them equal to the template's.
    static let size = 59064
    static let fingerprint: UInt64 = 0x9836_87c6_48c8_85ed

    /// The FNV-1a (64-bit) fingerprint of `data`.
    public static func fingerprint(of data: Data) -> UInt64 {
        data.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }

    /// Whether `data` is the sample seal.
    public static func isSample(_ data: Data) -> Bool {
        data.count == size && fingerprint(of: data) == fingerprint
    }

    /// A warning when the year's seal is the sample, at the year record's `seal:` line.
    public static func warning(_ year: Year) -> InputError? {
        guard let seal = year.organisation.seal, let folder = year.folder,
              let data = try? Data(contentsOf: folder.appendingPathComponent(seal)), isSample(data) else { return nil }
        let field = year.origin.flatMap { try? Field.parse($0.text, file: $0.file) }?.scalars()
            .first { $0.path == "organisation.seal" }
        return InputError("the seal is Hanji's sample (견본): replace \(seal) with your organisation's seal",
                          at: field?.location, path: "organisation.seal",
                          hint: "scan the seal (직인) as a PNG with a transparent background").asWarning
    }
}
