import Foundation
import HanjiTestSupport
import Testing

/// An installed Hanji (`PREFIX/bin/hanji` beside `PREFIX/share/hanji`) finds its layouts and
/// templates beside its own executable, wherever the tree is moved and from any folder, with no
/// source checkout; a program with neither says where it looked.
@Suite("EndToEnd: installed like a program")
struct InstallTests {
    /// What `make install` puts under PREFIX, made by hand: the built CLI and Hanji's own files,
    /// the minutes layout's PDF title and the template's year record marked as the installed copies.
    func installed(into prefix: URL) throws {
        let manager = FileManager.default
        let share = prefix.appendingPathComponent("share/hanji")
        try manager.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try manager.createDirectory(at: share, withIntermediateDirectories: true)
        try manager.copyItem(at: hanjiBinary, to: prefix.appendingPathComponent("bin/hanji"))
        for folder in ["layouts", "templates", "fonts"] {
            try manager.copyItem(at: repoRoot.appendingPathComponent(folder), to: share.appendingPathComponent(folder))
        }
        let minutes = share.appendingPathComponent("layouts/minutes.yaml")
        let layout = try String(contentsOf: minutes, encoding: .utf8)
        try #require(layout.contains("title: \"{body} {number}차 회의록\""))
        try layout.replacingOccurrences(of: "title: \"{body}", with: "title: \"INSTALLED {body}")
            .write(to: minutes, atomically: true, encoding: .utf8)
        let year = share.appendingPathComponent("templates/new-year/year.yaml")
        let template = try String(contentsOf: year, encoding: .utf8)
        try (template + "# INSTALLED\n").write(to: year, atomically: true, encoding: .utf8)
    }

