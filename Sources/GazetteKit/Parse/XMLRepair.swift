/// Mends the most common fatal XML errors in feeds before resorting to recover mode:
/// HTML named entities that XML does not know (`&nbsp;` → `&#160;`), bare ampersands
/// (`AT&T` → `AT&amp;T`), `&#X41;`, and control characters XML forbids (raw or as references),
/// which are dropped. CDATA sections, comments and the DOCTYPE keep their entities.
///
/// A `<` that cannot start markup (`rents up < 3%`) becomes `&lt;`.
///
/// Works on the raw bytes of an ASCII-compatible document; returns `nil` when nothing changed.
/// `forRecovery` prepares the bytes for libxml2's recover mode, which drops every entity
/// reference once the document is known not to be well-formed (`&amp;` included, so `A &amp; B`
/// would read `A B`): the five predefined references become character references, which it keeps.
enum XMLRepair {
    static func repair(_ bytes: UnsafeRawBufferPointer, forRecovery: Bool = false) -> [UInt8]? {
        guard bytes.count > 0 else { return nil }
        let ampersand = Array((forRecovery ? "&#38;" : "&amp;").utf8)
        let lessThan = Array((forRecovery ? "&#60;" : "&lt;").utf8)
        var out: [UInt8] = []
        var changed = false
        var copiedUpTo = 0
        var i = 0
        let n = bytes.count

        func starts(_ s: StaticString, at i: Int) -> Bool {
            let len = s.utf8CodeUnitCount
            guard i + len <= n else { return false }
            for k in 0..<len where bytes[i + k] != s.utf8Start[k] { return false }
            return true
        }
        let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        func skip(to end: StaticString, from i: Int) -> Int {
            var j = i
            while j < n {
                j = ByteScan.find(end.utf8Start[0], base, from: j, to: n)
                if j >= n || starts(end, at: j) { break }
                j += 1
            }
            return min(n, j + end.utf8CodeUnitCount)
        }
        func replace(from: Int, to: Int, with replacement: [UInt8]) {
            if !changed {
                out.reserveCapacity(n + 1024)
                changed = true
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[copiedUpTo..<from]))
            out.append(contentsOf: replacement)
            copiedUpTo = to
        }

        while i < n {
            i = ByteScan.xmlRepairStop(base, from: i, to: n)
            guard i < n else { break }
            let c = bytes[i]
            if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D {
                replace(from: i, to: i + 1, with: [])
                i += 1
                continue
            }
            if c == UInt8(ascii: "<") {
                if starts("<![CDATA[", at: i) {
                    i = skip(to: "]]>", from: i + 9)
                    continue
                }
                if starts("<!--", at: i) {
                    i = skip(to: "-->", from: i + 4)
                    continue
                }
                if starts("<!DOCTYPE", at: i) {
                    var j = i + 9
                    var depth = 0
                    while j < n {
                        if bytes[j] == UInt8(ascii: "[") { depth += 1 }
                        if bytes[j] == UInt8(ascii: "]") { depth -= 1 }
                        if bytes[j] == UInt8(ascii: ">") && depth <= 0 { break }
                        j += 1
                    }
                    i = j + 1
                    continue
                }
                if i + 1 < n, !canFollowLessThan(bytes[i + 1]) {
                    replace(from: i, to: i + 1, with: lessThan)
                }
                i += 1
                continue
            }
            guard c == UInt8(ascii: "&") else {
                i += 1
                continue
            }
            var j = i + 1
            if j < n && bytes[j] == UInt8(ascii: "#") {
                j += 1
                let hex = j < n && (bytes[j] | 0x20) == UInt8(ascii: "x")
                let upperX = hex && bytes[j] == UInt8(ascii: "X")
                if hex { j += 1 }
                let digitsStart = j
                while j < n, isDigit(bytes[j], hex: hex) { j += 1 }
                if j > digitsStart && j < n && bytes[j] == UInt8(ascii: ";") {
                    let digits = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[digitsStart..<j]), as: UTF8.self)
                    let code = UInt32(digits, radix: hex ? 16 : 10) ?? 0
                    if !isXMLChar(code) {
                        replace(from: i, to: j + 1, with: [])
                        i = j + 1
                        continue
                    }
                    if upperX {  // `&#X41;` is HTML, not XML
                        replace(from: i, to: i + 3, with: Array("&#x".utf8))
                    }
                    i = j + 1
                    continue
                }
                replace(from: i, to: i + 1, with: ampersand)
                i += 1
                continue
            }
            let nameStart = j
            while j < n, j - nameStart < 40, isNameByte(bytes[j]) { j += 1 }
            if j > nameStart && j < n && bytes[j] == UInt8(ascii: ";") {
                let name = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[nameStart..<j]), as: UTF8.self)
                switch name {
                case "amp", "lt", "gt", "quot", "apos":
                    if forRecovery {
                        let code = name == "amp" ? 38 : name == "lt" ? 60 : name == "gt" ? 62 : name == "quot" ? 34 : 39
                        replace(from: i, to: j + 1, with: Array("&#\(code);".utf8))
                    }
                default:
                    if let code = HTMLEntities.codePoint(name) {
                        replace(from: i, to: j + 1, with: Array("&#\(code);".utf8))
                    } else {
                        replace(from: i, to: i + 1, with: ampersand)
                    }
                }
                i = j + 1
                continue
            }
            replace(from: i, to: i + 1, with: ampersand)
            i += 1
        }
        guard changed else { return nil }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[copiedUpTo..<n]))
        return out
    }

    /// Whether the byte after a `<` can begin markup: a name (letter, `_`, `:`, non-ASCII), an end
    /// tag, a declaration or a processing instruction.
    private static func canFollowLessThan(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") || c >= 0x80
            || c == UInt8(ascii: "/") || c == UInt8(ascii: "!") || c == UInt8(ascii: "?")
    }

    /// Whether XML allows the character `c` (libxml2's `IS_CHAR`).
    static func isXMLChar(_ c: UInt32) -> Bool {
        c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
            || (c >= 0x10000 && c <= 0x10FFFF)
    }

    private static func isDigit(_ c: UInt8, hex: Bool) -> Bool {
        if c >= 0x30 && c <= 0x39 { return true }
        return hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66
    }

    private static func isNameByte(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x2D || c == 0x5F
            || c >= 0x80
    }
}
