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
    ///
    /// Works on UTF-8 bytes: feeds with relative links resolve one per `href`/`src`, and resolving
    /// through `Character`s and `split` was a seventh of such a feed's parse.
    struct ResolvedBase: Sendable {
        let scheme: [UInt8]
        /// `//host:port`, or empty when the base has no authority.
        let authority: [UInt8]
        let path: [UInt8]
        let query: [UInt8]?

        init?(_ url: String) {
            guard let scheme = HTMLSanitizer.scheme(of: url) else { return nil }
            var rest = Array(url.utf8.dropFirst(scheme.utf8.count + 1))
            if let hash = rest.firstIndex(of: UInt8(ascii: "#")) { rest.removeSubrange(hash...) }
            var query: [UInt8]?
            if let mark = rest.firstIndex(of: UInt8(ascii: "?")) {
                query = Array(rest[(mark + 1)...])
                rest.removeSubrange(mark...)
            }
            if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
                let end = rest[2...].firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
                authority = Array(rest[..<end])
                rest.removeSubrange(..<end)
            } else {
                authority = []
            }
            self.scheme = Array(scheme.utf8)
            self.path = rest
            self.query = query
        }

        /// RFC 3986 §5.2.2 reference resolution (the reference has no scheme).
        func resolve(_ reference: String) -> String {
            var reference = reference
            return reference.withUTF8 { resolve(bytes: $0) }
        }

        private func resolve(bytes reference: UnsafeBufferPointer<UInt8>) -> String {
            var ref = reference[...]
            var fragment: Slice<UnsafeBufferPointer<UInt8>>?
            if let hash = ref.firstIndex(of: UInt8(ascii: "#")) {
                fragment = ref[(hash + 1)...]
                ref = ref[..<hash]
            }
            var refQuery: Slice<UnsafeBufferPointer<UInt8>>?
            if let mark = ref.firstIndex(of: UInt8(ascii: "?")) {
                refQuery = ref[(mark + 1)...]
                ref = ref[..<mark]
            }
            var result: [UInt8] = []
            result.reserveCapacity(scheme.count + authority.count + path.count + reference.count + 2)
            result.append(contentsOf: scheme)
            result.append(UInt8(ascii: ":"))
            var targetQuery: [UInt8]?
            let slash = UInt8(ascii: "/")
            if ref.count >= 2, ref[ref.startIndex] == slash, ref[ref.startIndex + 1] == slash {
                let afterSlashes = ref[(ref.startIndex + 2)...]
                let end = afterSlashes.firstIndex(of: slash) ?? afterSlashes.endIndex
                result.append(contentsOf: ref[ref.startIndex..<end])
                Self.appendRemovingDotSegments(Array(afterSlashes[end...]), to: &result)
                targetQuery = refQuery.map { Array($0) }
            } else {
                result.append(contentsOf: authority)
                if ref.isEmpty {
                    result.append(contentsOf: path)
                    targetQuery = refQuery.map { Array($0) } ?? query
                } else {
                    if ref.first == slash {
                        Self.appendRemovingDotSegments(Array(ref), to: &result)
                    } else {
                        var merged: [UInt8]
                        if !authority.isEmpty && path.isEmpty {
                            merged = [slash]
                        } else if let last = path.lastIndex(of: slash) {
                            merged = Array(path[...last])
                        } else {
                            merged = []
                        }
                        merged.append(contentsOf: ref)
                        Self.appendRemovingDotSegments(merged, to: &result)
                    }
                    targetQuery = refQuery.map { Array($0) }
                }
            }
            if let targetQuery {
                result.append(UInt8(ascii: "?"))
                result.append(contentsOf: targetQuery)
            }
            if let fragment {
                result.append(UInt8(ascii: "#"))
                result.append(contentsOf: fragment)
            }
            return String(decoding: result, as: UTF8.self)
        }

        /// RFC 3986 §5.2.4.
        static func removeDotSegments(_ path: String) -> String {
            var output: [UInt8] = []
            appendRemovingDotSegments(Array(path.utf8), to: &output)
            return String(decoding: output, as: UTF8.self)
        }

        /// Appends `path` with its `.` and `..` segments removed (RFC 3986 §5.2.4).
        static func appendRemovingDotSegments(_ path: [UInt8], to output: inout [UInt8]) {
            guard path.contains(UInt8(ascii: ".")) else {
                output.append(contentsOf: path)
                return
            }
            let segments = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            let absolute = path.first == UInt8(ascii: "/")
            var kept: [ArraySlice<UInt8>] = []
            let dot: [UInt8] = [UInt8(ascii: ".")]
            let dotDot: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: ".")]
            for (index, segment) in segments.enumerated() {
                if absolute && index == 0 { continue }
                let isLast = index == segments.count - 1
                if segment.elementsEqual(dot) {
                    if isLast { kept.append([]) }
                } else if segment.elementsEqual(dotDot) {
                    if !kept.isEmpty { kept.removeLast() }
                    if isLast { kept.append([]) }
                } else {
                    kept.append(segment)
                }
            }
            if absolute { output.append(UInt8(ascii: "/")) }
            for (index, segment) in kept.enumerated() {
                if index > 0 { output.append(UInt8(ascii: "/")) }
                output.append(contentsOf: segment)
            }
        }
    }
}
