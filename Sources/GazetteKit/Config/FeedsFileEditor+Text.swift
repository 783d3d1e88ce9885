import Foundation

/// The text edits behind `add` and `remove`: pure functions from one `feeds.json` text to the next.
extension FeedsFileEditor {
    /// `text` with a feed entry appended to `feeds`, written in the style of the entries already there.
    public static func adding(
        url: String, sections: [String], name: String? = nil, to text: String, baseDirectory: URL,
        fileName: String = "feeds.json"
    ) throws(ConfigError) -> String {
        let bytes = Array(text.utf8)
        let current = try GazetteConfig.parse(Data(bytes), baseDirectory: baseDirectory, fileName: fileName)
        let root = try parseTree(bytes, fileName: fileName)
        guard let feedsNode = root["feeds"], case .array(let elements) = feedsNode.value else {
            throw .invalid(file: fileName, issues: [ConfigIssue(kind: .wrongType, path: "feeds", message: "feeds must be a list")])
        }
        try checkNewFeed(url: url, sections: sections, name: name, current: current, index: elements.count, fileName: fileName)

        var fields: [(String, String)] = [("url", JSONStringLiteral.quote(url))]
        fields.append(
            (
                "section",
                sections.count == 1
                    ? JSONStringLiteral.quote(sections[0]) : "[" + sections.map(JSONStringLiteral.quote).joined(separator: ", ") + "]"
            ))
        if let name { fields.append(("name", JSONStringLiteral.quote(name))) }

        let newline = bytes.containsSubsequence(Array("\r\n".utf8)) ? "\r\n" : "\n"
        var insertion: String
        var range: Range<Int>
        if let last = elements.last {
            let separator: String
            if elements.count >= 2 {
                separator = string(bytes, elements[elements.count - 2].end..<elements[elements.count - 1].start)
            } else {
                let gap = string(bytes, feedsNode.start + 1..<last.start)
                separator = gap.isEmpty ? ", " : "," + gap
            }
            insertion = separator + entry(fields, like: last, in: bytes, newline: newline)
            range = last.end..<last.end
        } else {
            let indent = lineIndent(before: feedsKeyOffset(root) ?? feedsNode.start, in: bytes)
            let unit = indentUnit(root, in: bytes)
            let single = "{ " + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + " }"
            insertion = newline + indent + unit + single + newline + indent
            range = feedsNode.start + 1..<feedsNode.end - 1
        }
        var result = bytes
        result.replaceSubrange(range, with: Array(insertion.utf8))
        return String(decoding: result, as: UTF8.self)
    }

    /// `text` without the feed listed under `url`, and without the comma and line it stood on.
    public static func removing(
        url: String, from text: String, baseDirectory: URL, fileName: String = "feeds.json"
    ) throws(ConfigError) -> String {
        let bytes = Array(text.utf8)
        let root = try parseTree(bytes, fileName: fileName)
        guard let feedsNode = root["feeds"], case .array(let elements) = feedsNode.value else {
            throw .invalid(file: fileName, issues: [ConfigIssue(kind: .wrongType, path: "feeds", message: "feeds must be a list")])
        }
        let keys = elements.map { $0["url"]?.stringValue }
        let wanted = identity(url, baseDirectory: baseDirectory)
        guard
            let index = keys.firstIndex(where: { $0 == url })
                ?? keys.firstIndex(where: { key in key.map { identity($0, baseDirectory: baseDirectory) } == wanted && wanted != nil })
        else {
            throw .feedNotListed(file: fileName, url: url, suggestion: Suggestion.closest(to: url, in: keys.compactMap { $0 }))
        }
        let range: Range<Int>
        if elements.count == 1 {
            range = feedsNode.start + 1..<feedsNode.end - 1
        } else if index + 1 < elements.count {
            range = elements[index].start..<elements[index + 1].start
        } else {
            range = elements[index - 1].end..<elements[index].end
        }
        var result = bytes
        result.removeSubrange(range)
        return String(decoding: result, as: UTF8.self)
    }

    // MARK: Checks

    private static func parseTree(_ bytes: [UInt8], fileName: String) throws(ConfigError) -> JSONNode {
        do {
            return try JSONParser.parse(bytes)
        } catch {
            let (line, column) = LineIndex(bytes).location(of: error.offset)
            throw .invalid(
                file: fileName,
                issues: [ConfigIssue(kind: .invalidJSON, path: "", message: "invalid JSON: \(error.message)", line: line, column: column)])
        }
    }

    private static func identity(_ url: String, baseDirectory: URL) -> String? {
        guard case .success(let resolved) = FeedLocation.resolve(url, relativeTo: baseDirectory) else { return nil }
        return FeedLocation.normalizedKey(resolved)
    }

