internal import CLibXML2
import Foundation

extension HTMLSanitizer {
    /// The attributes of a start tag as libxml2's SAX interface hands them over: a NULL-terminated
    /// array of name/value pairs (a value is NULL for a bare attribute), or NULL.
    typealias SAXAttributes = UnsafeMutablePointer<UnsafePointer<xmlChar>?>

    /// Serializes what the policy allows, straight from libxml2's HTML SAX events (no tree).
    ///
    /// Mirrors a walk of the tree libxml2 would build from the same events: an element whose
    /// content is dropped (script, a void element, a kept video embed…) opens a skip region that
    /// ends with its end event; unwrapped elements emit nothing; kept elements emit their end tag
    /// at their end event (libxml2 sends balanced end events, implied closes included).
    struct Writer {
        /// What to emit when an open (not skipped) element ends.
        private enum EndAction {
            case nothing
            case htmlEndTag
            case foreignEndTag([UInt8], isRoot: Bool)
        }

        /// libxml2's tree builder stops past 257 open elements (256 nested in the fragment, plus
        /// the `<html><body>` wrapper): the same limit decides when the text-only fallback runs.
        static let maximumDepth = 257

        private(set) var output: [UInt8] = []
        /// Set when the fragment nests deeper than `maximumDepth`: the output is then incomplete.
        private(set) var exceededDepth = false
        private let baseURL: URL?
        private var base: ResolvedBase??
        /// The vocabularies of the open `<svg>` / `<math>` roots, innermost last.
        private var foreignRoots: [ForeignVocabulary] = []
        /// One entry per open element outside skip regions.
        private var ends: [EndAction] = []
        /// Open elements inside the current skip region (0: not skipping).
        private var skipDepth = 0
        private var depth = 0
        /// The wrapper `<html>` element has ended: anything after it lies outside the document tree.
        private var rootEnded = false

        init(baseURL: URL?, capacity: Int) {
            self.baseURL = baseURL
            output.reserveCapacity(capacity)
            ends.reserveCapacity(16)
        }

        /// The base URL, parsed on first use (most fragments have only absolute URLs).
        private mutating func resolvedBase() -> ResolvedBase? {
            if let base { return base }
            let parsed = baseURL.flatMap { ResolvedBase($0.absoluteString) }
            base = .some(parsed)
            return parsed
        }

        /// Handles a start tag; returns false when parsing must stop (nesting too deep).
        mutating func start(name: UnsafePointer<xmlChar>, attributes: SAXAttributes?) -> Bool {
            depth += 1
            if depth > Self.maximumDepth {
                exceededDepth = true
                return false
            }
            if skipDepth > 0 || rootEnded {
                skipDepth += 1
                return true
            }
            let key = Key(cString: name)
            let root: ForeignVocabulary? = key == svgKey ? .svg : key == mathKey ? .mathML : nil
            if let vocabulary = root ?? foreignRoots.last, let outputName = vocabulary.elementName(key) {
                if let root { foreignRoots.append(root) }
                output.append(UInt8(ascii: "<"))
                output.append(contentsOf: outputName)
                foreignAttributes(attributes, vocabulary: vocabulary)
                output.append(UInt8(ascii: ">"))
                ends.append(.foreignEndTag(outputName, isRoot: root != nil))
                return true
            }
            switch elementRules[key] ?? .unwrap {
            case .dropWithContent:
                skipDepth = 1
            case .unwrap:
                ends.append(.nothing)
            case .iframe:
                if videoEmbed(attributes) {
                    skipDepth = 1
                } else {
                    ends.append(.nothing)
                }
            case .keep(let void):
                let isImage = strcmp(name, "img") == 0
                if isImage, isTrackingPixel(attributes) {
                    skipDepth = 1
                    return true
                }
                output.append(UInt8(ascii: "<"))
                appendName(name)
                self.attributes(attributes, isImage: isImage)
                if void {
                    output.append(contentsOf: " />".utf8)
                    skipDepth = 1
                } else {
                    output.append(UInt8(ascii: ">"))
                    ends.append(.htmlEndTag)
                }
            }
            return true
        }

