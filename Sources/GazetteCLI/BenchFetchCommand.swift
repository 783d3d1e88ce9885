import ArgumentParser
import Foundation
import GazetteKit

#if canImport(Glibc)
    import Glibc
#endif

/// `gazette bench fetch`: measures the fetcher against a loopback feed server it starts itself.
///
/// Default mode: fetch `--feeds` feeds spread over `--hosts` loopback addresses, cold (every feed
/// answers 200), then warm (every feed answers 304 to the stored ETag); reports wall times and peak RSS.
/// `--hostile`: one run with an endless body, a 1 GiB gzip bomb and a 1-byte-per-second trickle among
/// normal feeds, under the default limits; reports how long the run took and peak RSS.
struct BenchFetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch many feeds from a loopback server: cold and warm (304) wall time, peak memory."
    )

    @Option(help: "Number of feeds to fetch.")
    var feeds = 1000

    @Option(help: "Number of loopback hosts (127.0.0.1 … 127.0.0.N) the feeds are spread over.")
    var hosts = 8

    @Flag(help: "Measure an endless body, a 1 GiB gzip bomb and a 1 B/s trickle instead.")
    var hostile = false

    @Option(help: "With --hostile: which hostile feeds to include (comma-separated: endless,bomb,trickle).")
    var hostileFeeds = "endless,bomb,trickle"

    @Option(help: "Per-feed total time limit in seconds.")
    var totalTimeout: Double = 30

    @Option(help: "Path of the server script (default: Benchmarks/fetch_server.py).")
    var serverScript: String?

    func run() async throws {
        let script = try locateScript()
        let server = try BenchFeedServer(script: script, hosts: max(1, hosts), bombMiB: hostile ? 1024 : 0)
        defer { server.stop() }
        let policy = FetchPolicy(totalTimeout: totalTimeout)
        let fetcher = Fetcher(policy: policy)
        print("gazette bench fetch (\(GazetteVersion.version)), server \(script.path), port \(server.port)")
        print(
            "limits: total \(Int(policy.totalTimeout)) s/feed, request \(Int(policy.requestTimeout)) s, "
                + "body \(policy.maxBodyBytes >> 20) MiB, \(policy.maxConcurrent) in flight, \(policy.maxPerHost) per host")
        if hostile {
            await runHostile(fetcher, server: server)
        } else {
            await runColdAndWarm(fetcher, server: server)
        }
    }

    private func runColdAndWarm(_ fetcher: Fetcher, server: BenchFeedServer) async {
        let count = max(1, feeds)
        let requests = (0..<count).map { index in
            let url = server.url(host: index % max(1, hosts), path: "/feed/\(index).xml")
            return FetchRequest(feedKey: url.absoluteString, url: url)
        }
        print("\(count) feeds over \(max(1, hosts)) loopback hosts")
        let (cold, coldSeconds) = await timed { await fetcher.fetchAll(requests) }
        print(
            String(
                format: "cold: %@ in %.3f s (%.0f feeds/s), peak RSS %@", tally(cold), coldSeconds,
                Double(count) / coldSeconds, peakRSS()))
        let warmRequests = zip(requests, cold).map { request, result in
            FetchRequest(feedKey: request.feedKey, url: request.url, state: result.state)
        }
        let (warm, warmSeconds) = await timed { await fetcher.fetchAll(warmRequests) }
        print(
            String(
                format: "warm: %@ in %.3f s (%.0f feeds/s), peak RSS %@", tally(warm), warmSeconds,
                Double(count) / warmSeconds, peakRSS()))
    }

    private func runHostile(_ fetcher: Fetcher, server: BenchFeedServer) async {
        // Each hostile feed on its own host, as on the real web; the normal feeds share a fourth one.
        let spread = max(1, hosts)
        let chosen = Set(hostileFeeds.split(separator: ",").map { "/" + $0.trimmingCharacters(in: .whitespaces) })
        var requests = ["/endless", "/bomb", "/trickle"].enumerated().filter { chosen.contains($0.element) }.map {
            FetchRequest(feedKey: $0.element, url: server.url(host: $0.offset % spread, path: $0.element))
        }
        requests += (0..<5).map { index in
            FetchRequest(feedKey: "/feed/\(index).xml", url: server.url(host: 3 % spread, path: "/feed/\(index).xml"))
        }
        print("hostile run: \(hostileFeeds) (bomb: 1 GiB of zeros, \(server.bombBytes) bytes on the wire), 5 normal feeds")
        let start = Date()
        let results = await fetcher.fetchAll(requests) { result in
            let name = result.feedKey.padding(toLength: 14, withPad: " ", startingAt: 0)
            print(name + String(format: " after %6.2f s: ", Date().timeIntervalSince(start)) + describe(result.outcome))
        }
        let seconds = Date().timeIntervalSince(start)
        print(
            String(
                format: "run finished in %.2f s (limit %.0f s per feed); %@; peak RSS %@", seconds,
                fetcher.policy.totalTimeout, tally(results), peakRSS()))
    }

    private func describe(_ outcome: FetchOutcome) -> String {
        switch outcome {
        case .fetched(let document): "fetched \(document.body.count) bytes"
        case .notModified: "not modified"
        case .unchanged: "unchanged"
        case .gone: "gone"
        case .failed(let failure): "failed: \(failure)"
        }
    }

    private func tally(_ results: [FetchResult]) -> String {
        var counts: [String: Int] = [:]
        for result in results {
            let key: String
            switch result.outcome {
            case .fetched: key = "fetched"
            case .notModified: key = "not modified"
            case .unchanged: key = "unchanged"
            case .gone: key = "gone"
            case .failed: key = "failed"
            }
            counts[key, default: 0] += 1
        }
        return counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
    }

    private func timed<T>(_ body: () async -> T) async -> (T, Double) {
        let start = Date()
        let value = await body()
        return (value, Date().timeIntervalSince(start))
    }

    /// Peak resident set size of this process so far (`getrusage` `ru_maxrss`, KiB on Linux).
    private func peakRSS() -> String {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        return String(format: "%.1f MiB", Double(usage.ru_maxrss) / 1024)
    }

    private func locateScript() throws -> URL {
        let candidates = [
            serverScript.map { URL(fileURLWithPath: $0) },
            URL(fileURLWithPath: "Benchmarks/fetch_server.py"),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Benchmarks/fetch_server.py"),
        ].compactMap { $0 }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw ValidationError(
                "cannot find Benchmarks/fetch_server.py; run from the repository root or pass --server-script")
        }
        return found
    }
}

/// The Python loopback server of `Benchmarks/fetch_server.py`, running while the benchmark needs it.
final class BenchFeedServer {
    let port: Int
    let bombBytes: Int
    private let process: Process
    private let input: Pipe

    init(script: URL, hosts: Int, bombMiB: Int) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, String(hosts), String(bombMiB)]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let fields = String(decoding: line, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count >= 2, fields[0] == "READY", let port = Int(fields[1]) else {
            process.terminate()
            throw ValidationError("the bench server did not start (python3 \(script.path))")
        }
        self.port = port
        bombBytes = fields.count >= 3 ? Int(fields[2].dropFirst("bomb=".count)) ?? 0 : 0
    }

    /// `http://127.0.0.<host+1>:port<path>`.
    func url(host: Int, path: String) -> URL {
        URL(string: "http://127.0.0.\(host + 1):\(port)\(path)")!
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }
}
