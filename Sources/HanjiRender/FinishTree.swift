import HanjiLayout

/// Cairo's structure tree completed from the canvas's tags: Cairo 1.16 writes neither
/// attributes nor one element over pages, so the tree is walked in pre-order (the order the
/// tags were opened) beside `[Tag]`, and each element gets its alternative text, its table
/// scope and spans; an element marked `continued` is joined to the one before it of the same
/// role at the same depth (its content moved over, the parent tree pointed at the one kept).
struct StructureTree {
    let pdf: QPDFFile
    typealias Handle = QPDFFile.Handle

    /// Marked content of a page (its object number) that an element lists.
    struct Listed: Hashable {
        var page: Int32, mcid: Int
    }

    /// Completes the tree and returns the marked content its elements list; throws when it does
    /// not match the tags one for one.
    func complete(_ tags: [Tag]) throws -> Set<Listed> {
        let root = pdf.key(pdf.root, "/StructTreeRoot")
        guard pdf.isDictionary(root) else {
            // Cairo writes no tree for a document that drew nothing inside its one element.
            if tags.allSatisfy({ $0.role == .document }) { return [] }
            throw RenderError.finishing("structure tree", "the PDF has no structure tree, but \(tags.count) tags")
        }
        let elements = preorder(pdf.key(root, "/K"))
        guard elements.count == tags.count else {
            throw RenderError.finishing("structure tree", "the PDF has \(elements.count) structure elements, "
                                        + "the pages opened \(tags.count)")
        }
        // The element each kept (role, depth) was last seen in; and where joined ones went.
        var last: [String: Handle] = [:]
        var joined: [Int32: Handle] = [:]
        // The parents that lose joined children, with the children's ids: each parent's /K is
        // rebuilt once at the end (erasing one by one is quadratic in a table continued over
        // hundreds of pages).
        var losing: [Int32: (parent: Handle, gone: Set<Int32>)] = [:]
        for ((element, depth), tag) in zip(elements, tags) {
            let written = pdf.name(pdf.key(element, "/S")) ?? "?"
            guard written == "/" + tag.role.tag else {
                throw RenderError.finishing("structure tree",
                                            "element \(written) where the pages opened /\(tag.role.tag)")
            }
            attribute(element, tag.role)
            let key = "\(depth) \(tag.role.tag)"
            if tag.continued, let target = last[key] {
                join(element, into: target)
                joined[pdf.id(element)] = target
                let parent = pdf.key(element, "/P")
                losing[pdf.id(parent), default: (parent, [])].gone.insert(pdf.id(element))
            } else {
                last[key] = element
            }
        }
        for (parent, gone) in losing.values {
            pdf.set(parent, "/K", pdf.array(pdf.elements(pdf.key(parent, "/K")).filter { !gone.contains(pdf.id($0)) }))
        }
        if !joined.isEmpty { repoint(pdf.key(root, "/ParentTree"), joined) }
        var listed: Set<Listed> = []
        for (element, _) in elements where joined[pdf.id(element)] == nil { list(element, into: &listed) }
        try pdf.check("structure tree")
        return listed
    }

    /// The structure elements under `kids`, parents first, each with its depth.
    func preorder(_ kids: Handle) -> [(Handle, Int)] {
        var out: [(Handle, Int)] = []
        var stack = pdf.elements(kids).reversed().map { ($0, 1) }
        while let (node, depth) = stack.popLast() {
            guard isElement(node) else { continue }
            out.append((node, depth))
            stack += pdf.elements(pdf.key(node, "/K")).reversed().map { ($0, depth + 1) }
        }
        return out
    }

    /// A structure element, not a marked-content or object reference (or an MCID).
    func isElement(_ node: Handle) -> Bool { pdf.isDictionary(node) && pdf.has(node, "/S") }

    /// Writes what Cairo dropped: /Alt on figures, table attributes on header and data cells.
    func attribute(_ element: Handle, _ role: Role) {
        switch role {
        case .figure(let alt):
            pdf.set(element, "/Alt", pdf.text(alt))
        case .header(let scope, let rows, let columns):
            pdf.set(element, "/A", pdf.parse("<< /O /Table /Scope /\(scope.rawValue)\(spans(rows, columns)) >>"))
        case .cell(let rows, let columns) where rows > 1 || columns > 1:
            pdf.set(element, "/A", pdf.parse("<< /O /Table\(spans(rows, columns)) >>"))
        default:
            break
        }
    }

