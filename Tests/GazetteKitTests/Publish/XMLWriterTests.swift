import Testing

@testable import GazetteKit

@Suite struct XMLWriterTests {
    @Test(arguments: [
        ("a & b", "a &amp; b"),
        ("<script>", "&lt;script&gt;"),
        ("]]>", "]]&gt;"),
        ("\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"),
        ("line\r\nnext", "line&#13;\nnext"),
        ("tab\there", "tab\there"),
    ])
    func escapesTextContent(raw: String, expected: String) {
        #expect(XMLWriter.escapeText(raw) == expected)
    }

    @Test func escapesWhitespaceInAttributesSoNormalisationKeepsIt() {
        #expect(XMLWriter.escapeAttribute("a\tb\nc\rd") == "a&#9;b&#10;c&#13;d")
    }

    @Test(arguments: [
        "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{E}", "\u{1F}", "\u{7F}", "\u{85}", "\u{9F}", "\u{FFFE}", "\u{FFFF}",
    ])
    func stripsCharactersXMLForbidsOrDiscourages(bad: String) {
        #expect(XMLWriter.clean("a\(bad)b") == "ab")
        #expect(XMLWriter.escapeText("a\(bad)b") == "ab")
        #expect(XMLWriter.escapeAttribute("a\(bad)b") == "ab")
    }

    @Test func keepsEveryAllowedCharacter() {
        let text = "tab\t lf\n cr\r nbsp\u{A0} é 中 \u{D7FF}\u{E000}\u{FFFD}\u{10000}😀\u{10FFFF}"
        #expect(XMLWriter.clean(text) == text)
    }

    @Test func writesIndentedElementsWithAttributesInOrderAndSkipsNilAttributes() {
        var xml = XMLWriter()
        xml.open("feed", [("xmlns", "urn:x"), ("skip", nil)])
        xml.element("title", [("type", "text")], text: "A & B")
        xml.element("empty", text: "")
        xml.empty("link", [("href", "https://x.example/?a=1&b=2")])
        xml.close()
        let expected = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="urn:x">
              <title type="text">A &amp; B</title>
              <empty/>
              <link href="https://x.example/?a=1&amp;b=2"/>
            </feed>

            """
        #expect(String(decoding: xml.data, as: UTF8.self) == expected)
    }

    @Test func surrogateCodeUnitsCannotReachTheOutput() {
        // Swift strings cannot hold lone surrogates: UTF-8 (CESU) or UTF-16 surrogate halves decode
        // to U+FFFD, which XML allows. Check both routes and that the writer keeps the result valid.
        let fromUTF8 = String(decoding: [0x61, 0xED, 0xA0, 0x80, 0x62] as [UInt8], as: UTF8.self)
        let fromUTF16 = String(decoding: [0x61, 0xD800, 0x62] as [UInt16], as: UTF16.self)
        for text in [fromUTF8, fromUTF16] {
            #expect(!text.unicodeScalars.contains { (0xD800...0xDFFF).contains($0.value) })
            #expect(XMLWriter.escapeText(text).unicodeScalars.allSatisfy(XMLWriter.isAllowed))
            #expect(XMLWriter.escapeText(text).hasPrefix("a\u{FFFD}"))
        }
    }
}
