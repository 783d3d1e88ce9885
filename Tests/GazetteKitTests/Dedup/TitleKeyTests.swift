import Testing

@testable import GazetteKit

@Suite struct TitleKeyTests {
    @Test(arguments: [
        ("Council’s budget — approved!", "councils budget approved"),
        ("  Café reopens on the HIGH street ", "cafe reopens on the high street"),
        ("1,200 new school places approved", "1 200 new school places approved"),
        ("", ""),
    ])
    func normalizesCasePunctuationAndAccents(title: String, expected: String) {
        #expect(TitleKey.normalized(title) == expected)
    }

    @Test(arguments: [
        ("Garden waste collections resume - Gloucestershire Live", "garden waste collections resume"),
        ("Garden waste collections resume | BBC News", "garden waste collections resume"),
        ("Garden waste collections resume – The Guardian", "garden waste collections resume"),
        // Not a publication: the tail is too long, or the head too short.
        (
            "Budget approved - but council tax will still rise by five per cent next year",
            "budget approved but council tax will still rise by five per cent next year"
        ),
        ("Update - Gazette", "update gazette"),
        ("No separator here", "no separator here"),
    ])
    func coreDropsATrailingPublicationName(title: String, expected: String) {
        #expect(TitleKey.core(title) == expected)
    }
}
