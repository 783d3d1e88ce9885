import Foundation

/// Parsers for the few response header values the fetcher acts on.
enum HTTPHeaderValues {
    /// The media type (lower-cased, no parameters) and `charset` of a `Content-Type` value.
    static func contentType(_ value: String?) -> (mediaType: String?, charset: String?) {
        guard let value, !value.isEmpty else { return (nil, nil) }
        let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let media = parts.first.map { $0.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        var charset: String?
        for parameter in parts.dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let name = parameter[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            guard name == "charset" else { continue }
            var raw = parameter[parameter.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") { raw = String(raw.dropFirst().dropLast()) }
            if !raw.isEmpty { charset = raw }
        }
        return (media, charset)
    }

    /// Seconds of `Cache-Control: max-age=N` (`s-maxage` is for shared caches and ignored); `nil` if absent.
    static func maxAge(_ cacheControl: String?) -> TimeInterval? {
        guard let cacheControl else { return nil }
        for directive in cacheControl.split(separator: ",") {
            let pair = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "max-age" else { continue }
            let number = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            if let seconds = Int(number), seconds >= 0 { return TimeInterval(seconds) }
        }
        return nil
    }

    /// Seconds to wait from `now` that a `Retry-After` value asks for (delay-seconds or an HTTP date).
    static func retryAfter(_ value: String?, now: Date) -> TimeInterval? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Int(value) { return seconds >= 0 ? TimeInterval(seconds) : nil }
        guard let date = HTTPDate.parse(value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
