internal import CLibXML2
import Foundation

/// Makes links absolute (RFC 3986) against the base in force: nested `xml:base`, then the document URL.
///
/// Already-absolute links (the vast majority) are returned untouched without any parsing, which keeps
/// link handling off the parser's profile.
enum URLResolver {
    /// `reference` made absolute against `base`; unchanged when already absolute or unresolvable.
    static func resolve(_ reference: String, against base: String) -> String {
        let ref = trimmed(reference)
        if hasScheme(ref) || base.isEmpty { return ref }
        LibXML.ensureInitialized()
        let built: String? = ref.withCString { r in
            base.withCString { b in
                r.withMemoryRebound(to: xmlChar.self, capacity: 1) { rx in
                    b.withMemoryRebound(to: xmlChar.self, capacity: 1) { bx in
                        guard let out = xmlBuildURI(rx, bx) else { return nil }
                        defer { gazette_xmlFree(out) }
                        return String(cString: out)
                    }
                }
            }
        }
        if let built { return built }
        // libxml2 rejects references with characters RFC 3986 forbids (spaces…): escape and retry once.
        if let escaped = ref.addingPercentEncoding(withAllowedCharacters: allowed), escaped != ref {
            return resolve(escaped, against: base)
        }
        return ref
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.insert(charactersIn: "#%")
        return set
    }()

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
