import Foundation
import GRDB

/// The scratch copy of the state database a `--dry-run` works on: the run ingests into it as a real
/// run would, so it can report what each section would gain and lose, and the real store is never
/// written. Removed at the end of the run.
struct DryRunStore: Sendable {
    /// The scratch copy (empty when there is no real store yet), migrated to the current schema.
    let store: ArticleStore
    private let folder: URL

    /// Copies the store at `path` (when it exists) into a fresh temporary folder; the real file is
    /// only read (an older schema is upgraded in the copy, not in place).
    init(copying path: String) throws(StoreError) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazette-dry-run-\(UUID().uuidString)")
        let copyPath = folder.appendingPathComponent("gazette.sqlite").path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: copyPath, reason: "cannot create a scratch folder for the dry run: \(error.localizedDescription)")
        }
        if FileManager.default.fileExists(atPath: path) {
            do {
                var configuration = Configuration()
                configuration.readonly = true
                let original = try DatabasePool(path: path, configuration: configuration)
                let destination = try DatabaseQueue(path: copyPath)
                try original.backup(to: destination)
                try destination.close()
                try original.close()
            } catch {
                try? FileManager.default.removeItem(at: folder)
                throw .cannotOpen(path: path, reason: "cannot copy it for the dry run: \(error)")
            }
        }
        store = try ArticleStore(path: copyPath)
    }

    /// Deletes the scratch copy.
    func remove() { try? FileManager.default.removeItem(at: folder) }
}
