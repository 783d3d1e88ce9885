import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces files so a reader or web server never sees a half-written one, and leaves a file
/// alone (bytes and modification time) when its content would not change.
struct AtomicFileWriter {
    /// What `write` did.
    enum Outcome: Sendable, Equatable {
        case written
        case unchanged
    }

    /// Writes `bytes` to `url` unless the file already holds exactly these bytes. A new version goes
    /// to a temporary file in the same folder (same file system), is flushed, takes the old file's
    /// permissions, and is renamed over the old one with `rename(2)`.
    func write(_ bytes: [UInt8], to url: URL) throws(PublishError) -> Outcome {
        let path = url.path
        if let existing = FileManager.default.contents(atPath: path), existing.count == bytes.count,
            existing.withUnsafeBytes({ old in bytes.withUnsafeBytes { new in old.elementsEqual(new) } })
        {
            return .unchanged
        }
        let directory = url.deletingLastPathComponent().path
        var template = Array((directory + "/." + url.lastPathComponent + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw .cannotWrite(path: path, reason: AtomicFileWriter.errnoText()) }
        let tempPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let failure = AtomicFileWriter.fill(fd, with: bytes, modeOf: path)
        close(fd)
        if let failure {
            unlink(tempPath)
            throw .cannotWrite(path: path, reason: failure)
        }
        guard rename(tempPath, path) == 0 else {
            let reason = AtomicFileWriter.errnoText()
            unlink(tempPath)
            throw .cannotWrite(path: path, reason: reason)
        }
        return .written
    }

    /// Writes all of `bytes` to `fd`, flushes it and gives it the mode of the file at `path`
    /// (0644 when there is none). Returns why it failed, or `nil`.
    private static func fill(_ fd: Int32, with bytes: [UInt8], modeOf path: String) -> String? {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return errnoText()
            }
            offset += count
        }
        guard fsync(fd) == 0 else { return errnoText() }
        var info = stat()
        let mode: mode_t = stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        guard fchmod(fd, mode) == 0 else { return errnoText() }
        return nil
    }

    private static func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(fd, pointer, count)
        #else
            Darwin.write(fd, pointer, count)
        #endif
    }

    /// Removes temporary files a crashed earlier run left in `directory` (`.<name>.tmp-XXXXXX`, as
    /// `write` names them); returns their names. Call only while no other writer uses the folder.
    func removeLeftovers(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let leftovers = names.filter { name in
            guard name.hasPrefix("."), let marker = name.range(of: ".tmp-", options: .backwards) else { return false }
            return name[marker.upperBound...].count == 6
        }
        return leftovers.filter { unlink(directory.appendingPathComponent($0).path) == 0 }.sorted()
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
