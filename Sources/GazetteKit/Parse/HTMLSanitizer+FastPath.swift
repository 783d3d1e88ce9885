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
    static func streamTidy(_ bytes: UnsafeBufferPointer<UInt8>, into writer: inout Writer, workspace: Workspace = Workspace()) -> Bool {
        var tokenizer = TidyTokenizer(bytes: bytes, workspace: workspace)
        return tokenizer.run(into: &writer)
    }

    struct TidyTokenizer {
        /// Attributes a tag may have on the fast path; more go to libxml2.
        static let maximumAttributes = 32

        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        /// Open elements, as indexes into `FastPathTables`.
        var open: [Int] = []
        /// Lower-cased attribute names and decoded values of the current tag, when they cannot
        /// point into the input as they are.
        let scratch: ByteBuffer
        /// Decoded character references in text.
        let text: ByteBuffer
        let workspace: Workspace
        let tables = FastPathTables.shared

        init(bytes: UnsafeBufferPointer<UInt8>, workspace: Workspace) {
            self.bytes = bytes
            self.workspace = workspace
            scratch = workspace.scratch
            text = workspace.text
            text.removeAll()
            swap(&open, &workspace.open)
            open.removeAll(keepingCapacity: true)
        }

        mutating func run(into writer: inout Writer) -> Bool {
            let slots = workspace.slots
            let attributes = workspace.attributes
            // The open-element stack goes back to the workspace for the next fragment.
            defer { swap(&open, &workspace.open) }
            guard startWrapper("html", into: &writer), startWrapper("body", into: &writer) else { return false }
            let count = bytes.count
            var textStart = 0
            guard let base = bytes.baseAddress else { return false }
            // Whether the pending text run holds a byte escaping replaces (`>`, a C1 control);
            // a run without one is copied as it is.
            var runNeedsEscaping = false
            while index < count {
                // Skip plain text to the next byte that needs a look.
                index = ByteScan.textStop(base, from: index, to: count)
                guard index < count else { break }
                let byte = base[index]
                if byte == UInt8(ascii: "<"), index + 3 < count, base[index + 1] == UInt8(ascii: "!"),
                    base[index + 2] == UInt8(ascii: "-"), base[index + 3] == UInt8(ascii: "-")
                {
                    // A comment, removed as `prepare` removes it, where that joins nothing: after
                    // a byte that cannot be part of an unfinished reference.
                    if index > 0 {
                        let previous = base[index - 1]
                        if Self.isHTMLNameByte(previous) || previous == UInt8(ascii: "&") || previous == UInt8(ascii: "#")
                            || previous >= 0x80
                        {
                            return false
                        }
                    }
                    flushText(from: textStart, escaping: runNeedsEscaping, into: &writer)
                    runNeedsEscaping = false
                    index = HTMLSanitizer.commentEnd(bytes, from: index + 4)
                    textStart = index
                } else if byte == UInt8(ascii: "<") {
                    flushText(from: textStart, escaping: runNeedsEscaping, into: &writer)
                    runNeedsEscaping = false
                    guard tag(slots: slots, attributes: attributes, into: &writer) else { return false }
                    textStart = index
                } else if byte == UInt8(ascii: "&") {
                    flushText(from: textStart, escaping: runNeedsEscaping, into: &writer)
                    runNeedsEscaping = false
                    guard let next = Self.reference(in: bytes, at: index, into: text) else { return false }
                    index = next
                    writer.text(text.bytes)
                    text.removeAll()
                    textStart = index
                } else if byte < 0x20 {
                    guard byte == 0x09 || byte == 0x0A || byte == 0x0D else { return false }
                    index += 1
                } else if byte == 0xEF, index + 2 < count, base[index + 1] == 0xBF, base[index + 2] >= 0xBE {
                    return false  // U+FFFE / U+FFFF: not XML characters
                } else {
                    // `>` is escaped; 0xC2 only when it starts a C1 control (not `&nbsp;`'s C2 A0).
                    runNeedsEscaping =
                        runNeedsEscaping || byte == UInt8(ascii: ">")
                        || (byte == 0xC2 && index + 1 < count && base[index + 1] >= 0x80 && base[index + 1] <= 0x9F)
                    index += 1
                }
            }
            flushText(from: textStart, escaping: runNeedsEscaping, into: &writer)
            while let element = open.popLast() { writer.end(name: tables.name(element)) }
            endWrapper("body", into: &writer)
            endWrapper("html", into: &writer)
            return writer.isBalanced
        }

        private func flushText(from start: Int, escaping: Bool, into writer: inout Writer) {
            guard index > start else { return }
            let run = UnsafeBufferPointer(rebasing: bytes[start..<index])
            if escaping { writer.text(run) } else { writer.plainText(run) }
        }

        private func startWrapper(_ name: StaticString, into writer: inout Writer) -> Bool {
            let bytes = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            return writer.start(name: bytes, key: Key(bytes), attributes: UnsafeBufferPointer(start: nil, count: 0))
        }

        private func endWrapper(_ name: StaticString, into writer: inout Writer) {
            writer.end(name: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        }

        private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
        static func isNameByte(_ byte: UInt8) -> Bool { FeedDate.isLetter(byte) || FeedDate.isDigit(byte) }

        /// The characters after the first of a libxml2 HTML name (`htmlParseHTMLName`) or XML name
        /// in its ASCII fast path (`htmlParseName`): letters, digits, `-`, `_`, `:`, `.`.
        static func isHTMLNameByte(_ byte: UInt8) -> Bool {
            isNameByte(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: ".")
        }

        /// Where an attribute's name and value are while the tag is read: in the input, or (when
        /// lower-casing or decoding changed them) at an offset in `scratch`, which may move as it grows.
        struct PendingAttribute {
            var key: Key
            var nameStart: Int
            var nameCount: Int
            var nameInScratch: Bool
            var valueStart: Int
            var valueCount: Int
            var valueInScratch: Bool
            var isBare: Bool
        }

        /// A start or end tag at `index` (a `<`); false to give up.
        private mutating func tag(
            slots: UnsafeMutablePointer<PendingAttribute>, attributes: UnsafeMutablePointer<TagAttribute>, into writer: inout Writer
        ) -> Bool {
            let count = bytes.count
            let base = bytes.baseAddress!
            guard index + 1 < count else { return false }
            if base[index + 1] == UInt8(ascii: "/") {
                var cursor = index + 2
                let nameStart = cursor
                while cursor < count, Self.isNameByte(base[cursor]) { cursor += 1 }
                guard cursor > nameStart,
                    let element = tables.index(
                        of: Key(UnsafeBufferPointer(start: base + nameStart, count: cursor - nameStart), lowercasing: true))
                else { return false }
                while cursor < count, Self.isBlank(base[cursor]) { cursor += 1 }
                guard cursor < count, base[cursor] == UInt8(ascii: ">") else { return false }
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
                    writer.end(name: tables.name(open.removeLast()))
                }
                return true
            }
            var cursor = index + 1
            let nameStart = cursor
            guard FeedDate.isLetter(base[cursor]) else { return false }
            // libxml2's tag names also take `-`, `_`, `:` and `.` (`<a_b>` is one unknown element).
            while cursor < count, Self.isHTMLNameByte(base[cursor]) { cursor += 1 }
            guard
                let element = tables.index(
                    of: Key(UnsafeBufferPointer(start: base + nameStart, count: cursor - nameStart), lowercasing: true))
            else { return false }
            // libxml2 ends the open elements this start tag implicitly closes (`<p>` ends an open
            // `<p>`), innermost first, as long as the next one is closed too.
            while let current = open.last, tables.closes(element, current) {
                open.removeLast()
                writer.end(name: tables.name(current))
            }
            if open.isEmpty, tables.closesBody[element] { return false }
            scratch.removeAll()
            var attributeCount = 0
            // Attributes: name, optional `= "value"`, in any spacing libxml2 accepts.
            var selfClosing = false
            while true {
                while cursor < count, Self.isBlank(base[cursor]) { cursor += 1 }
                guard cursor < count else { return false }
                let byte = base[cursor]
                if byte == UInt8(ascii: ">") {
                    cursor += 1
                    break
                }
                if byte == UInt8(ascii: "/") {
                    guard cursor + 1 < count, base[cursor + 1] == UInt8(ascii: ">") else { return false }
                    cursor += 2
                    selfClosing = true
                    break
                }
                // libxml2's HTML names: a letter, `_`, `:` or `.`, then those, digits and `-`.
                guard
                    FeedDate.isLetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
                        || byte == UInt8(ascii: ".")
                else { return false }
                guard attributeCount < Self.maximumAttributes else { return false }
                let attributeStart = cursor
                var hasUpperCase = false
                while cursor < count, Self.isHTMLNameByte(base[cursor]) {
                    if base[cursor] >= 0x41 && base[cursor] <= 0x5A { hasUpperCase = true }
                    cursor += 1
                }
                guard cursor < count, cursor - attributeStart <= Key.maximumLength else { return false }
                let terminator = base[cursor]
                guard
                    Self.isBlank(terminator) || terminator == UInt8(ascii: "=") || terminator == UInt8(ascii: ">")
                        || terminator == UInt8(ascii: "/")
                else { return false }
                let nameBytes = UnsafeBufferPointer(start: base + attributeStart, count: cursor - attributeStart)
                let key = Key(nameBytes, lowercasing: true)
                // libxml2 keeps the first of duplicate attributes; reproducing that is not worth it.
                for earlier in 0..<attributeCount where slots[earlier].key == key { return false }
                var slot = PendingAttribute(
                    key: key, nameStart: attributeStart, nameCount: nameBytes.count, nameInScratch: false,
                    valueStart: 0, valueCount: 0, valueInScratch: false, isBare: false)
                if hasUpperCase {
                    slot.nameStart = scratch.count
                    slot.nameInScratch = true
                    for byte in nameBytes { scratch.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
                }
                var lookahead = cursor
                while lookahead < count, Self.isBlank(base[lookahead]) { lookahead += 1 }
                guard lookahead < count, base[lookahead] == UInt8(ascii: "=") else {
                    slot.isBare = true
                    slots[attributeCount] = slot
                    attributeCount += 1
                    continue
                }
                cursor = lookahead + 1
                while cursor < count, Self.isBlank(base[cursor]) { cursor += 1 }
                guard cursor < count else { return false }
                let quote = base[cursor]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    cursor += 1
                    let valueStart = cursor
                    cursor = ByteScan.attributeValueStop(base, from: cursor, to: count, quote: quote)
                    guard cursor < count else { return false }
                    if base[cursor] == quote {
                        // The common case: the value is in the input as it is.
                        slot.valueStart = valueStart
                        slot.valueCount = cursor - valueStart
                        cursor += 1
                    } else {
                        slot.valueStart = scratch.count
                        slot.valueInScratch = true
                        scratch.append(UnsafeBufferPointer(start: base + valueStart, count: cursor - valueStart))
                        guard let end = quotedValue(from: cursor, quote: quote) else { return false }
                        cursor = end
                        slot.valueCount = scratch.count - slot.valueStart
                    }
                } else {
                    // Unquoted: up to a blank or `>` (a `/` belongs to the value, as in libxml2).
                    slot.valueStart = scratch.count
                    slot.valueInScratch = true
                    while cursor < count, !Self.isBlank(base[cursor]), base[cursor] != UInt8(ascii: ">") {
                        let byte = base[cursor]
                        if byte == UInt8(ascii: "&") {
                            guard let next = Self.reference(in: bytes, at: cursor, into: scratch) else { return false }
                            cursor = next
                            continue
                        }
                        if byte < 0x20 { return false }
                        if byte == UInt8(ascii: "<"), cursor + 1 < count,
                            base[cursor + 1] == UInt8(ascii: "!") || base[cursor + 1] == UInt8(ascii: "/")
                        {
                            return false
                        }
                        scratch.append(byte)
                        cursor += 1
                    }
                    slot.valueCount = scratch.count - slot.valueStart
                    guard cursor < count, slot.valueCount > 0 else { return false }
                }
                slots[attributeCount] = slot
                attributeCount += 1
            }
            index = cursor
            // `scratch` is complete: turn offsets into the buffers the writer reads.
            let scratchBase = UnsafePointer(scratch.base)
            for offset in 0..<attributeCount {
                let slot = slots[offset]
                let name = UnsafeBufferPointer(start: (slot.nameInScratch ? scratchBase : base) + slot.nameStart, count: slot.nameCount)
                let value =
                    slot.isBare
                    ? TagAttribute.bareValue(name: name, key: slot.key)
                    : UnsafeBufferPointer(start: (slot.valueInScratch ? scratchBase : base) + slot.valueStart, count: slot.valueCount)
                attributes[offset] = TagAttribute(name: name, key: slot.key, value: value)
            }
            let accepted = writer.start(
                name: tables.name(element), key: tables.keys[element],
                attributes: UnsafeBufferPointer(start: attributes, count: attributeCount))
            guard accepted else { return false }
            if selfClosing || tables.isEmpty[element] {
                writer.end(name: tables.name(element))
                return true
            }
            open.append(element)
            if tables.isRawText[element] {
                // libxml2 (recovering) ends raw text at `</` + the element's name in any case; the
                // end tag itself is then read as usual. The content is only ever dropped.
                let name = tables.name(element)
                // But libxml2 looks for an end tag before it reads raw text: content that starts
                // with `</` other than the element's own end tag closes elements. Leave that to it.
                if index + 1 < count, base[index] == UInt8(ascii: "<"), base[index + 1] == UInt8(ascii: "/"),
                    !Self.hasName(name, in: bytes, at: index + 2)
                {
                    return false
                }
                var search = index
                while true {
                    while search < count, base[search] != UInt8(ascii: "<") { search += 1 }
                    guard search + 1 + name.count < count else { return false }
                    if base[search + 1] == UInt8(ascii: "!") { return false }  // `prepare` would remove a comment
                    if base[search + 1] == UInt8(ascii: "/") {
                        var matches = true
                        for (offset, letter) in name.enumerated() where base[search + 2 + offset] | 0x20 != letter {
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

        /// Whether `name` (lower case) is spelled, in any case, at `offset`.
        private static func hasName(_ name: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
            guard offset + name.count <= bytes.count else { return false }
            for (step, letter) in name.enumerated() where bytes[offset + step] | 0x20 != letter { return false }
            return true
        }

        /// Reads the rest of a quoted attribute value into `scratch` from `start` (a `&` or `<`
        /// that ended its plain beginning); returns the index after the closing quote, or nil to give up.
        private func quotedValue(from start: Int, quote: UInt8) -> Int? {
            let count = bytes.count
            let base = bytes.baseAddress!
            var cursor = start
            while true {
                // Copy the plain run at once, then handle what ended it.
                let runStart = cursor
                cursor = ByteScan.attributeValueStop(base, from: cursor, to: count, quote: quote)
                scratch.append(UnsafeBufferPointer(start: base + runStart, count: cursor - runStart))
                guard cursor < count else { return nil }
                let byte = base[cursor]
                if byte == quote { return cursor + 1 }
                if byte == UInt8(ascii: "&") {
                    guard let next = Self.reference(in: bytes, at: cursor, into: scratch) else { return nil }
                    cursor = next
                    continue
                }
                guard byte == UInt8(ascii: "<"), cursor + 1 < count,
                    base[cursor + 1] != UInt8(ascii: "!"), base[cursor + 1] != UInt8(ascii: "/")
                else {
                    return nil  // a control character, or what `prepare` would rewrite
                }
                scratch.append(byte)
                cursor += 1
            }
        }
    }
}
