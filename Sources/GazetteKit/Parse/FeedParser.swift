import Foundation

/// Turns any feed document found in the wild into a `ParsedFeed`.
///
/// Format is detected from the content, never from a file name or content type. All XML and HTML
/// work goes through libxml2 with entity substitution, DTD loading and network access disabled.
///
/// Policy for damaged documents: a strict streaming pass first; on an encoding error, retry with the
/// HTTP charset, else windows-1252; then mend undeclared HTML entities, bare `&` and forbidden control
/// characters and retry strictly; otherwise re-read in libxml2's recover mode. Anything but a clean strict pass
/// marks the result `recovered`, with "line L:C: message" diagnostics.
public struct FeedParser: Sendable {
    public init() {}

    /// Parses one document.
    /// - Parameters:
    ///   - data: the document's bytes, as fetched.
    ///   - url: the URL it came from (base for relative links).
    ///   - httpCharset: the charset an HTTP `Content-Type` header gave, if any (authoritative).
    public func parse(_ data: Data, url: URL?, httpCharset: String? = nil) throws(FeedParseError) -> ParsedFeed {
        let source = url?.absoluteString ?? "input"
        let isBlank = data.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if data.isEmpty || isBlank { throw .empty(source: source) }
        let result: Result<ParsedFeed, FeedParseError> = data.withUnsafeBytes { raw in
            if EncodingSniffer.looksLikeJSON(raw) {
                return Result { () throws(FeedParseError) in try JSONFeedParser.parse(data, url: url, source: source) }
            }
            return Result { () throws(FeedParseError) in
                try parseXML(raw, base: url?.absoluteString, httpCharset: httpCharset, source: source)
            }
        }
        return try result.get()
    }

    private func parseXML(
        _ raw: UnsafeRawBufferPointer, base: String?, httpCharset: String?, source: String
    ) throws(FeedParseError) -> ParsedFeed {
        guard !EncodingSniffer.isWideEncoding(raw) else {
            return try parseDocument(raw, base: base, httpCharset: httpCharset, source: source, note: nil)
        }
        // A UTF-8 byte-order mark is authoritative; it is lost when the bytes before the real
        // start are skipped, so it is passed on as the charset.
        let bomCharset = EncodingSniffer.byteOrderMark(raw) != nil ? "UTF-8" : httpCharset
        var start = 0
        var note: String?
        if let skip = DocumentStart.afterLeadingJunk(raw) {
            start = skip.offset
            if !skip.onlyWhitespace { note = Self.skippedNote(raw, count: skip.offset, before: "the XML declaration") }
        }
        let document = UnsafeRawBufferPointer(rebasing: raw[start...])
        do {
            return try parseDocument(
                document, base: base, httpCharset: start > 0 ? bomCharset : httpCharset, source: source, note: note)
        } catch {
            // The root is not a feed (or there is none): a PHP warning or an HTML error message
            // printed before a feed that has no XML declaration. Read the feed after it.
            guard note == nil, let offset = DocumentStart.feedRoot(in: document, after: 0) else { throw error }
            let skipped = Self.skippedNote(document, count: offset, before: "the feed's root element")
            let rest = UnsafeRawBufferPointer(rebasing: document[offset...])
            let charset = bomCharset ?? EncodingSniffer.declaredEncoding(document)
            if let feed = try? parseDocument(rest, base: base, httpCharset: charset, source: source, note: skipped) {
                return feed
            }
            throw error
        }
    }

