import Testing

@testable import GazetteKit

@Suite struct RepeatedTextPrecheckTests {
    private func mayCollapse(_ content: String, summary: String? = nil) -> Bool {
        RepeatedTextPrecheck.mayCollapse(content: content, summary: summary, minimumRepeatLength: 20)
    }

    @Test func distinctParagraphsAreProvedUnchanged() {
        let content =
            "<div><p>One &amp; only paragraph, with <a href=\"https://x.example/?a=1&amp;b=2\">a link</a>.</p>\n<p>Second one.</p></div>"
        #expect(!mayCollapse(content, summary: "A different standfirst."))
        #expect(!mayCollapse("<p>First section of the report.</p><p>* * *</p><p>Second section.</p><p>* * *</p>"))
        #expect(!mayCollapse("<p>Größere Städte bauen mehr Wohnungen.</p><p>Die Mieten steigen weiter.</p>"))
        // Paragraphs that only begin alike are not repeats.
        #expect(!mayCollapse("<p>The council will vote on the budget.</p><p>The council will meet residents.</p>"))
    }

    @Test func repeatsUnderOtherCaseSpacingPunctuationOrMarkupAreFlagged() {
        #expect(mayCollapse("<p>The council will vote on Thursday.</p><p>THE council, will <b>vote</b> on thursday!</p>"))
        #expect(mayCollapse("Loose text that repeats itself here<p>loose text that repeats itself here</p>"))
        #expect(mayCollapse("<p>ÉCOLES FERMÉES LUNDI MATIN</p><p>écoles fermées lundi matin</p>"))
        #expect(mayCollapse("<p>&#84;he council will vote on Thursday.</p><p>The council will vote on Thursday.</p>"))
    }

    @Test func firstParagraphEqualToTheSummaryIsFlagged() {
        #expect(mayCollapse("<p>Road <em>closed</em> on Monday.</p><p>More.</p>", summary: "“Road closed” on Monday"))
        #expect(!mayCollapse("<p>Road works start soon.</p><p>More.</p>", summary: "Road closed on Monday"))
        // A summary cut short from the first paragraph is not the whole paragraph: nothing to remove.
        #expect(!mayCollapse("<p>Road closed on Monday for resurfacing.</p>", summary: "Road closed on Monday…"))
        #expect(mayCollapse("Road closed on Monday<br><p>More.</p>", summary: "Road closed on Monday…"))
    }

    @Test func markupTheScanDoesNotModelGoesToTheFullCheck() {
        #expect(mayCollapse("<p>a</p><!-- comment --><p>b</p>"))
        #expect(mayCollapse("<p>caf&eacute; opens</p>"))
        #expect(mayCollapse("<p>a < b</p>"))
        #expect(mayCollapse("<p>x</p><script>var a = 1</script>"))
        #expect(mayCollapse("<p title='it\"s'>x</p><p title=a\"b>y</p>"))
        #expect(mayCollapse("<p>ok</p>", summary: "<!-- hidden -->"))
    }

    /// Whenever the full collapser changes a fragment, the precheck must have said it might: checked on
    /// seeded random fragments built from paragraphs that repeat under other case, punctuation and markup.
    @Test func neverClearsAFragmentTheCollapserWouldChange() {
        let sentences = [
            "The council will vote on the budget on Thursday", "Councillors have until Monday to table amendments",
            "Schools reopen after the half-term break", "Les écoles rouvrent après les vacances",
            "Bus routes change from 1 April", "Short one", "* * *", "Residents can comment online until 30 June",
        ]
        let blocks = ["p", "div", "li", "h2", "blockquote"]
        let inline = ["b", "em", "a href=\"https://x.example/\"", "span"]
        var generator = SeededGenerator(seed: 18)
        var changed = 0
        var cleared = 0
        let collapser = DuplicateTextCollapser()
        for _ in 0..<3000 {
            var html = ""
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                var text = sentences.randomElement(using: &generator)!
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: text = text.uppercased()
                case 1: text = text.replacingOccurrences(of: " ", with: ",  ") + "."
                case 2:
                    let words = text.split(separator: " ")
                    let tag = inline.randomElement(using: &generator)!
                    let name = tag.split(separator: " ")[0]
                    text = words.enumerated().map { $0.offset == 1 ? "<\(tag)>\($0.element)</\(name)>" : String($0.element) }
                        .joined(separator: " ")
                default: break
                }
                if Bool.random(using: &generator), html.isEmpty || Int.random(in: 0..<4, using: &generator) == 0 {
                    html += text + (Bool.random(using: &generator) ? "<br>" : "")
                } else {
                    let block = blocks.randomElement(using: &generator)!
                    html += Bool.random(using: &generator) ? "<\(block)>\(text)</\(block)>" : "<div><\(block)>\(text)</\(block)></div>"
                }
            }
            let summary = Bool.random(using: &generator) ? sentences.randomElement(using: &generator)! : nil
            let full = collapser.fullyCollapsed(summary: summary, content: html)
            let flagged = RepeatedTextPrecheck.mayCollapse(content: html, summary: summary, minimumRepeatLength: 20)
            if full != html {
                changed += 1
                #expect(flagged, "cleared a fragment the collapser changes: \(html) (summary: \(summary ?? "none"))")
            }
            if !flagged { cleared += 1 }
            #expect(collapser.collapse(summary: summary, content: html) == full)
        }
        // Both kinds occur, so the property above is exercised both ways.
        #expect(changed > 300)
        #expect(cleared > 300)
    }
}
