import Foundation

/// Decoding of the `feeds` list: locations, sections, options, filters and HTML rules.
extension ConfigDecoder {
    static let feedKeys = ["url", "section", "name", "interval", "headers", "maxEntries", "include", "exclude", "categories", "html"]
    static let htmlKeys = [
        "item", "title", "link", "summary", "author", "date", "dateFormat", "category", "authorPattern", "datePattern",
    ]

    /// The feeds in file order; nil when `feeds` is not a list. `sectionIDs` is nil when the sections could not be read.
    mutating func decodeFeeds(_ node: JSONNode, at path: String, sectionIDs: Set<String>?) -> [FeedConfig]? {
        guard case .array(let elements) = node.value else {
            report(.wrongType, path, "feeds must be a list ([ { \"url\": …, \"section\": … }, … ]), not \(node.kindName)", at: node.start)
            return nil
        }
        var feeds: [FeedConfig] = []
        var firstByIdentity: [String: (index: Int, key: String)] = [:]
        for (i, element) in elements.enumerated() {
            let feedPath = "\(path)[\(i)]"
            var location: (key: String, url: URL)?
            let feed = decodeFeed(element, at: feedPath, sectionIDs: sectionIDs, location: &location)
            // Duplicates are checked on the URL alone, so they are reported even when other keys have problems.
            guard let location else { continue }
            let identity = FeedLocation.normalizedKey(location.url)
            if let first = firstByIdentity[identity] {
                report(
                    .duplicateFeed, Self.join(feedPath, "url"),
                    "\"\(location.key)\" is the same feed as \(path)[\(first.index)] (\"\(first.key)\"); list each feed once, with all its sections in \"section\": [ … ]",
                    at: (element["url"] ?? element).start)
                continue
            }
            firstByIdentity[identity] = (i, location.key)
            if let feed { feeds.append(feed) }
        }
        return feeds
    }

    /// One feed; `location` is set whenever its `url` is usable, even if other keys have problems.
    private mutating func decodeFeed(
        _ node: JSONNode, at path: String, sectionIDs: Set<String>?, location: inout (key: String, url: URL)?
    ) -> FeedConfig? {
        guard let m = members(of: node, at: path, allowed: Self.feedKeys, required: ["url", "section"], what: "a feed") else { return nil }
        var key: String?
        var url: URL?
        if let n = m["url"], let text = string(n, at: Self.join(path, "url")) {
            switch FeedLocation.resolve(text, relativeTo: baseDirectory) {
            case .success(let resolved):
                key = text
                url = resolved
                location = (text, resolved)
            case .failure(let problem):
                report(.invalidURL, Self.join(path, "url"), "\"\(text)\" \(problem.message)", at: n.start, suggestion: problem.suggestion)
            }
        }
        let sections = m["section"].flatMap { feedSections($0, at: Self.join(path, "section"), known: sectionIDs) }
        let name = m["name"].flatMap { string($0, at: Self.join(path, "name")) }
        var ok = true
        /// Reads an optional key; a present but invalid value clears `ok`.
        func optional<T>(_ key: String, _ read: (JSONNode, String) -> T?) -> T? {
            guard let n = m[key] else { return nil }
            let value = read(n, Self.join(path, key))
            if value == nil { ok = false }
            return value
        }
        let seconds = optional("interval") { self.interval($0, at: $1) }
        let requestHeaders = optional("headers") { self.headers($0, at: $1) } ?? [:]
        let maxEntries = optional("maxEntries") { self.positiveInt($0, at: $1) }
        let include = optional("include") { self.keywordList($0, at: $1) } ?? []
        let exclude = optional("exclude") { self.keywordList($0, at: $1) } ?? []
        let categories = optional("categories") { self.keywordList($0, at: $1) } ?? []
        let html = optional("html") { self.htmlRule($0, at: $1) }
        guard ok, let key, let url, let sections else { return nil }
        let filter =
            include.isEmpty && exclude.isEmpty && categories.isEmpty
            ? nil : KeywordFilter(include: include, exclude: exclude, categories: categories)
        return FeedConfig(
            key: key, url: url, sections: sections, name: name, interval: seconds, headers: requestHeaders,
            maxEntries: maxEntries, filter: filter, html: html)
    }

