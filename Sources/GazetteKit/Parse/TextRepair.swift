import Foundation

/// Repairs applied to every captured text field: double-encoded UTF-8 and windows-1252 characters
/// that arrived as C1 controls. Both checks are memchr scans, so clean text costs almost nothing.
enum TextRepair {
    /// The field's bytes as a `String`, repaired when needed.
    static func string(from slice: UnsafeBufferPointer<UInt8>) -> String {
        if let repaired = undoDoubleEncoding(slice) { return repaired }
        return hasC1Control(slice) ? remapC1(slice) : String(decoding: slice, as: UTF8.self)
    }

    /// Text that was UTF-8, read as ISO-8859-1 or windows-1252 and encoded again (`â€¦` for `…`,
    /// `Ãœ` for `Ü`, often as `&#226;&#128;&#166;`): when every character maps back to one byte
    /// (Latin-1, or the windows-1252 characters of 0x80–0x9F) and those bytes are valid UTF-8 with a
    /// multi-byte sequence, the intended text is that UTF-8.
    static func undoDoubleEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // A candidate: a UTF-8 lead byte read as a character (Â…ô: C3 82–C3 B4) followed by a
        // continuation byte read as a character (C2 80–BF, or a windows-1252 character: C5, C6, CB, E2
        // lead). Never C3 (À…ÿ are 0xC0–0xFF, not continuation bytes): genuine Latin text such as
        // `ção` is not even tried.
        var found = false
        var i = 0
        while let k = find(0xC3, in: bytes, from: i), k + 3 < bytes.count {
            let next = bytes[k + 2]
            if bytes[k + 1] >= 0x82, bytes[k + 1] <= 0xB4,
                next == 0xC2 || next == 0xC5 || next == 0xC6 || next == 0xCB || next == 0xE2
            {
                found = true
                break
            }
            i = k + 1
        }
        guard found, let base = bytes.baseAddress else { return nil }
        let narrowed = ByteBuffer(capacity: bytes.count)
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = base[index]
            if byte < 0x80 {
                narrowed.append(byte)
                index += 1
            } else if byte == 0xC2 || byte == 0xC3, index + 1 < count, base[index + 1] & 0xC0 == 0x80 {
                narrowed.append(byte == 0xC2 ? base[index + 1] : base[index + 1] + 0x40)
                index += 2
            } else if let (single, length) = windows1252Byte(base, at: index, count: count) {
                narrowed.append(single)
                index += length
            } else {
                return nil
            }
        }
        return String(validating: narrowed.bytes, as: UTF8.self)
    }

    /// The windows-1252 byte (0x80–0x9F) whose character is encoded at `index`, with the
    /// encoding's length; nil for any other character.
    private static func windows1252Byte(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> (UInt8, Int)? {
        let lead = base[index]
        let length = lead >= 0xE0 ? 3 : 2
        guard lead >= 0xC5, lead < 0xF0, index + length <= count else { return nil }
        var scalar = UInt32(lead & (length == 3 ? 0x0F : 0x1F))
        for offset in 1..<length {
            let continuation = base[index + offset]
            guard continuation & 0xC0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(continuation & 0x3F)
        }
        guard let position = Windows1252.high.firstIndex(of: scalar), scalar > 0x9F else { return nil }
        return (UInt8(0x80 + position), length)
    }

    /// The field's bytes, repaired when needed (`string(from:)` without building a `String`).
    static func bytes(from slice: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        if let repaired = undoDoubleEncoding(slice) { return Array(repaired.utf8) }
        return hasC1Control(slice) ? Array(remapC1(slice).utf8) : Array(slice)
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
        guard let base = bytes.baseAddress else { return "" }
        let output = ByteBuffer(capacity: bytes.count + 8)
        var runStart = 0
        var index = 0
        while true {
            index = ByteScan.find(0xC2, base, from: index, to: bytes.count)
            guard index + 1 < bytes.count else { break }
            let low = base[index + 1]
            guard low >= 0x80, low <= 0x9F else {
                index += 1
                continue
            }
            output.append(UnsafeBufferPointer(start: base + runStart, count: index - runStart))
            output.append(scalar: Windows1252.high[Int(low - 0x80)])
            index += 2
            runStart = index
        }
        output.append(UnsafeBufferPointer(start: base + runStart, count: bytes.count - runStart))
        return output.string()
    }
}
