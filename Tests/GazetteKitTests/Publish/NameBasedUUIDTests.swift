import Testing

@testable import GazetteKit

@Suite struct NameBasedUUIDTests {
    @Test(arguments: [
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
    ])
    func sha1MatchesFIPSTestVectors(message: String, hex: String) {
        let digest = SHA1.digest(Array(message.utf8)).map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        #expect(digest == hex)
    }

    @Test func sha1HandlesMessagesSpanningSeveralBlocks() {
        // FIPS 180-2 896-bit test vector (112 bytes: padding spills into a third block).
        let message = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
        let digest = SHA1.digest(Array(message.utf8))
        #expect(
            digest == [
                0xa4, 0x9b, 0x24, 0x46, 0xa0, 0x2c, 0x64, 0x5b, 0xf4, 0x19, 0xf9, 0x95, 0xb6, 0x70, 0x91, 0x25, 0x3a, 0x04, 0xa2, 0x59,
            ])
    }

    @Test func version5MatchesRFC9562Example() {
        // RFC 9562 §A.4 ("www.example.com" in the DNS namespace).
        let dns: [UInt8] = [0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]
        #expect(NameBasedUUID.urn(name: "www.example.com", namespace: dns) == "urn:uuid:2ed6657d-e927-568b-95e1-2665a8aea6a2")
    }

    @Test func sameNameGivesSameIDAndDifferentNamesDiffer() {
        #expect(NameBasedUUID.urn(name: "a") == NameBasedUUID.urn(name: "a"))
        #expect(NameBasedUUID.urn(name: "a") != NameBasedUUID.urn(name: "b"))
    }
}
