internal import CLibXML2

extension HTMLSanitizer {
    /// A tokenizer for the common, tidy fragment, which feeds the same `Writer` the events
    /// libxml2's HTML parser would send, without libxml2's per-character cost.
    ///
    /// It accepts only what it can reproduce exactly and gives up (returns false, leaving the
    /// writer to be discarded) on anything else, which then goes through libxml2. Implied end
    /// tags follow libxml2's own tables (`FastPathTables`); it gives up on an element outside
    /// `FastPathTables.names`, `</br>`,
    /// declarations, unquoted attribute values it cannot delimit, duplicate attributes, control
    /// characters and character references it cannot decode the way libxml2 does.
    ///
    /// It reads the fragment itself, and declines whatever `prepare` would change before libxml2
    /// sees it (so both paths parse the same text): it skips a comment the way `prepare` removes
    /// it only where the removal cannot join two tokens, and gives up on `<!`, `</` or `<!--`
    /// inside attribute values and on a comment inside `script`/`style`.
    static func streamTidy(_ bytes: UnsafeBufferPointer<UInt8>, into writer: inout Writer) -> Bool {
        var tokenizer = TidyTokenizer(bytes: bytes)
        return tokenizer.run(into: &writer)
    }

    /// Bytes the tidy tokenizer must look at in text: `<`, `&`, control characters other than
    /// tab, LF and CR, and 0xEF (the lead byte of U+FFFE / U+FFFF).
    static let tidyTextStops: [Bool] = (0...255).map { byte in
        byte == 0x3C || byte == 0x26 || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0xEF
    }

    struct TidyTokenizer {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// Open elements, as indexes into `FastPathTables.names`.
        var open: [Int] = []
        /// The current tag: NUL-terminated names and values, as libxml2 hands them to SAX.
        var scratch: [UInt8] = []
        /// Offsets into `scratch` of each attribute's name and value (-1: no value).
        var offsets: [Int] = []
        /// The attribute array handed to the writer, kept between tags (emptied after each use).
        var pointers: [UnsafePointer<xmlChar>?] = []
        var text: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            scratch.reserveCapacity(256)
            offsets.reserveCapacity(16)
        }

