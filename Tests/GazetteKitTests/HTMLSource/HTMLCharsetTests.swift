import Foundation
import Testing

@testable import GazetteKit

@Suite struct HTMLCharsetTests {
    @Test(
        arguments: [
            ("<meta charset=\"windows-1252\">", nil, "WINDOWS-1252"),
            ("<meta charset=iso-8859-1>", nil, "WINDOWS-1252"),
            ("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=ISO-8859-15\">", nil, "ISO-8859-15"),
            ("<meta charset=\"utf-16\">", nil, "UTF-8"),
            ("<meta charset=\"windows-1252\">", "utf-8", "UTF-8"),
            ("<meta charset=\"windows-1252\">", "no-such-charset", "WINDOWS-1252"),
            ("<p>plain ascii</p>", nil, "UTF-8"),
            ("<meta name=\"description\" content=\"charset tips\">", nil, "UTF-8"),
        ] as [(String, String?, String)])
    func choosesTheDeclaredOrSniffedEncoding(head: String, httpCharset: String?, expected: String) {
        #expect(HTMLCharset.resolve(Data("<html><head>\(head)</head></html>".utf8), httpCharset: httpCharset) == expected)
    }

    @Test func undeclaredInvalidUTF8IsReadAsWindows1252() {
        let bytes = Data("<html><body>Caf".utf8) + Data([0xE9]) + Data("</body></html>".utf8)
        #expect(HTMLCharset.resolve(bytes, httpCharset: nil) == "WINDOWS-1252")
    }

    @Test func byteOrderMarkWins() {
        #expect(HTMLCharset.resolve(Data([0xEF, 0xBB, 0xBF]) + Data("<meta charset=latin1>".utf8), httpCharset: nil) == "UTF-8")
    }
}
