import Foundation

/// Finds the next byte of interest in text, eight bytes at a time.
///
/// Exists because the sanitizer and the feed builder spend most of their time walking plain
/// text between the few bytes that matter (`<`, `&`…); a byte-at-a-time loop over a lookup
/// table was the largest single cost in profiles. Each scanner builds, for a whole 64-bit word,
/// a mask with the high bit of every byte it stops at (exact per byte: the arithmetic never
/// carries from one byte into the next), so the first stop is the mask's lowest set bit. (Swift's
/// `SIMD16` comparisons were tried first and compiled to scalar code ten times slower.)
enum ByteScan {
    /// The first `&`, `<`, `>`, 0xC2 (lead byte of the C1 controls) — and `"` when `quotes` —
    /// at or after `start`: the bytes HTML escaping may replace.
    @inline(__always)
    static func escapeStop(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, quotes: Bool) -> Int {
        scan(base, from: start, to: end) { word in
            let mask = equal(word, 0x26) | equal(word, 0x3C) | equal(word, 0x3E) | equal(word, 0xC2)
            return quotes ? mask | equal(word, 0x22) : mask
        }
    }

    /// The first byte the HTML tidy tokenizer must look at in text, at or after `start`: `<`, `&`,
    /// a control character other than tab, LF and CR, 0xEF (lead byte of U+FFFE/U+FFFF), and
    /// the bytes escaping replaces (`>`, 0xC2), so that a run without a stop is copied as it is.
    @inline(__always)
    static func textStop(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        scan(base, from: start, to: end) { word in
            let controls = less(word, than: 0x20) & ~(equal(word, 0x09) | equal(word, 0x0A) | equal(word, 0x0D))
            return controls | equal(word, 0x3C) | equal(word, 0x26) | equal(word, 0x3E) | equal(word, 0xC2) | equal(word, 0xEF)
        }
    }

    /// The end of a plain run in a quoted attribute value: the closing `quote`, `&`, `<`, or a
    /// control character other than tab and LF.
    @inline(__always)
    static func attributeValueStop(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, quote: UInt8) -> Int {
        scan(base, from: start, to: end) { word in
            let controls = less(word, than: 0x20) & ~(equal(word, 0x09) | equal(word, 0x0A))
            return controls | equal(word, quote) | equal(word, 0x26) | equal(word, 0x3C)
        }
    }

    /// The first byte `XMLRepair` must look at: `<`, `&`, or a control character other than tab,
    /// LF and CR.
    @inline(__always)
    static func xmlRepairStop(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        scan(base, from: start, to: end) { word in
            let controls = less(word, than: 0x20) & ~(equal(word, 0x09) | equal(word, 0x0A) | equal(word, 0x0D))
            return controls | equal(word, 0x3C) | equal(word, 0x26)
        }
    }

    /// The first space, control character or DEL (bytes browsers strip from URLs) at or after `start`.
    @inline(__always)
    static func spaceOrControl(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        scan(base, from: start, to: end) { word in
            less(word, than: 0x21) | equal(word, 0x7F)
        }
    }

    /// The first occurrence of `byte` at or after `start` (memchr).
    @inline(__always)
    static func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard start < end, let hit = memchr(base + start, Int32(byte), end - start) else { return end }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    // MARK: - Word masks

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of every byte of `word` that is zero.
    @inline(__always)
    private static func zero(_ word: UInt64) -> UInt64 { ~(((word & low7) &+ low7) | word) & high }

    /// The high bit of every byte of `word` equal to `byte`.
    @inline(__always)
    private static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 { zero(word ^ (ones &* UInt64(byte))) }

    /// The high bit of every byte of `word` below `limit` (1...128).
    @inline(__always)
    private static func less(_ word: UInt64, than limit: UInt8) -> UInt64 {
        ~(((word & low7) &+ ones &* UInt64(0x80 - limit)) | word) & high
    }

    /// The index of the first byte whose bit `stops` sets, from `start`, or `end`.
    @inline(__always)
    private static func scan(
        _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, stops: (UInt64) -> UInt64
    ) -> Int {
        var index = start
        let raw = UnsafeRawPointer(base)
        while index + 8 <= end {
            let mask = stops(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
            if mask != 0 { return index + mask.trailingZeroBitCount / 8 }
            index += 8
        }
        guard index < end else { return end }
        // The tail, padded with a byte no scanner stops at ('a').
        var tail: UInt64 = 0x6161_6161_6161_6161
        withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(start: raw + index, count: end - index)) }
        let mask = stops(UInt64(littleEndian: tail))
        return mask != 0 ? index + mask.trailingZeroBitCount / 8 : end
    }
}
