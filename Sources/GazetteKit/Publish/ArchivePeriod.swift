import Foundation

/// One calendar month (UTC) of a section's archive: the unit of RFC 5005 archive documents
/// (`<section>/archive/<YYYY-MM>.xml`), named so the URL never changes.
///
/// An entry belongs to the month of the run that first published it, so once a month has ended no
/// entry can join it and its documents can be written one last time and kept forever.
struct ArchivePeriod: Sendable, Hashable, Comparable, Codable {
    var year: Int
    /// 1–12.
    var month: Int

    init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// The month (UTC) that contains `date`.
    init(containing date: Date) {
        let seconds = date.timeIntervalSince1970.isFinite ? Int64(date.timeIntervalSince1970.rounded(.down)) : 0
        var days = seconds / 86_400
        if seconds % 86_400 < 0 { days -= 1 }
        let civil = FeedDate.civil(fromDays: days)
        self.init(year: min(max(civil.year, 1), 9999), month: civil.month)
    }

    /// `YYYY-MM` as written in `archive_period`, `published_entry` and file names; nil when malformed.
    init?(name: String) {
        let parts = name.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
            (1...9999).contains(year), (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }

    /// `2026-12`.
    var name: String {
        let y = String(year)
        let m = String(month)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + (m.count == 1 ? "-0" : "-") + m
    }

    /// The first instant of the month.
    var start: Date {
        Date(timeIntervalSince1970: TimeInterval(FeedDate.days(fromCivil: year, month, 1) * 86_400))
    }

    /// The following month.
    var next: ArchivePeriod { month == 12 ? ArchivePeriod(year: year + 1, month: 1) : ArchivePeriod(year: year, month: month + 1) }

    /// The preceding month.
    var previous: ArchivePeriod { month == 1 ? ArchivePeriod(year: year - 1, month: 12) : ArchivePeriod(year: year, month: month - 1) }

    /// Every month from `first` to `last`, oldest first (empty when `last` is before `first`).
    static func months(from first: ArchivePeriod, through last: ArchivePeriod) -> [ArchivePeriod] {
        var result: [ArchivePeriod] = []
        var period = first
        while period <= last {
            result.append(period)
            period = period.next
        }
        return result
    }

    static func < (a: ArchivePeriod, b: ArchivePeriod) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