        /// Handles an end tag (explicit or implied).
        mutating func end(name: UnsafePointer<xmlChar>) {
            depth -= 1
            if skipDepth > 0 {
                skipDepth -= 1
                return
            }
            guard let action = ends.popLast() else { return }
            switch action {
            case .nothing:
                break
            case .htmlEndTag:
                output.append(contentsOf: "</".utf8)
                appendName(name)
                output.append(UInt8(ascii: ">"))
            case .foreignEndTag(let outputName, let isRoot):
                output.append(contentsOf: "</".utf8)
                output.append(contentsOf: outputName)
                output.append(UInt8(ascii: ">"))
                if isRoot { foreignRoots.removeLast() }
            }
            if ends.isEmpty { rootEnded = true }
        }

        /// Handles character data (text, or the raw content of script/style).
        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            // Outside every element (libxml2's tree builder drops such text) or in a skip region.
            guard skipDepth == 0, !ends.isEmpty else { return }
            appendEscaped(bytes, to: &output, quotes: false)
        }

        /// Whether every element that started has ended (libxml2 closes everything at the end of
        /// the input; an unbalanced stream is treated like a parse failure, never patched up).
        var isBalanced: Bool { ends.isEmpty && skipDepth == 0 && !exceededDepth }

        /// Attributes of an SVG or MathML element: its vocabulary's allow-list, SVG-aware styles,
        /// links checked like HTML ones (same-document `#id` references kept as they are).
        private mutating func foreignAttributes(_ attributes: SAXAttributes?, vocabulary: ForeignVocabulary) {
            forEachAttribute(attributes) { name, value in
                guard let outputName = vocabulary.attributeName(Key(cString: name)) else { return }
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

        private mutating func appendName(_ name: UnsafePointer<xmlChar>) {
            output.append(contentsOf: UnsafeBufferPointer(start: name, count: strlen(name)))
        }

        private mutating func attributes(_ attributes: SAXAttributes?, isImage: Bool) {
            forEachAttribute(attributes) { name, value in
                guard let rule = attributeRules[Key(cString: name)] else { return }
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
        private func isTrackingPixel(_ attributes: SAXAttributes?) -> Bool {
            var width: Int?
            var height: Int?
            forEachAttribute(attributes) { name, value in
                if strcmp(name, "width") == 0 {
                    width = pixelCount(value)
                } else if strcmp(name, "height") == 0 {
                    height = pixelCount(value)
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
        private mutating func videoEmbed(_ attributes: SAXAttributes?) -> Bool {
            var source: String?
            forEachAttribute(attributes) { name, value in
                guard strcmp(name, "src") == 0 else { return }
                let raw = String(decoding: value, as: UTF8.self)
                let base = scheme(of: raw) == nil ? resolvedBase() : nil
                source = cleanURL(raw, base: base, allowDataImage: false, resolve: true)
            }
            guard let source, let embed = Self.videoEmbedURL(source) else { return false }
            output.append(contentsOf: "<iframe src=\"".utf8)
            var escapedSource = embed
            escapedSource.withUTF8 { appendEscaped($0, to: &output, quotes: true) }
            output.append(UInt8(ascii: "\""))
            forEachAttribute(attributes) { name, value in
                for allowed in ["width", "height", "title", "allowfullscreen", "frameborder"] where strcmp(name, allowed) == 0 {
                    append(name: name, value: value)
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

    /// Calls `body` with each attribute's name and value bytes, in source order. A bare attribute
    /// gets the value libxml2's tree builder gives it: its own name for HTML's boolean attributes
    /// (`checked`, `nowrap`…), else empty.
    static func forEachAttribute(
        _ attributes: SAXAttributes?, _ body: (UnsafePointer<xmlChar>, UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard let attributes else { return }
        var index = 0
        while let name = attributes[index] {
            let value = attributes[index + 1] ?? (htmlIsBooleanAttr(name) != 0 ? name : nil)
            if let value {
                body(name, UnsafeBufferPointer(start: value, count: strlen(value)))
            } else {
                body(name, UnsafeBufferPointer(start: nil, count: 0))
            }
            index += 2
        }
    }
}
