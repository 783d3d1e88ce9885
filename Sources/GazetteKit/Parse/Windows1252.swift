/// windows-1252 → UTF-8, done in Swift rather than through iconv: iconv stops at the five bytes
/// windows-1252 leaves undefined (and libxml2 then aborts the parse and prints to stderr), while
/// the WHATWG decoding feeds are written for maps every byte.
enum Windows1252 {
    /// The code points of bytes 0x80–0x9F (undefined ones map to the C1 control of the same value).
    static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The character windows-1252 gives the C1 control `code` (0x80–0x9F), or nil for the five
    /// code points it leaves undefined. Feeds use C1 controls only as mislabelled windows-1252
    /// (`&#146;` for a right quote), and HTML 5 reads them so.
    static func replacement(forC1 code: UInt32) -> UInt32? {
        guard code >= 0x80, code <= 0x9F else { return nil }
        let mapped = high[Int(code - 0x80)]
        return mapped == code ? nil : mapped
    }

    /// The document re-encoded as UTF-8.
    static func utf8(from bytes: UnsafeRawBufferPointer) -> ByteBuffer {
        let out = ByteBuffer(capacity: bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
                continue
            }
            out.append(scalar: b < 0xA0 ? high[Int(b - 0x80)] : UInt32(b))
        }
        return out
    }
}
