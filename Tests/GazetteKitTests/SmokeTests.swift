import Testing

@testable import GazetteKit

@Suite struct SmokeTests {
    @Test func userAgentNamesGazetteAndVersion() {
        #expect(GazetteVersion.userAgent.hasPrefix("Gazette/\(GazetteVersion.version)"))
    }
}
