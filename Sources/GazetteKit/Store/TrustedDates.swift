import Foundation

/// Decides which of a feed's dates Gazette believes, so a mistyped year (`2035`) cannot pin a story
/// to the top of its section, and set the section's `updated`, for years.
///
/// A date more than `futureTolerance` ahead of the fetch that brought it, or before 1970 (a
/// placeholder such as `0001-01-01` or a zero timestamp gone wrong), is dropped when the entry is
/// stored: the story is then dated by its other dates, else by the time Gazette first saw it.
/// Miniflux does the same with future dates.
enum TrustedDates {
    /// How far ahead of the fetch a date may be (clocks and time zones written wrongly): one day.
    static let futureTolerance: TimeInterval = 86_400
    /// The earliest date believed: 1970-01-01T00:00:00Z.
    static let earliest = Date(timeIntervalSince1970: 0)

    /// True when `date`, read at `fetchedAt`, is believed.
    static func isTrusted(_ date: Date, fetchedAt: Date) -> Bool {
        date >= earliest && date <= fetchedAt + futureTolerance
    }

    /// `item` without the dates that are not believed at `fetchedAt`, and how many were dropped.
    static func trusted(_ item: FeedItem, fetchedAt: Date) -> (item: FeedItem, dropped: Int) {
        var result = item
        var dropped = 0
        if let published = item.published, !isTrusted(published, fetchedAt: fetchedAt) {
            result.published = nil
            dropped += 1
        }
        if let updated = item.updated, !isTrusted(updated, fetchedAt: fetchedAt) {
            result.updated = nil
            dropped += 1
        }
        return (result, dropped)
    }
}
