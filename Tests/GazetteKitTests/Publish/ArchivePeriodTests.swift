import Foundation
import Testing

@testable import GazetteKit

@Suite struct ArchivePeriodTests {
    @Test(arguments: [
        (0.0, "1970-01"), (1_788_220_799, "2026-08"), (1_788_220_800, "2026-09"), (1_798_761_599, "2026-12"),
        (1_798_761_600, "2027-01"), (-1, "1969-12"),
    ])
    func theMonthContainingAnInstantIsItsUTCMonth(seconds: Double, name: String) {
        #expect(ArchivePeriod(containing: Date(timeIntervalSince1970: seconds)).name == name)
    }

    @Test func monthsStepAcrossYearsAndRoundTripTheirNames() throws {
        let december = try #require(ArchivePeriod(name: "2026-12"))
        #expect(december.next.name == "2027-01")
        #expect(december.next.previous == december)
        #expect(
            ArchivePeriod.months(from: try #require(ArchivePeriod(name: "2026-11")), through: try #require(ArchivePeriod(name: "2027-02")))
                .map(\.name) == ["2026-11", "2026-12", "2027-01", "2027-02"])
        #expect(ArchivePeriod(containing: december.start) == december)
        #expect(ArchivePeriod(containing: december.next.start.addingTimeInterval(-1)) == december)
    }

    @Test(arguments: ["2026-13", "2026-00", "26-01", "2026-1", "2026/01", "", "abcd-ef"])
    func malformedNamesAreRejected(name: String) {
        #expect(ArchivePeriod(name: name) == nil)
    }
}
