import Foundation
import Testing
@testable import GazetteKit

@Suite struct HTMLSanitizerTests {
    /// One case of `Fixtures/Sanitize/sanitizer-cases.txt`.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: String
        let expected: String
        var testDescription: String { name }
    }

    static let base = URL(string: "http://example.com/feed/post.html")

    static let fixtureCases: [Case] = {
        guard let text = try? String(contentsOf: Fixtures.url("Sanitize/sanitizer-cases.txt"), encoding: .utf8) else {
            return []
        }
        var cases: [Case] = []
        var name: String?
        var input: [Substring] = []
        var expected: [Substring] = []
        var inExpected = false
        func flush() {
            if let name {
                cases.append(Case(name: name, input: input.joined(separator: "\n"), expected: expected.joined(separator: "\n")))
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("=== ") {
                flush()
                name = String(line.dropFirst(4))
                (input, expected, inExpected) = ([], [], false)
            } else if name == nil {
                continue
            } else if line == "---" && !inExpected {
                inExpected = true
            } else if inExpected {
                expected.append(line)
            } else {
                input.append(line)
            }
        }
        flush()
        if let last = cases.last, last.expected.hasSuffix("\n") {
            cases[cases.count - 1] = Case(name: last.name, input: last.input, expected: String(last.expected.dropLast()))
        }
        return cases
    }()

    @Test func fixtureTableIsLoaded() {
        #expect(Self.fixtureCases.count >= 50)
    }

    @Test(arguments: fixtureCases)
    func sanitizesFixtureCase(_ testCase: Case) {
        #expect(HTMLSanitizer().sanitize(testCase.input, baseURL: Self.base) == testCase.expected)
    }

    @Test(arguments: fixtureCases)
    func sanitizingTwiceChangesNothing(_ testCase: Case) {
        let once = HTMLSanitizer().sanitize(testCase.input, baseURL: Self.base)
        #expect(HTMLSanitizer().sanitize(once, baseURL: Self.base) == once)
    }

    /// The tags (text between `<` and `>`) of an output, lower-cased.
    static func tags(of html: String) -> [String] {
        html.lowercased().split(separator: "<").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }

    @Test func outputNeverContainsDangerousMarkup() {
        let elements = ["script", "style", "base", "meta", "form", "object", "embed", "link", "frame", "applet", "animate", "set", "use", "foreignobject"]
        let urls = ["javascript:", "vbscript:", "expression(", "data:text", "data:image/svg"]
        for testCase in Self.fixtureCases {
            let output = HTMLSanitizer().sanitize(testCase.input, baseURL: Self.base)
            for tag in Self.tags(of: output) {
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter }
                #expect(!elements.contains(String(name)), "\(testCase.name): <\(tag)>")
                #expect(!tag.contains(" on"), "\(testCase.name): event handler in <\(tag)>")
                for url in urls { #expect(!tag.contains(url), "\(testCase.name): \(url) in <\(tag)>") }
            }
        }
    }

    @Test func deeplyNestedFragmentKeepsItsTextWithoutExhaustingATaskStack() async {
        let depth = 2_000
        let html = String(repeating: "<div><b>", count: depth) + "<script>bad()</script>deep" + String(repeating: "</b></div>", count: depth)
        let output = await Task.detached { HTMLSanitizer().sanitize(html, baseURL: nil) }.value
        #expect(output == "deep")
        let text = await Task.detached { HTMLSanitizer().plainText(fromHTML: html) }.value
        #expect(text == "deep")
    }

    @Test func relativeURLsStayRelativeWithoutABase() {
        let output = HTMLSanitizer().sanitize(#"<a href="/about">a</a><a href="javascript:x()">b</a>"#, baseURL: nil)
        #expect(output == #"<a href="/about">a</a><a>b</a>"#)
    }

    @Test func plainFragmentIsReturnedAsIs() {
        let text = "No markup at all, just > and \"quotes\" — and unicode ✓"
        #expect(HTMLSanitizer().sanitize(text, baseURL: Self.base) == text)
    }

    @Test(arguments: [
        ("Plain title", "Plain title"),
        ("  spaced \n\t title  ", "spaced title"),
        ("<b>Bold</b> &amp; <i>italic</i>", "Bold & italic"),
        ("Caf&eacute; &#8220;quoted&#8221;", "Café “quoted”"),
        ("a<br>b", "a b"),
        ("<p>one</p><p>two</p>", "one two"),
        ("safe<script>alert(1)</script> text<style>p{}</style>", "safe text"),
        ("AT&T <3 you", "AT&T <3 you"),
        ("x < y and y > z", "x < y and y > z"),
        ("sa<!-- -- nonwhitespace >fe", "safe"),
        ("", ""),
    ])
    func plainTextRemovesMarkupAndCollapsesWhitespace(html: String, expected: String) {
        #expect(HTMLSanitizer().plainText(fromHTML: html) == expected)
    }

    @Test(arguments: [
        ("plain", "plain"),
        (#"a & b < c > d "e" 'f'"#, "a &amp; b &lt; c &gt; d &quot;e&quot; 'f'"),
        ("&amp;", "&amp;amp;"),
        ("", ""),
    ])
    func escapeEscapesAmpersandAnglesAndQuotes(text: String, expected: String) {
        #expect(HTMLSanitizer.escape(text) == expected)
    }

    @Test func cssValueGrammarMatchesFeedparser() {
        for valid in ["#ccc", "#000080", "0", "15px", "0.9em", "99", "1234", "rgb(0,128,0)", "100%", "2ex"] {
            #expect(HTMLSanitizer.isValidCSSValue(Array(valid.utf8)[...]), "\(valid)")
        }
        for invalid in ["#CCC", "99999em", "123.456px", "1vw", "red", "rgb(a,b,c)", "-5px"] {
            #expect(!HTMLSanitizer.isValidCSSValue(Array(invalid.utf8)[...]), "\(invalid)")
        }
    }
}
