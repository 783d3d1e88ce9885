import Foundation

/// Decoding of `site`, `defaults` and `sections`.
extension ConfigDecoder {
    static let siteKeys = ["title", "url", "author", "description", "icon", "logo", "hubs", "language"]
    static let defaultsKeys = ["interval", "output", "database", "maxEntries", "maxPerSource"]
    static let sectionKeys = ["title", "description", "maxEntries", "maxPerSource", "route", "language"]
    static let routeKeys = ["categories", "include", "exclude"]

    mutating func decodeSite(_ node: JSONNode, at path: String) -> SiteConfig? {
        guard let m = members(of: node, at: path, allowed: Self.siteKeys, required: ["title", "url"], what: "site") else { return nil }
        let title = m["title"].flatMap { string($0, at: Self.join(path, "title")) }
        var url = m["url"].flatMap { webURL($0, at: Self.join(path, "url")) }
        // The site URL is a folder: "https://x/feeds" would otherwise resolve "education.xml" to "https://x/education.xml".
        if let u = url, !u.absoluteString.hasSuffix("/"), URL(string: u.absoluteString + "/") != nil,
            u.query == nil, u.fragment == nil
        {
            url = URL(string: u.absoluteString + "/")
        }
        let author = m["author"].flatMap { string($0, at: Self.join(path, "author")) }
        let description = m["description"].flatMap { string($0, at: Self.join(path, "description")) }
        let icon = m["icon"].flatMap { webURL($0, at: Self.join(path, "icon"), relativeTo: url) }
        let logo = m["logo"].flatMap { webURL($0, at: Self.join(path, "logo"), relativeTo: url) }
        let hubs = m["hubs"].map { hubList($0, at: Self.join(path, "hubs")) } ?? []
        let language = m["language"].map { languageTag($0, at: Self.join(path, "language")) } ?? .some(nil)
        guard let title, let url, let hubs, let language else { return nil }
        return SiteConfig(
            title: title, url: url, author: author, description: description, icon: icon, logo: logo, hubs: hubs, language: language)
    }

    mutating func decodeDefaults(_ node: JSONNode, at path: String) -> ConfigDefaults {
        var defaults = ConfigDefaults(baseDirectory: baseDirectory)
        guard let m = members(of: node, at: path, allowed: Self.defaultsKeys, required: [], what: "defaults") else { return defaults }
        if let n = m["interval"], let seconds = interval(n, at: Self.join(path, "interval")) { defaults.interval = seconds }
        if let n = m["output"], let p = filePath(n, at: Self.join(path, "output")) {
            defaults.output = FeedLocation.fileURL(forPath: p, relativeTo: baseDirectory)
        }
        if let n = m["database"], let p = filePath(n, at: Self.join(path, "database")) {
            defaults.database = FeedLocation.fileURL(forPath: p, relativeTo: baseDirectory)
        }
        if let problem = RunPaths.conflict(output: defaults.output, database: defaults.database) {
            report(.invalidValue, Self.join(path, m["database"] != nil ? "database" : "output"), problem, at: node.start)
        }
        if let n = m["maxEntries"], let v = positiveInt(n, at: Self.join(path, "maxEntries")) { defaults.maxEntries = v }
        if let n = m["maxPerSource"], let v = positiveInt(n, at: Self.join(path, "maxPerSource")) { defaults.maxPerSource = v }
        return defaults
    }

