import Foundation

/// A growable byte buffer for the parser's and sanitizer's inner loops.
///
/// Exists because those loops append a few bytes at a time, hundreds of thousands of times per
/// feed, and `[UInt8]` pays a uniqueness and capacity check (and often a call) on every append:
/// profiles showed that bookkeeping as a large share of sanitizing. A reference type, so a
/// struct holding one (the sanitizer's `Writer`, the feed builder) appends without copy-on-write
/// checks; the class owns its memory and frees it on deinit.
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    /// The bytes written so far (valid until the next append).
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    subscript(index: Int) -> UInt8 {
        precondition(index >= 0 && index < count, "ByteBuffer index out of range")
        return base[index]
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow(toAtLeast: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        let length = bytes.count
        if count + length > capacity { grow(toAtLeast: count + length) }
        if length <= 8 {
            // Tiny pieces (one decoded `&lt;`, a tag name) are common: a loop beats a memmove call.
            for offset in 0..<length { base[count + offset] = source[offset] }
        } else {
            (base + count).update(from: source, count: length)
        }
        count += length
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    func append(string text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// Appends the UTF-8 encoding of the Unicode scalar value `scalar`.
    func append(scalar: UInt32) {
        if scalar < 0x80 {
            append(UInt8(scalar))
        } else if scalar < 0x800 {
            append(UInt8(0xC0 | (scalar >> 6)))
            append(UInt8(0x80 | (scalar & 0x3F)))
        } else if scalar < 0x10000 {
            append(UInt8(0xE0 | (scalar >> 12)))
            append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            append(UInt8(0x80 | (scalar & 0x3F)))
        } else {
            append(UInt8(0xF0 | (scalar >> 18)))
            append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    /// Appends a NUL-terminated C string, without its NUL.
    func append(cString: UnsafePointer<UInt8>) {
        append(UnsafeBufferPointer(start: cString, count: strlen(cString)))
    }

    /// Keeps the first `newCount` bytes.
    func truncate(to newCount: Int) {
        precondition(newCount >= 0 && newCount <= count, "ByteBuffer truncation out of range")
        count = newCount
    }

    func removeAll() { count = 0 }

    /// The bytes as a `String` (invalid UTF-8 repaired with U+FFFD, as `String(decoding:)` does).
    func string() -> String { String(decoding: bytes, as: UTF8.self) }

    @inline(never)
    private func grow(toAtLeast minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
