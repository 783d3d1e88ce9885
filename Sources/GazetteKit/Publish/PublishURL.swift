import Foundation

/// Decides which URLs and identifiers from the store may appear in published files, so a
/// `javascript:` link or a malformed id can never reach a reader, and every published URL is a
/// plain-ASCII URI (RFC 3986) that validators and older readers accept.
enum PublishURL {
    /// Schemes never published, even as identifiers: they run code or reach local files.
    static let unsafeSchemes: Set<String> = ["javascript", "vbscript", "data", "file", "about", "blob"]

    /// The URI form (see `uri(_:)`) of `text` when it is an absolute `http`/`https` URL with a host;
    /// else `nil`.
    static func web(_ text: String?) -> String? {
        guard let text, let uri = uri(text), uri.hasPrefix("http://") || uri.hasPrefix("https://") else { return nil }
        let rest = uri.drop(while: { $0 != ":" }).dropFirst(3)
        let host = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" }).split(separator: "@").last ?? ""
        guard !host.isEmpty, host.first != ":" else { return nil }
        return uri
    }

    /// `text` when it can serve as an Atom `id`: an absolute IRI whose scheme is not in `unsafeSchemes`.
    ///
    /// Kept exactly as the source wrote it (not mapped to a URI): RFC 4287 §4.2.6.1 forbids changing
    /// an entry's id when it is republished, and readers compare ids character by character.
    /// A `tag:` id must also follow RFC 4151 and a `urn:` id RFC 8141's syntax (as validators check
    /// them): a malformed one is treated like any other non-IRI id.
    static func identifier(_ text: String?) -> String? {
        guard let text, let scheme = absoluteIRIScheme(text), !unsafeSchemes.contains(scheme) else { return nil }
        switch scheme {
        case "tag": return isTagURI(text) ? text : nil
        case "urn": return isURN(text) ? text : nil
        default: return text
        }
    }

    /// RFC 4151 in the form feed validators accept: `tag:` [local `@`] lower-case DNS name `,`
    /// `yyyy[-mm[-dd]]` `:` specific part [`#` fragment], all in ASCII.
    static func isTagURI(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard text.hasPrefix("tag:"), let comma = scalars.firstIndex(of: ",") else { return false }
        let entity = scalars[4..<comma]
        let domain: ArraySlice<Unicode.Scalar>
        if let at = entity.firstIndex(of: "@") {
            let local = entity[..<at]
            guard !local.isEmpty, local.allSatisfy({ isLowerAlphanumeric($0) || "-._".unicodeScalars.contains($0) }) else {
                return false
            }
            domain = entity[(at + 1)...]
        } else {
            domain = entity
        }
        guard !domain.isEmpty, domain.allSatisfy({ isLowerAlphanumeric($0) || $0 == "." || $0 == "-" }) else { return false }
        var index = comma + 1
        func digits(_ count: Int) -> Bool {
            guard index + count <= scalars.count, scalars[index..<(index + count)].allSatisfy(isDigit) else { return false }
            index += count
            return true
        }
        guard digits(4) else { return false }
        for _ in 0..<2 where index < scalars.count && scalars[index] == "-" {
            index += 1
            guard digits(2) else { return false }
        }
        guard index < scalars.count, scalars[index] == ":" else { return false }
        let specific = scalars[(index + 1)...]
        let fragment = specific.firstIndex(of: "#")
        let allowed = { (s: Unicode.Scalar) in isLetter(s) || isDigit(s) || ";/?:@&=+$.-_!~*'()%,".unicodeScalars.contains(s) }
        return specific[..<(fragment ?? specific.endIndex)].allSatisfy(allowed)
            && (fragment.map { specific[($0 + 1)...].allSatisfy(allowed) } ?? true)
    }

    /// RFC 8141's URN syntax as feed validators check it: `urn:` NID (2–32 letters, digits, `-`,
    /// not starting with `-`) `:` and a non-empty NSS of URN characters and percent-escapes.
    static func isURN(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 4, text.lowercased().hasPrefix("urn:") else { return false }
        guard let colon = scalars[4...].firstIndex(of: ":") else { return false }
        let nid = scalars[4..<colon]
        guard (2...32).contains(nid.count), let first = nid.first, isLetter(first) || isDigit(first),
            nid.allSatisfy({ isLetter($0) || isDigit($0) || $0 == "-" })
        else { return false }
        let nss = scalars[(colon + 1)...]
        guard !nss.isEmpty else { return false }
        for index in nss.indices {
            let s = nss[index]
            if s == "%" {
                guard isEscape(nss, at: index) else { return false }
            } else if !(isLetter(s) || isDigit(s) || "()+,.:=@;$_!*'-".unicodeScalars.contains(s)) {
                // The hex digits of an escape are letters or digits: already accepted.
                return false
            }
        }
        return true
    }