    /// A file path: a non-empty string without control characters (a NUL byte would cut the path short).
    mutating func filePath(_ node: JSONNode, at path: String) -> String? {
        guard let text = string(node, at: path) else { return nil }
        if text.isEmpty || text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            report(.invalidValue, path, "must be a non-empty file path without control characters (such as NUL)", at: node.start)
            return nil
        }
        return text
    }

    /// The sections in file order, and every declared id (valid or not, so feeds are not also blamed
    /// for pointing at a section whose own definition has a typo); ids are nil when `sections` is not an object.
    mutating func decodeSections(_ node: JSONNode, at path: String, defaults: ConfigDefaults) -> ([SectionConfig], Set<String>?) {
        guard case .object(let list) = node.value else {
            report(
                .wrongType, path, "sections must be an object mapping section ids to { \"title\": … }, not \(node.kindName)", at: node.start
            )
            return ([], nil)
        }
        let entries = list.filter { !$0.key.hasPrefix("//") }
        if entries.isEmpty {
            report(.emptyList, path, "no sections are declared; add one, e.g. \"news\": { \"title\": \"News\" }", at: node.start)
        }
        var sections: [SectionConfig] = []
        var seen: Set<String> = []
        for member in entries {
            let sectionPath = Self.join(path, member.key)
            if !seen.insert(member.key).inserted {
                report(.duplicateKey, sectionPath, "the section \"\(member.key)\" is declared twice; keep one", at: member.keyOffset)
                continue
            }
            let idIsValid = Self.isValidSectionID(member.key)
            if !idIsValid {
                report(
                    .invalidSectionID, sectionPath,
                    "the section id \"\(member.key)\" is also its file name, so it may use only a-z, 0-9, - and _, start with a letter or digit, and be at most 64 characters",
                    at: member.keyOffset, suggestion: Self.slug(member.key))
            }
            if let section = decodeSection(member.value, id: member.key, at: sectionPath, defaults: defaults), idIsValid {
                sections.append(section)
            }
        }
        return (sections, seen)
    }

    private mutating func decodeSection(_ node: JSONNode, id: String, at path: String, defaults: ConfigDefaults) -> SectionConfig? {
        guard let m = members(of: node, at: path, allowed: Self.sectionKeys, required: ["title"], what: "a section") else { return nil }
        let title = m["title"].flatMap { string($0, at: Self.join(path, "title")) }
        let description = m["description"].flatMap { string($0, at: Self.join(path, "description")) }
        let maxEntries = m["maxEntries"].map { positiveInt($0, at: Self.join(path, "maxEntries")) } ?? defaults.maxEntries
        let maxPerSource = m["maxPerSource"].map { positiveInt($0, at: Self.join(path, "maxPerSource")) } ?? defaults.maxPerSource
        var route: KeywordFilter?
        var routeIsValid = true
        if let node = m["route"] {
            route = decodeRoute(node, at: Self.join(path, "route"))
            routeIsValid = route != nil
        }
        let language = m["language"].map { languageTag($0, at: Self.join(path, "language")) } ?? .some(nil)
        guard let title, let maxEntries, let maxPerSource, routeIsValid, let language else { return nil }
        return SectionConfig(
            id: id, title: title, description: description, maxEntries: maxEntries, maxPerSource: maxPerSource, route: route,
            language: language)
    }

    private mutating func decodeRoute(_ node: JSONNode, at path: String) -> KeywordFilter? {
        guard let m = members(of: node, at: path, allowed: Self.routeKeys, required: [], what: "a route") else { return nil }
        let categories = m["categories"].map { keywordList($0, at: Self.join(path, "categories")) } ?? []
        let include = m["include"].map { keywordList($0, at: Self.join(path, "include")) } ?? []
        let exclude = m["exclude"].map { keywordList($0, at: Self.join(path, "exclude")) } ?? []
        guard let categories, let include, let exclude else { return nil }
        if categories.isEmpty && include.isEmpty {
            report(
                .emptyList, path,
                "a route needs \"categories\" or \"include\" keywords (with only \"exclude\" it would take every item from every source)",
                at: node.start)
            return nil
        }
        return KeywordFilter(include: include, exclude: exclude, categories: categories)
    }

    /// Section ids are output file names: `[a-z0-9][a-z0-9_-]{0,63}`.
    static func isValidSectionID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64 else { return false }
        func allowed(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "-" || s == "_" }
        return allowed(first) && first != "-" && first != "_" && id.unicodeScalars.allSatisfy(allowed)
    }

    /// A usable id close to what was written: "Children's Services" → "childrens-services".
    static func slug(_ text: String) -> String? {
        var out = ""
        for scalar in text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        let trimmed = String(out.trimmingCharacters(in: CharacterSet(charactersIn: "-_")).prefix(64))
        return trimmed.isEmpty || trimmed == text ? nil : trimmed
    }
}
