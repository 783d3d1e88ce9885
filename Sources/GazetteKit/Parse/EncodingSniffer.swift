import Foundation

/// Looks at a document's first bytes: byte-order mark, UTF-16/32 layout, JSON or XML.
///
/// The XML parser detects most of this itself; the sniffer answers the questions the fallback
/// policy asks before parsing (may the HTTP charset override? can bytes be repaired in place?).
enum EncodingSniffer {
    /// The encoding a byte-order mark announces, with the mark's length.
    static func byteOrderMark(_ bytes: UnsafeRawBufferPointer) -> (encoding: String, length: Int)? {
        func at(_ i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }
        if at(0) == 0xEF, at(1) == 0xBB, at(2) == 0xBF { return ("UTF-8", 3) }
        if at(0) == 0x00, at(1) == 0x00, at(2) == 0xFE, at(3) == 0xFF { return ("UTF-32BE", 4) }
        if at(0) == 0xFF, at(1) == 0xFE, at(2) == 0x00, at(3) == 0x00 { return ("UTF-32LE", 4) }
        if at(0) == 0xFE, at(1) == 0xFF { return ("UTF-16BE", 2) }
        if at(0) == 0xFF, at(1) == 0xFE { return ("UTF-16LE", 2) }
        return nil
    }

    /// True when the document is in a wide encoding (UTF-16/32, with or without a BOM), where
    /// ASCII-level byte repairs would corrupt it.
    static func isWideEncoding(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if let bom = byteOrderMark(bytes), bom.encoding != "UTF-8" { return true }
        guard bytes.count >= 4 else { return false }
        return bytes[0] == 0 || bytes[1] == 0 || bytes[2] == 0 || bytes[3] == 0
    }

    /// True when the first significant character (after a BOM and whitespace) is `{`: a JSON document.
    static func looksLikeJSON(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = byteOrderMark(bytes)?.encoding == "UTF-8" ? 3 : 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            case UInt8(ascii: "{"): return true
            default: return false
            }
        }
        return false
    }

    /// A charset label as an HTTP header gives it, cleaned (`"UTF-8"` → `UTF-8`); `nil` when empty.
    static func cleanCharset(_ label: String?) -> String? {
        guard var label else { return nil }
        label = label.trimmingCharacters(in: [" ", "\t", "\"", "'"])
        return label.isEmpty ? nil : label
    }

    /// The `encoding` of the XML declaration, when the document starts with one (ASCII-compatible only).
    static func declaredEncoding(_ bytes: UnsafeRawBufferPointer) -> String? {
        let skip = byteOrderMark(bytes)?.encoding == "UTF-8" ? 3 : 0
        let head = bytes.prefix(skip + 256).dropFirst(skip)
        guard head.starts(with: Array("<?xml".utf8)), let close = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let decl = String(decoding: head[..<close], as: UTF8.self)
        guard let range = decl.range(of: "encoding") else { return nil }
        var rest = decl[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        rest = rest.dropFirst()
        guard let end = rest.firstIndex(of: quote) else { return nil }
        return String(rest[..<end])
    }

    /// The WHATWG Encoding Standard's rule, which feeds follow in practice: documents labelled
    /// ISO-8859-1 or US-ASCII are really windows-1252 (curly quotes in 0x80–0x9F).
    static func effectiveCharset(_ label: String) -> String {
        switch label.lowercased() {
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819",
            "ibm819", "iso-ir-100", "csisolatin1", "x-cp1252", "cp1252":
            return "windows-1252"
        default:
            return label
        }
    }
}
