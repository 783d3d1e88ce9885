import Crypto
import Foundation

/// SHA-256 of feed bodies, to skip parsing a 200 body identical to the last one.
enum BodyHash {
    /// Lower-case hex SHA-256 of `data` (64 characters), as stored in `FeedFetchState.bodyHash`.
    static func sha256Hex(_ data: Data) -> String {
        let digest = SHA256.hash(data: data)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