    /// "skipped N bytes before …", quoting the start of what was skipped (a diagnostic only: the
    /// text is never part of the feed).
    private static func skippedNote(_ bytes: UnsafeRawBufferPointer, count: Int, before: String) -> String {
        let head = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<min(count, 60)]), as: UTF8.self)
        let quoted = FeedText.collapseWhitespace(head)
        return "skipped \(count) bytes before \(before) (\"\(quoted)\(count > 60 ? "…" : "")\")"
    }

    /// Reads a document that starts where the feed starts. `note`, when set, says what was
    /// skipped before it: the result is then `recovered`, with the note as its first diagnostic.
    private func parseDocument(
        _ raw: UnsafeRawBufferPointer, base: String?, httpCharset: String?, source: String, note: String?
    ) throws(FeedParseError) -> ParsedFeed {
        let charset = EncodingSniffer.cleanCharset(httpCharset)
        let hasBOM = EncodingSniffer.byteOrderMark(raw) != nil
        let wide = EncodingSniffer.isWideEncoding(raw)
        // RFC 7303: a BOM wins; otherwise the HTTP charset is authoritative over the XML declaration.
        var label = hasBOM ? nil : charset
        if label == nil, !hasBOM, let declared = EncodingSniffer.declaredEncoding(raw),
            EncodingSniffer.effectiveCharset(declared) != declared.lowercased()
        {
            label = declared
        }

        let first = attempt(raw, label: label, recover: false, base: base)
        let notes = note.map { [$0] } ?? []
        if let feed = try accept(first, source: source, recovered: note != nil, diagnostics: notes) { return feed }
        // Not well-formed: the first error libxml2 reported is the one to show.
        let fatal = first.firstFatal ?? first.issues.first
        var diagnostics = notes + (fatal.map { [$0.diagnostic] } ?? ["the document is not well-formed XML"])

        if fatal?.isEncodingError == true {
            var candidates: [String] = []
            if let charset, charset != label { candidates.append(charset) }
            if !wide, !hasBOM, EncodingSniffer.effectiveCharset(label ?? "utf-8") != "windows-1252" {
                candidates.append("windows-1252")
            }
            for candidate in candidates {
                let retry = attempt(raw, label: candidate, recover: false, base: base)
                let note = "the document is not valid \(label ?? "UTF-8"); read it as \(candidate)"
                if let feed = try accept(retry, source: source, recovered: true, diagnostics: diagnostics + [note]) {
                    return feed
                }
                if retry.firstFatal?.isEncodingError == false {
                    label = candidate
                    diagnostics.append(note)
                    break
                }
            }
        }

        var repaired = wide ? nil : XMLRepair.repair(raw)
        if let repaired {
            let retry = repaired.withUnsafeBytes { attempt($0, label: label, recover: false, base: base) }
            if let feed = try accept(retry, source: source, recovered: true, diagnostics: diagnostics) { return feed }
        }
        // Recover mode drops every entity reference after the first error (libxml2 skips
        // references once a document is not well-formed, `&amp;` included): the recovery pass reads
        // them as character references, which it keeps.
        let salvaged: FeedBuilder
        repaired = nil
        if let forRecovery = wide ? nil : XMLRepair.repair(raw, forRecovery: true) {
            salvaged = forRecovery.withUnsafeBytes { attempt($0, label: label, recover: true, base: base) }
        } else {
            salvaged = attempt(raw, label: label, recover: true, base: base)
        }
        for issue in salvaged.issues where issue.isFatal && !diagnostics.contains(issue.diagnostic) {
            if diagnostics.count < 20 { diagnostics.append(issue.diagnostic) }
        }
        return try finish(salvaged, source: source, recovered: true, diagnostics: diagnostics)
    }

    /// One pass with the bytes decoded as `label`; windows-1252 (and the labels the WHATWG maps to it)
    /// is transcoded in Swift, everything else is left to libxml2 and iconv.
    private func attempt(_ bytes: UnsafeRawBufferPointer, label: String?, recover: Bool, base: String?) -> FeedBuilder {
        if let label, EncodingSniffer.effectiveCharset(label) == "windows-1252" {
            let utf8 = Windows1252.utf8(from: bytes)
            return withExtendedLifetime(utf8) {
                FeedSAXParser.run(UnsafeRawBufferPointer(utf8.bytes), encoding: "UTF-8", recover: recover, documentBase: base)
            }
        }
        return FeedSAXParser.run(bytes, encoding: label, recover: recover, documentBase: base)
    }

    /// The feed, when `builder` read the document cleanly; throws when the document is clearly not a feed.
    private func accept(
        _ built: FeedBuilder, source: String, recovered: Bool, diagnostics: [String]
    ) throws(FeedParseError) -> ParsedFeed? {
        var builder = built
        if builder.family == .unknown, let root = builder.rootName {
            throw .notAFeed(source: source, reason: Self.describeRoot(root))
        }
        guard builder.firstFatal == nil, builder.wellFormed, builder.family != .unknown else { return nil }
        return builder.makeFeed(recovered: recovered, diagnostics: diagnostics)
    }

    private func finish(
        _ built: FeedBuilder, source: String, recovered: Bool, diagnostics: [String]
    ) throws(FeedParseError) -> ParsedFeed {
        var builder = built
        if builder.family == .unknown {
            if let root = builder.rootName { throw .notAFeed(source: source, reason: Self.describeRoot(root)) }
            let why = diagnostics.first.map { "no XML root element (\($0))" } ?? "no XML root element"
            throw .notAFeed(source: source, reason: why)
        }
        return builder.makeFeed(recovered: recovered, diagnostics: diagnostics)
    }

    private static func describeRoot(_ root: String) -> String {
        if root.lowercased() == "html" { return "it is an HTML page (root element <\(root)>), not RSS, Atom or JSON Feed" }
        if ["feed", "RDF", "rdf:RDF"].contains(root) {
            return "the root element <\(root)> is in a namespace that is not Atom's or RDF's"
        }
        return "the root element is <\(root)>, not <rss>, <rdf:RDF> or <feed>"
    }
}
