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
            let bare = word.trimmingCharacters(in: ["<", ">", "(", ")", ",", ";", "\""])
            if email == nil, bare.contains("@"), !bare.hasPrefix("@"), !bare.hasSuffix("@") {
                email = bare.hasPrefix("mailto:") ? String(bare.dropFirst(7)) : bare
            } else {
                rest.append(word)
            }
        }
        var name = rest.joined(separator: " ")
        name = name.trimmingCharacters(in: [" "])
        if name.hasPrefix("("), name.hasSuffix(")") { name = String(name.dropFirst().dropLast()) }
        if name.hasPrefix("<"), name.hasSuffix(">") { name = String(name.dropFirst().dropLast()) }
        name = name.trimmingCharacters(in: [" ", "\"", "'"])
        return Person(name: name.isEmpty ? nil : name, email: email)
    }
}
