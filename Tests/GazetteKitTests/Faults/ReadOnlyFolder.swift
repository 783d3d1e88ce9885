import Foundation

/// A folder a test can make read-only: a tmpfs remounted read-only when running as root (root ignores
/// file modes), else a plain folder with its write permission removed.
struct ReadOnlyFolder {
    let url: URL
    private let tmpfs: Tmpfs?

    /// True when this process can make a folder read-only one way or the other.
    static var isPossible: Bool { FaultEnvironment.canMount || getuid() != 0 }

    /// What the system says when a write is refused: the errno text of EROFS or EACCES.
    var refusal: String { tmpfs == nil ? "Permission denied" : "Read-only file system" }

    init(at url: URL) throws {
        self.url = url
        tmpfs = FaultEnvironment.canMount ? try Tmpfs(at: url, size: "4m") : nil
        if tmpfs == nil { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    }

    func makeReadOnly(_ readOnly: Bool = true) throws {
        if let tmpfs {
            try tmpfs.makeReadOnly(readOnly)
        } else {
            // The folder and every folder in it, as a read-only mount would be.
            let inside = (FileManager.default.subpaths(atPath: url.path) ?? []).map { url.appendingPathComponent($0) }
            for folder in [url] + inside where (try? folder.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
                try FileManager.default.setAttributes([.posixPermissions: readOnly ? 0o555 : 0o755], ofItemAtPath: folder.path)
            }
        }
    }

    /// Unmounts the tmpfs, or gives the folder back its write permission so it can be removed.
    func release() {
        if let tmpfs { tmpfs.unmount() } else { try? makeReadOnly(false) }
    }
}
