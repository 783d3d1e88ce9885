import Foundation

/// Checks that a run's output folder and state database do not overlap: the same path, or a database
/// inside the published folder (where the web server would serve it, with its lock and -wal files).
public enum RunPaths {
    /// Why `output` and `database` cannot be used together, or nil when they are apart.
    public static func conflict(output: URL, database: URL) -> String? {
        let folder = output.standardizedFileURL.path
        let file = database.standardizedFileURL.path
        if folder == file {
            return "the output folder and the state database are the same path \(file); "
                + "give each its own (e.g. output/ and .gazette/gazette.sqlite)"
        }
        if file.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
            return "the state database \(file) is inside the output folder \(folder), so the web server would publish it; "
                + "keep it outside (e.g. .gazette/gazette.sqlite)"
        }
        if folder.hasPrefix(file + "/") {
            return "the output folder \(folder) is inside the state database's path \(file); give each its own"
        }
        return nil
    }
}
