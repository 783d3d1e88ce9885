import Foundation

/// The feed-level facts recorded for provenance (`ArticleSource`).
struct FeedInfo: Sendable, Hashable {
    var title: String?
    var link: String?
    var feedID: String?
    var updated: Date?
    var language: String?
}
