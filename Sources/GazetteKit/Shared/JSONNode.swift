/// A JSON value that remembers where it sits in the source text, so configuration errors can name a
/// line and column and `FeedsFileEditor` can splice the text without reformatting it.
///
/// Objects keep their members in file order (Foundation's JSON APIs do not), duplicates included.
struct JSONNode: Sendable, Hashable {
    /// One `"key": value` pair of an object.
    struct Member: Sendable, Hashable {
        var key: String
        /// Byte offset of the key's opening quote.
        var keyOffset: Int
        var value: JSONNode
    }

    enum Value: Sendable, Hashable {
        case object([Member])
        case array([JSONNode])
        case string(String)
        /// The number and its exact source text (to tell `3` from `3.0`).
        case number(Double, raw: String)
        case bool(Bool)
        case null
    }

    var value: Value
    /// Byte range of the value in the source (`start` is its first byte, `end` one past its last).
    var start: Int
    var end: Int

    /// The member named `key` (the last one when the key is repeated, as most JSON readers do).
    subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.last(where: { $0.key == key })?.value
    }

    /// What a person would call this kind of value, for "expected a string, found a number" messages.
    var kindName: String {
        switch value {
        case .object: "an object"
        case .array: "a list"
        case .string: "a string"
        case .number: "a number"
        case .bool: "true/false"
        case .null: "null"
        }
    }

    var stringValue: String? {
        if case .string(let s) = value { return s }
        return nil
    }
}

/// Converts byte offsets in a source text to 1-based line and column numbers.
struct LineIndex: Sendable {
    private let lineStarts: [Int]
    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<buffer.count where buffer[i] == 0x0A { starts.append(i + 1) }
        }
        lineStarts = starts
        self.bytes = bytes
    }

    /// Line and column (counted in characters, not bytes) of `offset`.
    func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        // Count UTF-8 scalar starts (bytes that are not continuation bytes 10xxxxxx).
        var column = 1
        var i = start
        while i < clamped {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (low + 1, column)
    }
}
