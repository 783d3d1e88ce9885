import Foundation

extension GazetteConfig {
    /// The largest `feeds.json` Gazette reads: 200,000 feeds fit, and a wrong file (a log, a database,
    /// megabytes of padding) is refused at once instead of after seconds of parsing.
    public static let maximumFileSize = 16 * 1_048_576

    /// Reads and validates `feeds.json`, reporting every problem at once; relative paths resolve against its folder.
    ///
    /// `file` may also be the folder holding `feeds.json` (`gazette run --config demo`).
    public static func load(from file: URL) throws(ConfigError) -> GazetteConfig {
        var isDirectory: ObjCBool = false
        let file =
            FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? file.appendingPathComponent("feeds.json") : file
        if let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int, size > maximumFileSize {
            let megabytes = String(format: "%.1f", Double(size) / 1_048_576)
            throw .unreadable(
                file: file.path,
                reason: "it is \(megabytes) MB, more than the \(maximumFileSize / 1_048_576) MB a feeds.json may be "
                    + "(room for about 200,000 feeds); check that --config names the right file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            let reason =
                FileManager.default.fileExists(atPath: file.path)
                ? "it exists but cannot be read (check its permissions)"
                : "there is no such file (pass --config PATH, or run gazette in the folder holding feeds.json)"
            throw .unreadable(file: file.path, reason: reason)
        }
        return try parse(data, baseDirectory: file.deletingLastPathComponent(), fileName: file.path)
    }

    /// Validates `feeds.json` text already in memory (`fileName` is only used in messages).
    public static func parse(_ data: Data, baseDirectory: URL, fileName: String = "feeds.json") throws(ConfigError) -> GazetteConfig {
        let bytes = [UInt8](data)
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            let (line, column) = LineIndex(bytes).location(of: error.offset)
            let issue = ConfigIssue(kind: .invalidJSON, path: "", message: "invalid JSON: \(error.message)", line: line, column: column)
            throw .invalid(file: fileName, issues: [issue])
        }
        let folder = URL(fileURLWithPath: baseDirectory.standardizedFileURL.path, isDirectory: true)
        var decoder = ConfigDecoder(bytes: bytes, baseDirectory: folder)
        guard let config = decoder.decode(root) else {
            throw .invalid(file: fileName, issues: decoder.issues)
        }
        return config
    }
}
