import Foundation
import Testing

@testable import GazetteKit

@Suite struct EntryIdentityTests {
    @Test func guidReusedForDifferentEntriesIsUnreliable() {
        let items = [
            FeedItem(id: "https://fire.example/news", title: "Barn fire", link: "https://fire.example/news/barn"),
            FeedItem(id: "https://fire.example/news", title: "Safety visits", link: "https://fire.example/news/visits"),
            FeedItem(id: "https://fire.example/news/3", title: "Training", link: "https://fire.example/news/training"),
        ]
        let identities = EntryIdentity.identities(for: items, siteLink: "https://fire.example/")
        #expect(identities.map(\.idIsReliable) == [false, false, true])
        #expect(identities.map(\.linkIsReliable) == [true, true, true])
    }

    @Test func repeatedIdenticalEntryKeepsItsIdReliable() {
        let item = FeedItem(id: "x-1", title: "Same", link: "https://a.example/same")
        let identities = EntryIdentity.identities(for: [item, item], siteLink: nil)
        #expect(identities.map(\.idIsReliable) == [true, true])
    }

    @Test func siteLinkAndSharedLinksAreUnreliable() {
        let items = [
            FeedItem(id: "1", title: "One", link: "https://www.parish.example/"),
            FeedItem(id: "2", title: "Two", link: "https://parish.example/latest"),
            FeedItem(id: "3", title: "Three", link: "https://parish.example/latest"),
        ]
        let identities = EntryIdentity.identities(for: items, siteLink: "https://parish.example")
        #expect(identities.map(\.linkIsReliable) == [false, false, false])
    }

    @Test func originalLinkIsPreferredAndHostFreeKeysCoverIdAndLink() {
        let item = FeedItem(
            id: "https://blog.example/?p=7", title: "T", link: "https://feeds.feedburner.com/~r/x/~3/abc/",
            originalLink: "https://blog.example/2025/03/t/?utm_source=feedburner")
        let identity = EntryIdentity(item: item, siteLink: nil)
        #expect(identity.canonicalLink == "https://blog.example/2025/03/t")
        #expect(identity.hostFreeKeys == ["?p=7", "/2025/03/t"])
    }

    @Test func copyHashIgnoresIdAndCosmeticLinkChangesButNotText() {
        let item = FeedItem(id: "a", title: "T", link: "http://www.x.example/a/", content: "<p>One.</p>")
        var moved = item
        moved.id = "b"
        moved.link = "https://x.example/a"
        var edited = item
        edited.content = "<p>Two.</p>"
        let hash = EntryIdentity(item: item, siteLink: nil).copyHash
        #expect(EntryIdentity(item: moved, siteLink: nil).copyHash == hash)
        #expect(EntryIdentity(item: edited, siteLink: nil).copyHash != hash)
    }

    @Test func emptyEntriesNeverShareAContentHash() {
        let a = EntryIdentity(item: FeedItem(id: "d1", idIsDerived: true), siteLink: nil)
        let b = EntryIdentity(item: FeedItem(id: "d2", idIsDerived: true), siteLink: nil)
        #expect(a.contentHash != b.contentHash)
    }
}
