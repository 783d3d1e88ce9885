import Foundation
internal import CLibXML2

extension HTMLSanitizer {
    /// Walks a parsed fragment and serializes what the policy allows into a byte buffer.
    struct Writer {
        private(set) var output: [UInt8] = []
        private let baseURL: URL?
        private var base: ResolvedBase??

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

        mutating func walk(children parent: xmlNodePtr?) {
            var node = parent?.pointee.children
            while let current = node {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    element(current)
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content {
                        appendEscaped(UnsafeBufferPointer(start: content, count: strlen(content)), to: &output, quotes: false)
                    }
                default:
                    break  // comments, processing instructions, DTD nodes
                }
                node = current.pointee.next
            }
        }

        private mutating func element(_ node: xmlNodePtr) {
            guard let name = node.pointee.name else { return }
            switch elementRules[Key(cString: name)] ?? .unwrap {
            case .dropWithContent:
                return
            case .unwrap:
                walk(children: node)
            case .iframe:
                if !videoEmbed(node) { walk(children: node) }
            case .keep(let void):
                let isImage = strcmp(name, "img") == 0
                if isImage, isTrackingPixel(node) { return }
                output.append(UInt8(ascii: "<"))
                appendName(name)
                attributes(of: node, isImage: isImage)
                if void {
                    output.append(contentsOf: " />".utf8)
                    return
                }
                output.append(UInt8(ascii: ">"))
                walk(children: node)
                output.append(contentsOf: "</".utf8)
                appendName(name)
                output.append(UInt8(ascii: ">"))
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
                        let allowData = isImage && strcmp(name, "src") == 0
                        let raw = String(decoding: value, as: UTF8.self)
                        let resolve = rule == .url
                        let base = resolve && !raw.isEmpty && scheme(of: raw) == nil ? resolvedBase() : nil
                        if let clean = cleanURL(raw, base: base, allowDataImage: allowData, resolve: resolve) {
                            append(name: name, value: clean)
                        }
                    case .srcset:
                        let raw = String(decoding: value, as: UTF8.self)
                        if let clean = cleanSrcset(raw, base: resolvedBase()) { append(name: name, value: clean) }
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
            var text = Substring(String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces)).lowercased()[...]
            if text.hasSuffix("px") { text = text.dropLast(2) }
            guard !text.isEmpty, text.count <= 6, text.allSatisfy(\.isASCII) else { return nil }
            return Int(text)
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
