import Testing

@testable import GazetteKit

@Suite struct TextFingerprintTests {
    @Test func plainTextDropsTagsAndDecodesEntities() {
        let text = TextFingerprint.plainText(
            fromHTML: "<p>Fish &amp; chips&nbsp;van <b>back</b></p><p>on &#8216;Tuesdays&#x2019; &pound;5</p>")
        #expect(TextFingerprint.words(in: text) == ["fish", "chips", "van", "back", "on", "tuesdays", "5"])
    }

    @Test func unknownEntitiesAndStrayAmpersandsStayAsText() {
        #expect(TextFingerprint.plainText(fromHTML: "R&D and &bogus; here") == "R&D and &bogus; here")
    }

    @Test func shinglesAreRunsOfThreeWords() {
        let fingerprint = TextFingerprint(html: "one two three four")
        #expect(fingerprint.shingles.count == 2)
        #expect(TextFingerprint(html: "one two").shingles.isEmpty)
    }

    @Test func containmentIsOneForASummaryOfTheText() {
        let full = TextFingerprint(
            html: "<p>The council approved the plan on Monday. Work will begin in the summer and finish next year.</p>")
        let summary = TextFingerprint(html: "The council approved the plan on Monday.")
        #expect(summary.containment(with: full) == 1)
        #expect(full.containment(with: summary) == 1)
        #expect(summary.jaccard(with: full) < 0.5)
    }

    @Test func numbersAreCollected() {
        #expect(TextFingerprint(html: "Council tax up 4.99 per cent, £94 a year").numbers == ["4", "99", "94"])
    }

    @Test func numbersAreTheDigitRunsOfWords() {
        #expect(TextFingerprint(html: "Open from 9am, the 23rd year, until 7.30pm").numbers == ["9", "23", "7", "30"])
    }

    @Test func namesAreCapitalizedWordsInsideSentences() {
        let fingerprint = TextFingerprint(
            html: "<p>Residents of Easton met on Friday. The council’s leader, Sarah O'Connor, spoke: Easton Council’s plan.</p>")
        #expect(fingerprint.names == ["easton", "friday", "sarah", "oconnor", "council"])
    }
}
