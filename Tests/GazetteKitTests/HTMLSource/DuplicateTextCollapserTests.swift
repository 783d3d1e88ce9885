import Testing

@testable import GazetteKit

@Suite struct DuplicateTextCollapserTests {
    let collapser = DuplicateTextCollapser()

    @Test func standfirstRepeatedAsFirstParagraphIsDropped() {
        let summary = "Jo Casebourne examines why mentoring and befriending matters for young people."
        let content = """
            <p>Jo Casebourne examines why mentoring and <em>befriending</em> matters for young people.</p>
            <p>Mentoring schemes have grown since 2020.</p>
            """
        #expect(collapser.collapse(summary: summary, content: content) == "<p>Mentoring schemes have grown since 2020.</p>")
    }

    @Test func comparisonIgnoresCaseSpacingPunctuationAndQuoteStyle() {
        let summary = "“Families feel heard,” inspectors said &amp; praised leaders"
        let content = "<p>\"Families  feel heard\", inspectors said &amp; praised leaders.</p><p>Rest of the story here.</p>"
        #expect(collapser.collapse(summary: summary, content: content) == "<p>Rest of the story here.</p>")
    }

    @Test func sameParagraphTwiceKeepsTheFirst() {
        let content = """
            <p>The council will vote on the budget on Thursday.</p>
            <p>Councillors have until Monday to table amendments.</p>
            <p>The council will vote on the budget on Thursday.</p>
            """
        let collapsed = collapser.collapse(summary: nil, content: content)
        #expect(
            collapsed == """
                <p>The council will vote on the budget on Thursday.</p>
                <p>Councillors have until Monday to table amendments.</p>
                """)
    }

    @Test func contentWithNoRepeatsIsReturnedUnchanged() {
        let content = "<div><p>One &amp; only paragraph, with <a href=\"https://x.example/\">a link</a>.</p>\n<p>Second one.</p></div>"
        #expect(collapser.collapse(summary: "A different standfirst.", content: content) == content)
    }

    @Test func shortRepeatsSuchAsSeparatorsStay() {
        let content = "<p>First section of the report.</p><p>* * *</p><p>Second section of the report.</p><p>* * *</p>"
        #expect(collapser.collapse(summary: nil, content: content) == content)
    }

    @Test func standfirstOnlyLaterInTheArticleIsKept() {
        let summary = "The play area opens on Saturday."
        let content = "<p>Work finished this week.</p><p>The play area opens on Saturday.</p>"
        #expect(collapser.collapse(summary: summary, content: content) == content)
    }

    @Test func contentThatIsOnlyTheStandfirstBecomesNil() {
        #expect(
            collapser.collapse(summary: "Road closed on Monday for resurfacing.", content: "<p>Road closed on Monday for resurfacing.</p>")
                == nil)
        #expect(collapser.collapse(summary: "x", content: nil) == nil)
    }

    @Test func nestedBlocksAndLooseTextAreCompared() {
        let content =
            "Councils spent £1.8bn on school transport last year.<div><div><p>Councils spent £1.8bn on school transport last year.</p></div><p>More detail.</p></div>"
        #expect(
            collapser.collapse(summary: nil, content: content)
                == "Councils spent £1.8bn on school transport last year.<div><p>More detail.</p></div>")
    }

    @Test func collapseRepeatsWorksOnASingleFragment() {
        let html = "<p>Repeated paragraph text in a summary.</p><p>Repeated paragraph text in a summary.</p>"
        #expect(collapser.collapseRepeats(in: html) == "<p>Repeated paragraph text in a summary.</p>")
    }
}