    /// `"section": "id"` or `"section": ["id", …]`, each a declared section.
    private mutating func feedSections(_ node: JSONNode, at path: String, known: Set<String>?) -> [String]? {
        guard let list = stringList(node, at: path, allowSingle: true) else { return nil }
        if list.isEmpty {
            report(.emptyList, path, "the section list is empty; name at least one section this feed belongs to", at: node.start)
            return nil
        }
        var ok = true
        var unique: [String] = []
        for (i, id) in list.enumerated() where !unique.contains(id) {
            unique.append(id)
            guard let known, !known.contains(id) else { continue }
            var offset = node.start
            var elementPath = path
            if case .array(let elements) = node.value, i < elements.count {
                offset = elements[i].start
                elementPath = "\(path)[\(i)]"
            }
            let suggestion = Suggestion.closest(to: id, in: known.sorted())
            let choices = suggestion == nil ? " (declared sections: \(known.sorted().joined(separator: ", ")))" : ""
            report(.unknownSection, elementPath, "unknown section \"\(id)\"\(choices)", at: offset, suggestion: suggestion)
            ok = false
        }
        return ok ? unique : nil
    }

    /// A duration string such as `"30m"`; see `IntervalText`.
    mutating func interval(_ node: JSONNode, at path: String) -> TimeInterval? {
        if case .number(let value, let raw) = node.value {
            // `Int(exactly:)`: a number too large for Int (found by fuzzing) must not trap.
            let minutes = Int(exactly: value).map { "\($0)m" } ?? "\(raw)m"
            report(
                .wrongType, path,
                "a bare number is ambiguous; write the interval with a unit: \"30m\" (minutes), \"2h\" (hours), \"1d\", \"90s\"",
                at: node.start, suggestion: minutes)
            return nil
        }
        guard let text = string(node, at: path) else { return nil }
        guard let seconds = IntervalText.seconds(text) else {
            report(
                .invalidValue, path,
                "\"\(text)\" is not a duration; write a number and a unit (s, m, h, d), e.g. \"30m\", \"2h\", \"1h30m\"",
                at: node.start)
            return nil
        }
        return seconds
    }

    /// Request headers: an object of header names to string values.
    private mutating func headers(_ node: JSONNode, at path: String) -> [String: String]? {
        guard case .object(let list) = node.value else {
            report(
                .wrongType, path, "headers must be an object such as { \"Authorization\": \"Bearer …\" }, not \(node.kindName)",
                at: node.start)
            return nil
        }
        var result: [String: String] = [:]
        var ok = true
        let token = CharacterSet(charactersIn: "!#$%&'*+-.^_`|~").union(CharacterSet(charactersIn: "a"..."z"))
            .union(CharacterSet(charactersIn: "A"..."Z")).union(CharacterSet(charactersIn: "0"..."9"))
        for member in list {
            let memberPath = Self.join(path, member.key)
            if member.key.isEmpty || !member.key.unicodeScalars.allSatisfy(token.contains) {
                report(
                    .invalidValue, memberPath, "\"\(member.key)\" is not a valid HTTP header name (letters, digits and - only)",
                    at: member.keyOffset)
                ok = false
                continue
            }
            guard case .string(let value) = member.value.value else {
                report(.wrongType, memberPath, "a header value must be a string, not \(member.value.kindName)", at: member.value.start)
                ok = false
                continue
            }
            if value.contains(where: { $0 == "\n" || $0 == "\r" }) {
                report(.invalidValue, memberPath, "a header value cannot contain a line break", at: member.value.start)
                ok = false
                continue
            }
            result[member.key] = value
        }
        return ok ? result : nil
    }

    /// The XPath rules for an HTML page, every expression checked.
    private mutating func htmlRule(_ node: JSONNode, at path: String) -> HTMLRule? {
        guard let m = members(of: node, at: path, allowed: Self.htmlKeys, required: ["item"], what: "an html rule") else { return nil }
        var values: [String: String] = [:]
        var ok = true
        for key in Self.htmlKeys {
            guard let n = m[key] else { continue }
            if let s = string(n, at: Self.join(path, key)) { values[key] = s } else { ok = false }
        }
        if m["title"] == nil && m["link"] == nil {
            report(
                .missingKey, Self.join(path, "title"), "an html rule needs \"title\" or \"link\" (or both) to make items", at: node.start)
            ok = false
        }
        guard ok, let item = values["item"] else { return nil }
        let rule = HTMLRule(
            item: item, title: values["title"], link: values["link"], summary: values["summary"], author: values["author"],
            date: values["date"], dateFormat: values["dateFormat"], category: values["category"],
            authorPattern: values["authorPattern"], datePattern: values["datePattern"])
        // The expressions themselves (XPath compiled and tried, regular expressions compiled), in the
        // same pass as the rest of the file, each at its own line and column.
        let problems = HTMLRuleValidator.errors(rule, keyPath: "html")
        for problem in problems {
            let key = problem.subject.hasPrefix("html.") ? String(problem.subject.dropFirst("html.".count)) : problem.subject
            report(.invalidValue, Self.join(path, key), problem.reason, at: (m[key] ?? node).start)
        }
        return problems.isEmpty ? rule : nil
    }
}
