import Foundation
import GRDB

/// Gazette's memory between runs: every article seen, where each copy came from, what expired,
/// and each feed's fetch state, in one SQLite file (WAL mode) so cron runs build on each other.
///
/// Open one per process with `init(path:readOnly:)`. A run also holds the `RunLock`; readers
/// (`gazette list`) open without it. Every write method is one transaction, so a run killed at
/// any moment leaves the file consistent and keeps everything committed before.
///
/// ```swift
/// let lock = try RunLock.acquire(forDatabaseAt: path)
/// let store = try ArticleStore(path: path)
/// let report = try store.ingest(feedKey: key, feedTitle: name, parsed: feed, fetchState: state, now: now)
/// lock.release()
/// ```
public final class ArticleStore: Sendable {
    /// The database file's path.
    public let path: String
    /// The rules for recognising one story across feeds.
    public let duplicateRule: DuplicateRule
    let pool: DatabasePool

    /// Opens (creating it and its folder, and migrating it, unless `readOnly`) the database at `path`.
    ///
    /// - Parameter busyTimeout: how long a write waits for another connection's write to finish
    ///   (only two stores in one process, or a reader checkpointing, ever contend: runs hold the `RunLock`).
    public init(
        path: String, readOnly: Bool = false, duplicateRule: DuplicateRule = DuplicateRule(),
        busyTimeout: TimeInterval = 10
    ) throws(StoreError) {
        self.path = path
        self.duplicateRule = duplicateRule
        let fileManager = FileManager.default
        if let problem = Self.folderProblem(at: path) { throw problem }
        if readOnly {
            guard fileManager.fileExists(atPath: path) else { throw .missing(path: path) }
        } else {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do {
                    try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw .cannotOpen(
                        path: path,
                        reason: "cannot create folder \(folder): \(error.localizedDescription). Check the path and its permissions")
                }
            }
        }
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "GazetteState"
        configuration.prepareDatabase { db in
            // WAL + NORMAL: a commit is durable against any process crash (kill -9) and the file
            // always consistent; only an OS crash or power cut may lose the last commits.
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        if !readOnly && fileManager.fileExists(atPath: path) {
            try Self.checkIntegrity(path: path, busyTimeout: busyTimeout)
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error) + Self.remedy(error, opening: true))
        }
        try migrate(readOnly: readOnly)
    }

    private func migrate(readOnly: Bool) throws(StoreError) {
        let migrator = StoreSchema.migrator
        let unknown: [String]
        do {
            unknown = try pool.read { db in
                try migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
            }
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error) + Self.remedy(error, opening: true))
        }
        guard unknown.isEmpty else { throw .newerSchema(path: path, unknownMigrations: unknown) }
        if readOnly {
            let complete = (try? pool.read { try migrator.hasCompletedMigrations($0) }) ?? false
            guard complete else {
                throw .cannotOpen(path: path, reason: "the schema is older than this Gazette; run `gazette run` once to upgrade it")
            }
            return
        }
        do {
            try migrator.migrate(pool)
        } catch {
            throw .cannotOpen(
                path: path, reason: "migrating the schema failed: \(Self.reason(error))" + Self.remedy(error, opening: true))
        }
    }

    /// The error for a database path that names a folder (nil when it does not).
    public static func folderProblem(at path: String) -> StoreError? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return .cannotOpen(
            path: path,
            reason: "it is a folder, not a database file. Pass a file path (such as \(path)/gazette.sqlite) "
                + "with --database or feeds.json's defaults.database")
    }

    /// Throws when SQLite's `quick_check` finds the existing file at `path` damaged (a page overwritten,
    /// the file cut short, not SQLite at all). It runs on a plain connection before the pool opens,
    /// because opening a pool writes to the file: a damaged store is refused with nothing written to it.
    static func checkIntegrity(path: String, busyTimeout: TimeInterval) throws(StoreError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "GazetteStateCheck"
        let problems: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            problems = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(3)") }
        } catch {
            throw .cannotOpen(path: path, reason: Self.reason(error) + Self.remedy(error, opening: true))
        }
        guard problems != ["ok"] else { return }
        throw .cannotOpen(
            path: path,
            reason:
                "it is damaged (SQLite's check says: \(problems.joined(separator: "; ").split(separator: "\n").joined(separator: "; ")))"
                + Self.remedy(DatabaseError(resultCode: .SQLITE_CORRUPT)))
    }

    /// Runs `body` in one write transaction, mapping failures to `StoreError.database`.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(path: path, operation: operation, reason: Self.reason(error) + Self.remedy(error))
        }
    }

    /// Runs `body` on a read snapshot, mapping failures to `StoreError.database`.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(path: path, operation: operation, reason: Self.reason(error) + Self.remedy(error))
        }
    }

    /// What the user can do about a failed query, from SQLite's result code ("" when nothing specific,
    /// except when `opening`: a file that cannot be opened for an unknown reason may not be a Gazette database).
    static func remedy(_ error: any Error, opening: Bool = false) -> String {
        let otherwise =
            opening ? ". If the file is damaged or not a Gazette database, move it away and run again: Gazette starts a new one" : ""
        guard let error = error as? DatabaseError else { return otherwise }
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return ". The file is damaged or not a Gazette database: restore it from a backup, or move it away "
                + "(with its -wal and -shm files) and run again: Gazette then starts a new database and fetches every feed again"
        case .SQLITE_FULL:
            return ". Free space on the disk that holds it and run again: everything committed before is intact"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return ". Make the file, its -wal and -shm files and its folder writable by this user"
        case .SQLITE_IOERR:
            return ". The disk reported an I/O error: check the disk and free space, then run again"
        default:
            return otherwise
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return [error.message ?? "SQLite error \(error.resultCode.rawValue)", error.sql.map { "(SQL: \($0))" }]
                .compactMap { $0 }.joined(separator: " ")
        }
        return String(describing: error)
    }
}