    /// An example record and its photos alone in `folder`: no layouts/ beside it.
    func record(in folder: URL) throws -> URL {
        let example = exampleRecord.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: exampleRecord, to: folder.appendingPathComponent("minutes-14.yaml"))
        try FileManager.default.copyItem(at: example.appendingPathComponent("photos"),
                                         to: folder.appendingPathComponent("photos"))
        return folder.appendingPathComponent("minutes-14.yaml")
    }

    @Test("a moved install runs init and minutes from another folder with its own layouts and templates")
    func movedInstall() throws {
        try #require(FileManager.default.isExecutableFile(atPath: hanjiBinary.path), "build the CLI first: swift build")
        try withTempDir { dir in
            try installed(into: dir.appendingPathComponent("first/usr"))
            try FileManager.default.moveItem(at: dir.appendingPathComponent("first"),
                                             to: dir.appendingPathComponent("moved"))
            let hanji = dir.appendingPathComponent("moved/usr/bin/hanji")
            let work = dir.appendingPathComponent("work")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)

            let made = execute(hanji, ["init", "2027"], in: work, unset: ["HANJI_LAYOUTS"])
            try #require(made.status == 0, "\(made)")
            let year = try String(contentsOf: work.appendingPathComponent("2027/year.yaml"), encoding: .utf8)
            #expect(year.hasSuffix("# INSTALLED\n"), "init copied another template than the installed one")
            let copied = work.appendingPathComponent("2027/layouts/minutes.yaml")
            let layout = try String(contentsOf: copied, encoding: .utf8)
            #expect(layout.contains("INSTALLED {body}"), "init copied other layouts than the installed ones")
            let fonts = work.appendingPathComponent("2027/fonts/README.md")
            #expect(FileManager.default.fileExists(atPath: fonts.path))

            let source = try record(in: dir.appendingPathComponent("records"))
            let pdf = work.appendingPathComponent("minutes.pdf")
            let printed = execute(hanji, ["minutes", source.path, "-o", pdf.path], in: work, unset: ["HANJI_LAYOUTS"])
            try #require(printed.status == 0, "\(printed)")
            let info = tool("pdfinfo", [pdf.path])
            #expect(info.stdout.contains("INSTALLED "),
                    "minutes printed by another layout than the installed one:\n\(info.stdout)")
        }
    }

    /// (Its folder's name starts with .build but is no `.build/` of a checkout: the layouts beside
    /// that folder are not Hanji's.)
    @Test("a program with no share/hanji beside it and no checkout says where it looked, exit 1")
    func nothingBeside() throws {
        try #require(FileManager.default.isExecutableFile(atPath: hanjiBinary.path), "build the CLI first: swift build")
        try withTempDir { dir in
            let bin = dir.appendingPathComponent("opt/.buildtools/bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: repoRoot.appendingPathComponent("layouts"),
                                             to: dir.appendingPathComponent("opt/layouts"))
            let hanji = bin.appendingPathComponent("hanji")
            try FileManager.default.copyItem(at: hanjiBinary, to: hanji)
            let source = try record(in: dir.appendingPathComponent("records"))
            let expected = dir.appendingPathComponent("opt/.buildtools/share/hanji").path
            for args in [["init", "2027"], ["minutes", source.path, "-o", "x.pdf"]] {
                let outcome = execute(hanji, args, in: dir, unset: ["HANJI_LAYOUTS"])
                #expect(outcome.status == 1, "\(args[0]): \(outcome)")
                #expect(outcome.stderr.contains(expected), "\(args[0]) does not say where it looked: \(outcome.stderr)")
                #expect(!outcome.stderr.contains("Fatal error"), "\(outcome)")
            }
        }
    }

    @Test("init from an install that lacks its templates names the folder it needs, exit 1, writing nothing")
    func templatesMissing() throws {
        try #require(FileManager.default.isExecutableFile(atPath: hanjiBinary.path), "build the CLI first: swift build")
        try withTempDir { dir in
            let prefix = dir.appendingPathComponent("usr")
            try installed(into: prefix)
            try FileManager.default.removeItem(at: prefix.appendingPathComponent("share/hanji/templates"))
            let hanji = prefix.appendingPathComponent("bin/hanji")
            let outcome = execute(hanji, ["init", "2027"], in: dir, unset: ["HANJI_LAYOUTS"])
            #expect(outcome.status == 1, "\(outcome)")
            #expect(outcome.stderr.contains(prefix.appendingPathComponent("share/hanji/templates/new-year").path))
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("2027").path))
        }
    }

    @Test("make install-files lays out under DESTDIR a tree that prints from elsewhere; make uninstall removes it")
    func makeInstall() throws {
        try #require(FileManager.default.isExecutableFile(atPath: hanjiBinary.path), "build the CLI first: swift build")
        try withTempDir { dir in
            let stage = dir.appendingPathComponent("stage")
            let page = dir.appendingPathComponent("hanji.1")
            try ".TH HANJI 1\n".write(to: page, atomically: true, encoding: .utf8)
            let make = ["make", "-s", "--no-print-directory", "DESTDIR=\(stage.path)", "PREFIX=/opt/hanji",
                        "HANJI=\(hanjiBinary.path)", "MANPAGE=\(page.path)"]
            let made = tool(make[0], Array(make.dropFirst()) + ["install-files"])
            try #require(made.status == 0, "\(made)")

            let prefix = stage.appendingPathComponent("opt/hanji")
            let manager = FileManager.default
            #expect(manager.isExecutableFile(atPath: prefix.appendingPathComponent("bin/hanji").path))
            #expect(manager.fileExists(atPath: prefix.appendingPathComponent("share/man/man1/hanji.1").path))
            for folder in ["layouts", "templates/new-year", "fonts"] {
                let shipped = try manager.contentsOfDirectory(atPath: repoRoot.appendingPathComponent(folder).path)
                let share = prefix.appendingPathComponent("share/hanji/\(folder)")
                let installed = try manager.contentsOfDirectory(atPath: share.path)
                #expect(installed.sorted() == shipped.sorted(), "\(folder)")
            }
            let work = dir.appendingPathComponent("work")
            try manager.createDirectory(at: work, withIntermediateDirectories: true)
            let hanji = prefix.appendingPathComponent("bin/hanji")
            let started = execute(hanji, ["init", "2027"], in: work, unset: ["HANJI_LAYOUTS"])
            try #require(started.status == 0, "\(started)")
            let printed = execute(hanji, ["minutes", "2027/minutes-01.yaml", "-o", "minutes-01.pdf"], in: work)
            #expect(printed.status == 0, "\(printed)")

            let removed = tool(make[0], Array(make.dropFirst()) + ["uninstall"])
            #expect(removed.status == 0, "\(removed)")
            let left = manager.enumerator(atPath: stage.path)?.compactMap { $0 as? String }.filter {
                var folder: ObjCBool = false
                let path = stage.appendingPathComponent($0).path
                return manager.fileExists(atPath: path, isDirectory: &folder) && !folder.boolValue
            }
            #expect(left == [], "make uninstall left files behind")
        }
    }
}
