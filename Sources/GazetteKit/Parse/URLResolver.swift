import Foundation

/// Makes links absolute (RFC 3986 §5.2) against the base in force: nested `xml:base`, then the document URL.
///
/// Already-absolute links (the vast majority) are returned untouched without any parsing, which keeps
/// link handling off the parser's profile. Resolution never decodes: `1-a-%26-b%21` and `a%2Fb` keep
/// their escapes (decoding them changes the URL). Characters a URI may not hold (spaces, non-ASCII
/// letters, quotes) are percent-encoded in the result.
enum URLResolver {
    /// `reference` made absolute against `base`; unchanged when already absolute or unresolvable.
    static func resolve(_ reference: String, against base: String) -> String {
        let ref = trimmed(reference)
        if hasScheme(ref) || base.isEmpty { return ref }
        guard let resolvedBase = HTMLSanitizer.ResolvedBase(base) else { return ref }
        return escapingDisallowed(resolvedBase.resolve(ref))
    }

    /// `url` with every byte a URI may not contain percent-encoded (UTF-8), `%` and the reserved
    /// characters left as they are.
    static func escapingDisallowed(_ url: String) -> String {
        guard url.utf8.contains(where: { !isURIByte($0) }) else { return url }
        var output: [UInt8] = []
        output.reserveCapacity(url.utf8.count + 16)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in url.utf8 {
            if isURIByte(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// RFC 3986's unreserved and reserved characters, and `%`.
    private static func isURIByte(_ c: UInt8) -> Bool {
        if isAlpha(c) || (c >= 0x30 && c <= 0x39) { return true }
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"), UInt8(ascii: "/"),
            UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "@"), UInt8(ascii: "!"),
            UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"),
            UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }

    /// True when `s` starts with a URI scheme (`[A-Za-z][A-Za-z0-9+.-]*:`).
    static func hasScheme(_ s: String) -> Bool {
        var utf8 = s.utf8.makeIterator()
        guard let first = utf8.next(), isAlpha(first) else { return false }
        while let c = utf8.next() {
            if c == UInt8(ascii: ":") { return true }
            if !(isAlpha(c) || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E) { return false }
        }
        return false
    }

    private static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

    private static func trimmed(_ s: String) -> String {
        guard let f = s.utf8.first, let l = s.utf8.last else { return s }
        if f > 0x20 && l > 0x20 { return s }
        return s.asciiTrimmed
    }
}
