import Foundation

/// Walks a parsed `feeds.json` and builds a `GazetteConfig`, collecting every problem instead of
/// stopping at the first, so one `gazette check` shows the whole list.
struct ConfigDecoder {
    let lines: LineIndex
    let baseDirectory: URL
    private(set) var issues: [ConfigIssue] = []

    init(bytes: [UInt8], baseDirectory: URL) {
        lines = LineIndex(bytes)
        self.baseDirectory = baseDirectory
    }

    /// The configuration, or nil when any problem was found (they are in `issues`, in file order).
    mutating func decode(_ root: JSONNode) -> GazetteConfig? {
        guard
            let top = members(
                of: root, at: "", allowed: ["site", "sections", "feeds", "defaults"], required: ["site", "sections", "feeds"],
                what: "the top level")
        else { return nil }
        let site = top["site"].flatMap { decodeSite($0, at: "site") }
        let defaults = top["defaults"].map { decodeDefaults($0, at: "defaults") } ?? ConfigDefaults(baseDirectory: baseDirectory)
        let (sections, sectionIDs) = top["sections"].map { decodeSections($0, at: "sections", defaults: defaults) } ?? ([], nil)
        let feeds = top["feeds"].flatMap { decodeFeeds($0, at: "feeds", sectionIDs: sectionIDs) }
        // File order; problems at the same position keep the order they were found in.
        issues = issues.enumerated()
            .sorted {
                ($0.element.line ?? 0, $0.element.column ?? 0, $0.offset) < ($1.element.line ?? 0, $1.element.column ?? 0, $1.offset)
            }
            .map(\.element)
        guard issues.isEmpty, let site, let feeds else { return nil }
        return GazetteConfig(site: site, sections: sections, feeds: feeds, baseDirectory: baseDirectory, defaults: defaults)
    }

    // MARK: Reporting

    mutating func report(
        _ kind: ConfigIssue.Kind, _ path: String, _ message: String, at offset: Int, suggestion: String? = nil
    ) {
        let (line, column) = lines.location(of: offset)
        issues.append(ConfigIssue(kind: kind, path: path, message: message, suggestion: suggestion, line: line, column: column))
    }

    /// `site.title`, `sections.education`, or `sections["Odd key"]` for keys that are not simple words.
    static func join(_ path: String, _ key: String) -> String {
        let simple =
            !key.isEmpty
            && key.utf8.allSatisfy { b in
                (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
            }
        if !simple {
            let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\(path)[\"\(escaped)\"]"
        }
        return path.isEmpty ? key : "\(path).\(key)"
    }

    // MARK: Typed readers

    /// The members of an object by key, after reporting unknown, repeated and missing keys; nil if `node` is not an object.
    ///
    /// Keys starting with `//` are comments and are ignored.
    mutating func members(
        of node: JSONNode, at path: String, allowed: [String], required: [String], what: String
    ) -> [String: JSONNode]? {
        guard case .object(let list) = node.value else {
            report(.wrongType, path, "\(what) must be an object ({ … }), not \(node.kindName)", at: node.start)
            return nil
        }
        var result: [String: JSONNode] = [:]
        var suggested: Set<String> = []
        for member in list where !member.key.hasPrefix("//") {
            let memberPath = Self.join(path, member.key)
            guard allowed.contains(member.key) else {
                let suggestion = Suggestion.closest(to: member.key, in: allowed)
                if let suggestion { suggested.insert(suggestion) }
                let known = suggestion == nil ? " (\(what) may have: \(allowed.joined(separator: ", ")))" : ""
                report(
                    .unknownKey, memberPath, "unknown key \"\(member.key)\" in \(what)\(known)", at: member.keyOffset,
                    suggestion: suggestion)
                continue
            }
            if result[member.key] != nil {
                report(.duplicateKey, memberPath, "\"\(member.key)\" is given twice in \(what); keep one", at: member.keyOffset)
            }
            result[member.key] = member.value
        }
        // A misspelt required key is reported once, as the unknown key with its suggestion.
        for key in required where result[key] == nil && !suggested.contains(key) {
            report(.missingKey, Self.join(path, key), "\(what) is missing the required key \"\(key)\"", at: node.start)
        }
        return result
    }

    /// A non-empty string.
    mutating func string(_ node: JSONNode, at path: String) -> String? {
        guard case .string(let s) = node.value else {
            report(.wrongType, path, "expected a string in double quotes, found \(node.kindName)", at: node.start)
            return nil
        }
        guard s.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) else {
            report(.invalidValue, path, "is empty; give a value or remove the key", at: node.start)
            return nil
        }
        return s
    }

    /// A whole number of at least 1.
    mutating func positiveInt(_ node: JSONNode, at path: String) -> Int? {
        guard case .number(let value, let raw) = node.value else {
            let hint = node.stringValue.flatMap { Int($0) }.map { " (write \($0) without quotes)" } ?? ""
            report(.wrongType, path, "expected a whole number, found \(node.kindName)\(hint)", at: node.start)
            return nil
        }
        guard value >= 1, value <= Double(Int32.max), value.rounded() == value else {
            report(.invalidValue, path, "must be a whole number of at least 1, not \(raw)", at: node.start)
            return nil
        }
        return Int(value)
    }

    /// A list of non-empty strings; with `allowSingle`, a lone string counts as a one-element list.
    mutating func stringList(_ node: JSONNode, at path: String, allowSingle: Bool = false) -> [String]? {
        if allowSingle, case .string = node.value {
            return string(node, at: path).map { [$0] }
        }
        guard case .array(let elements) = node.value else {
            let expected = allowSingle ? "a string or a list of strings" : "a list of strings ([\"…\", \"…\"])"
            report(.wrongType, path, "expected \(expected), found \(node.kindName)", at: node.start)
            return nil
        }
        var strings: [String] = []
        var ok = true
        for (i, element) in elements.enumerated() {
            if let s = string(element, at: "\(path)[\(i)]") { strings.append(s) } else { ok = false }
        }
        return ok ? strings : nil
    }

    /// A keyword list for filters and routes: every keyword must have something to match.
    mutating func keywordList(_ node: JSONNode, at path: String) -> [String]? {
        guard let list = stringList(node, at: path) else { return nil }
        var ok = true
        for (i, keyword) in list.enumerated() where !KeywordFilter.isUsableKeyword(keyword) {
            var offset = node.start
            if case .array(let elements) = node.value, i < elements.count { offset = elements[i].start }
            report(.invalidValue, "\(path)[\(i)]", "the keyword \"\(keyword)\" has nothing to match (only spaces or a lone *)", at: offset)
            ok = false
        }
        return ok ? list : nil
    }

    /// An absolute http(s) URL (for the site and its images).
    mutating func webURL(_ node: JSONNode, at path: String, relativeTo base: URL? = nil) -> URL? {
        guard let text = string(node, at: path) else { return nil }
        if let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty, !text.contains(" ")
        {
            return url
        }
        if let base, URL(string: text)?.scheme == nil, let url = URL(string: text, relativeTo: base)?.absoluteURL {
            return url
        }
        let suggestion = text.lowercased().hasPrefix("www.") ? "https://" + text : nil
        report(
            .invalidURL, path, "\"\(text)\" is not an absolute http(s) URL (such as https://news.example.org/feeds/)", at: node.start,
            suggestion: suggestion)
        return nil
    }
}
