/// Builds an indented XML document as text, so the Atom and OPML writers can never emit
/// unescaped markup or characters that XML 1.0 forbids.
///
/// Every text and attribute value goes through `XMLWriter.clean` (invalid characters removed) and
/// is then escaped; element names are written verbatim and must be constants chosen by the caller.
/// The output is byte-for-byte deterministic: two-space indentation, `\n` line ends, attributes in
/// the order given.
struct XMLWriter {
    /// An attribute; a `nil` value leaves the attribute out.
    typealias Attribute = (name: String, value: String?)

    private(set) var text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    private var stack: [String] = []

    init() {}

    /// The document as UTF-8 bytes. Every opened element must have been closed.
    var data: [UInt8] {
        precondition(stack.isEmpty, "XMLWriter: unclosed element \(stack.last ?? "")")
        return Array(text.utf8)
    }

    /// Opens `name`; its children are indented one level deeper until `close()`.
    mutating func open(_ name: String, _ attributes: [Attribute] = []) {
        indent()
        text += "<" + name
        appendAttributes(attributes)
        text += ">\n"
        stack.append(name)
    }

    /// Closes the innermost open element.
    mutating func close() {
        guard let name = stack.popLast() else { preconditionFailure("XMLWriter: close() without open()") }
        indent()
        text += "</" + name + ">\n"
    }

    /// Writes `<name attrs>escaped text</name>` on one line (an empty element when `content` is empty).
    mutating func element(_ name: String, _ attributes: [Attribute] = [], text content: String) {
        indent()
        text += "<" + name
        appendAttributes(attributes)
        let escaped = XMLWriter.escapeText(content)
        if escaped.isEmpty {
            text += "/>\n"
        } else {
            text += ">" + escaped + "</" + name + ">\n"
        }
    }

    /// Writes `<name attrs/>`.
    mutating func empty(_ name: String, _ attributes: [Attribute] = []) {
        indent()
        text += "<" + name
        appendAttributes(attributes)
        text += "/>\n"
    }

    private mutating func indent() {
        text += String(repeating: "  ", count: stack.count)
    }

    private mutating func appendAttributes(_ attributes: [Attribute]) {
        for attribute in attributes {
            guard let value = attribute.value else { continue }
            text += " " + attribute.name + "=\"" + XMLWriter.escapeAttribute(value) + "\""
        }
    }
}

extension XMLWriter {
    /// True for the characters XML 1.0 allows (`Char` production) and does not discourage as
    /// C0/C1 controls: tab, line feed, carriage return, and everything from U+0020 except
    /// U+007F–U+009F, surrogates, U+FFFE and U+FFFF.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0x7E: true
        case 0x7F...0x9F: false
        case 0xA0...0xD7FF: true
        case 0xE000...0xFFFD: true
        case 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// `text` without the characters `isAllowed` rejects (NUL, other C0/C1 controls, U+FFFE, U+FFFF).
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isAllowed($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            result.append(scalar)
        }
        return String(result)
    }

    /// Cleans and escapes `text` for element content. `>` is always escaped so `]]>` cannot appear,
    /// and CR becomes `&#13;` so it survives XML line-end normalisation.
    static func escapeText(_ text: String) -> String {
        escape(clean(text), attribute: false)
    }

    /// Cleans and escapes `text` for a double-quoted attribute value; tab, LF and CR become
    /// character references so attribute-value normalisation keeps them.
    static func escapeAttribute(_ text: String) -> String {
        escape(clean(text), attribute: true)
    }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\r": result += "&#13;"
            case "\n" where attribute: result += "&#10;"
            case "\t" where attribute: result += "&#9;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
