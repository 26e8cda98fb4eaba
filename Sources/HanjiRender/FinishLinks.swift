/// Where a PDF's links go, as words for their `/Contents`: "3쪽으로 이동" (go to page 3).
struct LinkPages {
    let pdf: QPDFFile
    /// Page object numbers → page numbers (from 1), and named destinations → page numbers.
    private var pages: [Int32: Int] = [:], names: [String: Int] = [:]

    init(_ pdf: QPDFFile) {
        self.pdf = pdf
        for index in 0..<pdf.pageCount { pages[pdf.id(pdf.page(index))] = index + 1 }
        let root = pdf.root
        // Named destinations: the catalog's /Dests dictionary (PDF 1.1) or its /Names /Dests tree.
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
    }

    /// The page a destination (an array, or a dictionary with /D) shows.
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
            if let uri = pdf.string(pdf.key(action, "/URI")) { return "\(uri)(으)로 이동" }
            destination = pdf.key(action, "/D")
        }
        let number = pdf.string(destination).flatMap { names[$0] } ?? page(of: destination)
        return number.map { "\($0)쪽으로 이동" } ?? "링크"
    }
}
