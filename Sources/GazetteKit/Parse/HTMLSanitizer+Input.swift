extension HTMLSanitizer {
    /// The fragment with every tag removed, and `script`/`style` elements with their content:
    /// the last resort when libxml2 cannot build a tree.
    static func strippingTags(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        let count = bytes.count
        func find(_ byte: UInt8, from start: Int) -> Int? {
            var index = start
            while index < count {
                if bytes[index] == byte { return index }
                index += 1
            }
            return nil
        }
        func hasEndTag(_ name: StaticString, at index: Int) -> Bool {
            let length = name.utf8CodeUnitCount
            guard index + 2 + length <= count, bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/")
            else { return false }
            let letters = name.utf8Start
            for offset in 0..<length where bytes[index + 2 + offset] | 0x20 != letters[offset] { return false }
            return true
        }
        var index = 0
        while index < count {
            let byte = bytes[index]
            let next = index + 1 < count ? bytes[index + 1] : 0
            let opensTag =
                byte == UInt8(ascii: "<")
                && (FeedDate.isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?"))
            guard opensTag, let close = find(UInt8(ascii: ">"), from: index + 1) else {
                output.append(byte)
                index += 1
                continue
            }
            let nameStart = index + 1
            var nameEnd = nameStart
            while nameEnd < close, FeedDate.isLetter(bytes[nameEnd]) { nameEnd += 1 }
            index = close + 1
            for name in ["script", "style"] as [StaticString] where nameEnd - nameStart == name.utf8CodeUnitCount {
                var matches = true
                for offset in 0..<name.utf8CodeUnitCount where bytes[nameStart + offset] | 0x20 != name.utf8Start[offset] {
                    matches = false
                }
                guard matches else { continue }
                // Skip the element's raw content up to and including its end tag.
                var search = index
                while search < count, !hasEndTag(name, at: search) { search += 1 }
                index = find(UInt8(ascii: ">"), from: search).map { $0 + 1 } ?? count
            }
        }
        return output
    }

    /// The bytes handed to libxml2: `<html><body>`, then the fragment with comments removed and
    /// `</body`, `</html`, `</head` (any case) renamed to `</xody`, `</xtml`, `</xead`.
    ///
    /// Comments are removed here, the way feedparser reads them, because libxml2 (like HTML 5)
    /// lets a malformed comment swallow the rest of the fragment, text included: a comment ends
    /// at `-->`; failing that, at the first `--…>`; an unclosed comment runs to the end.
    /// Safety does not depend on this pass: the sanitizer filters the parsed tree.
    static func prepare(_ fragment: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var input = wrapperPrefix
        input.reserveCapacity(wrapperPrefix.count + fragment.count)
        let count = fragment.count
        var index = 0
        var copied = 0
        while index + 2 < count {
            let byte = fragment[index]
            if byte == UInt8(ascii: "&"), fragment[index + 1] == UInt8(ascii: "#"), fragment[index + 2] == UInt8(ascii: "X") {
                // `&#X41;`: HTML allows the upper-case X, libxml2 does not.
                input.append(contentsOf: UnsafeBufferPointer(rebasing: fragment[copied..<(index + 2)]))
                input.append(UInt8(ascii: "x"))
                index += 3
                copied = index
                continue
            }
            guard byte == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let next = fragment[index + 1]
            if next == UInt8(ascii: "!") {
                if index + 3 < count, fragment[index + 2] == UInt8(ascii: "-"), fragment[index + 3] == UInt8(ascii: "-") {
                    input.append(contentsOf: UnsafeBufferPointer(rebasing: fragment[copied..<index]))
                    index = commentEnd(fragment, from: index + 4)
                    copied = index
                    continue
                }
                if !fragment[(index + 2)...].contains(UInt8(ascii: ">")) {
                    // An unterminated `<!DOCTYPE`: text, not a declaration that swallows the rest.
                    input.append(contentsOf: UnsafeBufferPointer(rebasing: fragment[copied..<index]))
                    input.append(contentsOf: "&lt;".utf8)
                    index += 1
                    copied = index
                    continue
                }
            }
            if next == UInt8(ascii: "/"), index + 5 < count {
                let a = fragment[index + 2] | 0x20, b = fragment[index + 3] | 0x20
                let c = fragment[index + 4] | 0x20, d = fragment[index + 5] | 0x20
                let isWrapper =
                    (a, b, c, d) == (0x62, 0x6F, 0x64, 0x79)  // body
                    || (a, b, c, d) == (0x68, 0x74, 0x6D, 0x6C)  // html
                    || (a, b, c, d) == (0x68, 0x65, 0x61, 0x64)  // head
                if isWrapper {
                    input.append(contentsOf: UnsafeBufferPointer(rebasing: fragment[copied..<(index + 2)]))
                    input.append(UInt8(ascii: "x"))
                    copied = index + 3
                }
            }
            index += 1
        }
        input.append(contentsOf: UnsafeBufferPointer(rebasing: fragment[copied...]))
        return input
    }

    /// The index just after the comment whose body starts at `start`.
    static func commentEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = bytes.count
        // `<!-->` and `<!--->` are empty comments.
        if start < count, bytes[start] == UInt8(ascii: ">") { return start + 1 }
        if start + 1 < count, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: ">") { return start + 2 }
        var index = start
        // `--\s*>`
        while index + 2 < count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
                var end = index + 2
                while end < count, FeedDate.isSpace(bytes[end]) { end += 1 }
                if end < count, bytes[end] == UInt8(ascii: ">") { return end + 1 }
            }
            index += 1
        }
        // `--[^>]*>`
        index = start
        while index + 1 < count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
                if let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ">")) { return close + 1 }
                break
            }
            index += 1
        }
        return count
    }
}
