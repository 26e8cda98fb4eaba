/// Where a PDF's links go, in words for their `/Contents`: the section's title from the outline
/// and the page's printed label ("2. 분과실무협의회 회의록, 3쪽으로 이동").
struct LinkPages {
    let pdf: QPDFFile
    /// Page object numbers → page indexes; named destinations → page indexes and outline titles.
    private var pages: [Int32: Int] = [:], names: [String: Int] = [:], titles: [String: String] = [:]
    /// The printed label of each page (empty for none), from the catalog's /PageLabels.
    private var labels: [String] = []

    init(_ pdf: QPDFFile) {
        self.pdf = pdf
        for index in 0..<pdf.pageCount { pages[pdf.id(pdf.page(index))] = index }
        let root = pdf.root
        // Named destinations: the /Names /Dests tree.
        var stack = [pdf.key(pdf.key(root, "/Names"), "/Dests")]
        while let node = stack.popLast() {
            let list = pdf.key(node, "/Names")
            if pdf.isArray(list) {
                for i in stride(from: 0, to: pdf.count(list) - 1, by: 2) {
                    if let name = pdf.string(pdf.item(list, i)), let page = page(of: pdf.item(list, i + 1)) {
                        names[name] = page
                    }
                }
            }
            stack += pdf.elements(pdf.key(node, "/Kids"))
        }
        // Outline entries name the destination of each section with its title.
        var items = [pdf.key(pdf.key(root, "/Outlines"), "/First")]
        while let item = items.popLast(), pdf.isDictionary(item) {
            if let name = pdf.string(pdf.key(item, "/Dest")), let title = pdf.string(pdf.key(item, "/Title")) {
                titles[name] = titles[name] ?? title
            }
            items += [pdf.key(item, "/Next"), pdf.key(item, "/First")].filter { pdf.isDictionary($0) }
        }
        labels = PageLabels(pdf, count: pdf.pageCount).labels
    }

    /// The page index a destination (an array, or a dictionary with /D) shows.
    func page(of destination: QPDFFile.Handle) -> Int? {
        let array = pdf.isDictionary(destination) ? pdf.key(destination, "/D") : destination
        guard pdf.isArray(array), pdf.count(array) > 0 else { return nil }
        return pages[pdf.id(pdf.item(array, 0))]
    }

    /// What a link annotation does, in Korean.
    func description(_ link: QPDFFile.Handle) -> String {
        var destination = pdf.key(link, "/Dest")
        let action = pdf.key(link, "/A")
        if pdf.isDictionary(action) {
            if let uri = pdf.string(pdf.key(action, "/URI")) { return "\(uri) 열기" }
            destination = pdf.key(action, "/D")
        }
        let name = pdf.string(destination)
        let title = name.flatMap { titles[$0] }
        let label = (name.flatMap { names[$0] } ?? page(of: destination)).map { labels[$0] } ?? ""
        switch (title, label.isEmpty) {
        case (let title?, false): return "\(title), \(label)쪽으로 이동"
        case (let title?, true): return "‘\(title)’ 항목으로 이동"
        case (nil, false): return "\(label)쪽으로 이동"
        case (nil, true): return "링크"
        }
    }
}

/// The printed label of every page, from the catalog's /PageLabels number tree (a prefix and a
/// numbering style from each range's first page); the page number when there is none.
struct PageLabels {
    let labels: [String]

    init(_ pdf: QPDFFile, count: Int) {
        let tree = pdf.key(pdf.root, "/PageLabels")
        guard pdf.isDictionary(tree) else {
            labels = (1...max(count, 1)).prefix(count).map(String.init)
            return
        }
        var ranges: [(start: Int, prefix: String, style: String?, first: Int)] = []
        for (key, value) in StructureTree(pdf: pdf).numbers(tree).sorted(by: { $0.key < $1.key }) {
            let start = pdf.key(value, "/St")
            ranges.append((key, pdf.string(pdf.key(value, "/P")) ?? "", pdf.name(pdf.key(value, "/S")),
                           pdf.isInteger(start) ? pdf.int(start) : 1))
        }
        labels = (0..<count).map { page in
            guard let range = ranges.last(where: { $0.start <= page }) else { return String(page + 1) }
            let number = range.first + page - range.start
            switch range.style {
            case "/D": return range.prefix + String(number)
            case "/r": return range.prefix + PageLabels.roman(number)
            case "/R": return range.prefix + PageLabels.roman(number).uppercased()
            default: return range.prefix
            }
        }
    }

    static func roman(_ number: Int) -> String {
        let values = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                      (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = number, out = ""
        for (value, letters) in values {
            while rest >= value {
                out += letters
                rest -= value
            }
        }
        return out
    }
}
