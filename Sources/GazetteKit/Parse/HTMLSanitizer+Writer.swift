import Foundation
internal import CLibXML2

extension HTMLSanitizer {
    /// Walks a parsed fragment and serializes what the policy allows into a byte buffer.
    struct Writer {
        private(set) var output: [UInt8] = []
        private let baseURL: URL?
        private var base: ResolvedBase??
        /// The open `<svg>` / `<math>` roots, innermost last.
        private var foreignRoots: [(node: xmlNodePtr, vocabulary: ForeignVocabulary)] = []

        init(baseURL: URL?, capacity: Int) {
            self.baseURL = baseURL
            output.reserveCapacity(capacity)
        }

        /// The base URL, parsed on first use (most fragments have only absolute URLs).
        private mutating func resolvedBase() -> ResolvedBase? {
            if let base { return base }
            let parsed = baseURL.flatMap { ResolvedBase($0.absoluteString) }
            base = .some(parsed)
            return parsed
        }

        /// Serializes the children of `root`, iteratively (parent pointers, no recursion), so a
        /// hostile fragment nested thousands deep cannot exhaust a task's small stack.
        mutating func walk(children root: xmlNodePtr?) {
            guard let root else { return }
            var node = root.pointee.children
            while let current = node {
                if enter(current), let child = current.pointee.children {
                    node = child
                    continue
                }
                var climbing = current
                while climbing.pointee.next == nil {
                    guard let parent = climbing.pointee.parent, parent != root else { return }
                    leave(parent)
                    climbing = parent
                }
                node = climbing.pointee.next
            }
        }

        /// Emits what comes before a node's children; returns whether to visit the children.
        private mutating func enter(_ node: xmlNodePtr) -> Bool {
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                guard let name = node.pointee.name else { return false }
                let key = Key(cString: name)
                let root: ForeignVocabulary? = key == svgKey ? .svg : key == mathKey ? .mathML : nil
                if let vocabulary = root ?? foreignRoots.last?.vocabulary, let outputName = vocabulary.elementName(key) {
                    if let root { foreignRoots.append((node, root)) }
                    output.append(UInt8(ascii: "<"))
                    output.append(contentsOf: outputName)
                    foreignAttributes(of: node, vocabulary: vocabulary)
                    output.append(UInt8(ascii: ">"))
                    if node.pointee.children == nil { leave(node) }
                    return true
                }
                switch elementRules[key] ?? .unwrap {
                case .dropWithContent:
                    return false
                case .unwrap:
                    return true
                case .iframe:
                    return !videoEmbed(node)
                case .keep(let void):
                    let isImage = strcmp(name, "img") == 0
                    if isImage, isTrackingPixel(node) { return false }
                    output.append(UInt8(ascii: "<"))
                    appendName(name)
                    attributes(of: node, isImage: isImage)
                    if void {
                        output.append(contentsOf: " />".utf8)
                        return false
                    }
                    output.append(UInt8(ascii: ">"))
                    if node.pointee.children == nil { leave(node) }
                    return true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    appendEscaped(UnsafeBufferPointer(start: content, count: strlen(content)), to: &output, quotes: false)
                }
                return false
            default:
                return false  // comments, processing instructions, DTD nodes
            }
        }

