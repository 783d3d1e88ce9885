extension HTMLSanitizer {
    /// URL schemes allowed in links and sources; anything else (javascript, vbscript, data, file,
    /// about, blob…) is removed. feedparser's `ACCEPTABLE_URI_SCHEMES`, minus `file`, plus a few
    /// modern harmless ones.
    static let safeSchemes: Set<String> = [
        "http", "https", "ftp", "ftps", "mailto", "news", "nntp", "snews", "irc", "ircs", "irc6",
        "tel", "sms", "magnet", "feed", "webcal", "xmpp", "sip", "sips", "gopher", "rtsp", "rtspu",
        "mms", "git", "ssh", "sftp", "svn", "svn+ssh", "geo", "itms", "aim", "callto", "skype",
        "facetime", "telnet", "wais", "prospero", "h323", "hdl", "imap", "rsync", "shttp", "cvs",
        "gtalk", "msnim", "ymsg", "smb",
    ]

    /// Image types allowed as `data:` URLs in `img src` (no SVG: it can carry script when opened).
    private static let dataImagePrefixes: [String] = [
        "data:image/png", "data:image/gif", "data:image/jpeg", "data:image/jpg", "data:image/webp",
        "data:image/avif", "data:image/bmp",
    ]

    /// The value to publish for a URL attribute, or `nil` when it must be removed.
    ///
    /// Browsers ignore leading/trailing spaces and control characters and any tab or newline
    /// inside a URL (`java\tscript:`), so those are removed before the scheme is checked.
    /// Relative references are resolved against `base`; an empty value stays empty.
    static func cleanURL(_ raw: String, base: ResolvedBase?, allowDataImage: Bool, resolve: Bool) -> String? {
        var value = raw
        if value.utf8.contains(where: { $0 <= 0x20 }) {
            let bytes = Array(value.utf8)
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] <= 0x20 { start += 1 }
            while end > start, bytes[end - 1] <= 0x20 { end -= 1 }
            value = String(decoding: bytes[start..<end].filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        }
        if value.isEmpty { return "" }
        if let scheme = scheme(of: value) {
            if scheme == "feed" { return isSafeFeedURL(value) ? value : nil }
            if safeSchemes.contains(scheme) { return value }
            if scheme == "data", allowDataImage {
                let lowered = value.prefix(20).lowercased()
                if dataImagePrefixes.contains(where: { lowered.hasPrefix($0) }) { return value }
            }
            return nil
        }
        guard resolve, let base else { return value }
        // The resolved URL is what a reader follows: a base in another scheme (`javascript:…//`,
        // `data:text/html,`) must not carry a relative reference into it. Documents read from
        // disk resolve into `file:`.
        let resolved = base.resolve(value)
        guard let resolvedScheme = scheme(of: resolved),
            (resolvedScheme != "feed" && safeSchemes.contains(resolvedScheme)) || resolvedScheme == "file"
        else { return nil }
        return resolved
    }

    /// `feed:` wraps another URL (`feed:https://…`) or is one (`feed://host/…`): what it wraps
    /// must itself be allowed, so `feed:javascript:…` is not.
    static func isSafeFeedURL(_ value: String) -> Bool {
        var inner = Substring(value)
        while let scheme = scheme(of: String(inner)), scheme == "feed" { inner = inner.dropFirst(5) }
        guard let scheme = scheme(of: String(inner)) else { return true }
        return safeSchemes.contains(scheme)
    }

    /// Whether `value` is an `http:`/`https:` URL that needs no cleaning: no leading or embedded
    /// space or control character (so nothing a browser would strip to reveal another scheme).
    static func isSafeAbsoluteURL(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        guard value.count > 8 else { return false }
        let h = value[0] | 0x20, t1 = value[1] | 0x20, t2 = value[2] | 0x20, p = value[3] | 0x20
        guard h == UInt8(ascii: "h"), t1 == UInt8(ascii: "t"), t2 == UInt8(ascii: "t"), p == UInt8(ascii: "p") else { return false }
        var index = 4
        if value[index] | 0x20 == UInt8(ascii: "s") { index += 1 }
        guard value[index] == UInt8(ascii: ":") else { return false }
        return ByteScan.spaceOrControl(value.baseAddress!, from: index + 1, to: value.count) == value.count
    }

    /// The lower-cased scheme of `url`, or `nil` when it is a relative reference.
    static func scheme(of url: String) -> String? {
        var scheme: [UInt8] = []
        for (offset, byte) in url.utf8.enumerated() {
            if byte == UInt8(ascii: ":") {
                return offset == 0 ? nil : String(decoding: scheme, as: UTF8.self)
            }
            let isAlpha = FeedDate.isLetter(byte)
            let allowed =
                isAlpha
                || (offset > 0
                    && (FeedDate.isDigit(byte) || byte == UInt8(ascii: "+")
                        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")))
            guard allowed else { return nil }
            scheme.append(isAlpha ? byte | 0x20 : byte)
        }
        return nil
    }

    /// A `srcset` value with each candidate URL cleaned and resolved; unsafe candidates dropped.
    ///
    /// Parsed as HTML does: a candidate's URL runs to the next whitespace (so commas inside URLs
    /// survive), trailing commas end it, otherwise descriptors (`2x`, `640w`) run to the next comma.
    static func cleanSrcset(_ value: UnsafeBufferPointer<UInt8>, base: () -> ResolvedBase?) -> [UInt8]? {
        var output: [UInt8] = []
        let count = value.count
        var index = 0
        while index < count {
            while index < count, FeedDate.isSpace(value[index]) || value[index] == UInt8(ascii: ",") { index += 1 }
            guard index < count else { break }
            let urlStart = index
            while index < count, !FeedDate.isSpace(value[index]) { index += 1 }
            var urlEnd = index
            var descriptors: Range<Int> = index..<index
            if value[urlEnd - 1] == UInt8(ascii: ",") {
                while urlEnd > urlStart, value[urlEnd - 1] == UInt8(ascii: ",") { urlEnd -= 1 }
            } else {
                let descriptorStart = index
                while index < count, value[index] != UInt8(ascii: ",") { index += 1 }
                var descriptorEnd = index
                var trimmedStart = descriptorStart
                while trimmedStart < descriptorEnd, FeedDate.isSpace(value[trimmedStart]) { trimmedStart += 1 }
                while descriptorEnd > trimmedStart, FeedDate.isSpace(value[descriptorEnd - 1]) { descriptorEnd -= 1 }
                descriptors = trimmedStart..<descriptorEnd
            }
            guard urlEnd > urlStart else { continue }
            let url = UnsafeBufferPointer(rebasing: value[urlStart..<urlEnd])
            let clean: [UInt8]
            if isSafeAbsoluteURL(url) {
                clean = Array(url)
            } else {
                let raw = String(decoding: url, as: UTF8.self)
                let resolvedBase = scheme(of: raw) == nil ? base() : nil
                guard let cleaned = cleanURL(raw, base: resolvedBase, allowDataImage: false, resolve: true),
                    !cleaned.isEmpty
                else { continue }
                clean = Array(cleaned.utf8)
            }
            if !output.isEmpty { output.append(contentsOf: ", ".utf8) }
            output.append(contentsOf: clean)
            if !descriptors.isEmpty {
                output.append(0x20)
                output.append(contentsOf: UnsafeBufferPointer(rebasing: value[descriptors]))
            }
        }
        return output.isEmpty ? nil : output
    }

    /// A base URL split into the parts RFC 3986 §5.2 resolution needs, parsed once per sanitize call.
    struct ResolvedBase: Sendable {
        let scheme: String
        /// `//host:port`, or empty when the base has no authority.
        let authority: String
        let path: String
        let query: String?

        init?(_ url: String) {
            guard let scheme = HTMLSanitizer.scheme(of: url) else { return nil }
            var rest = url.dropFirst(scheme.utf8.count + 1)
            if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
            var query: String?
            if let mark = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: mark)...])
                rest = rest[..<mark]
            }
            if rest.hasPrefix("//") {
                let afterSlashes = rest.dropFirst(2)
                let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
                authority = "//" + afterSlashes[..<end]
                rest = afterSlashes[end...]
            } else {
                authority = ""
            }
            self.scheme = scheme
            self.path = String(rest)
            self.query = query
        }

        /// RFC 3986 §5.2.2 reference resolution (the reference has no scheme).
        func resolve(_ reference: String) -> String {
            var ref = Substring(reference)
            var fragment: Substring?
            if let hash = ref.firstIndex(of: "#") {
                fragment = ref[ref.index(after: hash)...]
                ref = ref[..<hash]
            }
            var refQuery: Substring?
            if let mark = ref.firstIndex(of: "?") {
                refQuery = ref[ref.index(after: mark)...]
                ref = ref[..<mark]
            }
            var result = scheme + ":"
            var targetQuery: Substring?
            if ref.hasPrefix("//") {
                let afterSlashes = ref.dropFirst(2)
                let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
                result += "//" + afterSlashes[..<end]
                result += Self.removeDotSegments(String(afterSlashes[end...]))
                targetQuery = refQuery
            } else {
                result += authority
                if ref.isEmpty {
                    result += path
                    targetQuery = refQuery ?? query.map { Substring($0) }
                } else {
                    if ref.hasPrefix("/") {
                        result += Self.removeDotSegments(String(ref))
                    } else {
                        let merged: String
                        if !authority.isEmpty && path.isEmpty {
                            merged = "/" + ref
                        } else if let slash = path.lastIndex(of: "/") {
                            merged = String(path[...slash]) + ref
                        } else {
                            merged = String(ref)
                        }
                        result += Self.removeDotSegments(merged)
                    }
                    targetQuery = refQuery
                }
            }
            if let targetQuery { result += "?" + targetQuery }
            if let fragment { result += "#" + fragment }
            return result
        }

        /// RFC 3986 §5.2.4.
        static func removeDotSegments(_ path: String) -> String {
            guard path.contains(".") else { return path }
            var output: [Substring] = []
            let segments = path.split(separator: "/", omittingEmptySubsequences: false)
            let absolute = path.hasPrefix("/")
            for (index, segment) in segments.enumerated() {
                if absolute && index == 0 { continue }
                let isLast = index == segments.count - 1
                switch segment {
                case ".":
                    if isLast { output.append("") }
                case "..":
                    if !output.isEmpty { output.removeLast() }
                    if isLast { output.append("") }
                default:
                    output.append(segment)
                }
            }
            return (absolute ? "/" : "") + output.joined(separator: "/")
        }
    }
}
