import Foundation

/// A byte-level test that proves a sanitized HTML fragment has nothing `DuplicateTextCollapser`
/// would remove, so the common article skips the collapser's libxml2 parse entirely.
///
/// The fragment is read once, without building a tree: the text between tags, lower-cased letters and
/// digits only (ASCII by table; Unicode properties are looked up only for non-ASCII scalars), is one
/// stream, and every tag end marks a position where a block's text may start. A repeated block of at
/// least `minimumRepeatLength` normalized characters has at least `(minimumRepeatLength + 1) / 2`
/// letters and digits (spaces only separate them), so two equal blocks make two block starts followed
/// by the same text of at least that many letters and digits, ending at a tag boundary after both; a
/// first block equal to the summary makes the summary's letters and digits sit between two tag
/// boundaries (or the end). When neither happens nothing can be removed. Anything the scan does not model exactly (comments, unknown entities, raw-text elements,
/// stray `<`) answers "maybe", and the caller does the full check.
struct RepeatedTextPrecheck {
    /// Letters and digits of the text, lower-cased, as Unicode scalar values.
    private var stream: [UInt32] = []
    /// Positions in `stream` where a block's text may start (after each tag, and 0), increasing.
    private var starts: [Int] = [0]

    /// Whether `content` may contain a repeat (or a first block equal to `summary`): `false` only
    /// when the collapser provably leaves `content` unchanged.
    static func mayCollapse(content: String, summary: String?, minimumRepeatLength: Int) -> Bool {
        var scan = RepeatedTextPrecheck()
        guard scan.read(content) else { return true }
        if let summary {
            var summaryScan = RepeatedTextPrecheck()
            guard summaryScan.read(summary) else { return true }
            if !summaryScan.stream.isEmpty, scan.hasBlock(equalTo: summaryScan.stream) { return true }
        }
        return scan.hasRepeatedBlockStart(length: max(1, (minimumRepeatLength + 2) / 2))
    }

    /// Whether `text` sits between two tag boundaries (a block holding exactly it may exist).
    private func hasBlock(equalTo text: [UInt32]) -> Bool {
        stream.withUnsafeBufferPointer { all in
            text.withUnsafeBufferPointer { wanted in
                for start in starts where start + wanted.count <= all.count && all[start] == wanted[0] {
                    let end = start + wanted.count
                    // A block's text ends where a tag is, or at the end of the fragment.
                    guard end == all.count || isTagBoundary(end) else { continue }
                    if memcmp(all.baseAddress! + start, wanted.baseAddress!, wanted.count * 4) == 0 { return true }
                }
                return false
            }
        }
    }

