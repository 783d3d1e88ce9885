import ArgumentParser
import Foundation
import GazetteKit

/// `gazette bench parse`: parse throughput over a folder of feeds, in the output format of the peer
/// parser benchmark (README, "Parse speed").
struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Time the feed parser (full parse to models, sanitization included) in process CPU time.",
        discussion: """
            Reads every file into memory first (from DIR, or one path per line on standard input),
            then times only the parse loop N times and prints, as its last line:
            gazette MBps itemsps files items bytes median_s failures
            """)

    @Argument(help: "Folder of feed files (default: read paths from standard input).")
    var directory: String?

    @Option(help: "Timed repetitions (default: environment REPS, else 5).")
    var `repeat`: Int?

    func run() throws {
        let paths = try Self.paths(directory)
        var documents: [(Data, URL)] = []
        var bytes = 0
        for path in paths {
            let url = URL(fileURLWithPath: path)
            guard let data = try? Data(contentsOf: url) else { continue }
            documents.append((data, url))
            bytes += data.count
        }
        let reps = max(1, `repeat` ?? ProcessInfo.processInfo.environment["REPS"].flatMap(Int.init) ?? 5)
        let parser = FeedParser()
        var times: [Double] = []
        var items = 0
        var failures = 0
        for _ in 0..<reps {
            items = 0
            failures = 0
            let start = Self.cpuSeconds()
            for (data, url) in documents {
                do {
                    items += try parser.parse(data, url: url, httpCharset: nil).items.count
                } catch {
                    failures += 1
                }
            }
            times.append(Self.cpuSeconds() - start)
        }
        times.sort()
        let median = times[times.count / 2]
        let mbps = median > 0 ? Double(bytes) / median / 1e6 : 0
        let itemsps = median > 0 ? Double(items) / median : 0
        print(String(format: "gazette %.2f %.0f %d %d %d %.4f %d", mbps, itemsps, documents.count, items, bytes, median, failures))
    }

    private static func paths(_ directory: String?) throws -> [String] {
        if let directory {
            let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            return names.map { directory + "/" + $0 }.filter {
                var isDir: ObjCBool = false
                return FileManager.default.fileExists(atPath: $0, isDirectory: &isDir) && !isDir.boolValue
            }
        }
        var list: [String] = []
        while let line = readLine() {
            let path = line.trimmingCharacters(in: .whitespaces)
            if !path.isEmpty { list.append(path) }
        }
        return list
    }

    /// User + system CPU time of this process, in seconds.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }
}
