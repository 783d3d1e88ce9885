/// Finds where a feed document really starts when something precedes it: the whitespace
/// WordPress prints before `<?xml` (about one feed in fifteen), a comment a cache plugin adds, or a
/// PHP warning printed as HTML before the feed.
///
/// An XML declaration is only allowed as the very first bytes, and libxml2 rejects a document
/// that has anything before it; its recover mode then drops every entity reference
/// (`&amp;` included). Skipping the prefix lets the strict parser read the document as it was meant.
enum DocumentStart {
    /// Where to start reading, and whether the skipped bytes were only whitespace (a harmless
    /// slip, not worth a diagnostic).
    struct Skip: Equatable {
        var offset: Int
        var onlyWhitespace: Bool
    }

    /// How far into the document a misplaced XML declaration is looked for.
    static let searchLimit = 64 * 1024

    /// The start of a document whose XML declaration is preceded by other bytes, else nil.
    /// (Only ASCII-compatible documents: the caller leaves UTF-16/32 alone.)
    static func afterLeadingJunk(_ bytes: UnsafeRawBufferPointer) -> Skip? {
        let bom = EncodingSniffer.byteOrderMark(bytes)?.encoding == "UTF-8" ? 3 : 0
        var index = bom
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        if startsDeclaration(bytes, at: index) {
            return index > bom ? Skip(offset: index, onlyWhitespace: true) : nil
        }
        // Something other than whitespace comes first: a declaration further on, before any feed
        // root element, marks the real start.
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let end = min(bytes.count, searchLimit)
        var cursor = index
        while cursor < end {
            cursor = ByteScan.find(UInt8(ascii: "<"), base, from: cursor, to: end)
            guard cursor < end else { return nil }
            if startsDeclaration(bytes, at: cursor) { return Skip(offset: cursor, onlyWhitespace: false) }
            if startsFeedRoot(bytes, at: cursor) { return nil }
            cursor += 1
        }
        return nil
    }

    /// The offset of the first feed root start tag (`<rss`, `<rdf:RDF`, `<feed`) after `offset`,
    /// for a document whose root turned out to be something else (an HTML error message).
    static func feedRoot(in bytes: UnsafeRawBufferPointer, after offset: Int) -> Int? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        let end = min(bytes.count, searchLimit)
        var cursor = offset + 1
        while cursor < end {
            cursor = ByteScan.find(UInt8(ascii: "<"), base, from: cursor, to: end)
            guard cursor < end else { return nil }
            if startsDeclaration(bytes, at: cursor) || startsFeedRoot(bytes, at: cursor) { return cursor }
            cursor += 1
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private static func matches(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString, at offset: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        for step in 0..<count where bytes[offset + step] != literal.utf8Start[step] { return false }
        return true
    }

    /// `<?xml` followed by whitespace (not `<?xml-stylesheet`).
    private static func startsDeclaration(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        matches(bytes, "<?xml", at: offset) && offset + 5 < bytes.count && isSpace(bytes[offset + 5])
    }

    /// `<rss`, `<rdf:RDF` or `<feed`, followed by whitespace, `>` or `/`.
    private static func startsFeedRoot(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        for name: StaticString in ["<rss", "<rdf:RDF", "<feed"] where matches(bytes, name, at: offset) {
            let after = offset + name.utf8CodeUnitCount
            guard after < bytes.count else { return false }
            let byte = bytes[after]
            return isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
        }
        return false
    }
}
