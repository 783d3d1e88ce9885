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

    @Test(arguments: fixtureCases)
    func tidyTokenizerAgreesWithLibXMLOnFixtureCase(_ testCase: Case) {
        let paths = HTMLSanitizer.bothPaths(testCase.input, baseURL: Self.base)
        if let tidy = paths.tidy { #expect(tidy == paths.libxml) }
    }

    /// Fragments at the edges of what the tidy tokenizer accepts: each must either be declined
    /// or give exactly libxml2's result.
    static let tidyEdgeFragments: [String] = [
        "<p>one<p>two", "<li>a<li>b", "<ul><li>a</li><li>b</ul>", "<a href=\"/a\">x<a href=\"/b\">y</a></a>",
        "<b><p>x</p></b>", "<p><div>x</div></p>", "<table><tr><td>a<td>b</tr></table>", "<dl><dt>a<dd>b</dl>",
        "<h1>a<h2>b</h2></h1>", "<div/>text", "<br/>a<br />b<br>c</br>", "<img src=\"a.png\"/>x",
        "<P CLASS=\"x\">Upper</P>", "<a  href = 'x.html'  title=\"t\"\n>y</a>", "<a href=\"x\"title=\"y\">z</a>",
        "<a href=x>unquoted</a>", "<a title=\"1\" title=\"2\">dup</a>", "<input checked><input disabled=\"\">",
        "AT&T &amp &amp; &copy &copy; &nosuch; & x &#39; &#x27; &#X41; &#0; &#xD800; &#1114112; &#65535;",
        "<a href=\"?a=1&amp;b=2&c=3&copy=4\">q</a>", "tail &", "a&#", "<b>unclosed <i>twice", "</b>stray end",
        "<span>a</div>", "<!-- c -->x", "<?pi x?>y", "<!DOCTYPE html>z", "x < y > z", "<3 <", "a\r\nb", "tab\there",
        "<font color=\"red\"><center>c</center></font>", "<q>a<q>b</q></q>", "<s>a<s>b</s></s>",
        "<img src=\"http://example.com/t.gif\" width=\"1\" height=\"1\">after",
        "<p style=\"color: red; position: absolute\">s</p>", "<div onclick=\"x()\" class=\"c\">e</div>",
        "<summary>s</summary><details>d</details>", "<time datetime=\"2024\">t</time><mark>m</mark>",
        "<a href=\"javascript:alert(1)\">j</a><a href=\"/rel\">r</a>", "caf\u{E9} \u{92} &#146;",
        "<sub>1<sup>2</sup></sub><tt>t<tt>u</tt></tt>", "<caption>c</caption>", "<thead><tr><th>h</th></tr></thead>",
        "<p><a><img src=x></img></a></p>", "a<br>b</br>c", "<hr></hr>x", "</p>x", "<img src=a.png/>", "<a href=x/>y",
        "<a href=x&amp;y=1 title=t>z</a>", "<p class=a=b>c</p>", "<a href=\"?cmd=_s&hosted_button_id=1&_x;\">p</a>",
        "a &b_c; &:x; &.y", "<pre>\nx</pre>", "a\r\nb\rc", "<picture><source srcset=\"x.png\"><img src=\"y\"></picture>t",
        "<video controls><source src=\"x.mp4\">fallback</video>", "<iframe src=\"https://www.youtube.com/embed/x\">fb</iframe>",
        "<iframe src=\"http://evil.example/\">fb <b>b</b></iframe>", "<div><span>a</div>b", "<td><div>a</td>b",
        "<table><tr><td><div>a</td></tr></table>", "<table><tr><td>a</div>b</td></tr></table>", "<ul><li><p>a</ul>b",
        "<a title=x\"y>q</a>", "<em>a<!-- c -->b</em>", "&am<!-- -->p;", "<b>x</b\n>y", "<_a>x", "<a _b=\"1\" c.d=\"2\">x</a>",
        "a<script>if (a</b) x()</script>b", "a<SCRIPT>x</Script >b", "a<script>x</scripts>y</script>b", "a<style>p{}</style>b",
        "a<script>unterminated", "<div><script src=\"x.js\"></script></div>", "a<script/>b", "<p>a<style>x</p>y</style>b</p>",
        "a <!-- c -->b", "x<!-- c -->y", "&amp<!-- -->;", "<a title=\"x<!-- y -->z\">q</a>", "<a title=\"</body>\">q</a>",
        "<script><!-- </script> -->x</script>y", "a <!-- unclosed", "<p> <!-- a -- b --></p>", "<p> <!--->x</p>", "<b> <!-->y</b>",
        "<p>\n<!-- more -->\n</p>", "a </body> b </html> c", "&#X41;&#x42;", "<!DOCTYPE html>x", "<!unterminated x",
        "</p>x</li>y</td>z</table>w", "<b>a</i>b</b>", "<table><tr><td>a</tr>b</td></table>", "</br>x", "<div>a</span>b</div>",
        // Attribute handling of the key-based tokenizer: case, bare and boolean attributes,
        // duplicates, long names, many attributes, references and `<` inside values.
        "<IMG SRC=\"a.png\" ALT=\"A\" WIDTH=\"10\" HEIGHT=\"10\">", "<td NoWrap>x</td>", "<td nowrap class>x</td>",
        "<p title=\"a\" title=\"b\">x</p>", "<p " + String(repeating: "x", count: 40) + "=\"1\" title=\"t\">x</p>",
        "<p " + (0..<40).map { "data-a\($0)=\"\($0)\"" }.joined(separator: " ") + " title=\"t\">x</p>",
        "<a href=\"/a?b=1&amp;c=2\" title='x &lt; y'>q</a>", "<a title=\"a<b\">q</a>", "<a title=\"1 > 0\">q</a>",
        "<a title=x&amp;y>q</a>", "<a title=\"caf&eacute; &#8217;s\">q</a>", "<img src=\"a.png\" width=\"1\" height=\"1\">x",
        "<p style=\"COLOR: red; Margin: 0 auto; background: url(x.png)\">x</p>", "<a HREF=\"javascript:alert(1)\">x</a>",
        "<p>text with > and \u{0092} and \u{00A0} and &gt;</p>", "<p>line\r\nbreak\ttab</p>",
        // Found by the mutation test: names with `_`, raw text that opens with another end tag.
        "<a_b=\"1\" c.d=\"2\">x</a>", "<p>a<style></p>y</style>b</p>", "<p>a<style></style>b</p>",
    ]

    @Test(arguments: tidyEdgeFragments)
    func tidyTokenizerAgreesWithLibXMLOnEdgeFragment(_ html: String) {
        let paths = HTMLSanitizer.bothPaths(html, baseURL: Self.base)
        if let tidy = paths.tidy { #expect(tidy == paths.libxml, "\(html)") }
    }

    @Test func tidyTokenizerTakesTheCommonFragment() {
        let html = #"<p>Hello <a href="/x" title="T">link</a> &amp; <b>bold</b><br><img src="a.png" alt=""></p>"#
        let paths = HTMLSanitizer.bothPaths(html, baseURL: Self.base)
        #expect(paths.tidy == paths.libxml)
        #expect(paths.tidy != nil)
    }

    /// The raw HTML of `description`, `content:encoded`, `summary` and `content` elements of a feed
    /// file (CDATA or escaped), read roughly: both paths get the same bytes, fidelity does not matter.
    static func htmlFragments(in feed: String) -> [String] {
        var fragments: [String] = []
        for tag in ["description", "content:encoded", "summary", "content"] {
            var rest = Substring(feed)
            while let open = rest.range(of: "<" + tag), let close = rest[open.upperBound...].firstIndex(of: ">") {
                let bodyStart = rest.index(after: close)
                guard let end = rest[bodyStart...].range(of: "</" + tag + ">") else { break }
                var body = String(rest[bodyStart..<end.lowerBound])
                if body.hasPrefix("<![CDATA[") {
                    body = String(body.dropFirst(9).prefix { _ in true })
                    if let cdataEnd = body.range(of: "]]>") { body = String(body[..<cdataEnd.lowerBound]) }
                } else {
                    body = body.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                        .replacingOccurrences(of: "&amp;", with: "&")
                }
                if body.contains("<") { fragments.append(body) }
                rest = rest[end.upperBound...]
            }
        }
        return fragments
    }

    /// Small deterministic mutations of every fixture and edge fragment (a byte dropped, doubled,
    /// or replaced by a markup character, a stretch upper-cased): whatever the tidy tokenizer
    /// accepts must come out exactly as libxml2's path makes it.
    @Test func tidyTokenizerAgreesWithLibXMLOnMutatedFragments() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let markup = Array("<>&\"'=/ ;#".utf8)
        let seeds = Self.fixtureCases.map(\.input) + Self.tidyEdgeFragments
        var compared = 0
        for seed in seeds where seed.utf8.count > 1 {
            for _ in 0..<40 {
                var bytes = Array(seed.utf8)
                let at = next(bytes.count)
                switch next(4) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(bytes[at], at: at)
                case 2: bytes[at] = markup[next(markup.count)]
                default:
                    for index in at..<min(bytes.count, at + 8) where bytes[index] >= 0x61 && bytes[index] <= 0x7A {
                        bytes[index] -= 0x20
                    }
                }
                let html = String(decoding: bytes, as: UTF8.self)
                let paths = HTMLSanitizer.bothPaths(html, baseURL: Self.base)
                guard let tidy = paths.tidy else { continue }
                compared += 1
                #expect(tidy == paths.libxml, "\(html)")
            }
        }
        #expect(compared > 1000)
    }

    /// The tags (text between `<` and `>`) of an output, lower-cased.
    static func tags(of html: String) -> [String] {
        html.lowercased().split(separator: "<").dropFirst().map { String($0.prefix { $0 != ">" }) }
    }

    /// Fragments the fuzz targets found (FuzzSanitizerPaths, FuzzSanitizer): NUL bytes made libxml2
    /// drop everything after a `<script>`, and an element libxml2 recovered from was closed with
    /// `</body>`. NULs are dropped (HTML ignores them); an end tag repeats its start tag's name.
    @Test(arguments: [
        ("safe<script>\0\0\0\0alert(1)</script> description\n", "safe description\n"),
        ("a\0b<b>c\0d</b>", "ab<b>cd</b>"),
        ("<span href=\"\" s\u{FF}</spa\u{04}\0&", "<span href=\"\"></span>"),
    ])
    func fuzzFoundFragmentsComeOutBalancedOnBothPaths(input: String, expected: String) {
        let paths = HTMLSanitizer.bothPaths(input, baseURL: Self.base)
        #expect(paths.libxml == expected)
        if let tidy = paths.tidy { #expect(tidy == expected) }
        #expect(HTMLSanitizer().sanitize(input, baseURL: Self.base) == expected)
        #expect(HTMLSanitizer().sanitize(expected, baseURL: Self.base) == expected, "sanitizing again changes nothing")
    }

    /// Found by FuzzSanitizer: libxml2 left a (href-less) `<a>` open inside another, which a second
    /// sanitization read differently. A link inside a link is now unwrapped, so output is stable.
    @Test(arguments: [
        "<a href=\"feed://ex.org/rss\">c<vascript:alert(/a><a href=\"FEED:feed:vbscript:<!DOCTYPEimg src=\"feed:data:text/hyml,x\">\n",
        "<a href=\"https://a.example/\">x<a href=\"https://b.example/\">y</a>z</a>",
    ])
    func sanitizingTwiceChangesNothingAroundNestedLinks(input: String) {
        let once = HTMLSanitizer().sanitize(input, baseURL: Self.base)
        #expect(HTMLSanitizer().sanitize(once, baseURL: Self.base) == once, "\(once)")
        let paths = HTMLSanitizer.bothPaths(input, baseURL: Self.base)
        if let tidy = paths.tidy { #expect(tidy == paths.libxml) }
        var depth = 0
        for tag in Self.tags(of: once) {
            if tag == "a" || tag.hasPrefix("a ") { depth += 1 }
            if tag == "/a" { depth -= 1 }
            #expect(depth <= 1, "a link inside a link: \(once)")
        }
    }

    @Test func outputNeverContainsDangerousMarkup() {
        let elements = [
            "script", "style", "base", "meta", "form", "object", "embed", "link", "frame", "applet", "animate", "set", "use",
            "foreignobject",
        ]
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
        let html =
            String(repeating: "<div><b>", count: depth) + "<script>bad()</script>deep" + String(repeating: "</b></div>", count: depth)
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

    /// Issue 11, item 13: the literal snippet, whose attribute ends a `noscript` in a reader that
    /// re-serializes it with scripting on.
    @Test func noscriptMutationXSSLeavesNoRawTextElement() {
        let html = #"<noscript><p title="&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;">x</p></noscript>"#
        let paths = HTMLSanitizer.bothPaths(html, baseURL: Self.base)
        #expect(paths.libxml == #"<p title="&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;">x</p>"#)
        if let tidy = paths.tidy { #expect(tidy == paths.libxml) }
        for element in ["noscript", "noembed", "noframes", "xmp", "plaintext", "template"] {
            let output = HTMLSanitizer().sanitize("<\(element)><b>t</b></\(element)>", baseURL: Self.base)
            #expect(!output.contains("<\(element)"), "\(element): \(output)")
        }
    }

    /// Issue 11, item 12: a relative URL is checked after it is resolved, whatever the base.
    @Test(arguments: ["javascript:alert(1)//", "data:text/html,", "vbscript:x/"])
    func relativeURLNeverResolvesIntoADangerousScheme(base: String) {
        let html = #"<a href="y">l</a><img src="x.png"><img srcset="s.png 2x">"#
        let output = HTMLSanitizer().sanitize(html, baseURL: URL(string: base))
        #expect(output == #"<a>l</a><img /><img />"#)
        let paths = HTMLSanitizer.bothPaths(html, baseURL: URL(string: base))
        if let tidy = paths.tidy { #expect(tidy == paths.libxml) }
    }
}
