import Crypto

/// Derives stable `urn:uuid:` identifiers (RFC 9562 version 5, SHA-1 name-based) for entries whose
/// own id is not a usable IRI: the same name always gives the same id, on every machine and run.
///
/// SHA-1 comes from swift-crypto (`Insecure.SHA1`); RFC 9562 requires it here and it serves no
/// security purpose.
enum NameBasedUUID {
    /// The RFC 9562 URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
    static let urlNamespace: [UInt8] = [
        0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
    ]

    /// The version-5 UUID of `name` in `namespace`, lower-case, as `urn:uuid:…`.
    static func urn(name: String, namespace: [UInt8] = urlNamespace) -> String {
        var hasher = Insecure.SHA1()
        hasher.update(data: namespace)
        hasher.update(data: Array(name.utf8))
        var hash = Array(hasher.finalize().prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in hash.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return "urn:uuid:" + String(decoding: text, as: UTF8.self)
    }
}
