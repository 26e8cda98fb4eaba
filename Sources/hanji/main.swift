// The command line: `hanji minutes | signin | new | program | certificates | booklet | check | watch | init | fonts`.
// Each command reads its inputs, hands them to the Hanji façade and reports what came of it.
import ArgumentParser
import Foundation
import Hanji
import HanjiLayout
import HanjiModel
import HanjiRender
import HanjiSpec
import HanjiText

struct HanjiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hanji",
        abstract: "Prints the paperwork of Korean public governance bodies as A4 PDFs.",
        discussion: """
            Exit codes: 0 done, 1 the input is wrong, 2 usage, 3 internal error,
            130 or 143 interrupted (nothing half-written is left). Warnings keep 0
            unless --strict.
            Start a year with `hanji init DIR`; `hanji check` finds every mistake
            before printing.
            Layouts are looked for beside the record (layouts/), in $HANJI_LAYOUTS,
            in ./layouts, then among Hanji's own files: share/hanji beside the
            program's bin/ folder (/usr/share/hanji from the Debian package), or the
            checkout of a program run from its .build/ folder.
            """,
        version: Version.number,
        subcommands: [MinutesCommand.self, SigninCommand.self, NewCommand.self,
                      ProgramCommand.self, CertificatesCommand.self, BookletCommand.self, CheckCommand.self,
                      WatchCommand.self, InitCommand.self, FontsCommand.self, ServeCommand.self,
                      UserCommand.self])

    /// Runs the command with the documented exit codes: 0 done, 1 input wrong, 2 usage, 3 internal.
    static func main() {
        Interrupts.install()
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
            try? FileHandle.standardError.write(contentsOf: Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

HanjiCommand.main()
