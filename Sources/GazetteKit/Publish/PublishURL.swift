/// Decides which URLs and identifiers from the store may appear in published files, so a
/// `javascript:` link or a malformed id can never reach a reader.
enum PublishURL {
    /// Schemes never published, even as identifiers: they run code or reach local files.
    static let unsafeSchemes: Set<String> = ["javascript", "vbscript", "data", "file", "about", "blob"]

    /// `text` when it is an absolute `http`/`https` URL with a host; else `nil`.
    static func web(_ text: String?) -> String? {
        guard let text, let scheme = absoluteIRIScheme(text), scheme == "http" || scheme == "https" else { return nil }
        let rest = text.dropFirst(scheme.count + 1)
        guard rest.hasPrefix("//"), let host = rest.dropFirst(2).first, host != "/", host != "?", host != "#" else {
            return nil
        }
        return text
    }

    /// `text` when it can serve as an Atom `id`: an absolute IRI whose scheme is not in `unsafeSchemes`.
    static func identifier(_ text: String?) -> String? {
        guard let text, let scheme = absoluteIRIScheme(text), !unsafeSchemes.contains(scheme) else { return nil }
        return text
    }

    /// The lower-cased scheme when `text` is an absolute IRI (RFC 3987): a scheme, a colon, at least one
    /// more character, no spaces, controls or characters IRIs exclude (`<>"{}|\^` and backtick), and
    /// `%` only as a percent-escape. `nil` otherwise.
    static func absoluteIRIScheme(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 3, scalars.count <= 8_192, let first = scalars.first, isLetter(first) else { return nil }
        var index = 1
        while index < scalars.count, scalars[index] != ":" {
            let scalar = scalars[index]
            guard isLetter(scalar) || isDigit(scalar) || scalar == "+" || scalar == "-" || scalar == "." else { return nil }
            index += 1
        }
        guard index < scalars.count - 1 else { return nil }
        var position = index + 1
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "%" {
                guard position + 2 < scalars.count, isHex(scalars[position + 1]), isHex(scalars[position + 2]) else {
                    return nil
                }
                position += 3
                continue
            }
            guard isIRICharacter(scalar) else { return nil }
            position += 1
        }
        return String(String.UnicodeScalarView(scalars[0..<index])).lowercased()
    }

    private static func isIRICharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x20, 0x7F...0x9F: return false
        case 0xD800...0xDFFF, 0xFFFE, 0xFFFF: return false
        default: break
        }
        return !"<>\"{}|\\^`".unicodeScalars.contains(scalar) && XMLWriter.isAllowed(scalar)
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
    private static func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
    private static func isHex(_ s: Unicode.Scalar) -> Bool { isDigit(s) || ("a"..."f").contains(s) || ("A"..."F").contains(s) }
}
