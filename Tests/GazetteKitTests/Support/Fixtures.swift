import Foundation
import Testing

/// Loads test fixture files from `Tests/GazetteKitTests/Fixtures/`.
enum Fixtures {
    static var root: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static func data(_ path: String) throws -> Data { try Data(contentsOf: url(path)) }

    /// The read-only `shared/` folder (conformance suite, real-world feeds), named by the environment
    /// variable `GAZETTE_SHARED`. Only the opt-in `Corpus…` suites use it; a user's clone has no such
    /// folder, and the README's test command passes without it.
    static var shared: URL? {
        guard let path = ProcessInfo.processInfo.environment["GAZETTE_SHARED"], !path.isEmpty else { return nil }
        let url = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("corpus").path) ? url : nil
    }

    /// The opt-in corpus suites run only when `GAZETTE_SHARED` names the shared folder; otherwise
    /// Swift Testing reports them as skipped (never as passed).
    static var needsShared: ConditionTrait {
        .enabled(if: shared != nil, "opt-in: set GAZETTE_SHARED to the shared/ folder (see README, \"The opt-in corpus suite\")")
    }
}
