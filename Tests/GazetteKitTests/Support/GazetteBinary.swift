import Foundation

/// Runs the real `gazette` executable built next to the test bundle, for end-to-end tests.
struct GazetteBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built `gazette` binary (same build folder as the test bundle), if present.
    static var url: URL? {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL {
            candidates.append(exe.deletingLastPathComponent().appendingPathComponent("gazette"))
        }
        let bundleDir = Bundle.module.bundleURL.deletingLastPathComponent()
        candidates.append(bundleDir.appendingPathComponent("gazette"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `gazette` with `arguments` in `directory`, waiting for it to exit; `wrapper` is a command
    /// that runs it (`["/usr/bin/faketime", "-f", "+3600"]`), if any.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], wrapper: [String] = []
    ) throws -> Result {
        guard let url else { throw BinaryMissing() }
        let process = Process()
        if let command = wrapper.first {
            process.executableURL = URL(fileURLWithPath: command)
            process.arguments = wrapper.dropFirst() + [url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    struct BinaryMissing: Error, CustomStringConvertible {
        var description: String { "the gazette binary was not found next to the test bundle (run `swift build` first)" }
    }
}
