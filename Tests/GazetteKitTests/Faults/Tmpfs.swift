import Foundation

/// A size-limited tmpfs mounted at a folder for the length of a test; `unmount()` in a `defer`.
struct Tmpfs {
    let url: URL

    init(at url: URL, size: String) throws {
        self.url = url
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Self.mount(["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", url.path])
    }

    /// Grows or shrinks the filesystem (contents kept).
    func resize(_ size: String) throws { try Self.mount(["-o", "remount,size=\(size)", url.path]) }

    /// Makes the filesystem read-only (root ignores file modes, so this is how a test denies it writes).
    func makeReadOnly(_ readOnly: Bool = true) throws { try Self.mount(["-o", "remount,\(readOnly ? "ro" : "rw")", url.path]) }

    func unmount() { try? Self.command("/bin/umount", [url.path]) }

    private static func mount(_ arguments: [String]) throws { try command("/bin/mount", arguments) }

    private static func command(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw MountFailed(arguments: [tool] + arguments) }
    }

    struct MountFailed: Error, CustomStringConvertible {
        var arguments: [String]
        var description: String { "\(arguments.joined(separator: " ")) failed" }
    }
}
