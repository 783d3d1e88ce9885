/// Why a run could not start or finish; each case has its own exit status so cron wrappers can tell them apart.
///
/// A feed that fails is not a `RunError`: it is reported in the summary and the run carries on.
public enum RunError: Error, Sendable, CustomStringConvertible {
    /// `feeds.json` is missing or invalid (every problem listed).
    case configuration(ConfigError)
    /// The output folder and the state database overlap (`RunPaths`), from `--output`/`--database`.
    case conflictingPaths(String)
    /// Another run holds the lock.
    case locked(StoreError)
    /// The state database cannot be opened or written.
    case database(StoreError)
    /// The output folder cannot be created or written.
    case output(PublishError)

    /// The process exit status for this error: 2 configuration (or overlapping paths), 3 lock held, 4 database, 5 output.
    public var exitCode: Int32 {
        switch self {
        case .configuration, .conflictingPaths: 2
        case .locked: 3
        case .database: 4
        case .output: 5
        }
    }

    public var description: String {
        switch self {
        case .configuration(let error): error.description
        case .conflictingPaths(let problem): problem
        case .locked(let error): error.description
        case .database(let error): error.description
        case .output(let error): error.description
        }
    }
}
