internal import CLibXML2
import Foundation

extension HTMLSanitizer {
    /// Collects the readable text of a parsed fragment (for `plainText(fromHTML:)`): script and
    /// style content skipped, a space at line breaks and block boundaries so words do not merge.
    struct TextCollector {
        private(set) var output: [UInt8] = []

        init(capacity: Int) {
            output.reserveCapacity(capacity)
        }

        /// Collects the text under `root`, iteratively (see `Writer.walk`).
        mutating func walk(children root: xmlNodePtr?) {
            guard let root else { return }
            var node = root.pointee.children
            while let current = node {
                if enter(current), let child = current.pointee.children {
                    node = child
                    continue
                }
                if current.pointee.children == nil { leave(current) }
                var climbing = current
                while climbing.pointee.next == nil {
                    guard let parent = climbing.pointee.parent, parent != root else { return }
                    leave(parent)
                    climbing = parent
                }
                node = climbing.pointee.next
            }
        }

        private mutating func enter(_ node: xmlNodePtr) -> Bool {
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                guard let name = node.pointee.name else { return false }
                let key = Key(cString: name)
                if elementRules[key] == .dropWithContent { return false }
                if Self.blockElements.contains(key) { output.append(0x20) }
                return true
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    output.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
                }
                return false
            default:
                return false
            }
        }

        private mutating func leave(_ node: xmlNodePtr) {
            guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name,
                Self.blockElements.contains(Key(cString: name))
            else { return }
            output.append(0x20)
        }

        private static let blockElements: Set<Key> = Set(
            [
                "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
                "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p",
                "pre", "section", "table", "td", "th", "tr", "ul",
            ].map { Key(Array($0.utf8)) })
    }
}
