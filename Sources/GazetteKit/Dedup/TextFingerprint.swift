import Foundation

/// The normalized words of a text and their 3-word shingles, for telling whether two copies of a
/// story carry near-identical text.
///
/// Normalization: HTML tags are removed and the common entities decoded; the text is folded to
/// lower case without diacritics; curly quotes and apostrophes are removed inside words (`council’s`
/// → `councils`); every other non-alphanumeric character separates words. Shingles are hashed
/// runs of 3 consecutive words (each word's FNV-1a hash, folded in order into 64 bits). The digit runs of words (`4.99` becomes `4` and
/// `99`, `7am` and `23rd` give `7` and `23`) are kept separately so stories that differ only in their
/// figures can be told apart, and so are names: words written with a capital letter that do not
/// open a sentence (`Easton`, `Friday`), so one council's press release is not another's.
public struct TextFingerprint: Sendable, Hashable {
    /// Words in a shingle.
    public static let shingleSize = 3

    /// The hash of a shingle from its three words' FNV-1a hashes, in order.
    @inline(__always)
    static func shingleHash(_ first: UInt64, _ second: UInt64, _ third: UInt64) -> UInt64 {
        var hash = ContentHash.offsetBasis
        for word in [first, second, third] {
            hash = (hash ^ word) &* ContentHash.prime
            hash ^= hash >> 29
        }
        return hash
    }

    /// Normalized words in order.
    public let words: [String]
    /// Hashes of every run of `shingleSize` words.
    public let shingles: Set<UInt64>
    /// The runs of digits in the words.
    public let numbers: Set<String>
    /// The plain text fingerprinted (empty when fingerprinted from normalized words).
    public let plainText: String

    /// Normalized words capitalized in the text where they do not open a sentence (empty when
    /// fingerprinted from normalized words); computed on each use, since only a comparison that
    /// passed the shingle test needs them.
    public var names: Set<String> { Self.names(in: plainText) }

    /// Fingerprints sanitized HTML (or plain text, which passes through unchanged).
    public init(html: String) {
        self.init(plainText: Self.plainText(fromHTML: html))
    }

    /// Fingerprints the output of `plainText(fromHTML:)`.
    public init(plainText: String) {
        self.init(words: Self.words(in: plainText), plainText: plainText)
    }

    /// Fingerprints already-normalized words.
    public init(words: [String]) {
        self.init(words: words, plainText: "")
    }

    private init(words: [String], plainText: String) {
        self.plainText = plainText
        self.words = words
        var shingles = Set<UInt64>()
        if words.count >= Self.shingleSize {
            shingles.reserveCapacity(words.count)
            // Each word hashed once; a shingle folds its words' hashes in order.
            let hashes = words.map { ContentHash.fnv1a($0) }
            for start in 0...(hashes.count - Self.shingleSize) {
                shingles.insert(Self.shingleHash(hashes[start], hashes[start + 1], hashes[start + 2]))
            }
        }
        self.shingles = shingles
        var numbers = Set<String>()
        for word in words {
            if word.utf8.allSatisfy({ $0 < 0x80 }) {
                var run: [UInt8] = []
                for byte in word.utf8 {
                    if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                        run.append(byte)
                    } else if !run.isEmpty {
                        numbers.insert(String(decoding: run, as: UTF8.self))
                        run.removeAll(keepingCapacity: true)
                    }
                }
                if !run.isEmpty { numbers.insert(String(decoding: run, as: UTF8.self)) }
                continue
            }
            var run = String.UnicodeScalarView()
            for scalar in word.unicodeScalars {
                if scalar.properties.numericType != nil {
                    run.append(scalar)
                } else if !run.isEmpty {
                    numbers.insert(String(run))
                    run = String.UnicodeScalarView()
                }
            }
            if !run.isEmpty { numbers.insert(String(run)) }
        }
        self.numbers = numbers
    }

    /// The normalized form of every word of plain `text` that starts with a capital letter and does
    /// not open a sentence (the text's start, or after `.`, `!`, `?` or `:`), possessives without
    /// their `’s`.
    public static func names(in text: String) -> Set<String> {
        var names = Set<String>()
        var sentenceStart = true
        var word = ""
        var capitalized = false
        func finish() {
            if !word.isEmpty {
                if capitalized && !sentenceStart {
                    // A possessive counts as its name: "Council’s" is "council".
                    let possessive = word.hasSuffix("'s") || word.hasSuffix("\u{2019}s")
                    names.formUnion(words(in: possessive ? String(word.dropLast(2)) : word))
                }
                sentenceStart = false
                word = ""
            }
        }
        for character in text {
            if character.isLetter || character.isNumber || character == "'" || character == "\u{2019}" {
                if word.isEmpty { capitalized = character.isUppercase }
                word.append(character)
            } else {
                finish()
                if character == "." || character == "!" || character == "?" || character == ":" { sentenceStart = true }
            }
        }
        finish()
        return names
    }

    /// The share of the smaller text's shingles found in the other text (overlap coefficient):
    /// 1 when one text contains the other, so a summary matches the full article it opens.
    public func containment(with other: TextFingerprint) -> Double {
        let small = shingles.count <= other.shingles.count ? shingles : other.shingles
        let large = shingles.count <= other.shingles.count ? other.shingles : shingles
        guard !small.isEmpty else { return 0 }
        let common = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
        return Double(common) / Double(small.count)
    }

    /// The Jaccard similarity of the two shingle sets: shared over all.
    public func jaccard(with other: TextFingerprint) -> Double {
        let union = shingles.union(other.shingles).count
        guard union > 0 else { return 0 }
        return Double(shingles.intersection(other.shingles).count) / Double(union)
    }

    /// Plain text of sanitized HTML: tags removed (block tags become spaces), common entities decoded.
    public static func plainText(fromHTML html: String) -> String {
        guard html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                if let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: ">")) {
                    out.append(UInt8(ascii: " "))
                    index = close + 1
                    continue
                }
            } else if byte == UInt8(ascii: "&"),
                let semicolon = bytes[(index + 1)..<min(bytes.count, index + 10)].firstIndex(of: UInt8(ascii: ";")),
                let decoded = decodeEntity(String(decoding: bytes[(index + 1)..<semicolon], as: UTF8.self))
            {
                out.append(contentsOf: decoded.utf8)
                index = semicolon + 1
                continue
            }
            out.append(byte)
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The normalized words of plain text (see the type's documentation).
    public static func words(in text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(in: text) }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            // ASCII letters and digits by range: the same answer as the property test, without its lookup.
            let isWordScalar =
                scalar.isASCII
                ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
                : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordScalar {
                current.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" {
                continue  // apostrophes join: "council's" == "councils"
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// `words(in:)` for pure ASCII text, without Foundation's folding (the common case, and fast).
    private static func asciiWords(in text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(24)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                current.append(byte + 32)
            case UInt8(ascii: "'"):
                continue
            default:
                if !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    private static func decodeEntity(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        case "rsquo", "lsquo": return "'"
        case "ldquo", "rdquo": return "\""
        case "ndash", "mdash": return "-"
        case "hellip": return "..."
        case "pound": return "£"
        case "euro": return "€"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
