import Foundation

/// Repairs applied to every captured text field: double-encoded UTF-8 and windows-1252 characters
/// that arrived as C1 controls. Both checks are memchr scans, so clean text costs almost nothing.
enum TextRepair {
    /// The field's bytes as a `String`, repaired when needed.
    static func string(from slice: UnsafeBufferPointer<UInt8>) -> String {
        if let repaired = undoDoubleEncoding(slice) { return repaired }
        return hasC1Control(slice) ? remapC1(slice) : String(decoding: slice, as: UTF8.self)
    }

    /// Text that was UTF-8, read as ISO-8859-1 and encoded again (`â€¦` for `…`, often as
    /// `&#226;&#128;&#166;`): when every character fits in a byte and those bytes are valid UTF-8 with a
    /// multi-byte sequence, the intended text is that UTF-8.
    static func undoDoubleEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var found = false
        var i = 0
        while let k = find(0xC3, in: bytes, from: i), k + 3 < bytes.count {
            if bytes[k + 1] >= 0x82, bytes[k + 1] <= 0xB4, bytes[k + 2] == 0xC2 || bytes[k + 2] == 0xC3 {
                found = true
                break
            }
            i = k + 1
        }
        guard found else { return nil }
        var narrowed: [UInt8] = []
        narrowed.reserveCapacity(bytes.count)
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            narrowed.append(UInt8(scalar.value))
        }
        return String(validating: narrowed, as: UTF8.self)
    }

    /// C1 controls (U+0080–U+009F, UTF-8 `C2 80`–`C2 9F`) in feeds are windows-1252 characters
    /// mislabelled (`&#146;` meaning a right quote): feedparser and browsers read them so.
    static func hasC1Control(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while let k = find(0xC2, in: bytes, from: i) {
            if k + 1 < bytes.count, bytes[k + 1] >= 0x80, bytes[k + 1] <= 0x9F { return true }
            i = k + 1
        }
        return false
    }

    /// Index of the first `byte` at or after `start` (memchr: these scans run over every field).
    static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
            let hit = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    static func remapC1(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == 0xC2, i + 1 < bytes.endIndex, bytes[i + 1] >= 0x80, bytes[i + 1] <= 0x9F {
                Windows1252.appendUTF8(Windows1252.high[Int(bytes[i + 1] - 0x80)], to: &out)
                i += 2
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
