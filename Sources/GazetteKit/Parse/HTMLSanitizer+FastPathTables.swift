internal import CLibXML2

extension HTMLSanitizer {
    /// The elements the tidy tokenizer handles, with libxml2's own answers to the two questions
    /// it must reproduce: is an element empty (no content, no end tag), and does a start tag
    /// implicitly close the open element. The answers are read from libxml2 once, so they cannot
    /// drift from the parser the slow path uses.
    final class FastPathTables: Sendable {
        /// Lower-case names, one after the other in `nameStorage` (allocated once, never freed:
        /// the tables live as long as the process).
        nonisolated(unsafe) private let nameStorage: UnsafeMutablePointer<UInt8>
        private let nameRanges: [Range<Int>]
        /// Each element's name as a `Key`.
        let keys: [Key]
        var count: Int { keys.count }
        let isEmpty: [Bool]
        /// Starting the element ends the `<body>` wrapper in libxml2 (none does today; checked anyway).
        let closesBody: [Bool]
        /// libxml2's `htmlEndPriority`: a stray end tag cannot close an element that ranks higher.
        let endPriority: [Int]
        private let breakIndex: Int?
        /// `script` and `style`: libxml2 reads their content as raw text up to `</name`.
        let isRawText: [Bool]
        /// `closesTable[new * count + open]`: starting `new` ends `open` in libxml2.
        private let closesTable: [Bool]
        private let indexByKey: PackedLookup<Int>

        static let html: [UInt8] = Array("html\0".utf8)
        static let body: [UInt8] = Array("body\0".utf8)

        static let shared = FastPathTables()

        /// Everyday elements without special parsing in libxml2 (no raw text, no form controls).
        static let elementNames: [String] = [
            "a", "abbr", "acronym", "address", "article", "aside", "b", "bdi", "bdo", "big", "blockquote",
            "br", "caption", "center", "cite", "code", "dd", "del", "details", "dfn", "div", "dl", "dt",
            "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hgroup", "hr", "i", "iframe", "img", "ins", "kbd", "li", "main", "mark", "nav", "ol", "p",
            "picture", "pre", "q", "s", "samp", "section", "small", "source", "span", "strike", "strong",
            "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u",
            "ul", "var", "video", "audio", "script", "style",
        ]

        private init() {
            LibXML.ensureInitialized()
            let names = Self.elementNames.map { Array($0.utf8) + [0] }
            var isEmpty: [Bool] = []
            var indexByKey: [Key: Int] = [:]
            var storage: [UInt8] = []
            var ranges: [Range<Int>] = []
            for (offset, name) in names.enumerated() {
                let bytes = Array(name.dropLast())
                indexByKey[Key(bytes)] = offset
                ranges.append(storage.count..<(storage.count + bytes.count))
                storage.append(contentsOf: bytes)
                let descriptor = name.withUnsafeBufferPointer { htmlTagLookup($0.baseAddress!) }
                isEmpty.append((descriptor?.pointee.empty ?? 0) != 0)
            }
            let count = names.count
            let priorities: [String: Int] = [
                "div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180, "table": 190,
            ]
            self.endPriority = Self.elementNames.map { priorities[$0] ?? 100 }
            self.breakIndex = Self.elementNames.firstIndex(of: "br")
            self.isRawText = Self.elementNames.map { $0 == "script" || $0 == "style" }
            var closesBody = [Bool](repeating: true, count: count)
            var closes = [Bool](repeating: false, count: count * count)
            for new in 0..<count {
                let node = names[new].withUnsafeBufferPointer { xmlNewNode(nil, $0.baseAddress!) }
                defer { xmlFreeNode(node) }
                if let node {
                    closesBody[new] = Self.body.withUnsafeBufferPointer { htmlAutoCloseTag(nil, $0.baseAddress!, node) != 0 }
                }
                for old in 0..<count where !isEmpty[old] {
                    if new == old {
                        closes[new * count + old] = Self.probeClosesItself(names[new])
                    } else if let node {
                        closes[new * count + old] = names[old].withUnsafeBufferPointer {
                            htmlAutoCloseTag(nil, $0.baseAddress!, node) != 0
                        }
                    } else {
                        closes[new * count + old] = true  // unknown: never take the fast path
                    }
                }
            }
            nameStorage = .allocate(capacity: storage.count)
            nameStorage.initialize(from: storage, count: storage.count)
            self.nameRanges = ranges
            self.keys = names.map { Key(Array($0.dropLast())) }
            self.isEmpty = isEmpty
            self.closesBody = closesBody
            self.closesTable = closes
            self.indexByKey = PackedLookup(indexByKey)
        }

        /// The index of the element whose lower-case name has `key`, or nil.
        func index(of key: Key) -> Int? { indexByKey[key] }

        /// The lower-case name of `element`.
        func name(_ element: Int) -> UnsafeBufferPointer<UInt8> {
            let range = nameRanges[element]
            return UnsafeBufferPointer(start: nameStorage + range.lowerBound, count: range.count)
        }

        func closes(_ new: Int, _ open: Int) -> Bool { closesTable[new * count + open] }

        func isBreak(_ element: Int) -> Bool { element == breakIndex }

        /// Whether libxml2 ends an open `name` element when another `name` starts (`<p><p>`),
        /// asked by parsing `<html><body><name><name>` and watching the events.
        private static func probeClosesItself(_ name: [UInt8]) -> Bool {
            let tag = "<" + String(decoding: name.dropLast(), as: UTF8.self) + ">"
            let input = Array(("<html><body>" + tag + tag + "x").utf8)
            guard let context = htmlNewParserCtxt() else { return true }
            defer { htmlFreeParserCtxt(context) }
            guard let sax = context.pointee.sax else { return true }
            sax.pointee = htmlSAXHandler()
            sax.pointee.startElement = probeStart
            sax.pointee.endElement = probeEnd
            sax.pointee.serror = { _, _ in }
            var state = ProbeState()
            withUnsafeMutablePointer(to: &state) { pointer in
                context.pointee._private = UnsafeMutableRawPointer(pointer)
                defer { context.pointee._private = nil }
                let document = input.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { bytes in
                        htmlCtxtReadMemory(context, bytes, Int32(buffer.count), nil, "UTF-8", probeOptions)
                    }
                }
                if let document { xmlFreeDoc(document) }
            }
            // Without an implied close, the first end event comes after the fourth start.
            return state.endedAfterStarts != 4
        }

        private static let probeOptions = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_NODEFDTD.rawValue)
    }

    struct ProbeState {
        var starts = 0
        /// The number of start events seen when the first end event came.
        var endedAfterStarts = -1
    }
}

private func probeState(_ ctx: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<HTMLSanitizer.ProbeState>? {
    ctx?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private?.assumingMemoryBound(to: HTMLSanitizer.ProbeState.self)
}

private let probeStart: startElementSAXFunc = { ctx, _, _ in
    probeState(ctx)?.pointee.starts += 1
}

private let probeEnd: endElementSAXFunc = { ctx, _ in
    guard let state = probeState(ctx), state.pointee.endedAfterStarts < 0 else { return }
    state.pointee.endedAfterStarts = state.pointee.starts
}
