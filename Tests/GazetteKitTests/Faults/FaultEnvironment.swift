import Foundation
import Testing

/// What the machine offers the fault tests: root with `mount` (tmpfs), and `faketime`.
enum FaultEnvironment {
    static let faketime = "/usr/bin/faketime"

    static var hasFaketime: Bool { FileManager.default.isExecutableFile(atPath: faketime) }

    /// True when this process may mount a tmpfs (root, and a kernel or container that allows it).
    static let canMount: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        guard let probe = try? TemporaryDirectory() else { return false }
        defer { probe.remove() }
        guard (try? Tmpfs(at: probe.url, size: "64k")).map({ $0.unmount() }) != nil else { return false }
        return true
    }()

    static var needsMount: ConditionTrait {
        .enabled(if: canMount, "needs root and permission to mount a tmpfs (run the suite as root, as CI does)")
    }

    static var needsFaketime: ConditionTrait {
        .enabled(if: hasFaketime, "needs faketime (Debian package faketime; .ci/run installs it)")
    }
}
