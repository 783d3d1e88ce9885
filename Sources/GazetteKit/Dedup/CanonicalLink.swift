import Foundation

/// The form of a URL used to recognise the same page behind cosmetic differences, so copies of one
/// story linked with different tracking parameters, schemes or hosts' `www.` are matched.
///
/// Rules, in order (see `canonicalize(_:)`):
/// 1. Only absolute `http`/`https` URLs with a host are canonicalized; anything else is not a link
///    (`nil`). `http` and `https` are treated as equal: both become `https`.
/// 2. Scheme and host are lower-cased; a trailing dot on the host and a leading `www.` are removed;
///    user info is dropped; the default ports 80 and 443 are dropped, other ports kept.
/// 3. The fragment is dropped.
/// 4. Trailing `/` characters of the path are removed (so `/a/` equals `/a`, and `/` equals no path).
///    The path's case is kept: paths are case-sensitive on most servers.
/// 5. Query parameters whose lower-cased name is in `trackingParameters`, or starts with one of
///    `trackingParameterPrefixes`, are removed; the rest are sorted by name, then value, keeping
///    their percent-encoding. An empty query is dropped.
///
/// A canonical link only identifies a story when it `isIdentifying`: it has a path or a query.
/// A bare home page (`https://example.com`) is carried by many unrelated items and never used to merge.
public enum CanonicalLink {
    /// Query parameters that only track a click and never select content (compared lower-cased).
    public static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "igshid", "twclid", "ttclid",
        "mc_cid", "mc_eid", "ref", "ref_src", "ref_url", "referrer", "_ga", "_gl", "_hsenc", "_hsmi",
        "mkt_tok", "vero_id", "vero_conv", "oly_anon_id", "oly_enc_id", "s_cid", "sr_share",
        "cmp", "intcmp", "cmpid", "icid", "ocid", "ncid", "smid", "xtor", "ito", "wt.mc_id",
        "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4",
        "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
        "__twitter_impression", "rss", "feature", "spm", "share", "amp",
    ]

    /// Name prefixes of tracking parameters (compared lower-cased): Google Analytics `utm_*` and
    /// the Piwik/Matomo `pk_*` and `mtm_*` families.
    public static let trackingParameterPrefixes: [String] = ["utm_", "pk_", "mtm_", "hsa_"]

    /// The canonical form of `link`, or `nil` when it is not an absolute http(s) URL with a host.
    public static func canonicalize(_ link: String) -> String? {
        let trimmed = trimmedWhitespace(link)
        guard let components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            var host = components.percentEncodedHost?.lowercased(), !host.isEmpty
        else { return nil }
        while host.hasSuffix(".") { host.removeLast() }
        if host.hasPrefix("www.") && host.count > 4 { host.removeFirst(4) }
        var result = "https://" + host
        if let port = components.port, port != 80, port != 443 { result += ":\(port)" }
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        result += path
        if let query = canonicalQuery(components.percentEncodedQuery) { result += "?" + query }
        return result
    }

    /// True when `canonical` (an output of `canonicalize`) names a specific page rather than a site.
    public static func isIdentifying(_ canonical: String) -> Bool {
        guard let schemeEnd = canonical.range(of: "://") else { return false }
        let afterHost = canonical[schemeEnd.upperBound...].drop(while: { $0 != "/" && $0 != "?" })
        return !afterHost.isEmpty
    }

    /// The canonical link without its scheme and host (`/path?query`), for recognising one feed's
    /// entries after the feed moved to another host; `nil` when that part is empty.
    public static func hostFreeKey(_ canonical: String) -> String? {
        guard let schemeEnd = canonical.range(of: "://") else { return nil }
        let afterHost = canonical[schemeEnd.upperBound...].drop(while: { $0 != "/" && $0 != "?" })
        let key = afterHost.drop(while: { $0 == ":" || $0.isNumber })
        return key.isEmpty ? nil : String(key)
    }

    /// The key an entry id is compared by: its canonical link when the id is an http(s) URL (so an
    /// id switching from `http:` to `https:` or gaining `www.` still matches), else the trimmed id.
    public static func entryKey(forID id: String) -> String {
        canonicalize(id) ?? trimmedWhitespace(id)
    }

    /// `text` without leading and trailing white space; returns `text` itself when there is none.
    static func trimmedWhitespace(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        else { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func canonicalQuery(_ query: String?) -> String? {
        guard let query, !query.isEmpty else { return nil }
        var kept: [(name: String, value: String)] = []
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let value = parts.count > 1 ? String(parts[1]) : ""
            if isTracking(name) { continue }
            kept.append((name, value))
        }
        guard !kept.isEmpty else { return nil }
        kept.sort { $0.name == $1.name ? $0.value < $1.value : $0.name < $1.name }
        return kept.map { $0.value.isEmpty ? $0.name : "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    private static func isTracking(_ name: String) -> Bool {
        let lower = (name.removingPercentEncoding ?? name).lowercased()
        if trackingParameters.contains(lower) { return true }
        return trackingParameterPrefixes.contains { lower.hasPrefix($0) }
    }
}
