import Testing
@testable import GazetteKit

@Suite struct EncodingSnifferTests {
    @Test(arguments: [
        ([0xEF, 0xBB, 0xBF, 0x3C], "UTF-8"), ([0xFF, 0xFE, 0x3C, 0x00], "UTF-16LE"),
        ([0xFE, 0xFF, 0x00, 0x3C], "UTF-16BE"), ([0x3C, 0x3F, 0x78, 0x6D], nil),
    ] as [([UInt8], String?)])
    func detectsByteOrderMarks(bytes: [UInt8], encoding: String?) {
        #expect(bytes.withUnsafeBytes { EncodingSniffer.byteOrderMark($0)?.encoding } == encoding)
    }

    @Test func detectsJSONAfterWhitespaceAndBOM() {
        #expect(Array("\u{FEFF}  {\"a\":1}".utf8).withUnsafeBytes { EncodingSniffer.looksLikeJSON($0) })
        #expect(!Array("<rss/>".utf8).withUnsafeBytes { EncodingSniffer.looksLikeJSON($0) })
    }

    @Test func wideEncodingsAreNotRepairedByteWise() {
        #expect([0x3C, 0x00, 0x3F, 0x00].withUnsafeBytes { EncodingSniffer.isWideEncoding($0) })
        #expect(!Array("<?xml".utf8).withUnsafeBytes { EncodingSniffer.isWideEncoding($0) })
    }
}
