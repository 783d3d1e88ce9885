/// A stable id for entries that carry none (no guid / atom:id / JSON id).
///
/// FNV-1a (64-bit) over the entry's link, title, date and content: the same document always yields
/// the same ids, in every process (unlike Swift's per-process seeded `Hasher`).
enum DerivedID {
    /// `urn:gazette:` followed by 16 hex digits of the FNV-1a hash of `parts` (separated by U+001F).
    static func make(_ parts: [String?]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 { hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3 }
            for byte in (part ?? "").utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return "urn:gazette:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
