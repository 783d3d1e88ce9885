import Foundation

/// Questions `gazette add` asks of the configuration before it fetches anything.
extension GazetteConfig {
    /// The feed already listed that is the same feed as `url` (http = https, host case, default
    /// port, fragment and trailing `/` ignored), with its index in `feeds`.
    public func listedFeed(sameAs url: URL) -> (index: Int, feed: FeedConfig)? {
        let identity = FeedLocation.normalizedKey(url)
        guard let index = feeds.firstIndex(where: { FeedLocation.normalizedKey($0.url) == identity }) else { return nil }
        return (index, feeds[index])
    }

    /// One message per id of `sectionIDs` that `sections` does not declare, naming it, the declared
    /// sections or the closest one.
    public func undeclaredSectionProblems(_ sectionIDs: [String]) -> [String] {
        let known = sections.map(\.id)
        return sectionIDs.filter { !known.contains($0) }.map { id in
            if let suggestion = Suggestion.closest(to: id, in: known) {
                return "the section \"\(id)\" is not declared in feeds.json; did you mean \"\(suggestion)\"?"
            }
            let list = known.map { "\"\($0)\"" }.joined(separator: ", ")
            return "the section \"\(id)\" is not declared in feeds.json (its sections are \(list)); "
                + "declare it under \"sections\" first"
        }
    }
}
