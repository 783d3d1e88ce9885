internal import CLibXML2
import Foundation

/// Collapses text an article repeats within itself — the standfirst printed again as the first
/// paragraph, or the same paragraph twice — so the published content reads once.
///
/// Works on sanitized HTML fragments: each is parsed with libxml2's HTML parser, its paragraphs
/// (leaf block elements and loose top-level text) are compared by normalized text (case, spacing,
/// punctuation and quote style ignored), and repeats are removed. When nothing repeats the input is
/// returned byte for byte.
public struct DuplicateTextCollapser: Sendable {
    /// Paragraphs shorter than this (normalized characters) are never treated as repeats ("Share", "* * *").
    public var minimumRepeatLength: Int

    /// A collapser that ignores repeats shorter than `minimumRepeatLength` normalized characters.
    public init(minimumRepeatLength: Int = 20) {
        self.minimumRepeatLength = minimumRepeatLength
    }

    /// The content to publish: `content` without a first paragraph equal to `summary` and without
    /// repeated paragraphs. `nil` when `content` is `nil` or nothing is left once the standfirst repeat
    /// is gone (the summary alone then says it all).
    public func collapse(summary: String?, content: String?) -> String? {
        guard let content else { return nil }
        guard RepeatedTextPrecheck.mayCollapse(content: content, summary: summary, minimumRepeatLength: minimumRepeatLength)
        else { return content }
        return fullyCollapsed(summary: summary, content: content)
    }

    /// `collapse(summary:content:)` without the byte-level precheck: parses `content` every time.
    func fullyCollapsed(summary: String?, content: String) -> String? {
        let summaryKey = summary.map { Self.key(HTMLDocument.withFragment($0) { _, body in HTMLDocument.text(of: body) } ?? $0) }
        return collapsed(content, summaryKey: summaryKey.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// `html` with repeated paragraphs removed (the first occurrence stays).
    public func collapseRepeats(in html: String) -> String {
        guard RepeatedTextPrecheck.mayCollapse(content: html, summary: nil, minimumRepeatLength: minimumRepeatLength)
        else { return html }
        return collapsed(html, summaryKey: nil) ?? html
    }

    private func collapsed(_ html: String, summaryKey: String?) -> String? {
        let result = HTMLDocument.withFragment(html) { doc, body -> String? in
            var blocks: [xmlNodePtr] = []
            Self.collectBlocks(body, into: &blocks)
            var seen = Set<String>()
            var doomed: [xmlNodePtr] = []
            var firstTextBlock = true
            for block in blocks {
                let key = Self.key(HTMLDocument.text(of: block))
                guard !key.isEmpty else { continue }
                defer { firstTextBlock = false }
                if firstTextBlock, let summaryKey, key == summaryKey {
                    doomed.append(block)
                    continue
                }
                if key.count >= minimumRepeatLength, !seen.insert(key).inserted {
                    doomed.append(block)
                }
            }
            guard !doomed.isEmpty else { return html }
            for node in doomed { Self.remove(node, keeping: body) }
            let remaining = HTMLDocument.innerHTML(of: body, in: doc).trimmingASCIIWhitespace
            return HTMLDocument.text(of: body).isEmpty ? nil : remaining
        }
        return result ?? html
    }

    /// Unlinks `node`, then any ancestor (below `root`) it leaves without text or elements.
    private static func remove(_ node: xmlNodePtr, keeping root: xmlNodePtr) {
        var target = node
        while let parent = target.pointee.parent, parent != root, HTMLDocument.isElement(parent),
            HTMLDocument.elementChildren(parent).count == 1, HTMLDocument.text(of: parent) == HTMLDocument.text(of: target)
        {
            target = parent
        }
        xmlUnlinkNode(target)
        xmlFreeNode(target)
    }

    private static let blockNames: Set<String> = [
        "p", "div", "section", "article", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
        "pre", "figure", "figcaption", "table", "dl", "dd", "dt", "header", "footer", "aside", "main",
    ]

    /// Leaf block elements in document order; loose text at the top level is wrapped so it counts too.
    private static func collectBlocks(_ node: xmlNodePtr, into blocks: inout [xmlNodePtr]) {
        var child = node.pointee.children
        while let current = child {
            child = current.pointee.next
            if HTMLDocument.isElement(current) {
                let name = HTMLDocument.name(current)
                guard blockNames.contains(name) else {
                    continue
                }
                if containsBlock(current) {
                    collectBlocks(current, into: &blocks)
                } else {
                    blocks.append(current)
                }
            } else if current.pointee.type == XML_TEXT_NODE, HTMLDocument.name(node) == "body" {
                blocks.append(current)
            }
        }
    }

    private static func containsBlock(_ node: xmlNodePtr) -> Bool {
        HTMLDocument.elementChildren(node).contains { blockNames.contains(HTMLDocument.name($0)) }
    }

    /// Lower-cased letters and digits with single spaces: "“Hello,” she said." → "hello she said".
    static func key(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                // ASCII letters and digits are exactly the ASCII scalars the property test accepts.
                let value = UInt8(scalar.value)
                let folded: UInt8
                switch value {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): folded = value
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): folded = value + 32
                default:
                    pendingSpace = true
                    continue
                }
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(Unicode.Scalar(folded))
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }
}
