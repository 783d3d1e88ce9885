import Foundation
import FuzzDriver

@testable import GazetteKit

/// Any fragment through the HTML sanitizer, with its safety promises checked on the output: it is
/// a well-formed serialization (balanced tags, quoted attributes, only the five escapes), holds no
/// element or attribute outside the allow-list, no URL with a forbidden scheme, and sanitizing it
/// again changes nothing.
@main enum FuzzSanitizer {
    static let base = URL(string: "https://fuzz.example/news/post.html")

    static func main() {
        FuzzDriver.run { bytes in
            let html = String(decoding: bytes, as: UTF8.self)
            let sanitizer = HTMLSanitizer()
            let output = sanitizer.sanitize(html, baseURL: base)
            OutputChecker(output: output, input: html).check()
            let again = sanitizer.sanitize(output, baseURL: base)
            fuzzCheck(
                again == output,
                "not idempotent on \(html.debugDescription):\nonce:  \(output.debugDescription)\ntwice: \(again.debugDescription)")
        }
    }
}

/// A strict reader of the sanitizer's output format (stricter than any browser, by design).
struct OutputChecker {
    let output: String
    let input: String

    static let forbidden: Set<String> = [
        "script", "style", "object", "embed", "form", "base", "meta", "link", "frame", "frameset", "applet",
        "animate", "animatemotion", "animatetransform", "set", "use", "foreignobject", "template", "xmp",
        "noembed", "noframes", "plaintext", "xml", "html", "head", "body", "title",
    ]
    static let html: Set<String> = Set(HTMLSanitizer.keptElements + HTMLSanitizer.voidElements + ["iframe", "svg", "math"])
    static let void: Set<String> = Set(HTMLSanitizer.voidElements)
    static let attributes: Set<String> = Set(
        HTMLSanitizer.keptAttributes + HTMLSanitizer.urlAttributes
            + ["style", "srcset", "usemap", "sandbox", "allowfullscreen", "frameborder"])
    static let urlAttributes: Set<String> = Set(HTMLSanitizer.urlAttributes + ["xlink:href", "usemap"])

    func fail(_ what: String) -> Never {
        fuzzCheck(false, "\(what)\ninput:  \(input.debugDescription)\noutput: \(output.debugDescription)")
        fatalError()
    }

    func check() {
        let bytes = Array(output.utf8)
        var stack: [String] = []
        var foreignDepth = 0
        var index = 0
        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x3A || byte == 0x5F || byte == 0x2E
        }
        func readName() -> String {
            let start = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            if index == start { fail("a tag or attribute without a name at byte \(start)") }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        func checkEscape(at position: Int) {
            let rest = bytes[position...].prefix(6)
            let ok = ["&amp;", "&lt;", "&gt;", "&quot;"].contains { rest.starts(with: Array($0.utf8)) }
            if !ok { fail("a raw '&' at byte \(position)") }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&") {
                checkEscape(at: index)
                index += 1
                continue
            }
            guard byte == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "/") {
                index += 1
                let name = readName()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { fail("an end tag not closed by '>'") }
                index += 1
                guard stack.last == name else { fail("</\(name)> closes <\(stack.last ?? "nothing")>") }
                stack.removeLast()
                if name == "svg" || name == "math" { foreignDepth -= 1 }
                continue
            }
            let name = readName()
            let lower = name.lowercased()
            // `<svg>` and `<math>` carry their own vocabulary's attributes.
            let foreignTag = foreignDepth > 0 || name == "svg" || name == "math"
            if Self.forbidden.contains(lower) { fail("a forbidden element <\(name)>") }
            if foreignDepth == 0 && !Self.html.contains(name) { fail("an element outside the allow-list <\(name)>") }
            var selfClosed = false
            while true {
                guard index < bytes.count else { fail("a tag <\(name) not closed") }
                if bytes[index] == UInt8(ascii: ">") {
                    index += 1
                    break
                }
                if bytes[index] == UInt8(ascii: " ") {
                    index += 1
                    if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: ">") {
                        selfClosed = true
                        index += 2
                        break
                    }
                    let attribute = readName()
                    let lowerAttribute = attribute.lowercased()
                    if lowerAttribute.hasPrefix("on") { fail("an event handler \(attribute) on <\(name)>") }
                    if !foreignTag && !Self.attributes.contains(attribute) {
                        fail("an attribute outside the allow-list: \(attribute) on <\(name)>")
                    }
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "\"") else {
                        fail("attribute \(attribute) on <\(name)> has no double-quoted value")
                    }
                    index += 2
                    let start = index
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                        if bytes[index] == UInt8(ascii: "<") { fail("a raw '<' in attribute \(attribute)") }
                        if bytes[index] == UInt8(ascii: "&") { checkEscape(at: index) }
                        index += 1
                    }
                    guard index < bytes.count else { fail("attribute \(attribute) value not closed") }
                    let value = String(decoding: bytes[start..<index], as: UTF8.self)
                    index += 1
                    if Self.urlAttributes.contains(lowerAttribute) { checkURL(value, attribute: attribute, element: name) }
                    if lowerAttribute == "srcset" {
                        for candidate in value.split(separator: ",") {
                            if let url = candidate.split(separator: " ").first {
                                checkURL(String(url), attribute: attribute, element: name)
                            }
                        }
                    }
                    continue
                }
                fail("unexpected byte \(bytes[index]) inside <\(name)>")
            }
            if Self.void.contains(name) && foreignDepth == 0 {
                if !selfClosed { fail("void element <\(name)> not written as <\(name) />") }
                continue
            }
            if selfClosed {
                if foreignDepth == 0 { fail("a non-void HTML element <\(name) /> self-closed") }
                continue
            }
            stack.append(name)
            if name == "svg" || name == "math" { foreignDepth += 1 }
        }
        if !stack.isEmpty { fail("elements left open: \(stack)") }
    }

    func checkURL(_ escaped: String, attribute: String, element: String) {
        let value = escaped.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        var unwrapped = value.filter { !($0.isWhitespace || ($0.asciiValue.map { $0 < 0x20 } ?? false)) }
        while unwrapped.lowercased().hasPrefix("feed:") { unwrapped.removeFirst(5) }
        guard let scheme = HTMLSanitizer.scheme(of: unwrapped) else { return }
        if scheme == "data" {
            if !(element == "img" && attribute == "src" && unwrapped.lowercased().hasPrefix("data:image/")
                && !unwrapped.lowercased().hasPrefix("data:image/svg"))
            {
                fail("a data: URL in \(attribute) on <\(element)>")
            }
            return
        }
        if !HTMLSanitizer.safeSchemes.contains(scheme) {
            fail("a URL with a forbidden scheme in \(attribute) on <\(element)>: \(value)")
        }
    }
}
