internal import CLibXML2
import Foundation

/// Works out the field expressions of a suggested rule from a few sample item nodes: the headline link,
/// then a date, author, summary and category when the markup makes them evident.
struct RuleDeriver {
    let members: [xmlNodePtr]
    private let dates = HTMLDateParser()

    init(members: [xmlNodePtr]) {
        self.members = Array(members.prefix(6))
    }

    /// A rule for items selected by `item`, or `nil` when the members show no link to title them by.
    func rule(item: String) -> HTMLRule? {
        guard let (title, link, headlineOf) = headline() else { return nil }
        var rule = HTMLRule(item: item, title: title, link: link)
        let evidence = members.filter { headlineOf($0) != nil }
        // Menus and pagination are lists of bare links: ask for a heading or a date as well.
        let hasHeading = title.contains("//h")
        rule.date = firstExpression(in: evidence, headlineOf: headlineOf) { node, text in
            (HTMLDocument.name(node) == "time" || text.count <= 80) && dates.parse(Self.dateText(node, text)) != nil
        }
        guard hasHeading || rule.date != nil || item.hasPrefix("//article") || item.contains("//tr") else { return nil }
        rule.author = firstExpression(in: evidence, headlineOf: headlineOf) { node, text in
            let cls = (HTMLDocument.attribute(node, "class") ?? "").lowercased()
            return text.count <= 80 && (cls.contains("author") || cls.contains("byline") || text.hasPrefix("By "))
        }
        rule.category = firstExpression(in: evidence, headlineOf: headlineOf) { node, text in
            let cls = (HTMLDocument.attribute(node, "class") ?? "").lowercased()
            return text.count <= 40 && ["section", "category", "tag", "label", "kicker", "topic"].contains { cls.contains($0) }
        }
        if rule.author == nil, let date = rule.date, trailingByline(in: evidence, expression: date) {
            // "Posted on May 6, 2025 by Sarah Clarke": the date line names the author at its end.
            rule.author = date
            rule.authorPattern = "\\bby ([^|,]+)$"
        }
        let used = [rule.date, rule.author, rule.category]
        rule.summary = firstExpression(in: evidence, headlineOf: headlineOf) { node, text in
            let tag = HTMLDocument.name(node)
            let cls = (HTMLDocument.attribute(node, "class") ?? "").lowercased()
            let named = ["summary", "standfirst", "excerpt", "teaser", "description", "intro", "lede", "lead"]
                .contains { cls.contains($0) }
            return (tag == "p" || named) && text.count >= 25 && !text.hasPrefix("By ")
        }
        if let summary = rule.summary, used.contains(summary) { rule.summary = nil }
        return rule
    }

    private static let trailingBy = try? NSRegularExpression(pattern: "\\sby\\s+\\p{Lu}[\\p{L}'’.-]*(\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}\\s*$")

    /// Whether the text at `expression` ends with "by Firstname Lastname" in most members.
    private func trailingByline(in members: [xmlNodePtr], expression: String) -> Bool {
        guard let regex = Self.trailingBy else { return false }
        var hits = 0
        for member in members {
            guard let node = Self.descendants(of: member).first(where: { Self.relativeExpression(for: $0, in: member) == expression })
            else { continue }
            let text = HTMLDocument.text(of: node)
            if regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil { hits += 1 }
        }
        return hits * 2 > members.count
    }

    /// `<time datetime>` values are what the scraper reads for such nodes.
    private static func dateText(_ node: xmlNodePtr, _ text: String) -> String {
        HTMLDocument.attribute(node, "datetime") ?? text
    }

    /// The heading link (`hN > a`) most members share, else the first link with text.
    private func headline() -> (String, String, (xmlNodePtr) -> xmlNodePtr?)? {
        for level in 1...6 {
            let tag = "h\(level)"
            let finder: (xmlNodePtr) -> xmlNodePtr? = { member in
                Self.descendants(of: member).first { node in
                    HTMLDocument.name(node) == tag && Self.descendants(of: node).contains { Self.isTextLink($0) }
                }
            }
            if members.count(where: { finder($0) != nil }) * 2 > members.count {
                return (".//\(tag)", ".//\(tag)/a/@href", finder)
            }
        }
        let linkFinder: (xmlNodePtr) -> xmlNodePtr? = { member in Self.descendants(of: member).first(where: Self.isTextLink) }
        guard members.count(where: { linkFinder($0) != nil }) * 2 > members.count else { return nil }
        return (".//a", ".//a/@href", linkFinder)
    }

    static func isTextLink(_ node: xmlNodePtr) -> Bool {
        HTMLDocument.name(node) == "a" && HTMLDocument.attribute(node, "href") != nil && !HTMLDocument.text(of: node).isEmpty
    }

    /// The relative expression of the first element (outside the headline) that `matches` in any member.
    private func firstExpression(
        in members: [xmlNodePtr], headlineOf: (xmlNodePtr) -> xmlNodePtr?, matches: (xmlNodePtr, String) -> Bool
    ) -> String? {
        for member in members {
            let headline = headlineOf(member)
            for node in Self.descendants(of: member) where node != headline && !Self.contains(node, headline) {
                if let headline, Self.contains(headline, node) { continue }
                let text = HTMLDocument.text(of: node)
                guard !text.isEmpty, matches(node, text) else { continue }
                return Self.relativeExpression(for: node, in: member)
            }
        }
        return nil
    }

    static func relativeExpression(for node: xmlNodePtr, in member: xmlNodePtr) -> String {
        let tag = HTMLDocument.name(node)
        if let cls = CandidateGroupsQuoting.quotable(HTMLDocument.attribute(node, "class")) {
            return ".//\(tag)[@class='\(cls)']"
        }
        if node.pointee.parent == member {
            let siblings = HTMLDocument.elementChildren(member).filter { HTMLDocument.name($0) == tag }
            if siblings.count == 1 { return "./\(tag)" }
            if let index = siblings.firstIndex(of: node) { return "./\(tag)[\(index + 1)]" }
        }
        let same = descendants(of: member).filter { HTMLDocument.name($0) == tag }
        guard let index = same.firstIndex(of: node), index > 0 else { return ".//\(tag)" }
        return "(.//\(tag))[\(index + 1)]"
    }

    static func contains(_ ancestor: xmlNodePtr?, _ node: xmlNodePtr?) -> Bool {
        guard let ancestor, var current = node else { return false }
        while let parent = current.pointee.parent {
            if parent == ancestor { return true }
            current = parent
        }
        return false
    }

    /// Element descendants in document order.
    static func descendants(of node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        for child in HTMLDocument.elementChildren(node) {
            result.append(child)
            result += descendants(of: child)
        }
        return result
    }
}

/// Shared rule for values that can sit inside `'…'` in an XPath literal.
enum CandidateGroupsQuoting {
    static func quotable(_ value: String?) -> String? {
        guard let value, !value.isEmpty, !value.contains("'"), value.collapsingWhitespace == value else { return nil }
        return value
    }
}
