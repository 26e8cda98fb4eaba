import CPangoCairo
import Foundation

/// The fonts Hanji may use: a private fontconfig configuration over the project's `fonts/`
/// folder and the Debian font packages it installs, so a font installed elsewhere on the
/// machine never changes the output.
public final class Fonts {
    /// Folders of the Debian font packages the project installs (fonts-nanum, fonts-dejavu-core,
    /// fonts-noto-cjk: Noto Serif and Sans CJK, picked from their .ttc files by family name).
    public static let packageFolders = ["/usr/share/fonts/truetype/nanum", "/usr/share/fonts/truetype/dejavu",
                                        "/usr/share/fonts/opentype/noto"]

    let config: OpaquePointer
    /// Every family name the configuration knows, sorted.
    public let families: [String]
    public let folders: [String]
    /// The fonts of the user's own folders (not the packages'): each file with its family names.
    public let own: [(file: String, families: [String])]
    /// Files of the user's own folders that look like fonts but fontconfig could not read.
    public let unreadable: [String]

    /// Builds the configuration from `folders` (the user's own) plus the package folders.
    /// `language` names the fonts' families to Pango and Cairo (fontconfig's `namelang`): pinned,
    /// so FC_LANG, LANG or LC_ALL never change what a font is called, nor the bytes printed.
    public init(folders: [URL], language: String = "en") throws {
        let all = Fonts.chosen(folders)
        self.folders = all
        let cache = (ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache"))
            .appendingPathComponent("hanji/fontconfig").path
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig>
            \(all.map { "  <dir>\(escape($0))</dir>" }.joined(separator: "\n"))
              <cachedir>\(escape(cache))</cachedir>
              <match target="pattern">
                <edit name="namelang" mode="assign" binding="strong"><string>\(escape(language))</string></edit>
              </match>
            </fontconfig>
            """
        guard let config = FcConfigCreate() else { throw FontError.setup("FcConfigCreate failed") }
        self.config = config
        guard FcConfigParseAndLoadFromMemory(config, xml, 1) != 0, FcConfigBuildFonts(config) != 0 else {
            throw FontError.setup("fontconfig could not load the font folders \(all.joined(separator: ", "))")
        }
        // Cairo and Pango also ask fontconfig's current configuration (Cairo for font options,
        // Pango's start-up thread to load it). Made current, this one is the only one: the
        // machine's /etc/fonts rules never apply, and the system's fonts are never loaded.
        FcConfigSetCurrent(config)
        var names = Set<String>()
        var files: [String: [String]] = [:]
        if let set = FcConfigGetFonts(config, FcSetSystem) {
            for i in 0..<Int(set.pointee.nfont) {
                guard let pattern = set.pointee.fonts[i] else { continue }
                let found = Fonts.families(of: pattern)
                names.formUnion(found)
                var file: UnsafeMutablePointer<FcChar8>?
                if FcPatternGetString(pattern, "file", 0, &file) == FcResultMatch, let file {
                    let path = String(cString: file)
                    for name in found where !(files[path] ?? []).contains(name) {
                        files[path, default: []].append(name)
                    }
                }
            }
        }
        families = names.sorted()
        let mine = all.filter { !Fonts.packageFolders.contains($0) }
        own = files.filter { file, _ in mine.contains { file.hasPrefix($0 + "/") } }.sorted { $0.key < $1.key }
            .map { (file: $0.key, families: $0.value) }
        unreadable = Fonts.fontFiles(in: mine).filter { files[$0] == nil }
    }

    deinit { FcConfigDestroy(config) }

    /// Every family name of a font's pattern: a Nanum font is both `NanumGothic` and `나눔고딕`.
    static func families(of pattern: OpaquePointer) -> [String] {
        var names: [String] = []
        var value: UnsafeMutablePointer<FcChar8>?
        while FcPatternGetString(pattern, "family", Int32(names.count), &value) == FcResultMatch, let value {
            names.append(String(cString: value))
        }
        return names
    }

    /// The files under `folders` whose extension says they hold fonts, sorted.
    static func fontFiles(in folders: [String]) -> [String] {
        let kinds: Set<String> = ["ttf", "otf", "ttc", "otc", "woff", "woff2", "eot", "pfa", "pfb", "dfont",
                                  "zip", "7z"]
        return folders.flatMap { folder -> [String] in
            let found = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
            return found.filter { kinds.contains(($0 as NSString).pathExtension.lowercased()) }
                .map { (folder as NSString).appendingPathComponent($0) }
        }.sorted()
    }

    /// The folders fonts are read from: those of `folders` that exist, then the package folders.
    static func chosen(_ folders: [URL]) -> [String] {
        folders.map(\.path).filter { FileManager.default.fileExists(atPath: $0) } + Fonts.packageFolders
    }

    /// Whether `family` (compared without case, as fontconfig does) is available.
    public func has(_ family: String) -> Bool {
        let wanted = family.trimmingCharacters(in: .whitespaces).lowercased()
        return families.contains { $0.lowercased() == wanted }
    }
}

/// A problem with fonts or glyphs.
public enum FontError: Error, CustomStringConvertible {
    case setup(String)
    /// No font of the chain has this character.
    case missingGlyph(Character, text: String, fonts: String)

    public var description: String {
        switch self {
        case .setup(let s): return s
        case .missingGlyph(let c, let text, let fonts):
            return "no font has the character \(FontError.describe(c)) (fonts tried: \(fonts))"
                + " in \"\(text.prefix(40))\""
        }
    }

    /// `'' U+E000`, with the code points of every scalar.
    public static func describe(_ c: Character) -> String {
        let points = c.unicodeScalars.map { String(format: "U+%04X", $0.value) }.joined(separator: " ")
        let visible = c.unicodeScalars.allSatisfy {
            $0.properties.generalCategory != .control && $0.properties.generalCategory != .privateUse
        }
        return visible ? "'\(c)' \(points)" : points
    }
}

/// Fonts set up on another thread while the command reads its record and spec: fontconfig's
/// start (reading the font folders' caches) then costs no time of its own.
///
/// Unchecked, as `Fonts` holds a C pointer: `folders` never changes, and `result` is written
/// once, by the background block before it signals `done`, and read only after `done.wait()`
/// (which signals again for the next reader), so the semaphore orders the one write before
/// every read. The background block never touches the `Fonts` it made after signalling.
public final class FontsAhead: @unchecked Sendable {
    let folders: [URL]
    let done = DispatchSemaphore(value: 0)
    var result: Result<Fonts, Error>?

    /// Starts building the fonts of `folders` (the ones a spec is expected to name).
    public init(folders: [URL]) {
        self.folders = folders
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { try Fonts(folders: folders) }
            self.done.signal()
        }
    }

    /// The fonts of `folders`: the ones started ahead when they read the same font folders,
    /// otherwise built now (after the early ones are done, so only one configuration is current).
    public func fonts(for folders: [URL]) throws -> Fonts {
        done.wait()
        done.signal()
        guard let result, Fonts.chosen(folders) == Fonts.chosen(self.folders) else {
            return try Fonts(folders: folders)
        }
        return try result.get()
    }
}
