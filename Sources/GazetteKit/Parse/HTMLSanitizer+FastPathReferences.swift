internal import CLibXML2

extension HTMLSanitizer.TidyTokenizer {
    /// A character reference at `index` (an `&`), decoded as libxml2 does into `output`;
    /// returns the index after it, or nil when libxml2's handling is not reproduced here.
    static func reference(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, into output: ByteBuffer) -> Int? {
        let count = bytes.count
        var cursor = index + 1
        guard cursor < count else {
            output.append(UInt8(ascii: "&"))
            return cursor
        }
        let first = bytes[cursor]
        if first == UInt8(ascii: "#") {
            cursor += 1
            var value: UInt32 = 0
            var digits = 0
            if cursor < count, bytes[cursor] | 0x20 == UInt8(ascii: "x") {
                cursor += 1
                while cursor < count, digits < 7, let digit = Self.hexValue(bytes[cursor]) {
                    value = value * 16 + UInt32(digit)
                    digits += 1
                    cursor += 1
                }
            } else {
                while cursor < count, digits < 8, FeedDate.isDigit(bytes[cursor]) {
                    value = value * 10 + UInt32(bytes[cursor] - 48)
                    digits += 1
                    cursor += 1
                }
            }
            guard digits > 0, cursor < count, bytes[cursor] == UInt8(ascii: ";"), Self.isXMLChar(value)
            else { return nil }
            Self.appendUTF8(value, to: output)
            return cursor + 1
        }
        guard FeedDate.isLetter(first) || first == UInt8(ascii: "_") || first == UInt8(ascii: ":") else {
            // `& ` and the like: no name, so libxml2 keeps the `&` as text.
            guard first < 0x80 else { return nil }
            output.append(UInt8(ascii: "&"))
            return cursor
        }
        let nameStart = cursor
        while cursor < count, isHTMLNameByte(bytes[cursor]) { cursor += 1 }
        let nameEnd = cursor
        // A non-ASCII name character would extend the name libxml2 reads.
        if cursor < count, bytes[cursor] >= 0x80 { return nil }
        if cursor < count, bytes[cursor] == UInt8(ascii: ";"), nameEnd - nameStart < 32 {
            var name = [UInt8](bytes[nameStart..<nameEnd])
            name.append(0)
            if let entity = name.withUnsafeBufferPointer({ htmlEntityLookup($0.baseAddress!) }) {
                Self.appendUTF8(entity.pointee.value, to: output)
                return cursor + 1
            }
        }
        // Unknown or unterminated: libxml2 keeps `&name` as text (and any `;` after it).
        output.append(UnsafeBufferPointer(rebasing: bytes[index..<nameEnd]))
        return nameEnd
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        if FeedDate.isDigit(byte) { return byte - 48 }
        let lower = byte | 0x20
        if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") { return lower - 87 }
        return nil
    }

    /// libxml2's `IS_CHAR`.
    private static func isXMLChar(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value <= 0xD7FF)
            || (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF)
    }

    private static func appendUTF8(_ value: UInt32, to output: ByteBuffer) {
        if value < 0x80 {
            output.append(UInt8(value))
        } else if value < 0x800 {
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        } else if value < 0x10000 {
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        } else {
            output.append(UInt8(0xF0 | (value >> 18)))
            output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }
}
