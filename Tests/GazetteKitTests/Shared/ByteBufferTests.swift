import Testing

@testable import GazetteKit

@Suite struct ByteBufferTests {
    @Test func appendsEveryKindOfInputAndGrowsPastItsCapacity() {
        let buffer = ByteBuffer(capacity: 4)
        buffer.append(UInt8(ascii: "<"))
        buffer.append("p>")
        buffer.append(string: "héllo ")
        buffer.append(Array("wörld".utf8))
        let name = Array("br\0".utf8)
        name.withUnsafeBufferPointer { buffer.append(cString: $0.baseAddress!) }
        for _ in 0..<1000 { buffer.append(UInt8(ascii: ".")) }
        #expect(buffer.count == 3 + 7 + 6 + 2 + 1000)
        #expect(buffer.string().hasPrefix("<p>héllo wörldbr..."))
        #expect(buffer[0] == UInt8(ascii: "<"))
    }

    @Test func truncatesAndEmpties() {
        let buffer = ByteBuffer()
        buffer.append("abcdef")
        buffer.truncate(to: 3)
        #expect(buffer.string() == "abc")
        buffer.append("xyz")
        #expect(buffer.string() == "abcxyz")
        buffer.removeAll()
        #expect(buffer.isEmpty)
        #expect(buffer.string() == "")
    }

    @Test func repairsInvalidUTF8WhenMadeAString() {
        let buffer = ByteBuffer()
        buffer.append([0x61, 0xFF, 0x62])
        #expect(buffer.string() == "a\u{FFFD}b")
    }
}
