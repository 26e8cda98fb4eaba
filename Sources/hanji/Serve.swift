// `hanji serve` and `hanji user add`: the year folder as a web application for the office,
// and its accounts.
import ArgumentParser
import Foundation
import Hanji
import HanjiModel
import HanjiServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a year folder as a web application for the office.",
        usage: "hanji serve <folder> [--host 127.0.0.1] [--port 8080]",
        discussion: """
            Officers open http://HOST:PORT/ in a browser, log in (accounts: `hanji
            user add`), fill in meetings in a form with the pages previewed as they
            type, and print every document. Saves go into the folder's YAML files
            (the previous version kept in .hanji/history/, each save logged in
            .hanji/audit.log), so the command line and git keep working beside it.
            Listens on loopback unless --host says otherwise; on an office network
            put nginx with TLS in front (see the README). SIGTERM or Ctrl-C stops it
            once the requests under way have finished.
            Examples:
              hanji serve examples/yeongdeungpo-2018
              hanji serve /srv/hanji/2026 --port 8081
            """)

    @Argument(help: "The year folder (year.yaml, the meetings' records, photos/).")
    var folder: String

    @Option(help: "The address to listen on (127.0.0.1: this machine only; 0.0.0.0: every network).")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed).")
    var port = 8080

    func run() throws {
        try Runner.run {
            let accounts = try Accounts(folder: URL(fileURLWithPath: folder))
            if accounts.isEmpty {
                Runner.warn(["warning: no accounts yet: add one with `hanji user add NAME --folder \(folder)`"])
            }
            let server = try Server(folder: URL(fileURLWithPath: folder), host: host, port: port,
                                    web: Home.folder?.appendingPathComponent("web"))
            // The server stops gracefully on SIGTERM and SIGINT itself: the command line's own
            // handlers (which exit at once) step aside.
            for source in Interrupts.sources { source.cancel() }
            Interrupts.sources = []
            let done = DispatchSemaphore(value: 0)
            let failure = Failure()
            Task {
                do {
                    try await server.run { port in
                        print("hanji: serving \(folder) at http://\(host):\(port)/ (Ctrl-C stops)")
                        fflush(nil)
                    }
                } catch {
                    failure.error = error
                }
                done.signal()
            }
            done.wait()
            if let error = failure.error { throw error }
        }
    }

    final class Failure: @unchecked Sendable { var error: (any Error)? }
}

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage the accounts of a served folder.", subcommands: [UserAdd.self])
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an account (or set its password and role), the password read from standard input.",
        usage: "printf '%s\\n' \"$PASSWORD\" | hanji user add <name> --folder <folder> [--role editor|reader]",
        discussion: """
            An editor edits records and prints both editions; a reader reads and
            prints public editions only. The password (at least 8 characters) is
            read from standard input, never from the command line, and stored only
            as a scrypt hash in FOLDER/.hanji/users.
            Examples:
              hanji user add 김담당 --folder /srv/hanji/2026
              hanji user add 열람자 --folder /srv/hanji/2026 --role reader
            """)

    @Argument(help: "The person's name, as they log in.")
    var name: String

    @Option(help: "The served year folder.")
    var folder: String

    @Option(help: "editor or reader.")
    var role: Role = .editor

    func validate() throws {
        guard Accounts.valid(name: name) else {
            throw ValidationError("a name is 1 to 64 characters, with no tab, newline or spaces around it")
        }
    }

    func run() throws {
        try Runner.run {
            if isatty(0) != 0 { try? FileHandle.standardError.write(contentsOf: Data("password: ".utf8)) }
            guard let line = readLine(strippingNewline: true), line.count >= 8 else {
                throw InputError("no password of at least 8 characters on standard input", at: nil, path: "",
                                 hint: "printf '%s\\n' \"$PASSWORD\" | hanji user add \(name) --folder \(folder)")
            }
            var accounts = try Accounts(folder: URL(fileURLWithPath: folder))
            try accounts.set(name, role: role, password: line)
            print("\(name): \(role == .editor ? "editor" : "reader") account saved in \(folder)/.hanji/users")
        }
    }
}

extension Role: ExpressibleByArgument {}
