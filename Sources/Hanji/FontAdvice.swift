import Foundation
import HanjiModel
import HanjiText

/// What to tell someone whose style names a font family no configured font has.
extension Fonts {
    /// The hint for the missing `family`: the nearest family (a file named like it gives its
    /// family), what each file of the user's font folders is called, and every family there is.
    public func advice(for family: String, folder: String) -> String {
        var parts: [String] = []
        if own.isEmpty {
            parts.append("\(folder) holds no font that fontconfig reads; put the .ttf or .otf file there")
        } else {
            let files = own.map { font in
                "\((font.file as NSString).lastPathComponent) → \(font.families.joined(separator: ", "))"
            }
            parts.append("\(folder) holds \(files.joined(separator: "; ")) (a style names the family, not the file)")
        }
        parts.append("available: \(families.joined(separator: ", "))")
        return (likely(family).map { "did you mean '\($0)'? " } ?? "") + parts.joined(separator: "; ")
    }

    /// The family meant by `family`: that of a user's font file of the same name (without its
    /// style, case or punctuation), else the nearest family name by spelling.
    func likely(_ family: String) -> String? {
        func key(_ s: String) -> String { String(s.lowercased().filter { $0.isLetter || $0.isNumber }) }
        let wanted = key(family)
        let named = own.first { font in
            let stem = key(((font.file as NSString).lastPathComponent as NSString).deletingPathExtension)
            return !wanted.isEmpty && (stem == wanted || stem.hasPrefix(wanted) || wanted.hasPrefix(stem))
        }
        if let named, let first = named.families.first { return first }
        let keyed = Dictionary(families.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        return nearest(wanted, in: keyed.keys.sorted()).flatMap { keyed[$0] }
    }

    /// A warning for each file of the user's font folders that fontconfig could not read.
    public var unreadableWarnings: [String] {
        unreadable.map { file in
            let kind = (file as NSString).pathExtension.lowercased()
            let fix = ["zip", "7z"].contains(kind) ? "unpack it and put its .ttf or .otf files into the folder"
                : ["woff", "woff2", "eot"].contains(kind) ? "use the font's .ttf or .otf file instead of this web font"
                : "the file is damaged or not a font: download it again"
            return "\(file): fontconfig cannot read this font file, so no style can use it; \(fix)"
        }
    }
}
