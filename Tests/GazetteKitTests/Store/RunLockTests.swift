import Foundation
import Testing

@testable import GazetteKit

@Suite struct RunLockTests {
    @Test func secondRunIsRefusedWithPidAndStartTime() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.url.appendingPathComponent(".gazette/state.sqlite").path
        let start = Date(timeIntervalSince1970: 1_741_597_200)
        let lock = try RunLock.acquire(forDatabaseAt: database, now: start)
        defer { lock.release() }
        #expect(lock.path == database + ".lock")
        do {
            _ = try RunLock.acquire(forDatabaseAt: database)
            Issue.record("a second run must be refused while the first holds the lock")
        } catch {
            #expect(error == .runInProgress(lockPath: database + ".lock", pid: getpid(), since: start))
            #expect(error.description.hasPrefix("another run is in progress (pid \(getpid()), since 2025-03-10T09:00:00Z)"))
        }
    }

    @Test func releasedLockCanBeTakenAgain() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("state.sqlite.lock").path
        let first = try RunLock.acquire(at: path)
        first.release()
        first.release()  // harmless
        let second = try RunLock.acquire(at: path)
        second.release()
    }

    @Test func scopedHelperReleasesEvenWhenBodyThrows() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = directory.url.appendingPathComponent("state.sqlite").path
        struct Failure: Error {}
        await #expect(throws: Failure.self) {
            try await withRunLock(forDatabaseAt: database) { throw Failure() }
        }
        let value = try await withRunLock(forDatabaseAt: database) { 42 }
        #expect(value == 42)
    }

    @Test func lockHeldByAnotherProcessIsRefusedAndFreedWhenItIsKilled() throws {
        let flockTool = "/usr/bin/flock"
        try #require(FileManager.default.isExecutableFile(atPath: flockTool), "util-linux flock(1) is needed")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.url.appendingPathComponent("state.sqlite.lock").path
        let ready = directory.url.appendingPathComponent("ready").path
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: flockTool)
        // -o: only flock(1) itself holds the lock, not the command it runs (which records its pid).
        holder.arguments = ["-o", path, "/bin/sh", "-c", "echo $$ > '\(ready)'; exec sleep 30"]
        try holder.run()
        defer {
            if holder.isRunning { kill(holder.processIdentifier, SIGKILL) }
            if let text = try? String(contentsOfFile: ready, encoding: .utf8),
                let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                kill(pid, SIGKILL)
            }
        }
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: ready) && Date() < deadline { usleep(10_000) }
        try #require(FileManager.default.fileExists(atPath: ready))

        #expect(throws: StoreError.runInProgress(lockPath: path, pid: nil, since: nil)) {
            try RunLock.acquire(at: path)
        }
        // kill -9 the holder: the kernel drops its lock, no stale-lock cleanup needed.
        // (Not waitUntilExit: Foundation waits for the grandchild `sleep`, which is not the holder.)
        kill(holder.processIdentifier, SIGKILL)
        var lock: RunLock?
        let released = Date().addingTimeInterval(5)
        while lock == nil && Date() < released {
            lock = try? RunLock.acquire(at: path)
            if lock == nil { usleep(10_000) }
        }
        #expect(lock != nil, "the lock of a killed process must be free again")
        lock?.release()
    }
}
