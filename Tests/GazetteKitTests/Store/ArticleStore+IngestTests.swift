import Foundation
import Testing

@testable import GazetteKit

@Suite struct ArticleStoreIngestTests {
    @Test func guidSwitchFromHTTPToHTTPSDoesNotRepublishHistory() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let feed = "https://harrowgatecivicsociety.org.uk/feed/"
        let first = try temp.ingestFixture("guid-http-www.run1.json", as: feed, now: TestDates.days(0))
        #expect(first.new == 3)
        let second = try temp.ingestFixture("guid-https.run2.json", as: feed, now: TestDates.days(1))
        #expect(second.new == 0)
        #expect(second.unchanged == 3 && second.updated == 0)
        #expect(try temp.store.articleCount() == 3)
        // The article keeps its first id; its provenance now records the new id.
        let article = try #require(try temp.store.article(id: "http://www.harrowgatecivicsociety.org.uk/?p=412"))
        #expect(article.sources.map(\.entryID) == ["https://harrowgatecivicsociety.org.uk/?p=412"])
    }

    @Test func feedMovingToAnotherHostDoesNotRepublishHistory() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let feed = "https://ashbyparva-pc.org.uk/feed/"
        #expect(try temp.ingestFixture("host-move.run1.json", as: feed, now: TestDates.days(0)).new == 2)
        let moved = try temp.ingestFixture("host-move.run2.json", as: feed, now: TestDates.days(1))
        #expect(moved.new == 0 && moved.updated == 0 && moved.unchanged == 2)
        // The article now links to the new host; its id and first-seen time are the first copy's.
        let article = try #require(try temp.store.article(id: "https://ashbyparva.wordpress.com/?p=77"))
        #expect(article.link == "https://ashbyparva-pc.org.uk/2025/03/allotment-waiting-list-reopens/")
        #expect(article.updated == nil && article.firstSeen == TestDates.days(0))
        #expect(try temp.store.articleCount() == 2)
        // A third run with the new ids is matched by id directly.
        let third = try temp.ingestFixture("host-move.run2.json", as: feed, now: TestDates.days(2))
        #expect(third.unchanged == 2 && third.new == 0 && third.updated == 0)
    }

    @Test func reusedGuidInOneDocumentKeepsEntriesApart() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let feed = "https://www.eastmidlandsfire.gov.uk/rss"
        let first = try temp.ingestFixture("reused-guid-in-document.json", as: feed, now: TestDates.days(0))
        #expect(first.new == 3)
        #expect(Set(first.newArticleIDs).count == 3)
        let again = try temp.ingestFixture("reused-guid-in-document.json", as: feed, now: TestDates.days(1))
        #expect(again.new == 0 && again.unchanged == 3)
        let titles = try temp.store.articles(fromFeeds: [feed], limit: 10).map(\.title)
        #expect(
            titles == [
                "Crews tackle barn fire near Melton", "Free home fire safety visits for over-65s",
                "Water rescue training at Rutland Water",
            ])
    }

    @Test func reusedGuidAcrossRunsWithNewLinkAndTitleIsANewEntry() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let first = FeedItem(
            id: "https://www.example-pc.org.uk/", title: "Parish newsletter: March",
            link: "https://www.example-pc.org.uk/newsletter/march", published: TestDates.days(0))
        var second = first
        second.title = "Parish newsletter: April"
        second.link = "https://www.example-pc.org.uk/newsletter/april"
        second.published = TestDates.days(30)
        try temp.ingest("pc", [first], now: TestDates.days(0))
        let report = try temp.ingest("pc", [second], now: TestDates.days(30))
        #expect(report.new == 1 && report.updated == 0)
        #expect(try temp.store.articleCount() == 2)
    }

    @Test func entriesWithoutIdsOrLinksAreRecognisedByContent() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let feed = "https://www.littlebramfordpc.org.uk/news.rss"
        #expect(try temp.ingestFixture("no-guid-no-link.json", as: feed, now: TestDates.days(0)).new == 2)
        // The parser's derived ids may change between runs; the title+date+content hash still matches.
        var items = try FeedFixtures.feed("no-guid-no-link.json").items
        items = items.map { item in
            var copy = item
            copy.id = "derived:other-\(item.id)"
            return copy
        }
        let again = try temp.ingest(feed, items, now: TestDates.days(1))
        #expect(again.new == 0 && again.unchanged == 2)
    }

    @Test func syndicatedCopiesMergeIntoOneArticleWithEverySource() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let council = try temp.ingestFixture("council-press-release.json", as: "leeds-council", now: TestDates.days(0))
        let paper = try temp.ingestFixture("local-paper-feedburner.json", as: "yep", now: TestDates.days(0.1))
        let aggregator = try temp.ingestFixture("aggregator-republished.json", as: "leeds-live", now: TestDates.days(0.2))
        #expect(council.new == 1)
        #expect(paper.new == 0 && paper.merged == 1)  // by the declared original link (utm_* dropped)
        #expect(aggregator.new == 0 && aggregator.merged == 1)  // by title core + near-identical text
        #expect(try temp.store.articleCount() == 1)
        let article = try #require(try temp.store.article(id: "https://news.leeds.gov.uk/news/1200-new-school-places-approved"))
        #expect(article.sources.map(\.feedKey) == ["leeds-council", "yep", "leeds-live"])
        #expect(article.sources[1].entryID == "tag:feedburner.com,2025:yep-8812341")
        #expect(article.sources[1].link == "https://feeds.feedburner.com/~r/yep/news/~3/xYz123/")
        #expect(article.title == "1,200 new school places approved")
        #expect(article.categories == ["Education", "News"])
        #expect(article.authors.map(\.name) == ["Leeds City Council press office"])  // the first copy's only
        #expect(article.content?.contains("progress report in the autumn") == true)  // the richest copy
        #expect(article.published == ISO8601DateFormatter().date(from: "2025-03-10T11:00:00Z"))
    }

    @Test func sameHeadlineFromTwoCouncilsStaysApart() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        #expect(try temp.ingestFixture("council-budget-north.json", as: "north", now: TestDates.days(0)).new == 1)
        let south = try temp.ingestFixture("council-budget-south.json", as: "south", now: TestDates.days(0))
        #expect(south.new == 1 && south.merged == 0)
        #expect(try temp.store.articleCount() == 2)
    }

    @Test func updatedEntryUpdatesArticleAndItsUpdatedTime() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let feed = "https://www.bristol.gov.uk/news.rss"
        let id = "https://www.bristol.gov.uk/news/clean-air-zone-one-year-on"
        try temp.ingestFixture("updated-entry.run1.json", as: feed, now: TestDates.days(0))
        let before = try #require(try temp.store.article(id: id))
        #expect(before.updated == nil)
        let report = try temp.ingestFixture("updated-entry.run2.json", as: feed, now: TestDates.days(1))
        #expect(report.updatedArticleIDs == [id])
        let after = try #require(try temp.store.article(id: id))
        #expect(after.title == "Clean Air Zone one year on: pollution down")
        #expect(after.content?.contains("legal limits") == true)
        #expect(after.updated == TestDates.days(1))  // the feed gave no updated date: when Gazette saw it
        #expect(after.firstSeen == before.firstSeen)
        // Seeing the same updated version again touches nothing.
        let again = try temp.ingestFixture("updated-entry.run2.json", as: feed, now: TestDates.days(2))
        #expect(again.unchanged == 1 && again.updated == 0)
        #expect(try temp.store.article(id: id)?.updated == TestDates.days(1))
    }

    @Test func feedStatedUpdateDateIsUsedWhenItAdvances() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        var item = FeedItem(
            id: "urn:uuid:6f1b", title: "Road closure on the A38", link: "https://www.derbyshire.gov.uk/a38",
            published: TestDates.days(0), updated: TestDates.days(0), content: "<p>Closed overnight.</p>")
        try temp.ingest("derbyshire", [item], now: TestDates.days(0))
        item.updated = TestDates.days(0.5)
        item.content = "<p>Closed overnight until Friday.</p>"
        let report = try temp.ingest("derbyshire", [item], now: TestDates.days(1))
        #expect(report.updated == 1)
        #expect(try temp.store.article(id: "urn:uuid:6f1b")?.updated == TestDates.days(0.5))
    }

    @Test func repeatedEntryInOneDocumentIsIgnored() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let item = FeedItem(id: "a-1", title: "Library reopens", link: "https://lib.example.org.uk/news/reopens", content: "<p>Open.</p>")
        var twin = item
        twin.id = "a-1-duplicate"
        let report = try temp.ingest("library", [item, twin], now: TestDates.days(0))
        #expect(report.new == 1 && report.duplicatesInDocument == 1)
        #expect(try temp.store.articleCount() == 1)
    }

    @Test func sameIdFromTwoUnrelatedFeedsGetsDistinctArticleIds() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let a = FeedItem(id: "1", title: "Ward surgery dates", link: "https://cllr-one.example.uk/surgeries", content: "<p>A.</p>")
        let b = FeedItem(id: "1", title: "Bin strike ends", link: "https://union-branch.example.uk/strike", content: "<p>B.</p>")
        let first = try temp.ingest("one", [a], now: TestDates.days(0))
        let second = try temp.ingest("two", [b], now: TestDates.days(0))
        #expect(first.newArticleIDs == ["1"])
        #expect(second.new == 1)
        #expect(second.newArticleIDs.first != "1")
        #expect(try temp.store.article(id: second.newArticleIDs[0])?.title == "Bin strike ends")
    }

    @Test func crossFeedLinkMatchIgnoresTrackingParametersAndScheme() throws {
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let original = FeedItem(
            id: "p-99", title: "Bus station redevelopment begins",
            link: "https://www.wolverhampton.gov.uk/news/bus-station-redevelopment", published: TestDates.days(0))
        let shared = FeedItem(
            id: "share-1", title: "Work starts at the bus station",
            link: "http://wolverhampton.gov.uk/news/bus-station-redevelopment/?utm_source=twitter&utm_medium=social&fbclid=x#comments",
            published: TestDates.days(0))
        try temp.ingest("council", [original], now: TestDates.days(0))
        let report = try temp.ingest("social", [shared], now: TestDates.days(0))
        #expect(report.mergedArticleIDs == ["p-99"])
    }

    @Test func contentMatchUsesTheUpdatedDateWhenAFeedGivesNoPublishedDate() throws {
        // RSS 1.0 feeds date items with dc:date only, which the parser reports as `updated`.
        let temp = try TemporaryStore()
        defer { temp.directory.remove() }
        let text =
            "<p>Westvale Borough Council's planning committee has approved 400 homes on the former Mill Lane "
            + "depot, 60% of them for social rent, in the borough's largest council-led scheme for 40 years.</p>"
        let council = FeedItem(
            id: "https://www.westvale.example/news/depot", title: "Westvale approves 400 affordable homes on former depot site",
            link: "https://www.westvale.example/news/depot", published: TestDates.days(0), content: text)
        let paper = FeedItem(
            id: "https://chronicle.example/news/depot", title: "Westvale approves 400 affordable homes on former depot site",
            link: "https://chronicle.example/news/depot", updated: TestDates.days(0.1), summary: text)
        try temp.ingest("council", [council], now: TestDates.days(0))
        // Stored weeks later (a new source, or a backlog): the item's own date must decide, not the run's time.
        let report = try temp.ingest("paper", [paper], now: TestDates.days(30))
        #expect(report.mergedArticleIDs == ["https://www.westvale.example/news/depot"])

        // And the other way round: the dc:date-only copy stored first, the dated copy weeks later.
        let reversed = try TemporaryStore()
        defer { reversed.directory.remove() }
        try reversed.ingest("paper", [paper], now: TestDates.days(0))
        let second = try reversed.ingest("council", [council], now: TestDates.days(30))
        #expect(second.mergedArticleIDs == ["https://chronicle.example/news/depot"])
    }
}
