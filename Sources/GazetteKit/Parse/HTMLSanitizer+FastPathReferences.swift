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
            guard digits > 0, cursor < count, bytes[cursor] == UInt8(ascii: ";"), XMLRepair.isXMLChar(value)
            else { return nil }
            output.append(scalar: value)
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
                output.append(scalar: entity.pointee.value)
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
}
