import Foundation

/// Reads the free-text author forms RSS uses: `jo@example.org (Jo Smith)`, `Jo Smith <jo@example.org>`,
/// a bare address, or a bare name.
enum PersonText {
    /// The person `text` names, or `nil` for empty text.
    static func parse(_ text: String) -> Person? {
        let collapsed = FeedText.collapseWhitespace(text)
        if collapsed.isEmpty { return nil }
        guard collapsed.utf8.contains(UInt8(ascii: "@")) else { return Person(name: collapsed) }
        var email: String?
        var rest: [Substring] = []
        for word in collapsed.split(separator: " ") {
            let bare = word.trimming("<>(),;\"")
            if email == nil, bare.utf8.contains(UInt8(ascii: "@")), bare.utf8.first != UInt8(ascii: "@"),
                bare.utf8.last != UInt8(ascii: "@")
            {
                email = String(bare.hasPrefix("mailto:") ? bare.dropFirst(7) : bare)
            } else {
                rest.append(word)
            }
        }
        var name = Substring(rest.joined(separator: " "))
        if name.hasPrefix("("), name.hasSuffix(")") { name = name.dropFirst().dropLast() }
        if name.hasPrefix("<"), name.hasSuffix(">") { name = name.dropFirst().dropLast() }
        name = name.trimming(" \"'")
        return Person(name: name.isEmpty ? nil : String(name), email: email)
    }
}

extension Substring {
    /// The substring without leading and trailing bytes from `characters` (ASCII only), without
    /// Foundation's `trimmingCharacters(in:)`, which bridges through NSString.
    fileprivate func trimming(_ characters: StaticString) -> Substring {
        let set = UnsafeBufferPointer(start: characters.utf8Start, count: characters.utf8CodeUnitCount)
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, set.contains(utf8[start]) { start = utf8.index(after: start) }
        while end > start, set.contains(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return self[start..<end]
    }
}
