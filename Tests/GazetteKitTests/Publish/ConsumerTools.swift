import Foundation

/// Finds and runs the external programs the consumer tests use (jing, python3 with feedparser,
/// newsboat), so those tests can skip with a message where a tool is missing.
enum ConsumerTools {
    /// The repository root (for `scripts/check-consumers.py`).
    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }

    static var checkConsumersScript: URL { repositoryRoot.appendingPathComponent("scripts/check-consumers.py") }

    /// The first executable named `name` on `PATH`.
    static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static let jing = find("jing")
    static let python3 = find("python3")
    static let newsboat = find("newsboat")
    /// True when `python3 -c "import feedparser"` succeeds (checked once, while tests are planned).
    static let hasFeedparser: Bool = {
        guard let python3 else { return false }
        let process = Process()
        process.executableURL = python3
        process.arguments = ["-c", "import feedparser"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
        var output: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Lets the watchdog task terminate a process it does not own.
    private final class ProcessHandle: @unchecked Sendable {
        let process: Process
        init(_ process: Process) { self.process = process }
    }

    /// Runs `executable` with `arguments`, stdin closed, output captured through temporary files,
    /// killed after `timeout` seconds. Waits by suspending, never by blocking a thread, so slow
    /// tools (a JVM starting) do not starve other tests of Swift's few cooperative threads.
    static func run(_ executable: URL, _ arguments: [String], timeout: Duration = .seconds(120)) async throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        // At low CPU priority: these tools share two cores with the rest of the suite, whose
        // fetcher tests measure deadlines.
        if let nice = find("nice") {
            process.executableURL = nice
            process.arguments = ["-n", "15", executable.path] + arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let handle = ProcessHandle(process)
        let watchdog = Task {
            try await Task.sleep(for: timeout)
            if handle.process.isRunning { handle.process.terminate() }
        }
        defer { watchdog.cancel() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus, stdout: try Data(contentsOf: outURL),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Runs `scripts/check-consumers.py` on `directory` with `flags` and decodes its JSON report.
    static func checkConsumers(_ directory: URL, _ flags: [String]) async throws -> ConsumerReport {
        guard let python3 else { throw ToolMissing(name: "python3") }
        let result = try await run(python3, [checkConsumersScript.path, directory.path] + flags)
        guard result.status == 0 || result.status == 1 else {
            throw ToolFailed(description: "check-consumers.py exited \(result.status): \(result.stderr)")
        }
        return try JSONDecoder().decode(ConsumerReport.self, from: result.stdout)
    }

    struct ToolMissing: Error { var name: String }
    struct ToolFailed: Error, CustomStringConvertible { var description: String }
}

/// The JSON report `scripts/check-consumers.py` prints.
struct ConsumerReport: Decodable {
    struct FeedparserFeed: Decodable {
        struct Entry: Decodable {
            var id: String?
            var title: String?
            var link: String?
            var published: String?
            var updated: String?
            var author: String?
            var tags: [String?]
            var summary: String?
            var content: [String?]
            var enclosures: [Enclosure]
            var source: String?
        }

        struct Enclosure: Decodable {
            var href: String?
            var type: String?
            var length: String?
        }

        var bozo: Int
        var version: String?
        var title: String?
        var id: String?
        var updated: String?
        var author: String?
        var link: String?
        var entries: [Entry]
    }

    struct Newsboat: Decodable {
        var titles: [String: [String]]
        var feeds: [String: String]
    }

    struct JSONFeed: Decodable {
        struct Item: Decodable {
            var id: String?
            var title: String?
            var url: String?
            var content_html: String?
            var date_published: String?
            var date_modified: String?
        }

        var title: String?
        var items: [Item]
    }

    struct OPMLGroup: Decodable {
        struct Source: Decodable {
            var text: String?
            var xmlUrl: String?
            var htmlUrl: String?
        }

        var text: String?
        var sources: [Source]
    }

    var missing: [String]
    var problems: [String]
    var feedparser: [String: FeedparserFeed]?
    var newsboat: Newsboat?
    var jsonfeed: [String: JSONFeed]?
    var opml: [OPMLGroup]?
}
