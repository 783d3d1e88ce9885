import Testing
@testable import GazetteKit

@Suite struct PersonTextTests {
    @Test(arguments: [
        ("jo@example.org (Jo Smith)", Person(name: "Jo Smith", email: "jo@example.org")),
        ("Jo Smith <jo@example.org>", Person(name: "Jo Smith", email: "jo@example.org")),
        ("jo@example.org", Person(email: "jo@example.org")),
        ("Jo  Smith", Person(name: "Jo Smith")),
    ])
    func readsRSSAuthorForms(text: String, person: Person) {
        #expect(PersonText.parse(text) == person)
    }

    @Test func emptyIsNil() { #expect(PersonText.parse("  ") == nil) }
}
