internal import CLibXML2
import Foundation

/// Proposes an `html` rule for a page that has no feed, for `gazette add`: it looks for an obvious
/// repeated structure (several `<article>`s, a repeated `li`/`div` class holding `h2`/`h3` links, a
/// list or table of dated links), derives title/link and, when evident, summary/date/author/category
/// expressions, and keeps only rules that extract at least 3 items with a title and a link.
public enum HTMLRuleSuggester {
    /// The best verified rule for the page, or `nil` when it has no obvious repeated structure.
    public static func suggest(_ data: Data, url: URL) -> HTMLRule? {
        suggestion(for: data, url: url)?.rule
    }

    /// The best verified rule with its item count and a sample of what it extracts.
    public static func suggestion(for data: Data, url: URL, httpCharset: String? = nil) -> HTMLRuleSuggestion? {
        let encoding = HTMLCharset.resolve(data, httpCharset: httpCharset)
        let rules =
            HTMLDocument.withDocument(data, url: url.absoluteString, encoding: encoding) { doc -> [HTMLRule] in
                guard let root = xmlDocGetRootElement(doc) else { return [] }
                var groups = CandidateGroups()
                groups.collect(root, insideArticle: false)
                return groups.candidates().compactMap { expression, members in
                    RuleDeriver(members: members).rule(item: expression)
                }
            } ?? []
        var best: (suggestion: HTMLRuleSuggestion, score: Double)?
        for rule in rules {
            guard let verified = verify(rule, data: data, url: url, httpCharset: httpCharset) else { continue }
            if best.map({ verified.score > $0.score }) ?? true { best = verified }
        }
        return best?.suggestion
    }

    static let minimumItems = 3

    /// Scrapes the page with `rule`, drops optional fields that rarely yield anything, and scores it.
    static func verify(
        _ rule: HTMLRule, data: Data, url: URL, httpCharset: String?
    ) -> (suggestion: HTMLRuleSuggestion, score: Double)? {
        let scraper = HTMLListingScraper()
        guard let report = try? scraper.scrapeReport(data, url: url, rule: rule, httpCharset: httpCharset) else { return nil }
        let valid = report.feed.items.filter { $0.title != nil && $0.link != nil }
        guard valid.count >= minimumItems, Double(valid.count) >= 0.6 * Double(report.matchCount) else { return nil }
        var rule = rule
        let half = Double(valid.count) / 2
        var fields = 0.0
        if Double(valid.count { $0.published != nil }) >= half { fields += 1 } else { rule.date = nil }
        if Double(valid.count { !$0.authors.isEmpty }) >= half { fields += 1 } else { rule.author = nil }
        if Double(valid.count { $0.summary != nil }) >= half { fields += 1 } else { rule.summary = nil }
        if Double(valid.count { !$0.categories.isEmpty }) >= half { fields += 0.5 } else { rule.category = nil }
        guard let final = try? scraper.scrapeReport(data, url: url, rule: rule, httpCharset: httpCharset) else { return nil }
        let items = final.feed.items.filter { $0.title != nil && $0.link != nil }
        let kindBonus = rule.item.hasPrefix("//article") ? 0.3 : 0
        let wasted = Double(final.matchCount - items.count) * 0.5
        let score = Double(items.count) * (1 + fields * 0.25) + kindBonus - wasted
        return (HTMLRuleSuggestion(rule: rule, itemCount: items.count, sample: Array(items.prefix(3))), score)
    }
}

/// Groups the page's elements by the item expression that would select them.
private struct CandidateGroups {
    var members: [String: [xmlNodePtr]] = [:]
    var order: [String] = []

    private static let skipped: Set<String> = ["nav", "aside", "footer", "script", "style", "form", "select", "noscript"]

    mutating func collect(_ node: xmlNodePtr, insideArticle: Bool) {
        for child in HTMLDocument.elementChildren(node) {
            let tag = HTMLDocument.name(child)
            if Self.skipped.contains(tag) || (tag == "header" && !insideArticle) { continue }
            for expression in expressions(for: child, tag: tag) { add(expression, child) }
            collect(child, insideArticle: insideArticle || tag == "article")
        }
    }

    private mutating func add(_ expression: String, _ node: xmlNodePtr) {
        if members[expression] == nil { order.append(expression) }
        members[expression, default: []].append(node)
    }

    private func expressions(for node: xmlNodePtr, tag: String) -> [String] {
        let cls = CandidateGroupsQuoting.quotable(HTMLDocument.attribute(node, "class"))
        switch tag {
        case "article":
            return ["//article"] + (cls.map { ["//article[@class='\($0)']"] } ?? [])
        case "li", "div", "section":
            if let cls { return ["//\(tag)[@class='\(cls)']"] }
            guard tag == "li", let parent = node.pointee.parent, HTMLDocument.isElement(parent) else { return [] }
            let parentTag = HTMLDocument.name(parent)
            if let parentClass = CandidateGroupsQuoting.quotable(HTMLDocument.attribute(parent, "class")) {
                return ["//\(parentTag)[@class='\(parentClass)']/li"]
            }
            if let parentID = CandidateGroupsQuoting.quotable(HTMLDocument.attribute(parent, "id")) {
                return ["//\(parentTag)[@id='\(parentID)']/li"]
            }
            return []
        case "tr":
            guard HTMLDocument.elementChildren(node).contains(where: { HTMLDocument.name($0) == "td" }) else { return [] }
            var ancestor = node.pointee.parent
            while let current = ancestor, HTMLDocument.isElement(current), HTMLDocument.name(current) != "table" {
                ancestor = current.pointee.parent
            }
            if let table = ancestor, HTMLDocument.isElement(table) {
                if let tableClass = CandidateGroupsQuoting.quotable(HTMLDocument.attribute(table, "class")) {
                    return ["//table[@class='\(tableClass)']//tr[td//a]"]
                }
                if let tableID = CandidateGroupsQuoting.quotable(HTMLDocument.attribute(table, "id")) {
                    return ["//table[@id='\(tableID)']//tr[td//a]"]
                }
            }
            return ["//tr[td//a]"]
        default:
            return []
        }
    }

    /// Groups with at least three members, in document order of their first member.
    func candidates() -> [(String, [xmlNodePtr])] {
        order.compactMap { expression in
            guard let nodes = members[expression], nodes.count >= HTMLRuleSuggester.minimumItems else { return nil }
            return (expression, nodes)
        }
    }
}
