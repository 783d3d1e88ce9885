import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Collects the text of `<id>` directly inside each Atom `<entry>`.
final class AtomEntryIDs: NSObject, XMLParserDelegate {
    var ids: [String] = []
    private var path: [String] = []
    private var text = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        path.append(name)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if path.suffix(2) == ["entry", "id"] { ids.append(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        path.removeLast()
    }
}
