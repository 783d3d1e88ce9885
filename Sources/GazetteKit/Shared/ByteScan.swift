import Foundation

/// Finds the next byte of interest in text, eight bytes at a time.
///
/// Exists because the sanitizer and the feed builder spend most of their time walking plain
/// text between the few bytes that matter (`<`, `&`…); a byte-at-a-time loop over a lookup
/// table was the largest single cost in profiles. Each scanner tests a whole 64-bit word for
/// candidate bytes with the classic "has zero byte" bit trick (exact: no word with a candidate
/// is ever skipped), looks at the bytes of a word only when it holds a candidate, and answers
/// with the index of the first byte it stops at, or `end`. (Swift's `SIMD16` comparisons were
/// tried first and compiled to scalar code ten times slower.)
enum ByteScan {
    /// The first `&`, `<`, `>`, 0xC2 (lead byte of the C1 controls) — and `"` when `quotes` —
    /// at or after `start`: the bytes HTML escaping may replace.
    @inline(__always)
    static func escapeStop(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, quotes: Bool) -> Int {
        scan(base, from: start, to: end) { word in
            let mask =
                zeros(word ^ 0x2626_2626_2626_2626) | zeros(word ^ 0x3C3C_3C3C_3C3C_3C3C) | zeros(word ^ 0x3E3E_3E3E_3E3E_3E3E)
                | zeros(word ^ 0xC2C2_C2C2_C2C2_C2C2)
            return (quotes ? mask | zeros(word ^ 0x2222_2222_2222_2222) : mask) != 0
        } stopsAt: { byte in
            byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0xC2 || (quotes && byte == 0x22)
        }
    }

    /// The first byte the HTML tidy tokenizer must look at in text, at or after `start`: `<`, `&`,
    /// a control character other than tab, LF and CR, 0xEF (lead byte of U+FFFE/U+FFFF), and
    /// the bytes escaping replaces (`>`, 0xC2), so that a run without a stop is copied as it is.
    @inline(__always)
    static func textStop(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        scan(base, from: start, to: end) { word in
            let mask =
                less(word, than: 0x20) | zeros(word ^ 0x3C3C_3C3C_3C3C_3C3C) | zeros(word ^ 0x2626_2626_2626_2626)
                | zeros(word ^ 0x3E3E_3E3E_3E3E_3E3E) | zeros(word ^ 0xC2C2_C2C2_C2C2_C2C2) | zeros(word ^ 0xEFEF_EFEF_EFEF_EFEF)
            return mask != 0
        } stopsAt: { byte in
            if byte < 0x20 { return byte != 0x09 && byte != 0x0A && byte != 0x0D }
            return byte == 0x3C || byte == 0x26 || byte == 0x3E || byte == 0xC2 || byte == 0xEF
        }
    }

    /// The end of a plain run in a quoted attribute value: the closing `quote`, `&`, `<`, or a
    /// control character other than tab and LF.
    @inline(__always)
    static func attributeValueStop(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, quote: UInt8) -> Int {
        let quotes = ones &* UInt64(quote)
        return scan(base, from: start, to: end) { word in
            let mask =
                zeros(word ^ quotes) | zeros(word ^ 0x2626_2626_2626_2626) | zeros(word ^ 0x3C3C_3C3C_3C3C_3C3C)
                | less(word, than: 0x20)
            return mask != 0
        } stopsAt: { byte in
            byte == quote || byte == 0x26 || byte == 0x3C || (byte < 0x20 && byte != 0x09 && byte != 0x0A)
        }
    }

    /// The first byte `XMLRepair` must look at: `<`, `&`, or a control character other than tab,
    /// LF and CR.
    @inline(__always)
    static func xmlRepairStop(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        scan(base, from: start, to: end) { word in
            (less(word, than: 0x20) | zeros(word ^ 0x3C3C_3C3C_3C3C_3C3C) | zeros(word ^ 0x2626_2626_2626_2626)) != 0
        } stopsAt: { byte in
            byte == 0x3C || byte == 0x26 || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D)
        }
    }

    /// The first space, control character or DEL (bytes browsers strip from URLs) at or after `start`.
    @inline(__always)
    static func spaceOrControl(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        scan(base, from: start, to: end) { word in
            (less(word, than: 0x21) | zeros(word ^ 0x7F7F_7F7F_7F7F_7F7F)) != 0
        } stopsAt: { byte in
            byte <= 0x20 || byte == 0x7F
        }
    }

    /// The first occurrence of `byte` at or after `start` (memchr).
    @inline(__always)
    static func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard start < end, let hit = memchr(base + start, Int32(byte), end - start) else { return end }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    // MARK: - Word tests

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Non-zero when some byte of `word` is zero. Combined with `|` (not `||`) so a word costs
    /// one branch: `zeros(word ^ repeated(c))` finds byte `c`.
    @inline(__always)
    private static func zeros(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highBits }

    /// Non-zero when some byte of `word` is less than `limit` (at most 128).
    @inline(__always)
    private static func less(_ word: UInt64, than limit: UInt8) -> UInt64 { (word &- ones &* UInt64(limit)) & ~word & highBits }

    @inline(__always)
    private static func scan(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, candidate: (UInt64) -> Bool, stopsAt: (UInt8) -> Bool
    ) -> Int {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index + 8 <= end {
            if candidate(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                for offset in index..<(index + 8) where stopsAt(base[offset]) { return offset }
            }
            index += 8
        }
        while index < end {
            if stopsAt(base[index]) { return index }
            index += 1
        }
        return end
    }
}
