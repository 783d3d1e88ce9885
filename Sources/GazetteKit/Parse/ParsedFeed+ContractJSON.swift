import Foundation

extension ParsedFeed {
    /// The `gazette parse --json` document (docs/parse-json.md): every key present,
    /// nulls included, dates RFC 3339 UTC, items in document order. Other tools read this shape.
    public func contractJSON() -> String {
        let w = ContractJSONWriter()
        w.object {
            w.key("format", string: format.rawValue)
            w.key("title", string: title)
            w.key("subtitle", string: subtitle)
            w.key("link", string: link)
            w.key("feedURL", string: feedURL)
            w.key("id", string: id)
            w.key("updated", string: updated.map(FeedDate.rfc3339))
            w.key("language", string: language)
            w.key("authors") { w.people(authors) }
            w.key("image", string: image)
            w.key("generator", string: generator)
            w.key("recovered") { w.raw(recovered ? "true" : "false") }
            w.key("diagnostics") { w.array(diagnostics) { w.string($0) } }
            w.key("items") {
                w.array(items) { item in
                    w.object {
                        w.key("id", string: item.id)
                        w.key("title", string: item.title)
                        w.key("link", string: item.link)
                        w.key("published", string: item.published.map(FeedDate.rfc3339))
                        w.key("updated", string: item.updated.map(FeedDate.rfc3339))
                        w.key("authors") { w.people(item.authors) }
                        w.key("summary", string: item.summary)
                        w.key("content", string: item.content)
                        w.key("categories") { w.array(item.categories) { w.string($0) } }
                        w.key("enclosures") {
                            w.array(item.enclosures) { e in
                                w.object {
                                    w.key("url", string: e.url)
                                    w.key("type", string: e.type)
                                    w.key("length") { w.raw(e.length.map { String($0) } ?? "null") }
                                }
                            }
                        }
                        w.key("comments", string: item.comments)
                        w.key("source") {
                            if let s = item.source {
                                w.object {
                                    w.key("title", string: s.title)
                                    w.key("link", string: s.link)
                                    w.key("feedURL", string: s.feedURL)
                                }
                            } else {
                                w.raw("null")
                            }
                        }
                    }
                }
            }
        }
        return w.output
    }
}

/// A minimal streaming JSON writer with a fixed key order, so the contract output is stable and diffable.
/// (A class so nested closures can write to it without overlapping-access conflicts.)
final class ContractJSONWriter {
    private(set) var output = ""
    private var needsComma = [false]
    private var indent = 0

    func object(_ body: () -> Void) {
        output += "{"
        needsComma.append(false)
        indent += 1
        body()
        indent -= 1
        let hadMembers = needsComma.removeLast()
        if hadMembers { newline() }
        output += "}"
    }

    func array<T>(_ values: [T], _ element: (T) -> Void) {
        output += "["
        needsComma.append(false)
        indent += 1
        for v in values {
            separator()
            newline()
            element(v)
        }
        indent -= 1
        let hadMembers = needsComma.removeLast()
        if hadMembers { newline() }
        output += "]"
    }

    func key(_ name: String, _ value: () -> Void) {
        separator()
        newline()
        string(name)
        output += ": "
        value()
    }

    func key(_ name: String, string value: String?) {
        key(name) {
            if let value { string(value) } else { raw("null") }
        }
    }

    func people(_ list: [Person]) {
        array(list) { p in
            object {
                key("name", string: p.name)
                key("email", string: p.email)
                key("uri", string: p.uri)
            }
        }
    }

    func raw(_ s: String) { output += s }

    func string(_ s: String) {
        output += "\""
        JSONStringLiteral.append(s, to: &output)
        output += "\""
    }

    private func separator() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
    }

    private func newline() {
        output += "\n" + String(repeating: "  ", count: indent)
    }
}
