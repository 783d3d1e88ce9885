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
            var bare = word.trimming("<>(),;\"")
            if bare.hasPrefix("mailto:") { bare = bare.dropFirst(7) }
            if email == nil, isEmailAddress(bare) {
                email = String(bare)
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

    /// Whether `word` is an e-mail address as feedparser recognises one: `local@domain.tld`, the
    /// domain with at least one dot and a top-level label of letters (`Brian@Stone` is a name).
    static func isEmailAddress(_ word: Substring) -> Bool {
        let utf8 = Array(word.utf8)
        guard let at = utf8.firstIndex(of: UInt8(ascii: "@")), at > 0 else { return false }
        for byte in utf8[..<at] {
            guard FeedDate.isLetter(byte) || FeedDate.isDigit(byte) || byte == 0x5F || byte == 0x2D || byte == 0x2E || byte == 0x2B
            else { return false }
        }
        let labels = utf8[(at + 1)...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(FeedDate.isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { FeedDate.isLetter($0) || FeedDate.isDigit($0) || $0 == 0x2D }
        }
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
