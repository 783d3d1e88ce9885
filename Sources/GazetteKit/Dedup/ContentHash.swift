/// A fast, stable, non-cryptographic hash (FNV-1a) for fingerprints that are stored between runs
/// and so must not change across processes, unlike `Hasher`.
///
/// Used to detect that a feed's copy of an entry changed, and as the last-resort identity of an
/// entry with neither a usable id nor a link (title + date + content). Two 64-bit hashes with
/// different seeds give 128 bits, making an accidental collision within one feed negligible.
public enum ContentHash {
    /// The FNV-1a 64-bit offset basis.
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a 64-bit prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01b3
    private static let secondSeed: UInt64 = 0x6c62_272e_07bb_0142

    /// Folds the UTF-8 bytes of `text` into `seed`.
    @inline(__always)
    public static func fnv1a(_ text: String, seed: UInt64 = offsetBasis) -> UInt64 {
        var hash = seed
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// A 32-hex-digit digest of `parts`, each terminated by a separator so ("ab","c") ≠ ("a","bc").
    public static func digest(_ parts: [String?]) -> String {
        var first = offsetBasis
        var second = secondSeed
        @inline(__always) func fold(_ byte: UInt8) {
            first = (first ^ UInt64(byte)) &* prime
            second = (second ^ UInt64(byte)) &* prime
        }
        for part in parts {
            if let part {
                fold(UInt8(ascii: "1"))
                for byte in part.utf8 { fold(byte) }
            } else {
                fold(UInt8(ascii: "0"))
            }
            fold(0x1F)
        }
        return hex(first) + hex(second)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
