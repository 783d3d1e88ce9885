import Foundation
internal import CLibXML2

extension HTMLSanitizer {
    /// Collects the readable text of a parsed fragment (for `plainText(fromHTML:)`): script and
    /// style content skipped, a space at line breaks and block boundaries so words do not merge.
    struct TextCollector {
        private(set) var output: [UInt8] = []

        init(capacity: Int) {
            output.reserveCapacity(capacity)
        }

        mutating func walk(children parent: xmlNodePtr?) {
            var node = parent?.pointee.children
            while let current = node {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    if let name = current.pointee.name {
                        let key = Key(cString: name)
                        if elementRules[key] != .dropWithContent {
                            let block = Self.blockElements.contains(key)
                            if block { output.append(0x20) }
                            walk(children: current)
                            if block { output.append(0x20) }
                        }
                    }
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content {
                        output.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
                    }
                default:
                    break
                }
                node = current.pointee.next
            }
        }

        private static let blockElements: Set<Key> = Set([
            "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
            "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p",
            "pre", "section", "table", "td", "th", "tr", "ul",
        ].map { Key(Array($0.utf8)) })
    }
}
