import Foundation
import Testing

@testable import GazetteKit

/// The word-at-a-time scanners must stop exactly where a byte-by-byte scan does, for every byte
/// value, alignment and length (the bit tricks are easy to get subtly wrong).
@Suite struct ByteScanTests {
    /// Bytes near every stop value and every bit-trick boundary.
    static let interesting: [UInt8] = [
        0x00, 0x08, 0x09, 0x0A, 0x0B, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x25, 0x26, 0x27, 0x3B, 0x3C, 0x3D, 0x3E,
        0x3F, 0x41, 0x61, 0x7E, 0x7F, 0x80, 0x81, 0xA0, 0xC1, 0xC2, 0xC3, 0xEE, 0xEF, 0xF0, 0xFE, 0xFF,
    ]

    /// A deterministic stream of byte strings: mostly plain letters, with one or two interesting
    /// bytes at varied positions, in lengths around the 8-byte word size.
    static func samples() -> [[UInt8]] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var samples: [[UInt8]] = [[]]
        for length in 1...40 {
            for _ in 0..<60 {
                var bytes = (0..<length).map { _ in UInt8(ascii: "a") + UInt8(next() % 26) }
                for _ in 0..<Int(next() % 3) {
                    bytes[Int(next() % UInt64(length))] = interesting[Int(next() % UInt64(interesting.count))]
                }
                samples.append(bytes)
            }
        }
        for byte in 0...255 { samples.append([UInt8](repeating: 0x61, count: 11) + [UInt8(byte)] + [0x62, 0x63]) }
        return samples
    }

    static func reference(_ bytes: [UInt8], from start: Int, _ stops: (UInt8) -> Bool) -> Int {
        bytes[start...].firstIndex(where: stops) ?? bytes.count
    }

    @Test func escapeStopMatchesAByteByByteScan() {
        for bytes in Self.samples() {
            for quotes in [false, true] {
                for start in 0...min(bytes.count, 9) {
                    let expected = Self.reference(bytes, from: start) { byte in
                        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0xC2 || (quotes && byte == 0x22)
                    }
                    let found = bytes.withUnsafeBufferPointer {
                        ByteScan.escapeStop($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: start, to: bytes.count, quotes: quotes)
                    }
                    #expect(found == expected, "\(bytes) from \(start), quotes \(quotes)")
                }
            }
        }
    }

    @Test func textStopMatchesAByteByByteScan() {
        for bytes in Self.samples() {
            for start in 0...min(bytes.count, 9) {
                let expected = Self.reference(bytes, from: start) { byte in
                    if byte < 0x20 { return byte != 0x09 && byte != 0x0A && byte != 0x0D }
                    return byte == 0x3C || byte == 0x26 || byte == 0x3E || byte == 0xC2 || byte == 0xEF
                }
                let found = bytes.withUnsafeBufferPointer {
                    ByteScan.textStop($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: start, to: bytes.count)
                }
                #expect(found == expected, "\(bytes) from \(start)")
            }
        }
    }

    @Test func attributeValueStopMatchesAByteByByteScan() {
        for bytes in Self.samples() {
            for quote in [UInt8(ascii: "\""), UInt8(ascii: "'")] {
                let expected = Self.reference(bytes, from: 0) { byte in
                    byte == quote || byte == 0x26 || byte == 0x3C || (byte < 0x20 && byte != 0x09 && byte != 0x0A)
                }
                let found = bytes.withUnsafeBufferPointer {
                    ByteScan.attributeValueStop($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: 0, to: bytes.count, quote: quote)
                }
                #expect(found == expected, "\(bytes), quote \(quote)")
            }
        }
    }

    @Test func spaceOrControlMatchesAByteByByteScan() {
        for bytes in Self.samples() {
            let expected = Self.reference(bytes, from: 0) { $0 <= 0x20 || $0 == 0x7F }
            let found = bytes.withUnsafeBufferPointer {
                ByteScan.spaceOrControl($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: 0, to: bytes.count)
            }
            #expect(found == expected, "\(bytes)")
        }
    }

    @Test func xmlRepairStopMatchesAByteByByteScan() {
        for bytes in Self.samples() {
            let expected = Self.reference(bytes, from: 0) { byte in
                byte == 0x3C || byte == 0x26 || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D)
            }
            let found = bytes.withUnsafeBufferPointer {
                ByteScan.xmlRepairStop($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, from: 0, to: bytes.count)
            }
            #expect(found == expected, "\(bytes)")
        }
    }

    @Test func findUsesMemchrSemantics() {
        let bytes = Array("abc<def<".utf8)
        bytes.withUnsafeBufferPointer { buffer in
            #expect(ByteScan.find(UInt8(ascii: "<"), buffer.baseAddress!, from: 0, to: buffer.count) == 3)
            #expect(ByteScan.find(UInt8(ascii: "<"), buffer.baseAddress!, from: 4, to: buffer.count) == 7)
            #expect(ByteScan.find(UInt8(ascii: "<"), buffer.baseAddress!, from: 4, to: 7) == 7)
            #expect(ByteScan.find(UInt8(ascii: "z"), buffer.baseAddress!, from: 0, to: buffer.count) == buffer.count)
        }
    }
}
