import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A minimal element tree of a published file, read with Foundation's XML parser: an independent
/// well-formedness check and a way to look at decoded text and attributes in tests.
final class XMLNodeTree {
    let name: String
    let attributes: [String: String]
    var text = ""
    var children: [XMLNodeTree] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func all(_ name: String) -> [XMLNodeTree] { children.filter { $0.name == name } }
    func first(_ name: String) -> XMLNodeTree? { children.first { $0.name == name } }
    /// Every descendant (and self), depth first.
    var descendants: [XMLNodeTree] { [self] + children.flatMap(\.descendants) }

    struct ParseFailure: Error, CustomStringConvertible { var description: String }

    /// Parses `data` (no external entities) or throws with the parser's message.
    static func parse(_ data: Data) throws -> XMLNodeTree {
        let builder = Builder()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseFailure(
                description: "line \(parser.lineNumber):\(parser.columnNumber): \(parser.parserError.map { "\($0)" } ?? "no root")")
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLNodeTree?
        var stack: [XMLNodeTree] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let node = XMLNodeTree(name: name, attributes: attributes)
            stack.last?.children.append(node)
            if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}
