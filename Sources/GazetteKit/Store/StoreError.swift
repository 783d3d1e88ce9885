import Foundation

/// Why the state database could not be opened, locked, read or written, phrased so the user
/// knows which file is at fault and what to do.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another `gazette run` holds the run lock (the pid and start time it recorded, when readable).
    case runInProgress(lockPath: String, pid: Int32?, since: Date?)
    /// The lock file could not be created or locked for a reason other than another run.
    case lockFailed(lockPath: String, reason: String)
    /// The database file could not be opened or is not a Gazette database.
    case cannotOpen(path: String, reason: String)
    /// A read-only open found no database at the path.
    case missing(path: String)
    /// The database was written by a newer Gazette with migrations this version does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// A query or transaction failed; `operation` says what Gazette was doing.
    case database(path: String, operation: String, reason: String)

    /// A message naming the file, the cause and the remedy.
    public var description: String {
        switch self {
        case let .runInProgress(lockPath, pid, since):
            let who = pid.map { "pid \($0)" } ?? "pid unknown"
            let when = since.map { ", since \(Self.format($0))" } ?? ""
            return "another run is in progress (\(who)\(when)); lock file \(lockPath). "
                + "Wait for it to finish; if no gazette process is running, the lock is released automatically."
        case let .lockFailed(lockPath, reason):
            return "cannot take the run lock \(lockPath): \(reason). Check that its folder is writable."
        case let .cannotOpen(path, reason):
            return "cannot open the state database \(path): \(reason)."
        case let .missing(path):
            return "no state database at \(path): run `gazette run` first, or pass the right --database path."
        case let .newerSchema(path, unknown):
            return "the state database \(path) was written by a newer Gazette (migrations \(unknown.joined(separator: ", "))); "
                + "upgrade Gazette or use another --database path."
        case let .database(path, operation, reason):
            return "state database \(path): \(operation) failed: \(reason)"
        }
    }

    private static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: date)
    }
}
