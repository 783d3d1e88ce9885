import Foundation

/// Decoding of the publishing keys: `site.hubs` and the `language` of the site and of a section.
extension ConfigDecoder {
    /// A list of absolute http(s) hub URLs, each at most once; nil (after reporting) when any is not.
    mutating func hubList(_ node: JSONNode, at path: String) -> [URL]? {
        guard case .array(let elements) = node.value else {
            report(
                .wrongType, path, "expected a list of hub URLs ([\"https://hub.example/\"]), found \(node.kindName)", at: node.start)
            return nil
        }
        var hubs: [URL] = []
        var ok = true
        for (index, element) in elements.enumerated() {
            let elementPath = "\(path)[\(index)]"
            guard let url = webURL(element, at: elementPath) else {
                ok = false
                continue
            }
            if hubs.contains(url) {
                report(.invalidValue, elementPath, "the hub \(url.absoluteString) is listed twice; keep one", at: element.start)
                ok = false
                continue
            }
            hubs.append(url)
        }
        return ok ? hubs : nil
    }

    /// A BCP 47 language tag (`en`, `en-GB`, `pt-BR`, `zh-Hant`): letters for the first subtag,
    /// letters and digits for the others, 1–8 characters each, separated by `-` (`_` is accepted and
    /// written as `-`). `.none` (after reporting) when it is not one; `.some(tag)` otherwise.
    mutating func languageTag(_ node: JSONNode, at path: String) -> String?? {
        guard let text = string(node, at: path) else { return .none }
        guard let tag = Self.normalizedLanguageTag(text) else {
            report(
                .invalidValue, path,
                "\"\(text)\" is not a language tag; write a BCP 47 tag such as \"en\", \"en-GB\" or \"fr\"", at: node.start)
            return .none
        }
        return .some(tag)
    }

    /// `text` as a BCP 47 tag with `-` separators, or nil when it does not have a tag's shape.
    static func normalizedLanguageTag(_ text: String) -> String? {
        let subtags = text.split(separator: "_", omittingEmptySubsequences: false)
            .joined(separator: "-").split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return nil
        }
        for subtag in subtags.dropFirst() {
            guard (1...8).contains(subtag.count), subtag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        }
        return subtags.joined(separator: "-")
    }
}
