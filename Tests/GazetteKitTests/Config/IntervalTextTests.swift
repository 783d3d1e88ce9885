import Testing

@testable import GazetteKit

@Suite struct IntervalTextTests {
    @Test(arguments: [
        ("90s", 90.0), ("30m", 1800), ("2h", 7200), ("1d", 86_400), ("1h30m", 5400), ("1h 30m", 5400),
        ("1.5h", 5400), ("45 min", 2700), ("2H", 7200),
    ])
    func durationsWithUnitsAreRead(text: String, seconds: Double) {
        #expect(IntervalText.seconds(text) == seconds)
    }

    @Test(arguments: ["30", "", "m", "30x", "0m", "-5m", "1h30", "soon"])
    func malformedOrZeroDurationsAreRefused(text: String) {
        #expect(IntervalText.seconds(text) == nil)
    }
}
