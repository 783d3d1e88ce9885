internal import CLibXML2
import Foundation

/// Decides which character encoding an HTML page is read in: the HTTP charset when libxml2 knows it,
/// else a byte-order mark, else a `<meta charset>` / `http-equiv` declaration in the first 4 KB,
/// else UTF-8 when the bytes are valid UTF-8, else windows-1252 (what browsers assume for legacy pages).
enum HTMLCharset {
    /// The encoding name to hand libxml2 for `data`.
    static func resolve(_ data: Data, httpCharset: String?) -> String {
        if let declared = httpCharset.flatMap(normalized), isSupported(declared) { return declared }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if data.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if data.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        if let meta = metaCharset(data).flatMap(normalized), isSupported(meta) {
            // A page cannot really be UTF-16 if its ASCII meta tag was readable (WHATWG rule).
            return meta.hasPrefix("UTF-16") ? "UTF-8" : meta
        }
        return String(data: data, encoding: .utf8) != nil ? "UTF-8" : "WINDOWS-1252"
    }

    /// Maps labels to the names libxml2/iconv use; Latin-1 and ASCII labels mean windows-1252 on the web.
    static func normalized(_ label: String) -> String? {
        let name = label.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\n\"'")).uppercased()
        guard !name.isEmpty else { return nil }
        switch name {
        case "UTF8", "UNICODE-1-1-UTF-8": return "UTF-8"
        case "ISO-8859-1", "ISO8859-1", "LATIN1", "L1", "US-ASCII", "ASCII", "CP1252", "X-CP1252", "WINDOWS-1252":
            return "WINDOWS-1252"
        default: return name
        }
    }

    /// Whether libxml2 can decode `name` on this machine.
    static func isSupported(_ name: String) -> Bool {
        guard let handler = xmlFindCharEncodingHandler(name) else { return false }
        xmlCharEncCloseFunc(handler)
        return true
    }

    /// The charset a `<meta>` tag declares within the first 4096 bytes, if any.
    static func metaCharset(_ data: Data) -> String? {
        let prefix = String(decoding: data.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        var searchStart = prefix.startIndex
        while let open = prefix.range(of: "<meta", range: searchStart..<prefix.endIndex) {
            let tagEnd = prefix.range(of: ">", range: open.upperBound..<prefix.endIndex)?.lowerBound ?? prefix.endIndex
            let tag = prefix[open.upperBound..<tagEnd]
            if let charset = tag.range(of: "charset") {
                var rest = tag[charset.upperBound...].drop { $0 == " " }
                if rest.first == "=" {
                    rest = rest.dropFirst().drop { $0 == " " || $0 == "\"" || $0 == "'" }
                    let value = rest.prefix { $0.isLetter || $0.isNumber || "-_.:".contains($0) }
                    if !value.isEmpty { return String(value) }
                }
            }
            searchStart = tagEnd
        }
        return nil
    }
}
