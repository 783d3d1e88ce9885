internal import CLibXML2
import Foundation

extension HTMLSanitizer {
    /// One attribute of a start tag, as both tokenizers hand it to the `Writer`: the lower-case
    /// name, its `Key`, and the value libxml2's tree builder would give it (a bare attribute gets
    /// its own name for HTML's boolean attributes, `checked`, `nowrap`…, else the empty value).
    /// The buffers point into the tokenizer's input or scratch space and live for one `start` call.
    struct TagAttribute {
        var name: UnsafeBufferPointer<UInt8>
        var key: Key
        var value: UnsafeBufferPointer<UInt8>

        /// The value of a bare attribute, as libxml2's tree builder sets it.
        static func bareValue(name: UnsafeBufferPointer<UInt8>, key: Key) -> UnsafeBufferPointer<UInt8> {
            booleanAttributes.contains(key) ? name : UnsafeBufferPointer(start: nil, count: 0)
        }

        /// libxml2's `htmlBooleanAttrs` (checked against `htmlIsBooleanAttr` in the tests).
        static let booleanAttributes: Set<Key> = Set(
            [
                "checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref", "noresize",
                "noshade", "nowrap", "readonly", "selected",
            ].map { Key(Array($0.utf8)) })
    }

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
            /// The name is on `foreignEndNames` (kept apart so this enum stays a plain value).
            case foreignEndTag(isRoot: Bool)
        }

        /// libxml2's tree builder stops past 257 open elements (256 nested in the fragment, plus
        /// the `<html><body>` wrapper): the same limit decides when the text-only fallback runs.
        static let maximumDepth = 257

        let output: ByteBuffer
        /// Set when the fragment nests deeper than `maximumDepth`: the output is then incomplete.
        private(set) var exceededDepth = false
        private let baseURL: URL?
        private let rules = RuleTables()
        private var base: ResolvedBase??
        /// The vocabularies of the open `<svg>` / `<math>` roots, innermost last.
        private var foreignRoots: [ForeignVocabulary] = []
        /// One entry per open element outside skip regions.
        private var ends: [EndAction] = []
        /// Output names of the open SVG / MathML elements, innermost last.
        private var foreignEndNames: [[UInt8]] = []
        /// The names of the open kept HTML elements, back to back (`htmlEndNameStarts` marks each
        /// start): an end tag writes the name its start tag wrote, whatever name the end event
        /// carries (libxml2 can end an element it recovered from with `body`; found by FuzzSanitizer).
        private var htmlEndNames: [UInt8] = []
        private var htmlEndNameStarts: [Int] = []
        /// Kept `<a>` elements now open: a link inside a link is unwrapped (HTML parsers would close
        /// the outer one, so the output would change when sanitized again; found by FuzzSanitizer).
        private var openAnchors = 0
        /// Open elements inside the current skip region (0: not skipping).
        private var skipDepth = 0
        private var depth = 0
        /// The wrapper `<html>` element has ended: anything after it lies outside the document tree.
        private var rootEnded = false

        init(baseURL: URL?, capacity: Int) {
            self.init(baseURL: baseURL, output: ByteBuffer(capacity: capacity))
        }

        /// A writer appending to `output` (emptied first), e.g. a `Workspace`'s buffer.
        init(baseURL: URL?, output: ByteBuffer) {
            self.baseURL = baseURL
            self.output = output
            output.removeAll()
        }

        /// The base URL, parsed on first use (most fragments have only absolute URLs).
        private mutating func resolvedBase() -> ResolvedBase? {
            if let base { return base }
            let parsed = baseURL.flatMap { ResolvedBase($0.absoluteString) }
            base = .some(parsed)
            return parsed
        }

        /// Handles a start tag (`name` lower-case, `key` its key); returns false when parsing must
        /// stop (nesting too deep).
        mutating func start(name: UnsafeBufferPointer<UInt8>, key: Key, attributes: UnsafeBufferPointer<TagAttribute>) -> Bool {
            depth += 1
            if depth > Self.maximumDepth {
                exceededDepth = true
                return false
            }
            if skipDepth > 0 || rootEnded {
                skipDepth += 1
                return true
            }
            let root: ForeignVocabulary? = key == rules.svg ? .svg : key == rules.math ? .mathML : nil
            if let vocabulary = root ?? foreignRoots.last, let outputName = vocabulary.elementName(key) {
                if let root { foreignRoots.append(root) }
                output.append(UInt8(ascii: "<"))
                output.append(outputName)
                foreignAttributes(attributes, vocabulary: vocabulary)
                output.append(UInt8(ascii: ">"))
                ends.append(.foreignEndTag(isRoot: root != nil))
                foreignEndNames.append(outputName)
                return true
            }
            switch rules.elements[key] ?? .unwrap {
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
                let isImage = key == rules.img
                if isImage, isTrackingPixel(attributes) || isFeedBurnerImage(attributes) {
                    skipDepth = 1
                    return true
                }
                if key == rules.div, isFeedFlare(attributes) {
                    skipDepth = 1
                    return true
                }
                if key == rules.anchor {
                    if openAnchors > 0 {
                        ends.append(.nothing)
                        return true
                    }
                    openAnchors += 1
                }
                output.append(UInt8(ascii: "<"))
                output.append(name)
                self.attributes(attributes, isImage: isImage)
                if void {
                    output.append(" />")
                    skipDepth = 1
                } else {
                    output.append(UInt8(ascii: ">"))
                    ends.append(.htmlEndTag)
                    htmlEndNameStarts.append(htmlEndNames.count)
                    htmlEndNames.append(contentsOf: name)
                }
            }
            return true
        }

        /// Handles an end tag (explicit or implied); `name` is lower-case.
        mutating func end(name: UnsafeBufferPointer<UInt8>) {
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
                let start = htmlEndNameStarts.removeLast()
                if htmlEndNames.count - start == 1, htmlEndNames[start] == UInt8(ascii: "a") { openAnchors -= 1 }
                output.append("</")
                htmlEndNames.withUnsafeBufferPointer { output.append(UnsafeBufferPointer(rebasing: $0[start...])) }
                output.append(UInt8(ascii: ">"))
                htmlEndNames.removeSubrange(start...)
            case .foreignEndTag(let isRoot):
                output.append("</")
                output.append(foreignEndNames.removeLast())
                output.append(UInt8(ascii: ">"))
                if isRoot { foreignRoots.removeLast() }
            }
            if ends.isEmpty { rootEnded = true }
        }

        /// Handles character data (text, or the raw content of script/style).
        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            // Outside every element (libxml2's tree builder drops such text) or in a skip region.
            guard skipDepth == 0, !ends.isEmpty else { return }
            appendEscaped(bytes, to: output, quotes: false)
        }

        /// Handles text known to hold nothing escaping would replace (no `&`, `<`, `>`, C1 control).
        mutating func plainText(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard skipDepth == 0, !ends.isEmpty else { return }
            output.append(bytes)
        }

        /// Whether every element that started has ended (libxml2 closes everything at the end of
        /// the input; an unbalanced stream is treated like a parse failure, never patched up).
        var isBalanced: Bool { ends.isEmpty && skipDepth == 0 && !exceededDepth }

        /// Attributes of an SVG or MathML element: its vocabulary's allow-list, SVG-aware styles,
        /// links checked like HTML ones (same-document `#id` references kept as they are).
        private mutating func foreignAttributes(_ attributes: UnsafeBufferPointer<TagAttribute>, vocabulary: ForeignVocabulary) {
            for attribute in attributes {
                guard let outputName = vocabulary.attributeName(attribute.key) else { continue }
                var clean: [UInt8]
                if attribute.key == AttributeKeys.style {
                    clean = sanitizeStyle(attribute.value, svg: vocabulary == .svg)
                    guard !clean.isEmpty else { continue }
                } else if attribute.key == AttributeKeys.href || attribute.key == AttributeKeys.xlinkHref {
                    let raw = String(decoding: attribute.value, as: UTF8.self)
                    let resolve = !raw.hasPrefix("#")
                    let base = resolve && !raw.isEmpty && scheme(of: raw) == nil ? resolvedBase() : nil
                    guard let url = cleanURL(raw, base: base, allowDataImage: false, resolve: resolve) else { continue }
                    clean = Array(url.utf8)
                } else {
                    clean = Array(attribute.value)
                }
                output.append(0x20)
                output.append(outputName)
                output.append("=\"")
                clean.withUnsafeBufferPointer { appendEscaped($0, to: output, quotes: true) }
                output.append(UInt8(ascii: "\""))
            }
        }

        private mutating func attributes(_ attributes: UnsafeBufferPointer<TagAttribute>, isImage: Bool) {
            for attribute in attributes {
                guard let rule = rules.attributes[attribute.key] else { continue }
                let name = attribute.name
                let value = attribute.value
                switch rule {
                case .keep:
                    append(name: name, value: value)
                case .style:
                    let clean = sanitizeStyle(value)
                    if !clean.isEmpty { clean.withUnsafeBufferPointer { append(name: name, value: $0) } }
                case .url, .urlVerbatim:
                    if isSafeAbsoluteURL(value) {
                        append(name: name, value: value)  // the common case: no String, no resolution
                        continue
                    }
                    let allowData = isImage && attribute.key == rules.src
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

        private mutating func append(name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>) {
            output.append(0x20)
            output.append(name)
            output.append("=\"")
            appendEscaped(value, to: output, quotes: true)
            output.append(UInt8(ascii: "\""))
        }

        private mutating func append(name: UnsafeBufferPointer<UInt8>, value: String) {
            var value = value
            value.withUTF8 { append(name: name, value: $0) }
        }

        /// 1×1 (or smaller) images are web bugs: they track readers and show nothing.
        private func isTrackingPixel(_ attributes: UnsafeBufferPointer<TagAttribute>) -> Bool {
            var width: Int?
            var height: Int?
            for attribute in attributes {
                if attribute.key == AttributeKeys.width {
                    width = pixelCount(attribute.value)
                } else if attribute.key == AttributeKeys.height {
                    height = pixelCount(attribute.value)
                }
            }
            guard let width, let height else { return false }
            return width <= 1 && height <= 1
        }

        /// FeedBurner's share block (`<div class="feedflare">`): links and images that only count
        /// readers, dropped with its content.
        private func isFeedFlare(_ attributes: UnsafeBufferPointer<TagAttribute>) -> Bool {
            for attribute in attributes where attribute.key == AttributeKeys.class {
                return Self.contains("feedflare", in: attribute.value)
            }
            return false
        }

        /// FeedBurner's tracking and share images (`feeds.feedburner.com/~r/…`, `/~ff/…`), whatever their size.
        private func isFeedBurnerImage(_ attributes: UnsafeBufferPointer<TagAttribute>) -> Bool {
            for attribute in attributes where attribute.key == AttributeKeys.src {
                return Self.contains("feedburner.com/~r/", in: attribute.value)
                    || Self.contains("feedburner.com/~ff/", in: attribute.value)
            }
            return false
        }

        /// Whether `value` contains `needle` (lower-case ASCII), ignoring ASCII case.
        static func contains(_ needle: StaticString, in value: UnsafeBufferPointer<UInt8>) -> Bool {
            let length = needle.utf8CodeUnitCount
            guard value.count >= length else { return false }
            let first = needle.utf8Start[0]
            for start in 0...(value.count - length) where value[start] | 0x20 == first {
                var offset = 1
                while offset < length, value[start + offset] | 0x20 == needle.utf8Start[offset] { offset += 1 }
                if offset == length { return true }
            }
            return false
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
        private mutating func videoEmbed(_ attributes: UnsafeBufferPointer<TagAttribute>) -> Bool {
            var source: String?
            for attribute in attributes where attribute.key == AttributeKeys.src {
                let raw = String(decoding: attribute.value, as: UTF8.self)
                let base = scheme(of: raw) == nil ? resolvedBase() : nil
                source = cleanURL(raw, base: base, allowDataImage: false, resolve: true)
            }
            guard let source, let embed = Self.videoEmbedURL(source) else { return false }
            output.append("<iframe src=\"")
            var escapedSource = embed
            escapedSource.withUTF8 { appendEscaped($0, to: output, quotes: true) }
            output.append(UInt8(ascii: "\""))
            for attribute in attributes where AttributeKeys.embedAttributes.contains(attribute.key) {
                append(name: attribute.name, value: attribute.value)
            }
            output.append(" sandbox=\"allow-scripts allow-same-origin allow-presentation allow-popups\"></iframe>")
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

    /// Keys the writer compares against, computed once.
    enum AttributeKeys {
        static let img = Key(Array("img".utf8))
        static let src = Key(Array("src".utf8))
        static let href = Key(Array("href".utf8))
        static let xlinkHref = Key(Array("xlink:href".utf8))
        static let style = Key(Array("style".utf8))
        static let width = Key(Array("width".utf8))
        static let `class` = Key(Array("class".utf8))
        static let div = Key(Array("div".utf8))
        static let anchor = Key(Array("a".utf8))
        static let height = Key(Array("height".utf8))
        static let embedAttributes: Set<Key> = Set(
            ["width", "height", "title", "allowfullscreen", "frameborder"].map { Key(Array($0.utf8)) })
    }

    /// The policy tables and the keys compared on every tag, read once per `Writer` rather than
    /// through a lazily initialized global on every tag.
    struct RuleTables {
        let elements = HTMLSanitizer.elementRules
        let attributes = HTMLSanitizer.attributeRules
        let svg = HTMLSanitizer.svgKey
        let math = HTMLSanitizer.mathKey
        let img = AttributeKeys.img
        let src = AttributeKeys.src
        let div = AttributeKeys.div
        let anchor = AttributeKeys.anchor
    }
}
