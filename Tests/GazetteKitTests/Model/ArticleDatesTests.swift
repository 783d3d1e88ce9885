import Foundation
import Testing

@testable import GazetteKit

/// `Article.effectivePublished`: the source's publication date, else its earliest date, else the
/// first-seen time, and never later than `effectiveUpdated`.
@Suite struct ArticleDatesTests {
    private func article(published: Date? = nil, updated: Date? = nil, firstSeen: Date) -> Article {
        Article(id: "a", title: "T", published: published, updated: updated, firstSeen: firstSeen)
    }

    @Test func thePublicationDateWins() {
        let a = article(published: TestDates.days(-30), updated: TestDates.days(-2), firstSeen: TestDates.days(0))
        #expect(a.effectivePublished == TestDates.days(-30))
        #expect(a.effectiveUpdated == TestDates.days(-2))
    }

    @Test func aDcDateOnlyItemIsPublishedOnItsDateNotWhenGazetteSawIt() {
        // RSS 1.0 with only `dc:date`, as stored before the parser filled `published` from it.
        let a = article(updated: TestDates.days(-365), firstSeen: TestDates.days(0))
        #expect(a.effectivePublished == TestDates.days(-365))
        #expect(a.effectiveUpdated == TestDates.days(-365))
    }

    @Test func anUndatedItemIsPublishedWhenFirstSeenEvenAfterGazetteSawItChange() {
        #expect(article(firstSeen: TestDates.days(0)).effectivePublished == TestDates.days(0))
        // `updated` recorded by Gazette itself (a change it saw) is not a publication date.
        let changed = article(updated: TestDates.days(3), firstSeen: TestDates.days(0))
        #expect(changed.effectivePublished == TestDates.days(0))
        #expect(changed.effectiveUpdated == TestDates.days(3))
    }

    @Test func publishedIsNeverLaterThanUpdated() {
        let a = article(published: TestDates.days(-1), updated: TestDates.days(-5), firstSeen: TestDates.days(0))
        #expect(a.effectivePublished == TestDates.days(-5))
        #expect(a.effectivePublished <= a.effectiveUpdated)
    }
}