    func spans(_ rows: Int, _ columns: Int) -> String {
        (rows > 1 ? " /RowSpan \(rows)" : "") + (columns > 1 ? " /ColSpan \(columns)" : "")
    }

    /// Moves a continued element's content onto the end of `target`'s /K (made an array once, then
    /// appended to in place); its parent drops it later (see `complete`).
    func join(_ element: Handle, into target: Handle) {
        let page = pdf.key(element, "/Pg"), targetPage = pdf.key(target, "/Pg")
        let samePage = pdf.has(target, "/Pg") && pdf.id(page) == pdf.id(targetPage)
        var kids = pdf.key(target, "/K")
        if !pdf.isArray(kids) {
            pdf.set(target, "/K", pdf.array(pdf.elements(kids)))
            kids = pdf.key(target, "/K")
        }
        for kid in pdf.elements(pdf.key(element, "/K")) {
            if pdf.isInteger(kid) {
                let moved = samePage ? kid : pdf.parse("<< /Type /MCR /MCID \(pdf.int(kid)) >>")
                if !samePage { pdf.set(moved, "/Pg", page) }
                pdf.append(kids, moved)
            } else if isElement(kid) {
                pdf.set(kid, "/P", target)
                pdf.append(kids, kid)
            } else {
                // A marked-content or object reference: it names its page if the element did.
                if pdf.isDictionary(kid) && !pdf.has(kid, "/Pg") && pdf.has(element, "/Pg") {
                    pdf.set(kid, "/Pg", page)
                }
                pdf.append(kids, kid)
            }
        }
    }

    /// Points the parent tree's entries for joined elements at the elements they joined.
    func repoint(_ tree: Handle, _ joined: [Int32: Handle]) {
        // A page's entry is an array of elements by MCID; an annotation's (a link's) is its element.
        for value in numbers(tree).values where pdf.isArray(value) {
            for (i, item) in pdf.items(value).enumerated() {
                if let target = joined[pdf.id(item)] { pdf.setItem(value, i, target) }
            }
        }
        for (nums, i) in numberSlots(tree) {
            if let target = joined[pdf.id(pdf.item(nums, i))] { pdf.setItem(nums, i, target) }
        }
    }

    /// A number tree's entries: key → value.
    func numbers(_ tree: Handle) -> [Int: Handle] {
        var out: [Int: Handle] = [:]
        for (nums, i) in numberSlots(tree) { out[pdf.int(pdf.item(nums, i - 1))] = pdf.item(nums, i) }
        return out
    }

    /// Where a number tree keeps its values: each /Nums array with a value's index.
    func numberSlots(_ tree: Handle) -> [(Handle, Int)] {
        var out: [(Handle, Int)] = []
        var stack = [tree]
        while let node = stack.popLast() {
            let nums = pdf.key(node, "/Nums")
            if pdf.isArray(nums) { out += stride(from: 1, to: pdf.count(nums), by: 2).map { (nums, $0) } }
            stack += pdf.elements(pdf.key(node, "/Kids"))
        }
        return out
    }

    /// The MCIDs of a page that its parent-tree entry maps to elements that do not list them
    /// (Cairo marks content of an element that is a leaf when the page is written, and it may
    /// get children later); their entries become null.
    func orphans(_ page: Handle, entries: [Int: Handle], listed: Set<Listed>) -> Set<Int> {
        let key = pdf.key(page, "/StructParents")
        guard pdf.isInteger(key), let array = entries[pdf.int(key)], pdf.isArray(array) else { return [] }
        let pageID = pdf.id(page)
        var out: Set<Int> = []
        for (mcid, element) in pdf.items(array).enumerated() where !pdf.isNull(element) {
            if !listed.contains(Listed(page: pageID, mcid: mcid)) {
                out.insert(mcid)
                pdf.setItem(array, mcid, pdf.null)
            }
        }
        return out
    }

    /// Adds the marked content an element's /K holds: MCIDs on its page, or references naming theirs.
    func list(_ element: Handle, into listed: inout Set<Listed>) {
        let own = pdf.id(pdf.key(element, "/Pg"))
        for kid in pdf.elements(pdf.key(element, "/K")) {
            if pdf.isInteger(kid) {
                listed.insert(Listed(page: own, mcid: pdf.int(kid)))
            } else if pdf.isDictionary(kid) && pdf.name(pdf.key(kid, "/Type")) == "/MCR" {
                let on = pdf.has(kid, "/Pg") ? pdf.id(pdf.key(kid, "/Pg")) : own
                listed.insert(Listed(page: on, mcid: pdf.int(pdf.key(kid, "/MCID"))))
            }
        }
    }
}
