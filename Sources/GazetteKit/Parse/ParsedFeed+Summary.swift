import Foundation

extension ParsedFeed {
    /// A short human-readable account of the feed (what `gazette parse` prints without `--json`).
    public func summary(maxItems: Int = 20) -> String {
        var lines: [String] = []
        lines.append("\(title ?? "(untitled)")  [\(format.rawValue)]")
        if let link { lines.append("  site:    \(link)") }
        if let feedURL { lines.append("  feed:    \(feedURL)") }
        if let updated { lines.append("  updated: \(FeedDate.rfc3339(updated))") }
        if !authors.isEmpty {
            lines.append("  authors: " + authors.map { $0.name ?? $0.email ?? $0.uri ?? "?" }.joined(separator: ", "))
        }
        if let refreshInterval { lines.append("  refresh: every \(Int(refreshInterval)) s") }
        if recovered {
            lines.append("  recovered from malformed XML:")
            for d in diagnostics.prefix(5) { lines.append("    \(d)") }
        }
        lines.append("  \(items.count) item\(items.count == 1 ? "" : "s")")
        for item in items.prefix(maxItems) {
            let date = (item.published ?? item.updated).map(FeedDate.rfc3339) ?? "no date"
            lines.append("  - \(item.title ?? "(untitled)")  (\(date))")
            if let link = item.link { lines.append("    \(link)") }
        }
        if items.count > maxItems { lines.append("  … and \(items.count - maxItems) more") }
        return lines.joined(separator: "\n")
    }
}