    /// Whether a tag sits at `position` of `stream` (`starts` is sorted).
    private func isTagBoundary(_ position: Int) -> Bool {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < position { low = middle + 1 } else { high = middle }
        }
        return low < starts.count && starts[low] == position
    }

    /// Whether two block starts are followed by the same `length` or more letters and digits that both
    /// end at a tag boundary (or the end): two equal blocks of that size would be.
    private func hasRepeatedBlockStart(length: Int) -> Bool {
        var seen: [UInt64: [Int]] = [:]
        return stream.withUnsafeBufferPointer { all in
            for start in starts where start + length <= all.count {
                // FNV-1a over the scalars; equal hashes are then compared scalar by scalar.
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for value in all[start..<(start + length)] {
                    hash = (hash ^ UInt64(value)) &* 0x100_0000_01b3
                }
                for earlier in seen[hash, default: []] where sameBlockText(all, earlier, start, minimum: length) {
                    return true
                }
                seen[hash, default: []].append(start)
            }
            return false
        }
    }

    /// Whether `first` and `second` are followed by the same text of at least `minimum` scalars that
    /// ends at a tag boundary (or the end) after both.
    private func sameBlockText(_ all: UnsafeBufferPointer<UInt32>, _ first: Int, _ second: Int, minimum: Int) -> Bool {
        var length = 0
        while first + length < all.count, second + length < all.count, all[first + length] == all[second + length] {
            length += 1
            if length >= minimum, isBlockEnd(first + length, all.count), isBlockEnd(second + length, all.count) {
                return true
            }
        }
        return false
    }

    private func isBlockEnd(_ position: Int, _ count: Int) -> Bool {
        position == count || isTagBoundary(position)
    }

    // MARK: - Scanning

    /// Reads `html` into `stream` and `starts`; `false` when it holds something the scan does not model.
    private mutating func read(_ html: String) -> Bool {
        var html = html
        return html.withUTF8 { bytes in
            stream.reserveCapacity(bytes.count)
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == UInt8(ascii: "<") {
                        guard let end = Self.tagEnd(bytes, from: index) else { return false }
                        index = end
                        if starts.last != stream.count { starts.append(stream.count) }
                        continue
                    }
                    if byte == UInt8(ascii: "&") {
                        guard let (scalar, end) = Self.reference(bytes, from: index) else { return false }
                        append(scalar)
                        index = end
                        continue
                    }
                    let folded = Self.asciiFold[Int(byte)]
                    if folded != 0 { stream.append(UInt32(folded)) }
                    index += 1
                    continue
                }
                let (scalar, length) = Self.decode(bytes, at: index)
                append(scalar)
                index += length
            }
            return true
        }
    }

    /// Appends one scalar as the collapser's key would: lower-cased if a letter or digit, else nothing.
    private mutating func append(_ value: UInt32) {
        if value < 0x80 {
            let folded = Self.asciiFold[Int(value)]
            if folded != 0 { stream.append(UInt32(folded)) }
            return
        }
        guard let scalar = Unicode.Scalar(value) else { return }
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return }
        for lowered in String(scalar).lowercased().unicodeScalars {
            stream.append(lowered.value)
        }
    }

    /// ASCII letters and digits lower-cased; 0 for everything else.
    private static let asciiFold: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): UInt8(byte)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) + 32
        default: 0
        }
    }

    /// Elements whose text libxml2 or the collapser treat otherwise than plain text, or that move
    /// content out of the fragment's body: their presence sends the item to the full check.
    private static let unmodelledElements: Set<[UInt8]> = Set(
        [
            "script", "style", "template", "noscript", "title", "textarea", "xmp", "plaintext", "iframe",
            "noembed", "noframes", "html", "head", "body", "meta", "link", "base", "frameset", "frame",
            "object", "svg", "math", "select", "option",
        ].map { Array($0.utf8) })

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    /// The index after the tag starting at `start` (a `<`), or nil for anything but a plain start or
    /// end tag with well-quoted attributes.
    private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start + 1
        let count = bytes.count
        if index < count, bytes[index] == UInt8(ascii: "/") { index += 1 }
        guard index < count, isLetter(bytes[index]) else { return nil }
        var name: [UInt8] = []
        while index < count {
            let byte = bytes[index]
            guard isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) else { break }
            name.append(byte | (isLetter(byte) ? 0x20 : 0))
            index += 1
        }
        if unmodelledElements.contains(name) { return nil }
        while index < count {
            switch bytes[index] {
            case UInt8(ascii: ">"):
                return index + 1
            case UInt8(ascii: "<"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return nil
            case UInt8(ascii: "="):
                index += 1
                while index < count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 || bytes[index] == 0x0D {
                    index += 1
                }
                guard index < count else { return nil }
                let quote = bytes[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    index += 1
                    while index < count, bytes[index] != quote { index += 1 }
                    guard index < count else { return nil }
                    index += 1
                }
            default:
                index += 1
            }
        }
        return nil
    }

    /// The scalar of the character reference at `start` (a `&`) and the index after it, for numeric
    /// references and the few names the sanitizer writes; nil for anything else.
    private static func reference(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (UInt32, Int)? {
        let count = bytes.count
        var index = start + 1
        if index < count, bytes[index] == UInt8(ascii: "#") {
            index += 1
            var hex = false
            if index < count, bytes[index] | 0x20 == UInt8(ascii: "x") {
                hex = true
                index += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while index < count, digits < 8 {
                let byte = bytes[index]
                let digit: UInt32
                if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    digit = UInt32(byte - UInt8(ascii: "0"))
                } else if hex, (byte | 0x20) >= UInt8(ascii: "a"), (byte | 0x20) <= UInt8(ascii: "f") {
                    digit = UInt32((byte | 0x20) - UInt8(ascii: "a") + 10)
                } else {
                    break
                }
                value = value * (hex ? 16 : 10) + digit
                digits += 1
                index += 1
            }
            guard digits > 0, index < count, bytes[index] == UInt8(ascii: ";") else { return nil }
            // Controls, C1, surrogates and out-of-range values: libxml2 may map or refuse them.
            guard value >= 0x20, !(0x7F...0x9F).contains(value), Unicode.Scalar(value) != nil else { return nil }
            return (value, index + 1)
        }
        let nameStart = index
        while index < count, isLetter(bytes[index]), index - nameStart < 8 { index += 1 }
        guard index < count, bytes[index] == UInt8(ascii: ";") else { return nil }
        let name = Array(bytes[nameStart..<index])
        guard let value = namedReferences[name] else { return nil }
        return (value, index + 1)
    }

    private static let namedReferences: [[UInt8]: UInt32] = [
        Array("amp".utf8): 0x26, Array("lt".utf8): 0x3C, Array("gt".utf8): 0x3E, Array("quot".utf8): 0x22,
        Array("apos".utf8): 0x27, Array("nbsp".utf8): 0xA0,
    ]

    /// Decodes the UTF-8 sequence at `index` (the bytes of a Swift string are valid UTF-8).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        if lead < 0xE0 {
            return (((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2)
        }
        if lead < 0xF0 {
            return (((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F), 3)
        }
        return (
            ((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12) | ((UInt32(bytes[index + 2]) & 0x3F) << 6)
                | (UInt32(bytes[index + 3]) & 0x3F), 4
        )
    }
}