    private static func checkNewFeed(
        url: String, sections: [String], name: String?, current: GazetteConfig, index: Int, fileName: String
    ) throws(ConfigError) {
        var issues: [ConfigIssue] = []
        let path = "feeds[\(index)]"
        switch FeedLocation.resolve(url, relativeTo: current.baseDirectory) {
        case .failure(let problem):
            issues.append(
                ConfigIssue(
                    kind: .invalidURL, path: path + ".url", message: "\"\(url)\" \(problem.message)", suggestion: problem.suggestion))
        case .success(let resolved):
            let identity = FeedLocation.normalizedKey(resolved)
            if let existing = current.feeds.firstIndex(where: { FeedLocation.normalizedKey($0.url) == identity }) {
                throw .feedAlreadyListed(file: fileName, url: url, existingKey: current.feeds[existing].key, path: "feeds[\(existing)]")
            }
        }
        let known = current.sections.map(\.id)
        if sections.isEmpty {
            issues.append(ConfigIssue(kind: .emptyList, path: path + ".section", message: "name at least one section (--section ID)"))
        }
        for id in sections where !known.contains(id) {
            let suggestion = Suggestion.closest(to: id, in: known)
            let choices = suggestion == nil ? " (declared sections: \(known.joined(separator: ", ")))" : ""
            issues.append(
                ConfigIssue(
                    kind: .unknownSection, path: path + ".section", message: "unknown section \"\(id)\"\(choices)", suggestion: suggestion))
        }
        if let name, name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            issues.append(ConfigIssue(kind: .invalidValue, path: path + ".name", message: "the name is empty; give a name or leave it out"))
        }
        if !issues.isEmpty { throw .invalid(file: fileName, issues: issues) }
    }

    // MARK: Formatting in the file's own style

    /// A new object in the same shape as `model`: one line or one member per line, same indents and colon spacing.
    private static func entry(_ fields: [(String, String)], like model: JSONNode, in bytes: [UInt8], newline: String) -> String {
        guard case .object(let members) = model.value, let first = members.first else {
            return "{ " + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + " }"
        }
        let colon = string(bytes, keyEnd(first.keyOffset, in: bytes)..<first.value.start)
        let multiline = bytes[model.start..<model.end].contains(UInt8(ascii: "\n"))
        if multiline {
            let memberIndent = lineIndent(before: first.keyOffset, in: bytes)
            let closeIndent = lineIndent(before: model.end - 1, in: bytes)
            let body = fields.map { memberIndent + "\"\($0.0)\"" + colon + $0.1 }.joined(separator: "," + newline)
            return "{" + newline + body + newline + closeIndent + "}"
        }
        let padding = model.start + 1 < first.keyOffset ? " " : ""
        let separator = members.count >= 2 ? string(bytes, members[0].value.end..<members[1].keyOffset) : ", "
        return "{" + padding + fields.map { "\"\($0.0)\"" + colon + $0.1 }.joined(separator: separator) + padding + "}"
    }

    /// The whitespace before `offset` on its line, when only whitespace precedes it there; else "".
    private static func lineIndent(before offset: Int, in bytes: [UInt8]) -> String {
        var i = offset
        while i > 0, bytes[i - 1] == UInt8(ascii: " ") || bytes[i - 1] == UInt8(ascii: "\t") { i -= 1 }
        guard i == 0 || bytes[i - 1] == UInt8(ascii: "\n") else { return "" }
        return string(bytes, i..<offset)
    }

    /// The file's indentation step, taken from its first top-level key (two spaces if it has none).
    private static func indentUnit(_ root: JSONNode, in bytes: [UInt8]) -> String {
        guard case .object(let members) = root.value, let first = members.first else { return "  " }
        let indent = lineIndent(before: first.keyOffset, in: bytes)
        return indent.isEmpty ? "  " : indent
    }

    private static func feedsKeyOffset(_ root: JSONNode) -> Int? {
        guard case .object(let members) = root.value else { return nil }
        return members.last(where: { $0.key == "feeds" })?.keyOffset
    }

    /// One past the closing quote of the string starting at `offset`.
    private static func keyEnd(_ offset: Int, in bytes: [UInt8]) -> Int {
        var i = offset + 1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
            if bytes[i] == UInt8(ascii: "\"") { return i + 1 }
            i += 1
        }
        return bytes.count
    }

    private static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

}

extension Array where Element == UInt8 {
    fileprivate func containsSubsequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return false }
        for i in 0...(count - needle.count) where self[i] == needle[0] && Array(self[i..<i + needle.count]) == needle {
            return true
        }
        return false
    }
}
