import Foundation

/// A starting `html` rule found on a page without a feed, already verified by scraping the page with
/// it, for `gazette add` to print and the user to confirm.
public struct HTMLRuleSuggestion: Sendable, Hashable, CustomStringConvertible {
    public var rule: HTMLRule
    /// Items the rule extracted from the page with both a title and a link (at least 3).
    public var itemCount: Int
    /// The first few items it extracted, to show the user what they would get.
    public var sample: [FeedItem]

    /// A suggestion for `rule`, which extracted `itemCount` items, `sample` being the first few.
    public init(rule: HTMLRule, itemCount: Int, sample: [FeedItem]) {
        self.rule = rule
        self.itemCount = itemCount
        self.sample = sample
    }

    /// The rule as the `"html": { … }` member of a feed entry in `feeds.json`.
    public var description: String { Self.jsonSnippet(rule) }

    /// `"html": { "item": …, … }` with keys in the order a person reads them; absent keys left out.
    /// Nested lines are indented by `indent` plus `step`.
    public static func jsonSnippet(_ rule: HTMLRule, indent: String = "", step: String = "    ") -> String {
        let pairs: [(String, String?)] = [
            ("item", rule.item), ("title", rule.title), ("link", rule.link), ("summary", rule.summary),
            ("author", rule.author), ("date", rule.date), ("dateFormat", rule.dateFormat),
            ("category", rule.category), ("authorPattern", rule.authorPattern), ("datePattern", rule.datePattern),
        ]
        let lines = pairs.compactMap { key, value in value.map { "\(indent)\(step)\"\(key)\": \(JSONStringLiteral.quote($0))" } }
        return "\"html\": {\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
    }

    /// A whole `feeds` entry for the page with this rule, valid JSON to paste into the `feeds` list
    /// as it is: `{ "url": …, "section": …, "name": …, "html": { … } }`.
    public func feedEntry(url: String, sections: [String], name: String? = nil) -> String {
        let section =
            sections.count == 1
            ? JSONStringLiteral.quote(sections[0]) : "[" + sections.map(JSONStringLiteral.quote).joined(separator: ", ") + "]"
        var lines = ["  \"url\": \(JSONStringLiteral.quote(url))", "  \"section\": \(section)"]
        if let name { lines.append("  \"name\": \(JSONStringLiteral.quote(name))") }
        lines.append("  " + Self.jsonSnippet(rule, indent: "  ", step: "  "))
        return "{\n" + lines.joined(separator: ",\n") + "\n}"
    }
}
