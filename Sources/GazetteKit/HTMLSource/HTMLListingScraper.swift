internal import CLibXML2
import Foundation

/// Turns an HTML listing page (a council news page, a trade-press section page) into a `ParsedFeed`
/// using a source's XPath 1.0 rule, so pages without feeds go through the same dedup, store and publisher.
///
/// The page is parsed by libxml2's forgiving HTML parser (broken markup is recovered, never fatal);
/// `item` is evaluated on the document, every other expression with each item node as context node.
/// Expressions may select elements (their visible text, whitespace collapsed), attributes (`@href`)
/// or compute strings (`normalize-space(…)`, `concat(…)`).
public struct HTMLListingScraper: Sendable {
    /// The key path used in messages (`feeds[2].html` when the caller knows the feed's index).
    public var keyPath: String

    /// A scraper whose messages name rule keys under `keyPath` (e.g. `feeds[2].html`).
    public init(keyPath: String = "html") {
        self.keyPath = keyPath
    }

    /// Scrapes `data` (the page at `url`) with `rule`; see `scrapeReport` for the match counts.
    /// - Parameter httpCharset: the charset of the HTTP `Content-Type` header, if any (authoritative).
    public func scrape(
        _ data: Data, url: URL, rule: HTMLRule, httpCharset: String?
    ) throws(HTMLSourceError) -> ParsedFeed {
        try scrapeReport(data, url: url, rule: rule, httpCharset: httpCharset).feed
    }

    /// Scrapes `data` and also reports how many nodes the item expression matched.
    public func scrapeReport(
        _ data: Data, url: URL, rule: HTMLRule, httpCharset: String?
    ) throws(HTMLSourceError) -> HTMLScrapeReport {
        let fields = try HTMLRuleValidator.fields(of: rule, keyPath: keyPath)
        let dateParser = HTMLDateParser(format: rule.dateFormat)
        let splitter = try BylineSplitter(rule: rule, keyPath: keyPath, dateParser: dateParser)
        guard !data.isEmpty else { throw .emptyPage(url: url.absoluteString) }
        let encoding = HTMLCharset.resolve(data, httpCharset: httpCharset)
        let outcome = HTMLDocument.withDocument(data, url: url.absoluteString, encoding: encoding) {
            doc -> Result<HTMLScrapeReport, HTMLSourceError> in
            XPathContext.with(doc) { context -> Result<HTMLScrapeReport, HTMLSourceError> in
                do throws(HTMLSourceError) {
                    for field in fields { try context.compile(field.expression, key: field.key) }
                    var extractor = HTMLItemExtractor(
                        doc: doc, context: context, fields: fields, rule: rule, keyPath: keyPath,
                        page: PageInfo(doc: doc, context: context, url: url), splitter: splitter)
                    return .success(try extractor.run())
                } catch {
                    return .failure(error)
                }
            } ?? .failure(.unreadablePage(url: url.absoluteString))
        }
        guard let outcome else { throw .unreadablePage(url: url.absoluteString) }
        return try outcome.get()
    }

    /// The warning a run prints when a rule that matched items last time matches none now, or `nil`.
    public static func layoutChangeWarning(source: String, previousMatchCount: Int?, currentMatchCount: Int) -> String? {
        guard previousMatchCount != nil else { return nil }
        return matchWarning(previousMatchCount: previousMatchCount, currentMatchCount: currentMatchCount).map { "\(source): \($0)" }
    }

    /// What a run says when the item rule matched nothing (without the source's name): a layout
    /// change when it matched before, a rule to check when it never ran before; nil otherwise
    /// (a rule that matched nothing last time too is shown by `gazette list`, not on every run).
    public static func matchWarning(previousMatchCount: Int?, currentMatchCount: Int) -> String? {
        guard currentMatchCount == 0 else { return nil }
        guard let previous = previousMatchCount else {
            return "the html rule's \"item\" expression matched nothing on the page, so the source has no items; "
                + "check the rule against the page (`gazette add URL` suggests one)"
        }
        guard previous > 0 else { return nil }
        return "the item rule matched no items (it matched \(previous) last time): "
            + "the page layout may have changed; check the html rule against the page"
    }
}

/// Page-level facts every item needs: title, language, description and the link base.
struct PageInfo {
    var title: String?
    var description: String?
    var language: String?
    var resolver: HTMLLinkResolver
    var pageURL: URL

    init(doc: xmlDocPtr, context: XPathContext, url: URL) {
        pageURL = url
        var baseHref: String?
        if let root = xmlDocGetRootElement(doc) {
            language = HTMLDocument.attribute(root, "lang").map(\.collapsingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
            for child in HTMLDocument.elementChildren(root) where HTMLDocument.name(child) == "head" {
                for element in HTMLDocument.elementChildren(child) {
                    switch HTMLDocument.name(element) {
                    case "title" where title == nil:
                        title = HTMLDocument.text(of: element)
                    case "base" where baseHref == nil:
                        baseHref = HTMLDocument.attribute(element, "href")
                    case "meta" where description == nil:
                        if HTMLDocument.attribute(element, "name")?.lowercased() == "description" {
                            description = HTMLDocument.attribute(element, "content")?.collapsingWhitespace
                        }
                    default: break
                    }
                }
            }
        }
        if title?.isEmpty == true { title = nil }
        if description?.isEmpty == true { description = nil }
        resolver = HTMLLinkResolver(pageURL: url, baseHref: baseHref)
    }
}
