import HanjiLayout

/// A page's structure as its begin/end items make it: the elements in the order opened, with
/// their depth and text, the text drawn outside any leaf element (decoration: running header
/// and footer, repeats), and unbalanced items.
public struct PageTags {
    public struct Element {
        public var tag: Tag
        public var depth: Int
        public var text = ""
        public var children = 0
        var pieces: [String] = []
    }

    public private(set) var elements: [Element] = []
    public private(set) var loose: [String] = []
    public private(set) var problems: [String] = []

    public init(_ frame: Frame) {
        var open: [Int] = []
        walk(frame, &open)
        if !open.isEmpty { problems.append("\(open.count) element(s) left open") }
        // Cairo marks text only in leaves: in an element that holds elements, it is decoration too.
        for i in elements.indices where !elements[i].text.isEmpty && elements[i].children > 0 {
            loose += elements[i].pieces
            elements[i].text = ""
        }
    }

    private mutating func walk(_ frame: Frame, _ open: inout [Int]) {
        for (_, item) in frame.items {
            switch item {
            case .begin(let tag):
                if let parent = open.last { elements[parent].children += 1 }
                open.append(elements.count)
                elements.append(Element(tag: tag, depth: open.count))
            case .end:
                if open.popLast() == nil { problems.append("an end without a begin") }
            case .text(let line, _) where !line.text.allSatisfy(\.isWhitespace):
                if let current = open.last {
                    elements[current].text += line.text
                    elements[current].pieces.append(line.text)
                } else {
                    loose.append(line.text)
                }
            case .scaled(let inner, _):
                walk(inner, &open)
            default:
                break
            }
        }
    }

    /// The structure type names in order (`H1`, `P`, `Table` …).
    public var names: [String] { elements.map(\.tag.role.tag) }
}
