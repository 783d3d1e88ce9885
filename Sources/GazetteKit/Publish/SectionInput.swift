/// One section to publish: its configuration and every candidate article the caller routed to it.
///
/// The publisher orders the candidates (newest first) and applies the section's caps; the caller
/// only decides which articles belong to the section.
public struct SectionInput: Sendable, Hashable {
    public var section: SectionConfig
    /// Candidates in any order; more than `maxEntries` is expected.
    public var articles: [Article]

    public init(section: SectionConfig, articles: [Article]) {
        self.section = section
        self.articles = articles
    }
}
