import Foundation

/// One problem found in `feeds.json`, located by key path and line:column so a person can fix it.
public struct ConfigIssue: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is (tests and tools match on it; people read `message`).
    public enum Kind: String, Sendable, Hashable {
        case invalidJSON
        case unknownKey
        case duplicateKey
        case missingKey
        case wrongType
        case invalidValue
        case invalidURL
        case invalidSectionID
        case unknownSection
        case duplicateFeed
        case emptyList
    }

    public var kind: Kind
    /// Where in the document, e.g. `feeds[3].section` (empty for the document itself).
    public var path: String
    /// What is wrong and what to do, without the path or suggestion.
    public var message: String
    /// The "did you mean" candidate, when one is close enough.
    public var suggestion: String?
    /// 1-based position of the offending key or value, when known.
    public var line: Int?
    public var column: Int?

    /// An issue; `line`/`column` are nil for problems found outside the file (e.g. `gazette add` arguments).
    public init(
        kind: Kind, path: String, message: String, suggestion: String? = nil, line: Int? = nil, column: Int? = nil
    ) {
        self.kind = kind
        self.path = path
        self.message = message
        self.suggestion = suggestion
        self.line = line
        self.column = column
    }

    /// `feeds[3].section: unknown section "educaton"; did you mean "education"?`
    public var description: String {
        var text = path.isEmpty ? message : "\(path): \(message)"
        if let suggestion { text += "; did you mean \"\(suggestion)\"?" }
        return Self.visible(text)
    }

    /// `text` with control characters (a NUL byte in a key, say) spelt `\u{0}`, so a terminal shows them.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `feeds.json:12:16: error: feeds[3].section: …`, the form editors and terminals link to.
    public func formatted(file: String) -> String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): error: \(description)"
    }
}

/// Why a configuration could not be loaded or edited; every case names the file and says what to do.
public enum ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file was read but has problems; all of them, in file order.
    case invalid(file: String, issues: [ConfigIssue])
    /// `gazette add` was given a feed the file already lists (`existingKey` as written there, at `path`).
    case feedAlreadyListed(file: String, url: String, existingKey: String, path: String)
    /// `gazette remove` was given a feed the file does not list.
    case feedNotListed(file: String, url: String, suggestion: String?)
    /// The edited file could not be written; the original is untouched.
    case unwritable(file: String, reason: String)

    /// The problems found, for `.invalid`; empty otherwise.
    public var issues: [ConfigIssue] {
        if case .invalid(_, let issues) = self { return issues }
        return []
    }

    /// The whole report, one compiler-style line per issue, ready to print to stderr.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): error: cannot read the configuration: \(reason)"
        case .invalid(let file, let issues):
            let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
            let lines = issues.map { $0.formatted(file: file) }
            return (["\(file) has \(count):"] + lines).joined(separator: "\n")
        case .feedAlreadyListed(let file, let url, let existingKey, let path):
            let same = existingKey == url ? "" : " as \"\(existingKey)\""
            return "\(file): error: \(url) is already listed\(same) at \(path); nothing was changed"
        case .feedNotListed(let file, let url, let suggestion):
            var text = "\(file): error: no feed with the URL \(url) is listed; nothing was changed"
            if let suggestion { text += "; did you mean \"\(suggestion)\"?" }
            return text
        case .unwritable(let file, let reason):
            return "\(file): error: cannot write the edited configuration (\(reason)); the original file is unchanged"
        }
    }
}
