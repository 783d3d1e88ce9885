internal import CLibXML2
import Foundation

/// Checks an `html` rule without fetching anything, so `feeds.json` errors show up at config load:
/// required keys, every XPath expression compiled (and dry-run on an empty page to catch unknown
/// functions), and the author/date regular expressions.
public enum HTMLRuleValidator {
    /// Problems with `rule`, each starting with its key path (`html.link: invalid XPath expression …`); empty when fine.
    public static func validate(_ rule: HTMLRule, keyPath: String = "html") -> [String] {
        errors(rule, keyPath: keyPath).map(\.description)
    }

    /// The problems with `rule` as errors, each keyed by `keyPath.<rule key>`.
    static func errors(_ rule: HTMLRule, keyPath: String) -> [HTMLSourceError] {
        var problems: [HTMLSourceError] = []
        let fields: [RuleField]
        do {
            fields = try Self.fields(of: rule, keyPath: keyPath)
        } catch {
            problems.append(error)
            fields = Self.presentFields(of: rule, keyPath: keyPath)
        }
        for (key, pattern) in [("authorPattern", rule.authorPattern), ("datePattern", rule.datePattern)] {
            do {
                _ = try BylineSplitter.compile(pattern, key: "\(keyPath).\(key)")
            } catch {
                problems.append(error)
            }
        }
        let probe = Data("<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>".utf8)
        let xpathProblems =
            HTMLDocument.withDocument(probe, url: nil, encoding: "UTF-8") { doc -> [HTMLSourceError] in
                XPathContext.with(doc) { context -> [HTMLSourceError] in
                    var found: [HTMLSourceError] = []
                    let root: xmlNodePtr? = xmlDocGetRootElement(doc)
                    for field in fields {
                        do throws(HTMLSourceError) {
                            try context.compile(field.expression, key: field.key)
                            guard let root else { continue }
                            let value = try context.evaluate(field.key, at: root, expression: field.expression)
                            if field.name == "item", let value, !value.isNodeSet {
                                throw .itemNotNodeSet(key: field.key, expression: field.expression, resultType: value.typeName)
                            }
                        } catch {
                            found.append(error)
                        }
                    }
                    return found
                } ?? []
            } ?? []
        problems += xpathProblems
        return problems
    }

    /// One expression of a rule, with its key path (`html.title`) and short name (`title`).
    struct RuleField {
        var name: String
        var key: String
        var expression: String
    }

    /// The rule's non-blank expressions; throws when `item` is blank or both `title` and `link` are.
    static func fields(of rule: HTMLRule, keyPath: String) throws(HTMLSourceError) -> [RuleField] {
        guard !rule.item.trimmingASCIIWhitespace.isEmpty else {
            throw .missingKey(
                key: "\(keyPath).item", reason: "an XPath expression selecting each item is required (e.g. \"//article\")")
        }
        let fields = presentFields(of: rule, keyPath: keyPath)
        guard fields.contains(where: { $0.name == "title" || $0.name == "link" }) else {
            throw .missingKey(
                key: "\(keyPath).title",
                reason: "the rule needs a title or a link expression (e.g. \"title\": \".//h2\", \"link\": \".//h2/a/@href\")")
        }
        return fields
    }

    static func presentFields(of rule: HTMLRule, keyPath: String) -> [RuleField] {
        let all: [(String, String?)] = [
            ("item", rule.item), ("title", rule.title), ("link", rule.link), ("summary", rule.summary),
            ("author", rule.author), ("date", rule.date), ("category", rule.category),
        ]
        return all.compactMap { name, expression in
            guard let expression = expression?.trimmingASCIIWhitespace, !expression.isEmpty
            else { return nil }
            return RuleField(name: name, key: "\(keyPath).\(name)", expression: expression)
        }
    }
}