    private static func isLowerAlphanumeric(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || isDigit(s) }

    /// `link` without the query parameters that only track a click (`utm_*`, `fbclid`, …; see
    /// `clickTrackingParameters`), keeping every other parameter in its order and spelling.
    static func withoutTracking(_ link: String) -> String {
        let fragmentStart = link.firstIndex(of: "#") ?? link.endIndex
        guard let question = link[..<fragmentStart].firstIndex(of: "?") else { return link }
        let query = link[link.index(after: question)..<fragmentStart]
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false)
        let kept = pairs.filter { pair in
            let name = pair.prefix(while: { $0 != "=" })
            return !isClickTracking(String(name))
        }
        guard kept.count != pairs.count else { return link }
        let rest = kept.filter { !$0.isEmpty }.joined(separator: "&")
        return String(link[..<question]) + (rest.isEmpty ? "" : "?" + rest) + String(link[fragmentStart...])
    }

    /// Parameter names (lower-cased) removed from published links: click identifiers and campaign
    /// tags that never select content. Narrower than `CanonicalLink.trackingParameters`, which may
    /// also ignore parameters such as `ref` when comparing links, but must not break a link.
    static let clickTrackingParameters: Set<String> = [
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "igshid", "twclid", "ttclid", "mc_cid", "mc_eid",
        "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "vero_id", "vero_conv", "oly_anon_id", "oly_enc_id",
        "__twitter_impression", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
    ]

    private static func isClickTracking(_ name: String) -> Bool {
        let lower = (name.removingPercentEncoding ?? name).lowercased()
        return clickTrackingParameters.contains(lower) || CanonicalLink.trackingParameterPrefixes.contains { lower.hasPrefix($0) }
    }

    /// The URI (RFC 3986) of the absolute IRI `text` (RFC 3987 §3.1), or `nil` when `text` is not an
    /// absolute IRI. Callers decide which schemes they accept.
    ///
    /// - Leading and trailing white space is trimmed and tabs and line breaks inside are removed
    ///   (as browsers do); any other control character makes the text unusable (`nil`).
    /// - The scheme is lower-cased. A non-ASCII host is converted by IDNA (UTS #46, `xn--…`).
    /// - Every other character a URI may not contain (non-ASCII letters, spaces, quotes, `<>{}|\^`,
    ///   backtick, `[` `]` outside an IP literal, a second `#`, a `%` not starting an escape) is
    ///   percent-encoded as UTF-8 bytes.
    /// - Existing escapes are kept as written: `%2F` and `%26` are never decoded.
    static func uri(_ text: String) -> String? {
        var scalars = Array(CanonicalLink.trimmedWhitespace(text).unicodeScalars)
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard scalars.count >= 3, scalars.count <= 8_192,
            !scalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || !XMLWriter.isAllowed($0) })
        else { return nil }
        guard let colon = scalars.firstIndex(of: ":"), colon > 0, isLetter(scalars[0]),
            scalars[1..<colon].allSatisfy({ isLetter($0) || isDigit($0) || $0 == "+" || $0 == "-" || $0 == "." }),
            colon < scalars.count - 1
        else { return nil }
        let scheme = String(String.UnicodeScalarView(scalars[..<colon])).lowercased()
        var result = scheme + ":"
        var position = colon + 1
        if scalars.count - position >= 2, scalars[position] == "/", scalars[position + 1] == "/" {
            position += 2
            let end = scalars[position...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? scalars.count
            guard let authority = authority(scalars[position..<end]) else { return nil }
            result += "//" + authority
            position = end
        }
        var inQuery = false
        var inFragment = false
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "%", position + 2 < scalars.count, isHex(scalars[position + 1]), isHex(scalars[position + 2]) {
                result.unicodeScalars.append(contentsOf: scalars[position...(position + 2)])
                position += 3
                continue
            }
            if scalar == "?" && !inFragment {
                inQuery = true
                result += "?"
            } else if scalar == "#" && !inFragment {
                inFragment = true
                result += "#"
            } else if isPathCharacter(scalar) || scalar == "/" || ((inQuery || inFragment) && scalar == "?") {
                result.unicodeScalars.append(scalar)
            } else {
                percentEncode(scalar, into: &result)
            }
            position += 1
        }
        return result
    }

    /// `userinfo@host:port` as URI text, with an IDNA host; `nil` when the host cannot be one.
    private static func authority(_ scalars: ArraySlice<Unicode.Scalar>) -> String? {
        var result = ""
        var hostPart = scalars
        if let at = scalars.lastIndex(of: "@") {
            let userInfo = scalars[..<at]
            for index in userInfo.indices {
                let scalar = userInfo[index]
                if isUnreserved(scalar) || isSubDelimiter(scalar) || scalar == ":" || isEscape(userInfo, at: index) {
                    result.unicodeScalars.append(scalar)
                } else {
                    percentEncode(scalar, into: &result)
                }
            }
            result += "@"
            hostPart = scalars[(at + 1)...]
        }
        var host = hostPart
        var port: ArraySlice<Unicode.Scalar> = []
        if let lastColon = hostPart.lastIndex(of: ":"), !(hostPart.first == "[" && hostPart.last == "]") {
            host = hostPart[..<lastColon]
            port = hostPart[lastColon...]
            guard port.dropFirst().allSatisfy(isDigit) else { return nil }
        }
        guard !host.isEmpty else { return port.isEmpty && result.isEmpty ? "" : nil }
        let hostText = String(String.UnicodeScalarView(host))
        if host.first == "[" {
            guard host.last == "]", host.dropFirst().dropLast().allSatisfy({ isHex($0) || $0 == ":" || $0 == "." }) else {
                return nil
            }
            result += hostText
        } else if host.indices.allSatisfy({ isUnreserved(host[$0]) || isSubDelimiter(host[$0]) || isEscape(host, at: $0) }) {
            result += hostText
        } else {
            guard host.allSatisfy({ !$0.isASCII || isUnreserved($0) || isSubDelimiter($0) }) else { return nil }
            var components = URLComponents()
            components.host = hostText
            guard let encoded = components.encodedHost, encoded.unicodeScalars.allSatisfy(\.isASCII) else { return nil }
            result += encoded
        }
        return result + String(String.UnicodeScalarView(port))
    }

    /// True when `scalars[index]` is the `%` of a complete escape (`%` and two hex digits).
    private static func isEscape(_ scalars: ArraySlice<Unicode.Scalar>, at index: Int) -> Bool {
        scalars[index] == "%" && index + 2 < scalars.endIndex && isHex(scalars[index + 1]) && isHex(scalars[index + 2])
    }

    private static func percentEncode(_ scalar: Unicode.Scalar, into result: inout String) {
        for byte in String(scalar).utf8 {
            result += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0x0F)])
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    /// RFC 3986 `pchar` minus `%` (handled by the caller): unreserved, sub-delims, `:` and `@`.
    private static func isPathCharacter(_ s: Unicode.Scalar) -> Bool {
        isUnreserved(s) || isSubDelimiter(s) || s == ":" || s == "@"
    }

    private static func isUnreserved(_ s: Unicode.Scalar) -> Bool {
        isLetter(s) || isDigit(s) || s == "-" || s == "." || s == "_" || s == "~"
    }

    private static func isSubDelimiter(_ s: Unicode.Scalar) -> Bool { "!$&'()*+,;=".unicodeScalars.contains(s) }

    /// The lower-cased scheme when `text` is an absolute IRI (RFC 3987): a scheme, a colon, at least one
    /// more character, no spaces, controls or characters IRIs exclude (`<>"{}|\^` and backtick), and
    /// `%` only as a percent-escape. `nil` otherwise.
    static func absoluteIRIScheme(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 3, scalars.count <= 8_192, let first = scalars.first, isLetter(first) else { return nil }
        var index = 1
        while index < scalars.count, scalars[index] != ":" {
            let scalar = scalars[index]
            guard isLetter(scalar) || isDigit(scalar) || scalar == "+" || scalar == "-" || scalar == "." else { return nil }
            index += 1
        }
        guard index < scalars.count - 1 else { return nil }
        var position = index + 1
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "%" {
                guard position + 2 < scalars.count, isHex(scalars[position + 1]), isHex(scalars[position + 2]) else {
                    return nil
                }
                position += 3
                continue
            }
            guard isIRICharacter(scalar) else { return nil }
            position += 1
        }
        return String(String.UnicodeScalarView(scalars[0..<index])).lowercased()
    }

    private static func isIRICharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x20, 0x7F...0x9F: return false
        case 0xD800...0xDFFF, 0xFFFE, 0xFFFF: return false
        default: break
        }
        return !"<>\"{}|\\^`".unicodeScalars.contains(scalar) && XMLWriter.isAllowed(scalar)
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    private static func isHex(_ s: Unicode.Scalar) -> Bool { isDigit(s) || ("a"..."f").contains(s) || ("A"..."F").contains(s) }
}