        /// Emits the end tag of a kept element after its children.
        private mutating func leave(_ node: xmlNodePtr) {
            guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return }
            let key = Key(cString: name)
            if let vocabulary = foreignRoots.last?.vocabulary, let outputName = vocabulary.elementName(key) {
                output.append(contentsOf: "</".utf8)
                output.append(contentsOf: outputName)
                output.append(UInt8(ascii: ">"))
                if foreignRoots.last?.node == node { foreignRoots.removeLast() }
                return
            }
            guard elementRules[key] == .keep(void: false) else { return }
            output.append(contentsOf: "</".utf8)
            appendName(name)
            output.append(UInt8(ascii: ">"))
        }

        /// Attributes of an SVG or MathML element: its vocabulary's allow-list, SVG-aware styles,
        /// links checked like HTML ones (same-document `#id` references kept as they are).
        private mutating func foreignAttributes(of node: xmlNodePtr, vocabulary: ForeignVocabulary) {
            var attribute = node.pointee.properties
            while let current = attribute {
                attribute = current.pointee.next
                guard let name = current.pointee.name, let outputName = vocabulary.attributeName(Key(cString: name))
                else { continue }
                withValue(of: current) { value in
                    var clean: [UInt8]
                    if strcmp(name, "style") == 0 {
                        clean = sanitizeStyle(value, svg: vocabulary == .svg)
                        guard !clean.isEmpty else { return }
                    } else if strcmp(name, "href") == 0 || strcmp(name, "xlink:href") == 0 {
                        let raw = String(decoding: value, as: UTF8.self)
                        let resolve = !raw.hasPrefix("#")
                        let base = resolve && !raw.isEmpty && scheme(of: raw) == nil ? resolvedBase() : nil
                        guard let url = cleanURL(raw, base: base, allowDataImage: false, resolve: resolve) else { return }
                        clean = Array(url.utf8)
                    } else {
                        clean = Array(value)
                    }
                    output.append(0x20)
                    output.append(contentsOf: outputName)
                    output.append(contentsOf: "=\"".utf8)
                    clean.withUnsafeBufferPointer { appendEscaped($0, to: &output, quotes: true) }
                    output.append(UInt8(ascii: "\""))
                }
            }
        }

        private mutating func appendName(_ name: UnsafePointer<xmlChar>) {
            output.append(contentsOf: UnsafeBufferPointer(start: name, count: strlen(name)))
        }

        private mutating func attributes(of node: xmlNodePtr, isImage: Bool) {
            var attribute = node.pointee.properties
            while let current = attribute {
                attribute = current.pointee.next
                guard let name = current.pointee.name, let rule = attributeRules[Key(cString: name)] else { continue }
                withValue(of: current) { value in
                    switch rule {
                    case .keep:
                        append(name: name, value: value)
                    case .style:
                        let clean = sanitizeStyle(value)
                        if !clean.isEmpty { clean.withUnsafeBufferPointer { append(name: name, value: $0) } }
                    case .url, .urlVerbatim:
                        if isSafeAbsoluteURL(value) {
                            append(name: name, value: value)  // the common case: no String, no resolution
                            return
                        }
                        let allowData = isImage && strcmp(name, "src") == 0
                        let raw = String(decoding: value, as: UTF8.self)
                        let resolve = rule == .url
                        let base = resolve && !raw.isEmpty && scheme(of: raw) == nil ? resolvedBase() : nil
                        if let clean = cleanURL(raw, base: base, allowDataImage: allowData, resolve: resolve) {
                            append(name: name, value: clean)
                        }
                    case .srcset:
                        if let clean = cleanSrcset(value, base: { resolvedBase() }) {
                            clean.withUnsafeBufferPointer { append(name: name, value: $0) }
                        }
                    }
                }
            }
        }

        private mutating func append(name: UnsafePointer<xmlChar>, value: UnsafeBufferPointer<UInt8>) {
            output.append(0x20)
            appendName(name)
            output.append(contentsOf: "=\"".utf8)
            appendEscaped(value, to: &output, quotes: true)
            output.append(UInt8(ascii: "\""))
        }

        private mutating func append(name: UnsafePointer<xmlChar>, value: String) {
            var value = value
            value.withUTF8 { append(name: name, value: $0) }
        }

        /// 1×1 (or smaller) images are web bugs: they track readers and show nothing.
        private func isTrackingPixel(_ node: xmlNodePtr) -> Bool {
            var width: Int?
            var height: Int?
            var attribute = node.pointee.properties
            while let current = attribute {
                attribute = current.pointee.next
                guard let name = current.pointee.name else { continue }
                if strcmp(name, "width") == 0 {
                    width = withValue(of: current) { pixelCount($0) }
                } else if strcmp(name, "height") == 0 {
                    height = withValue(of: current) { pixelCount($0) }
                }
            }
            guard let width, let height else { return false }
            return width <= 1 && height <= 1
        }

        /// `1`, `1px`, ` 0 ` → the number; anything else → nil.
        private func pixelCount(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
            var start = 0
            var end = value.count
            while start < end, FeedDate.isSpace(value[start]) { start += 1 }
            while end > start, FeedDate.isSpace(value[end - 1]) { end -= 1 }
            if end - start >= 2, value[end - 1] | 0x20 == UInt8(ascii: "x"), value[end - 2] | 0x20 == UInt8(ascii: "p") {
                end -= 2
            }
            guard end > start, end - start <= 6 else { return nil }
            var number = 0
            for index in start..<end {
                guard FeedDate.isDigit(value[index]) else { return nil }
                number = number * 10 + Int(value[index] - 48)
            }
            return number
        }

        /// Keeps an `<iframe>` that embeds a YouTube or Vimeo player: `https` source, sandboxed,
        /// only size/title/fullscreen attributes, no fallback content. Returns false for any other iframe.
        private mutating func videoEmbed(_ node: xmlNodePtr) -> Bool {
            var source: String?
            var attribute = node.pointee.properties
            while let current = attribute {
                attribute = current.pointee.next
                guard let name = current.pointee.name, strcmp(name, "src") == 0 else { continue }
                let raw = withValue(of: current) { String(decoding: $0, as: UTF8.self) }
                let base = scheme(of: raw) == nil ? resolvedBase() : nil
                source = cleanURL(raw, base: base, allowDataImage: false, resolve: true)
            }
            guard let source, let embed = Self.videoEmbedURL(source) else { return false }
            output.append(contentsOf: "<iframe src=\"".utf8)
            var escapedSource = embed
            escapedSource.withUTF8 { appendEscaped($0, to: &output, quotes: true) }
            output.append(UInt8(ascii: "\""))
            attribute = node.pointee.properties
            while let current = attribute {
                attribute = current.pointee.next
                guard let name = current.pointee.name else { continue }
                for allowed in ["width", "height", "title", "allowfullscreen", "frameborder"] where strcmp(name, allowed) == 0 {
                    withValue(of: current) { append(name: name, value: $0) }
                }
            }
            output.append(contentsOf: " sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups\"></iframe>".utf8)
            return true
        }

        /// The `https` form of a YouTube (`/embed/`) or Vimeo (`player.vimeo.com/video/`) player URL, else nil.
        static func videoEmbedURL(_ url: String) -> String? {
            let lowered = url.lowercased()
            let rest: Substring
            if lowered.hasPrefix("https://") {
                rest = url.dropFirst(8)
            } else if lowered.hasPrefix("http://") {
                rest = url.dropFirst(7)
            } else {
                return nil
            }
            let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
            let host = rest[..<hostEnd].lowercased()
            let path = rest[hostEnd...]
            let allowed: Bool
            switch host {
            case "www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "youtube-nocookie.com":
                allowed = path.hasPrefix("/embed/")
            case "player.vimeo.com":
                allowed = path.hasPrefix("/video/")
            default:
                allowed = false
            }
            return allowed ? "https://" + host + path : nil
        }
    }

    /// Calls `body` with an attribute's value bytes, without copying in the common single-text-node case.
    static func withValue<R>(of attribute: xmlAttrPtr, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let child = attribute.pointee.children {
            if child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
                return body(UnsafeBufferPointer(start: content, count: strlen(content)))
            }
            if let content = xmlNodeGetContent(UnsafeMutableRawPointer(attribute).assumingMemoryBound(to: xmlNode.self)) {
                defer { gazette_xmlFree(content) }
                return body(UnsafeBufferPointer(start: content, count: strlen(content)))
            }
        }
        return body(UnsafeBufferPointer(start: nil, count: 0))
    }
}
