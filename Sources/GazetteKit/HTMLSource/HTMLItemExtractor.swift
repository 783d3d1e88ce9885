internal import CLibXML2
import Foundation

/// Runs a compiled rule over one parsed page and builds the items; lives inside the scraper's
/// document scope (it holds libxml2 pointers).
struct HTMLItemExtractor {
    let doc: xmlDocPtr
    let context: XPathContext
    let fields: [HTMLRuleValidator.RuleField]
    let rule: HTMLRule
    let keyPath: String
    let page: PageInfo
    let splitter: BylineSplitter

    private var expressions: [String: String] = [:]
    /// Compiled expressions by field name, looked up once rather than per item.
    private var compiled: [String: xmlXPathCompExprPtr] = [:]
    private var diagnostics: [String] = []
    private var unparsedDates = 0
    private var unparsedExample: String?
    private var datedItems = 0
    /// Listing pages repeat dates and bylines; parse each distinct text once.
    private var dateCache: [String: Date?] = [:]
    private var authorCache: [String: String?] = [:]

    init(
        doc: xmlDocPtr, context: XPathContext, fields: [HTMLRuleValidator.RuleField], rule: HTMLRule,
        keyPath: String, page: PageInfo, splitter: BylineSplitter
    ) {
        self.doc = doc
        self.context = context
        self.fields = fields
        self.rule = rule
        self.keyPath = keyPath
        self.page = page
        self.splitter = splitter
        for field in fields {
            expressions[field.name] = field.expression
            compiled[field.name] = context.compiled[field.key]
        }
    }

    mutating func run() throws(HTMLSourceError) -> HTMLScrapeReport {
        let itemKey = "\(keyPath).item"
        let itemExpression = expressions["item"] ?? ""
        // The item expression runs from the document node, so "/html/body//li" and "//li" both work.
        let documentNode = UnsafeMutableRawPointer(doc).assumingMemoryBound(to: xmlNode.self)
        let matched = try context.evaluate(itemKey, at: documentNode, expression: itemExpression)
        guard case .nodes(let nodes)? = matched else {
            throw .itemNotNodeSet(key: itemKey, expression: itemExpression, resultType: matched?.typeName ?? "nothing")
        }
        for field in fields where field.name != "item" && field.expression.hasPrefix("/") {
            diagnostics.append(
                "\(field.key): \"\(field.expression)\" starts with \"/\", so it searches the whole page rather "
                    + "than each item; write \".\(field.expression)\" to search inside the item")
        }
        var items: [FeedItem] = []
        var seen = Set<String>()
        var incomplete = 0
        var repeated = 0
        for node in nodes {
            guard let item = try makeItem(node) else {
                incomplete += 1
                continue
            }
            guard seen.insert(item.id).inserted else {
                repeated += 1
                continue
            }
            items.append(item)
        }
        if nodes.isEmpty {
            diagnostics.append(
                "\(itemKey): the expression \"\(itemExpression)\" matched nothing on this page; "
                    + "if it used to match, the page layout may have changed")
        }
        if incomplete > 0 {
            diagnostics.append(
                "\(itemKey): \(incomplete) of \(nodes.count) matched items had neither a title nor a link and were skipped")
        }
        if repeated > 0 {
            diagnostics.append("\(itemKey): \(repeated) matched items repeated an earlier item's link and were skipped")
        }
        if unparsedDates > 0, let example = unparsedExample {
            let hint = rule.dateFormat.map { "check dateFormat \"\($0)\"" } ?? "set dateFormat or datePattern"
            diagnostics.append(
                "\(keyPath).date: \(unparsedDates) of \(datedItems) dates could not be understood "
                    + "(e.g. \"\(example)\"); \(hint)")
        }
        let feed = ParsedFeed(
            format: .html, title: page.title, subtitle: page.description, link: page.pageURL.absoluteString,
            language: page.language, diagnostics: diagnostics, items: items)
        return HTMLScrapeReport(feed: feed, matchCount: nodes.count, skippedCount: incomplete + repeated)
    }

    private func value(_ name: String, at node: xmlNodePtr) throws(HTMLSourceError) -> XPathContext.Value? {
        guard let expr = compiled[name] else { return nil }
        return try context.evaluate(expr, at: node, key: "\(keyPath).\(name)", expression: expressions[name] ?? "")
    }

    /// The first non-empty string an expression yields: node text, attribute value or scalar.
    private func firstText(_ value: XPathContext.Value?) -> String? {
        switch value {
        case .nodes(let nodes)?:
            for node in nodes {
                let text = HTMLDocument.text(of: node)
                if !text.isEmpty { return text }
            }
            return nil
        case .string(let string)?:
            let text = string.collapsingWhitespace
            return text.isEmpty ? nil : text
        case .number(let number)?:
            guard number.isFinite else { return nil }
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .boolean?, nil:
            return nil
        }
    }

