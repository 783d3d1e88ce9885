import Foundation

/// Turns any feed document found in the wild into a `ParsedFeed`.
///
/// Format is detected from the content, never from a file name or content type. All XML and HTML
/// work goes through libxml2 with entity substitution, DTD loading and network access disabled.
///
/// Policy for damaged documents: a strict streaming pass first; on an encoding error, retry with the
/// HTTP charset, else windows-1252; on an entity error, mend undeclared HTML entities and bare `&`
/// and retry strictly; otherwise re-read in libxml2's recover mode. Anything but a clean strict pass
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
        let charset = EncodingSniffer.cleanCharset(httpCharset)
        let hasBOM = EncodingSniffer.byteOrderMark(raw) != nil
        // RFC 7303: a BOM wins; otherwise the HTTP charset is authoritative over the XML declaration.
        var override = hasBOM ? nil : charset.map(EncodingSniffer.effectiveCharset)
        if override == nil, !hasBOM, let declared = EncodingSniffer.declaredEncoding(raw),
            EncodingSniffer.effectiveCharset(declared) != declared
        {
            override = EncodingSniffer.effectiveCharset(declared)
        }
        var diagnostics: [String] = []

        let first = run(raw, encoding: override, recover: false, base: base)
        if let outcome = try accept(first, source: source, recovered: false, diagnostics: diagnostics) {
            return outcome
        }
        guard let fatal = first.firstFatal else {
            return try finish(first, source: source, recovered: true, diagnostics: first.issues.map(\.diagnostic))
        }
        diagnostics.append(fatal.diagnostic)
        var encoding = override

        if fatal.isEncodingError {
            var candidates: [String] = []
            if let charset, charset != override { candidates.append(charset) }
            if !EncodingSniffer.isWideEncoding(raw) { candidates.append("windows-1252") }
            for candidate in candidates {
                let retry = run(raw, encoding: candidate, recover: false, base: base)
                if let feed = try accept(
                    retry, source: source, recovered: true,
                    diagnostics: diagnostics + ["the document is not valid \(override ?? "UTF-8"); read it as \(candidate)"])
                {
                    return feed
                }
                if retry.firstFatal?.isEncodingError == false {
                    encoding = candidate
                    break
                }
            }
        }

        let repaired = EncodingSniffer.isWideEncoding(raw) ? nil : EntityRepair.repair(raw)
        if let repaired {
            let retry = repaired.withUnsafeBytes { run($0, encoding: encoding, recover: false, base: base) }
            if let feed = try accept(retry, source: source, recovered: true, diagnostics: diagnostics) {
                return feed
            }
        }
        let salvaged: FeedBuilder
        if let repaired {
            salvaged = repaired.withUnsafeBytes { run($0, encoding: encoding, recover: true, base: base) }
        } else {
            salvaged = run(raw, encoding: encoding, recover: true, base: base)
        }
        for issue in salvaged.issues where issue.isFatal && !diagnostics.contains(issue.diagnostic) {
            if diagnostics.count < 20 { diagnostics.append(issue.diagnostic) }
        }
        return try finish(salvaged, source: source, recovered: true, diagnostics: diagnostics)
    }

    private func run(_ bytes: UnsafeRawBufferPointer, encoding: String?, recover: Bool, base: String?) -> FeedBuilder {
        let builder = FeedBuilder(documentBase: base)
        FeedSAXParser.run(bytes, encoding: encoding, recover: recover, into: builder)
        return builder
    }

    /// The feed, when `builder` read the document cleanly; throws when the document is clearly not a feed.
    private func accept(
        _ builder: FeedBuilder, source: String, recovered: Bool, diagnostics: [String]
    ) throws(FeedParseError) -> ParsedFeed? {
        if builder.family == .unknown, let root = builder.rootName {
            throw .notAFeed(source: source, reason: Self.describeRoot(root))
        }
        guard builder.firstFatal == nil, builder.wellFormed, builder.family != .unknown else { return nil }
        return builder.makeFeed(recovered: recovered, diagnostics: diagnostics)
    }

    private func finish(
        _ builder: FeedBuilder, source: String, recovered: Bool, diagnostics: [String]
    ) throws(FeedParseError) -> ParsedFeed {
        if builder.family == .unknown {
            if let root = builder.rootName { throw .notAFeed(source: source, reason: Self.describeRoot(root)) }
            let why = diagnostics.first.map { "no XML root element (\($0))" } ?? "no XML root element"
            throw .notAFeed(source: source, reason: why)
        }
        return builder.makeFeed(recovered: recovered, diagnostics: diagnostics)
    }

    private static func describeRoot(_ root: String) -> String {
        if root.lowercased() == "html" { return "it is an HTML page (root element <\(root)>), not RSS, Atom or JSON Feed" }
        return "the root element is <\(root)>, not <rss>, <rdf:RDF> or <feed>"
    }
}
