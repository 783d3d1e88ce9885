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

    @Test(arguments: [
        ("UPDATED: Library opening hours extended", "Library opening hours extended"),
        ("Breaking news: Library opening hours extended", "Library opening hours extended"),
        ("Exclusive - Library opening hours extended (updated)", "Library opening hours extended"),
        ("[Video] Library opening hours extended", "Library opening hours extended"),
        ("Video: Watch: Library opening hours extended [with video]", "Library opening hours extended"),
        // Not labels: a word of the headline, or too little left once dropped.
        ("Live-streamed council meeting draws record audience", "Live-streamed council meeting draws record audience"),
        ("Update: Gazette", "Update: Gazette"),
        ("Watching brief on the new bridge", "Watching brief on the new bridge"),
    ])
    func strippedDropsEditorialLabels(title: String, expected: String) {
        #expect(TitleKey.stripped(title) == expected)
    }

    @Test func formsOfAgreeingTitlesMeet() {
        let pairs = [
            ("UPDATED: Library opening hours extended over the winter holidays", "Library opening hours extended over the winter holidays"),
            ("Riverside ward flood defences: work starts next month", "Riverside ward flood defences – work starts next month"),
            ("Council’s new recycling rules explained", "UPDATED: Council's new recycling rules explained"),
            ("Council's new recycling rules explained | Northfield Council", "Council's New Recycling Rules Explained - BBC News"),
        ]
        for (a, b) in pairs {
            #expect(!TitleKey.forms(a).isDisjoint(with: TitleKey.forms(b)), "\(a) / \(b)")
        }
        #expect(TitleKey.forms("Consultation opens").isDisjoint(with: TitleKey.forms("Consultation closes")))
    }
}