    private mutating func makeItem(_ node: xmlNodePtr) throws(HTMLSourceError) -> FeedItem? {
        let title = firstText(try value("title", at: node))
        let link = try linkValue(at: node)
        guard title != nil || link != nil else { return nil }

        var published: Date?
        if let dateValue = try value("date", at: node) {
            let dateText = dateString(dateValue)
            if let dateText {
                datedItems += 1
                if let cached = dateCache[dateText] {
                    published = cached
                } else {
                    published = splitter.date(from: dateText)
                    dateCache[dateText] = published
                }
                if published == nil {
                    unparsedDates += 1
                    if unparsedExample == nil { unparsedExample = String(dateText.prefix(60)) }
                }
            }
        }
        var authors: [Person] = []
        if let authorText = firstText(try value("author", at: node)) {
            let name: String?
            if let cached = authorCache[authorText] {
                name = cached
            } else {
                name = splitter.author(from: authorText, dateRuleSharesText: rule.date == rule.author)
                authorCache[authorText] = name
            }
            if let name { authors = [Person(name: name)] }
        }
        var categories: [String] = []
        switch try value("category", at: node) {
        case .nodes(let nodes)?:
            for node in nodes {
                let text = HTMLDocument.text(of: node)
                if !text.isEmpty, !categories.contains(text) { categories.append(text) }
            }
        case let other?:
            if let text = firstText(other) { categories = [text] }
        case nil: break
        }
        let summary = summaryValue(try value("summary", at: node))
        let id: String
        let derived: Bool
        if let link {
            id = link
            derived = false
        } else {
            id = Self.derivedID(host: page.pageURL.host ?? "", title: title ?? "", date: published)
            derived = true
        }
        return FeedItem(
            id: id, idIsDerived: derived, title: title, link: link, published: published, authors: authors,
            summary: summary, categories: categories, image: imageURL(in: node))
    }

    /// `link` accepts an attribute (`@href`), a string, or an element (its `href`, else its text).
    private func linkValue(at node: xmlNodePtr) throws(HTMLSourceError) -> String? {
        let linkValue = try value("link", at: node)
        if case .nodes(let nodes)? = linkValue {
            for candidate in nodes {
                let raw = HTMLDocument.attribute(candidate, "href") ?? HTMLDocument.text(of: candidate)
                if let absolute = page.resolver.absolute(raw) { return absolute }
            }
            return nil
        }
        return firstText(linkValue).flatMap(page.resolver.absolute)
    }

    /// Dates prefer machine-readable `<time datetime>` (on the node or inside it) over visible text.
    private func dateString(_ value: XPathContext.Value) -> String? {
        if case .nodes(let nodes) = value, let node = nodes.first, HTMLDocument.isElement(node) {
            if let datetime = HTMLDocument.attribute(node, "datetime"), !datetime.isEmpty { return datetime }
            if let time = Self.descendant(of: node, named: "time"),
                let datetime = HTMLDocument.attribute(time, "datetime"), !datetime.isEmpty
            {
                return datetime
            }
        }
        return firstText(value)
    }

    private func summaryValue(_ value: XPathContext.Value?) -> String? {
        if case .nodes(let nodes)? = value, let node = nodes.first, HTMLDocument.isElement(node),
            HTMLDocument.hasMarkup(node)
        {
            let html = HTMLDocument.innerHTML(of: node, in: doc).trimmingASCIIWhitespace
            let sanitized = HTMLSanitizer().sanitize(html, baseURL: page.resolver.base)
            return sanitized.isEmpty ? nil : sanitized
        }
        return firstText(value).map(HTMLSanitizer.escape)
    }

    /// The item's first `<img src>` (not a `data:` URI), absolute; used as the item's image.
    private func imageURL(in node: xmlNodePtr) -> String? {
        guard let image = Self.descendant(of: node, named: "img"),
            let source = HTMLDocument.attribute(image, "src") ?? HTMLDocument.attribute(image, "data-src")
        else { return nil }
        return page.resolver.absolute(source)
    }

    static func descendant(of node: xmlNodePtr, named wanted: StaticString) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if HTMLDocument.isElement(current) {
                if HTMLDocument.nameIs(current, wanted) { return current }
                if let found = descendant(of: current, named: wanted) { return found }
            }
            child = current.pointee.next
        }
        return nil
    }

    /// A stable id for items without a link: the shared `DerivedID` hash of the site host, title and date.
    static func derivedID(host: String, title: String, date: Date?) -> String {
        DerivedID.make(["html", host, title, date.map { String(Int64($0.timeIntervalSince1970)) }])
    }
}
