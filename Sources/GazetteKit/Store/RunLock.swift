import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ensures only one `gazette run` works on a state database at a time, failing fast with who
/// holds it instead of waiting on SQLite locks.
///
/// An advisory `flock(2)` on a lock file next to the database (`gazette.sqlite.lock` for `gazette.sqlite`). The kernel
/// releases it when the holder exits, however it exits, so a run killed with `kill -9` never
/// leaves a stale lock: the next run simply takes it. The holder writes its pid and start time
/// into the file so a refused run can say who holds it. Read-only commands need no lock.
///
/// Hold the lock for the whole run: keep the value alive and call `release()` at the end, or use
/// `withRunLock(forDatabaseAt:_:)`. Releasing twice is harmless; `deinit` releases too.
public final class RunLock: Sendable {
    /// The lock file's path.
    public let path: String
    private let descriptor: Mutex<Int32>

    /// The lock file that guards the database at `databasePath`.
    public static func lockPath(forDatabaseAt databasePath: String) -> String { databasePath + ".lock" }

    /// Takes the lock guarding the database at `databasePath`, or throws `runInProgress`.
    public static func acquire(forDatabaseAt databasePath: String, now: Date = Date()) throws(StoreError) -> RunLock {
        try acquire(at: lockPath(forDatabaseAt: databasePath), now: now)
    }

    /// Takes the lock file at `path` (creating it and its folder), or throws `runInProgress`.
    public static func acquire(at path: String, now: Date = Date()) throws(StoreError) -> RunLock {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw .lockFailed(lockPath: path, reason: "cannot create folder \(folder): \(error.localizedDescription)")
            }
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .lockFailed(lockPath: path, reason: String(cString: strerror(errno))) }
        var result: Int32
        repeat { result = flock(fd, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        if result != 0 {
            let code = errno
            let holder = readHolder(fd)
            close(fd)
            if code == EWOULDBLOCK || code == EAGAIN {
                throw .runInProgress(lockPath: path, pid: holder.pid, since: holder.since)
            }
            throw .lockFailed(lockPath: path, reason: String(cString: strerror(code)))
        }
        let record = "\(getpid())\n\(now.timeIntervalSince1970)\n"
        _ = ftruncate(fd, 0)
        _ = record.withCString { pwrite(fd, $0, strlen($0), 0) }
        return RunLock(path: path, descriptor: fd)
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    /// Gives the lock up; later calls do nothing.
    public func release() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            _ = ftruncate(fd, 0)
            _ = flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
    }

    deinit { release() }

    private static func readHolder(_ fd: Int32) -> (pid: Int32?, since: Date?) {
        var buffer = [UInt8](repeating: 0, count: 128)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return (nil, nil) }
        let lines = String(decoding: buffer[0..<count], as: UTF8.self).split(separator: "\n")
        let pid = lines.first.flatMap { Int32($0) }
        let since = lines.dropFirst().first.flatMap { Double($0) }.map { Date(timeIntervalSince1970: $0) }
        return (pid, since)
    }
}

/// Runs `body` while holding the run lock of the database at `databasePath`, releasing it after
/// (also when `body` throws). Throws `StoreError.runInProgress` without running `body` if another
/// run holds the lock.
public func withRunLock<T>(
    forDatabaseAt databasePath: String, isolation: isolated (any Actor)? = #isolation,
    _ body: () async throws -> T
) async throws -> T {
    let lock = try RunLock.acquire(forDatabaseAt: databasePath)
    defer { lock.release() }
    return try await body()
}
