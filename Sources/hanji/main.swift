// The command line: hanji minutes RECORD.yaml [-o FILE.pdf] [--layout SPEC.yaml] [--public]
import ArgumentParser
import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiRender
import HanjiSpec
import HanjiText

@main
struct HanjiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hanji",
        abstract: "Prints the paperwork of Korean public governance bodies as A4 PDFs.",
        discussion: """
            Exit codes: 0 done, 1 the input is wrong, 2 usage, 3 internal error.
            """,
        subcommands: [MinutesCommand.self, FontsCommand.self])

    /// Runs the command with the documented exit codes: 0 done, 1 input wrong, 2 usage, 3 internal.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Print a meeting's minutes.",
        discussion: """
            Examples:
              hanji minutes examples/yeongdeungpo-2018/minutes-14.yaml
              hanji minutes minutes-14.yaml --public -o out/minutes-14-public.pdf
              hanji minutes minutes-14.yaml --layout my-minutes.yaml --png out/pages
            """)

    @Argument(help: "The meeting record (YAML).")
    var record: String

    @Option(name: .shortAndLong, help: "The PDF to write (default: out/NAME.pdf, NAME-public.pdf for --public).")
    var output: String?

    @Option(help: "The layout spec (default: layouts/minutes.yaml).")
    var layout: String?

    @Flag(name: .customLong("public"), help: "The public edition: personal names masked.")
    var publicEdition = false

    @Option(help: "Also write each page as PNG into this folder.")
    var png: String?

    @Option(help: "Resolution of the PNG pages, in dots per inch.")
    var dpi: Double = 96

    func run() throws {
        try Runner.run {
            let recordURL = URL(fileURLWithPath: record)
            let meeting = try Meeting.load(recordURL)
            for warning in meeting.warnings { FileHandle.standardError.write(Data("\(warning)\n".utf8)) }
            let spec = try Spec.load(try Layouts.find(layout, name: "minutes"))
            let document = try Composer(for: spec).minutes(meeting, spec: spec, edition: publicEdition ? .public : .official)
            for warning in document.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            let name = recordURL.deletingPathExtension().lastPathComponent + (publicEdition ? "-public" : "")
            let target = URL(fileURLWithPath: output ?? "out/\(name).pdf")
            try document.writePDF(to: target)
            if let png { try document.writePNG(to: URL(fileURLWithPath: png), name: name, dpi: dpi) }
            print("\(target.path): \(document.pages.count) pages")
        }
    }
}

struct FontsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fonts",
        abstract: "List the font families Hanji can use.",
        discussion: """
            Hanji sees only the fonts in the spec's font folders (by default fonts/ beside
            layouts/) and the Debian font packages it installs, never other fonts of the machine.
            Examples:
              hanji fonts
              hanji fonts --layout my-minutes.yaml
            """)

    @Option(help: "The layout spec whose font folders to use (default: layouts/minutes.yaml).")
    var layout: String?

    func run() throws {
        try Runner.run {
            let spec = try Spec.load(try Layouts.find(layout, name: "minutes"))
            let fonts = try Fonts(folders: spec.fontFolders)
            for family in fonts.families { print(family) }
            let summary = "(\(fonts.families.count) families from \(fonts.folders.joined(separator: ", ")))\n"
            FileHandle.standardError.write(Data(summary.utf8))
        }
    }
}

/// Finds layout specs: the one named on the command line, else `layouts/` in the current
/// folder, else the layouts that came with Hanji.
enum Layouts {
    static func find(_ given: String?, name: String) throws -> URL {
        if let given { return URL(fileURLWithPath: given) }
        let candidates = [
            ProcessInfo.processInfo.environment["HANJI_LAYOUTS"].map { URL(fileURLWithPath: $0) },
            URL(fileURLWithPath: "layouts"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("layouts"),
        ].compactMap { $0 }.map { $0.appendingPathComponent("\(name).yaml") }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw InputError("no layout spec '\(name).yaml' found", at: nil, path: "",
                             hint: "pass --layout FILE.yaml, or run from the folder that holds layouts/")
        }
        return found
    }
}

/// Runs a command, turning every failure into a message on standard error and an exit code.
enum Runner {
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as InputError {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as LayoutError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        } catch let error as RenderError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(3)
        } catch {
            FileHandle.standardError.write(Data("internal error: \(error)\n".utf8))
            throw ExitCode(3)
        }
    }
}