        mutating func run(into writer: inout Writer) -> Bool {
            let tables = FastPathTables.shared
            guard start(staticName: FastPathTables.html, into: &writer),
                start(staticName: FastPathTables.body, into: &writer)
            else { return false }
            let count = bytes.count
            var textStart = 0
            guard let base = bytes.baseAddress else { return false }
            let stops = HTMLSanitizer.tidyTextStops
            while index < count {
                // Skip plain text to the next byte that needs a look, in a local loop.
                var scan = index
                stops.withUnsafeBufferPointer { table in
                    while scan < count, !table[Int(base[scan])] { scan += 1 }
                }
                index = scan
                guard index < count else { break }
                let byte = base[index]
                if byte == UInt8(ascii: "<"), index + 3 < count, bytes[index + 1] == UInt8(ascii: "!"),
                    bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-")
                {
                    // A comment, removed as `prepare` removes it, where that joins nothing: after
                    // a byte that cannot be part of an unfinished reference.
                    if index > 0 {
                        let previous = bytes[index - 1]
                        if Self.isHTMLNameByte(previous) || previous == UInt8(ascii: "&") || previous == UInt8(ascii: "#")
                            || previous >= 0x80
                        {
                            return false
                        }
                    }
                    flushText(from: textStart, into: &writer)
                    index = HTMLSanitizer.commentEnd(bytes, from: index + 4)
                    textStart = index
                } else if byte == UInt8(ascii: "<") {
                    flushText(from: textStart, into: &writer)
                    guard tag(tables, into: &writer) else { return false }
                    textStart = index
                } else if byte == UInt8(ascii: "&") {
                    flushText(from: textStart, into: &writer)
                    guard let next = Self.reference(in: bytes, at: index, into: &text) else { return false }
                    index = next
                    text.withUnsafeBufferPointer { writer.text($0) }
                    text.removeAll(keepingCapacity: true)
                    textStart = index
                } else if byte < 0x20 {
                    guard byte == 0x09 || byte == 0x0A || byte == 0x0D else { return false }
                    index += 1
                } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                    return false  // U+FFFE / U+FFFF: not XML characters
                } else {
                    index += 1
                }
            }
            flushText(from: textStart, into: &writer)
            while let element = open.popLast() { end(tables.names[element], into: &writer) }
            end(FastPathTables.body, into: &writer)
            end(FastPathTables.html, into: &writer)
            return writer.isBalanced
        }

        private func flushText(from start: Int, into writer: inout Writer) {
            guard index > start else { return }
            writer.text(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        }

        private func start(staticName name: [UInt8], into writer: inout Writer) -> Bool {
            name.withUnsafeBufferPointer { writer.start(name: $0.baseAddress!, attributes: nil) }
        }

        private func end(_ name: [UInt8], into writer: inout Writer) {
            name.withUnsafeBufferPointer { writer.end(name: $0.baseAddress!) }
        }

        private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
        static func isNameByte(_ byte: UInt8) -> Bool { FeedDate.isLetter(byte) || FeedDate.isDigit(byte) }

        /// The characters after the first of a libxml2 HTML name (`htmlParseHTMLName`) or XML name
        /// in its ASCII fast path (`htmlParseName`): letters, digits, `-`, `_`, `:`, `.`.
        static func isHTMLNameByte(_ byte: UInt8) -> Bool {
            isNameByte(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: ".")
        }

        /// A start or end tag at `index` (a `<`); false to give up.
        private mutating func tag(_ tables: FastPathTables, into writer: inout Writer) -> Bool {
            let count = bytes.count
            guard index + 1 < count else { return false }
            if bytes[index + 1] == UInt8(ascii: "/") {
                var cursor = index + 2
                let nameStart = cursor
                while cursor < count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
                guard cursor > nameStart, let element = tables.index(of: bytes[nameStart..<cursor]) else { return false }
                while cursor < count, Self.isBlank(bytes[cursor]) { cursor += 1 }
                guard cursor < count, bytes[cursor] == UInt8(ascii: ">") else { return false }
                index = cursor + 1
                guard let position = open.lastIndex(of: element) else {
                    // libxml2 ignores the end tag of an element that is not open, except `</br>`,
                    // which it turns into a line break.
                    return !tables.isBreak(element)
                }
                // An end tag closes the elements open inside its element, unless one of them
                // ranks higher (libxml2's end priorities: a stray `</div>` cannot end a `<td>`).
                let priority = tables.endPriority[element]
                for inner in open[(position + 1)...] where tables.endPriority[inner] > priority { return true }
                while open.count > position {
                    end(tables.names[open.removeLast()], into: &writer)
                }
                return true
            }
            var cursor = index + 1
            let nameStart = cursor
            guard FeedDate.isLetter(bytes[cursor]) else { return false }
            while cursor < count, Self.isNameByte(bytes[cursor]) { cursor += 1 }
            guard let element = tables.index(of: bytes[nameStart..<cursor]) else { return false }
            // libxml2 ends the open elements this start tag implicitly closes (`<p>` ends an open
            // `<p>`), innermost first, as long as the next one is closed too.
            while let current = open.last, tables.closes(element, current) {
                open.removeLast()
                end(tables.names[current], into: &writer)
            }
            if open.isEmpty, tables.closesBody[element] { return false }
            scratch.removeAll(keepingCapacity: true)
            offsets.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: tables.names[element])  // NUL-terminated
            // Attributes: name, optional `= "value"`, in any spacing libxml2 accepts.
            var selfClosing = false
            while true {
                while cursor < count, Self.isBlank(bytes[cursor]) { cursor += 1 }
                guard cursor < count else { return false }
                let byte = bytes[cursor]
                if byte == UInt8(ascii: ">") {
                    cursor += 1
                    break
                }
                if byte == UInt8(ascii: "/") {
                    guard cursor + 1 < count, bytes[cursor + 1] == UInt8(ascii: ">") else { return false }
                    cursor += 2
                    selfClosing = true
                    break
                }
                // libxml2's HTML names: a letter, `_`, `:` or `.`, then those, digits and `-`.
                guard
                    FeedDate.isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
                        || byte == UInt8(ascii: ".")
                else { return false }
                let attributeStart = cursor
                while cursor < count, Self.isHTMLNameByte(bytes[cursor]) { cursor += 1 }
                guard cursor < count, cursor - attributeStart < 90 else { return false }
                let terminator = bytes[cursor]
                guard
                    Self.isBlank(terminator) || terminator == UInt8(ascii: "=") || terminator == UInt8(ascii: ">")
                        || terminator == UInt8(ascii: "/")
                else { return false }
                let nameOffset = scratch.count
                for byte in bytes[attributeStart..<cursor] { scratch.append(FeedDate.isLetter(byte) ? byte | 0x20 : byte) }
                scratch.append(0)
                guard !isDuplicate(nameOffset) else { return false }
                offsets.append(nameOffset)
                var lookahead = cursor
                while lookahead < count, Self.isBlank(bytes[lookahead]) { lookahead += 1 }
                guard lookahead < count, bytes[lookahead] == UInt8(ascii: "=") else {
                    offsets.append(-1)
                    continue
                }
                cursor = lookahead + 1
                while cursor < count, Self.isBlank(bytes[cursor]) { cursor += 1 }
                guard cursor < count else { return false }
                let quote = bytes[cursor]
                offsets.append(scratch.count)
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    cursor += 1
                    while true {
                        // Copy the plain run at once, then handle what ended it.
                        let runStart = cursor
                        while cursor < count {
                            let byte = bytes[cursor]
                            if byte == quote || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<")
                                || (byte < 0x20 && byte != 0x09 && byte != 0x0A)
                            {
                                break
                            }
                            cursor += 1
                        }
                        if cursor > runStart { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<cursor])) }
                        guard cursor < count else { return false }
                        let byte = bytes[cursor]
                        if byte == quote {
                            cursor += 1
                            break
                        }
                        if byte == UInt8(ascii: "&") {
                            guard let next = Self.reference(in: bytes, at: cursor, into: &scratch) else { return false }
                            cursor = next
                            continue
                        }
                        guard byte == UInt8(ascii: "<"), cursor + 1 < count,
                            bytes[cursor + 1] != UInt8(ascii: "!"), bytes[cursor + 1] != UInt8(ascii: "/")
                        else {
                            return false  // a control character, or what `prepare` would rewrite
                        }
                        scratch.append(byte)
                        cursor += 1
                    }
                } else {
                    // Unquoted: up to a blank or `>` (a `/` belongs to the value, as in libxml2).
                    let valueStart = scratch.count
                    while cursor < count, !Self.isBlank(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") {
                        let byte = bytes[cursor]
                        if byte == UInt8(ascii: "&") {
                            guard let next = Self.reference(in: bytes, at: cursor, into: &scratch) else { return false }
                            cursor = next
                            continue
                        }
                        if byte < 0x20 { return false }
                        if byte == UInt8(ascii: "<"), cursor + 1 < count,
                            bytes[cursor + 1] == UInt8(ascii: "!") || bytes[cursor + 1] == UInt8(ascii: "/")
                        {
                            return false
                        }
                        scratch.append(byte)
                        cursor += 1
                    }
                    guard cursor < count, scratch.count > valueStart else { return false }
                }
                scratch.append(0)
            }
            index = cursor
            var pointers = self.pointers
            self.pointers = []
            let accepted = scratch.withUnsafeBufferPointer { buffer -> Bool in
                let base = buffer.baseAddress!
                guard !offsets.isEmpty else { return writer.start(name: base, attributes: nil) }
                pointers.removeAll(keepingCapacity: true)
                for offset in offsets { pointers.append(offset < 0 ? nil : base + offset) }
                pointers.append(nil)
                defer { pointers.removeAll(keepingCapacity: true) }  // they point into `scratch`
                return pointers.withUnsafeMutableBufferPointer { writer.start(name: base, attributes: $0.baseAddress) }
            }
            self.pointers = pointers
            guard accepted else { return false }
            if selfClosing || tables.isEmpty[element] {
                end(tables.names[element], into: &writer)
                return true
            }
            open.append(element)
            if tables.isRawText[element] {
                // libxml2 (recovering) ends raw text at `</` + the element's name in any case; the
                // end tag itself is then read as usual. The content is only ever dropped.
                let name = tables.names[element].dropLast()
                var search = index
                while true {
                    while search < count, bytes[search] != UInt8(ascii: "<") { search += 1 }
                    guard search + 1 + name.count < count else { return false }
                    if bytes[search + 1] == UInt8(ascii: "!") { return false }  // `prepare` would remove a comment
                    if bytes[search + 1] == UInt8(ascii: "/") {
                        var matches = true
                        for (offset, letter) in name.enumerated() where bytes[search + 2 + offset] | 0x20 != letter {
                            matches = false
                            break
                        }
                        if matches { break }
                    }
                    search += 1
                }
                let content = UnsafeBufferPointer(rebasing: bytes[index..<search])
                if !content.isEmpty { writer.text(content) }
                index = search
            }
            return true
        }

        /// Whether the attribute name just written at `offset` repeats an earlier one (libxml2 keeps the first).
        private func isDuplicate(_ offset: Int) -> Bool {
            let length = scratch.count - offset
            var pair = 0
            while pair < offsets.count {
                let other = offsets[pair]
                var same = true
                for step in 0..<length where scratch[other + step] != scratch[offset + step] {
                    same = false
                    break
                }
                if same { return true }
                pair += 2
            }
            return false
        }
    }
}
