import Foundation

/// Parses the dates feeds actually contain: RFC 822/1123 and its many broken variants,
/// RFC 3339 / ISO 8601 variants, and common malformed forms. Unparseable means `nil`, never "now".
public enum FeedDate {
    /// Returns the date `text` denotes, in absolute time, or `nil` when it cannot be understood.
    public static func parse(_ text: String) -> Date? {
        // TODO(dates): implemented by the dates work.
        nil
    }

    /// Formats a date as RFC 3339 UTC with a `Z` (e.g. `2025-05-06T09:30:00Z`), as the JSON contract and Atom need.
    public static func rfc3339(_ date: Date) -> String {
        // TODO(dates): implemented by the dates work.
        ""
    }
}
