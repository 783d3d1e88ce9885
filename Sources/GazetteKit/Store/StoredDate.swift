import Foundation

/// Dates as stored: seconds since the reference date, which round-trips `Date` exactly.
enum StoredDate {
    static func encode(_ date: Date?) -> Double? { date?.timeIntervalSinceReferenceDate }
    static func decode(_ value: Double?) -> Date? { value.map(Date.init(timeIntervalSinceReferenceDate:)) }
}
