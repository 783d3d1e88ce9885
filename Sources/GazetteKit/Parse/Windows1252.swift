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

    /// The document re-encoded as UTF-8.
    static func utf8(from bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
                continue
            }
            let code = b < 0xA0 ? high[Int(b - 0x80)] : UInt32(b)
            appendUTF8(code, to: &out)
        }
        return out
    }

    static func appendUTF8<Sink: ByteSink>(_ code: UInt32, to out: inout Sink) {
        if code < 0x80 {
            out.append(UInt8(code))
        } else if code < 0x800 {
            out.append(UInt8(0xC0 | (code >> 6)))
            out.append(UInt8(0x80 | (code & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (code >> 12)))
            out.append(UInt8(0x80 | ((code >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (code & 0x3F)))
        }
    }
}
