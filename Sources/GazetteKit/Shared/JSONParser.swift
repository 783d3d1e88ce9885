/// A strict RFC 8259 JSON reader that keeps object key order and byte positions.
///
/// Exists because Foundation's `JSONSerialization`/`JSONDecoder` lose key order (sections are
/// published in file order) and report syntax errors as a bare byte offset or not at all; this one
/// says where and what is wrong in words a person understands (trailing comma, comment, single
/// quotes): for `feeds.json` edited by hand, and to explain why a JSON feed is broken.
struct JSONParser {
    /// A syntax error at a byte offset.
    struct SyntaxError: Error, Sendable, Equatable {
        var offset: Int
        var message: String
    }

    /// Deepest nesting accepted; deeper input is rejected instead of overflowing the stack.
    static let maximumDepth = 256

    /// Valid only during `parse(_:)`: the parser never outlives the buffer it reads.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// Where the most recent comma was, to point at it when it turns out to be a trailing comma.
    private var lastComma = 0

    /// Parses a whole document: exactly one value, optionally surrounded by whitespace and preceded by a UTF-8 BOM.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> JSONNode {
        let result: Result<JSONNode, SyntaxError> = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(SyntaxError) -> JSONNode in try parse(buffer) }
        }
        return try result.get()
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
        parser.skipWhitespace()
        guard parser.index < bytes.count else {
            throw SyntaxError(offset: parser.index, message: "the file is empty; it should hold one JSON object")
        }
        let node = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw SyntaxError(
                offset: parser.index,
                message: "unexpected \(parser.describe(parser.index)) after the end of the JSON value; "
                    + "is there an extra closing bracket, or a missing comma?")
        }
        return node
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: Values

    private mutating func parseValue() throws(SyntaxError) -> JSONNode {
        guard index < bytes.count else {
            throw SyntaxError(offset: index, message: "the file ends where a value was expected")
        }
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""):
            let s = try parseString()
            return JSONNode(value: .string(s), start: start, end: index)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "'"):
            throw SyntaxError(offset: index, message: "JSON strings must use double quotes (\"), not single quotes")
        case UInt8(ascii: "/"):
            throw SyntaxError(offset: index, message: "comments are not allowed in JSON; remove it")
        default:
            throw SyntaxError(
                offset: index, message: "expected a value (string, number, object, list, true, false or null) but found \(describe(index))")
        }
    }

    private mutating func parseObject() throws(SyntaxError) -> JSONNode {
        let start = index
        try enter()
        index += 1
        var members: [JSONNode.Member] = []
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return JSONNode(value: .object(members), start: start, end: index)
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\"") else {
                if peek == UInt8(ascii: "}"), !members.isEmpty {
                    throw SyntaxError(
                        offset: lastComma,
                        message: "trailing comma before '}': JSON does not allow a comma after the last member; remove it")
                }
                if peek == UInt8(ascii: "'") {
                    throw SyntaxError(offset: index, message: "JSON keys must use double quotes (\"), not single quotes")
                }
                if peek == UInt8(ascii: "/") {
                    throw SyntaxError(offset: index, message: "comments are not allowed in JSON; remove it")
                }
                throw SyntaxError(offset: index, message: "expected a key in double quotes but found \(describe(index))")
            }
            let keyOffset = index
            let key = try parseString()
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else {
                throw SyntaxError(offset: index, message: "expected ':' after the key \"\(key)\" but found \(describe(index))")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONNode.Member(key: key, keyOffset: keyOffset, value: value))
            let afterValue = index
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","):
                lastComma = index
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return JSONNode(value: .object(members), start: start, end: index)
            case nil:
                throw SyntaxError(offset: index, message: "the file ends inside an object: a closing '}' is missing")
            case UInt8(ascii: "/"):
                throw SyntaxError(offset: index, message: "comments are not allowed in JSON; remove it")
            default:
                throw SyntaxError(
                    offset: afterValue,
                    message: "expected ',' or '}' after the value of \"\(key)\" but found \(describe(index)); is a comma missing?")
            }
        }
    }

    private mutating func parseArray() throws(SyntaxError) -> JSONNode {
        let start = index
        try enter()
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return JSONNode(value: .array(elements), start: start, end: index)
        }
        while true {
            skipWhitespace()
            if peek == UInt8(ascii: "]"), !elements.isEmpty {
                throw SyntaxError(
                    offset: lastComma, message: "trailing comma before ']': JSON does not allow a comma after the last element; remove it")
            }
            elements.append(try parseValue())
            let afterValue = index
            skipWhitespace()
            switch peek {
            case UInt8(ascii: ","):
                lastComma = index
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return JSONNode(value: .array(elements), start: start, end: index)
            case nil:
                throw SyntaxError(offset: index, message: "the file ends inside a list: a closing ']' is missing")
            case UInt8(ascii: "/"):
                throw SyntaxError(offset: index, message: "comments are not allowed in JSON; remove it")
            default:
                throw SyntaxError(
                    offset: afterValue,
                    message: "expected ',' or ']' after a list element but found \(describe(index)); is a comma missing?")
            }
        }
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw SyntaxError(offset: index, message: "nesting deeper than \(Self.maximumDepth) levels")
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONNode.Value) throws(SyntaxError) -> JSONNode {
        let start = index
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count, bytes[index..<index + expected.count].elementsEqual(expected) else {
            throw SyntaxError(offset: index, message: "expected a value but found \(describe(index)); strings need double quotes")
        }
        index += expected.count
        return JSONNode(value: value, start: start, end: index)
    }

    private mutating func parseNumber() throws(SyntaxError) -> JSONNode {
        let start = index
        if peek == UInt8(ascii: "-") { index += 1 }
        guard let first = peek, isDigit(first) else {
            throw SyntaxError(offset: index, message: "a number needs a digit after '-'")
        }
        if first == UInt8(ascii: "0"), let next = byte(at: index + 1), isDigit(next) {
            throw SyntaxError(offset: index, message: "numbers cannot have leading zeros")
        }
        while let b = peek, isDigit(b) { index += 1 }
        if peek == UInt8(ascii: ".") {
            index += 1
            guard let b = peek, isDigit(b) else { throw SyntaxError(offset: index, message: "a digit must follow the decimal point") }
            while let b = peek, isDigit(b) { index += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            guard let b = peek, isDigit(b) else { throw SyntaxError(offset: index, message: "a digit must follow the exponent") }
            while let b = peek, isDigit(b) { index += 1 }
        }
        let raw = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(raw) else { throw SyntaxError(offset: start, message: "the number \(raw) is out of range") }
        return JSONNode(value: .number(value, raw: raw), start: start, end: index)
    }

    // MARK: Strings

    private mutating func parseString() throws(SyntaxError) -> String {
        let open = index
        index += 1
        var buffer: [UInt8] = []
        while true {
            guard let b = peek else {
                throw SyntaxError(offset: open, message: "this string is never closed: a closing '\"' is missing")
            }
            switch b {
            case UInt8(ascii: "\""):
                index += 1
                guard let s = String(validating: buffer, as: UTF8.self) else {
                    throw SyntaxError(offset: open, message: "this string is not valid UTF-8; save the file as UTF-8")
                }
                return s
            case UInt8(ascii: "\\"):
                try parseEscape(into: &buffer)
            case 0x0A, 0x0D:
                throw SyntaxError(
                    offset: open, message: "this string is never closed before the end of the line: a closing '\"' is missing")
            case 0..<0x20:
                throw SyntaxError(offset: index, message: "control characters (such as tabs) must be escaped inside strings, e.g. \\t")
            default:
                buffer.append(b)
                index += 1
            }
        }
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(SyntaxError) {
        let escapeStart = index
        index += 1
        guard let e = peek else { throw SyntaxError(offset: escapeStart, message: "the file ends inside an escape sequence") }
        index += 1
        switch e {
        case UInt8(ascii: "\""): buffer.append(e)
        case UInt8(ascii: "\\"): buffer.append(e)
        case UInt8(ascii: "/"): buffer.append(e)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4(escapeStart)
            if (0xD800...0xDBFF).contains(scalar) {
                guard byte(at: index) == UInt8(ascii: "\\"), byte(at: index + 1) == UInt8(ascii: "u") else {
                    throw SyntaxError(offset: escapeStart, message: "\\u escape is half of a surrogate pair; the second half is missing")
                }
                index += 2
                let low = try parseHex4(escapeStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw SyntaxError(offset: escapeStart, message: "\\u escape pair is not a valid surrogate pair")
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else {
                throw SyntaxError(offset: escapeStart, message: "\\u escape is a lone surrogate, not a character")
            }
            buffer.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            throw SyntaxError(offset: escapeStart, message: "invalid escape \\\(describeByte(e)) in a string; write \\\\ for a backslash")
        }
    }

    private mutating func parseHex4(_ escapeStart: Int) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let b = peek, let digit = hexValue(b) else {
                throw SyntaxError(offset: escapeStart, message: "\\u must be followed by four hexadecimal digits")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    // MARK: Helpers

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func byte(at i: Int) -> UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func skipWhitespace() {
        while let b = peek, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 }
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(b - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// "'x'" or "the end of the file", for messages.
    private func describe(_ i: Int) -> String {
        guard let b = byte(at: i) else { return "the end of the file" }
        if b >= 0x80 {
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            if let s = String(validating: bytes[i..<min(bytes.count, i + length)], as: UTF8.self) { return "'\(s)'" }
        }
        return "'\(describeByte(b))'"
    }

    private func describeByte(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "\\u{\(String(b, radix: 16))}"
    }
}
