// TEMPORARY stand-ins until the library's FileCheck, Layouts and Canonical land (branch lib).
import Foundation
import Hanji
import HanjiModel
import HanjiSpec
import Yams

enum Layouts {
    static func find(_ given: String?, name: String, near record: String?) throws -> URL {
        let candidates = [record.map { URL(fileURLWithPath: $0).deletingLastPathComponent().appendingPathComponent("layouts") },
                          URL(fileURLWithPath: "layouts")].compactMap { $0 }.map { $0.appendingPathComponent("\(name).yaml") }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw InputError("no layout \(name)", at: nil)
        }
        return found
    }
}

struct FileCheck {
    var composer: (Spec) throws -> Composer
    func check(_ url: URL, text: String?) -> (errors: [InputError], warnings: [InputError]) {
        do {
            let root = try Field.parse(text ?? "", file: url.path)
            if RecordKind.of(url, root: root) == .meeting { _ = try Meeting.read(root) }
            return ([], [])
        } catch let e as InputError { return ([e], []) } catch let e as InputErrors { return (e.errors, []) } catch {
            return ([InputError("\(error)", at: nil)], [])
        }
    }
}

enum Canonical {
    static func json(yaml: String, file: String) throws -> String { "{}" }
    static func yaml(json: String) throws -> String { json }
}
