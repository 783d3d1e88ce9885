import Testing

@testable import GazetteKit

@Suite struct KeywordFilterMatchingTests {
    @Test(arguments: [
        // keyword, title, matches
        ("ofsted", "Ofsted report praises council", true),
        ("ofsted", "OFSTED REPORT", true),
        ("Ofsted", "What ofsted's new framework means", true),
        ("ofsted", "What Ofsted’s new framework means", true),
        ("art", "Councils start consultation", false),
        ("art", "Public art trail opens", true),
        ("art", "Art, culture and libraries", true),
        ("school", "Schools to get funding", false),
        ("school*", "Schools to get funding", true),
        ("inspect*", "Inspection findings published", true),
        ("inspect*", "Reinspection due", false),
        ("children's services", "Northshire children's services rated good", true),
        ("children's services", "Northshire children’s  services rated good", true),
        ("children's services", "children's social services", false),
        ("social care", "Adult social-care reforms", true),
        ("social-care", "Adult social–care reforms", true),
        ("child-protection", "New child protection teams", true),
        ("e-safety", "safety week", false),
        ("café", "New CAFE\u{301} opens", true),
        ("SEND", "SEND funding rises", true),
        ("send", "Councils send letters", true),
        ("c++", "Hiring C++ developers", true),
        ("café", "New CAFÉ opens in library", true),
        ("care", "Careers fair", false),
        ("social housing", "Social\u{00A0}housing – the figures", true),
        ("école", "L’ÉCOLE publique", true),
        ("ofsted", "Ofsted\u{2026}", true),
        ("care", "«care» in quotes", true),
        ("2025", "Budget 2025/26 agreed", true),
        ("25", "Budget 2025/26 agreed", false),
    ])
    func includeKeywordsMatchWholeWordsIgnoringCase(keyword: String, title: String, matches: Bool) {
        let filter = KeywordFilter(include: [keyword])
        #expect(filter.matches(title: title, summary: nil, categories: []) == matches)
    }

    @Test func keywordsAreLookedForInTheSummaryAndCategoriesToo() {
        let filter = KeywordFilter(include: ["safeguarding"])
        #expect(filter.matches(title: "Annual report", summary: "The safeguarding partnership met.", categories: []))
        #expect(filter.matches(title: "Annual report", summary: nil, categories: ["Safeguarding adults"]))
        #expect(!filter.matches(title: "Annual report", summary: "Nothing relevant.", categories: ["People"]))
    }

    @Test func anyIncludeKeywordIsEnough() {
        let filter = KeywordFilter(include: ["housing", "homelessness"])
        #expect(filter.matches(title: "Homelessness strategy agreed", summary: nil, categories: []))
        #expect(filter.matches(title: "Housing delivery test results", summary: nil, categories: []))
        #expect(!filter.matches(title: "Library opening hours", summary: nil, categories: []))
    }

    @Test func excludeWinsOverIncludeAndCategories() {
        let filter = KeywordFilter(include: ["social care"], exclude: ["sponsored"], categories: ["Adult social care"])
        #expect(filter.matches(title: "Social care pay rises", summary: nil, categories: []))
        #expect(!filter.matches(title: "Sponsored: social care software", summary: nil, categories: ["Adult social care"]))
        #expect(!filter.matches(title: "Staffing costs", summary: nil, categories: ["Sponsored"]), "exclude looks at categories too")
    }

    @Test func onlyExcludeKeepsEverythingElse() {
        let filter = KeywordFilter(exclude: ["crossword"])
        #expect(filter.matches(title: "Teacher pay award", summary: nil, categories: []))
        #expect(!filter.matches(title: "Cryptic crossword No 29,000", summary: nil, categories: []))
        #expect(KeywordFilter().matches(title: nil, summary: nil, categories: []), "an empty filter admits everything")
    }

    @Test func categoriesMatchWholeCategoriesIgnoringCaseAndSpaces() {
        let filter = KeywordFilter(categories: ["Ofsted", "Children's social care"])
        #expect(filter.matches(title: "Report", summary: nil, categories: ["OFSTED"]))
        #expect(filter.matches(title: "Report", summary: nil, categories: ["  children’s social  care "]))
        #expect(!filter.matches(title: "Report", summary: nil, categories: ["Ofsted inspections"]), "a category must match whole")
        #expect(!filter.matches(title: "Ofsted report", summary: nil, categories: []), "categories do not search the title")
    }

    @Test func aPreparedSubjectGivesTheSameAnswers() {
        let subject = KeywordFilter.Subject(
            title: "Ofsted rates children's services good", summary: "Inspectors praised…", categories: ["Ofsted"])
        #expect(KeywordFilter(include: ["inspectors"]).matches(subject))
        #expect(KeywordFilter(categories: ["ofsted"]).matches(subject))
        #expect(!KeywordFilter(include: ["housing"]).matches(subject))
        #expect(!KeywordFilter(include: ["ofsted"], exclude: ["good"]).matches(subject))
    }

    @Test func changingTheKeywordsRecompilesThem() {
        var filter = KeywordFilter(include: ["housing"])
        #expect(!filter.matches(title: "Ofsted report", summary: nil, categories: []))
        filter.include.append("ofsted")
        #expect(filter.matches(title: "Ofsted report", summary: nil, categories: []))
        filter.exclude = ["report"]
        #expect(!filter.matches(title: "Ofsted report", summary: nil, categories: []))
    }

    @Test func keywordsThatNormalizeToNothingAreUnusable() {
        #expect(!KeywordFilter.isUsableKeyword("   "))
        #expect(!KeywordFilter.isUsableKeyword("*"))
        #expect(KeywordFilter.isUsableKeyword("c++"))
    }
}
