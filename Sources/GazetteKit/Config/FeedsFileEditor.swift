import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Adds and removes feeds in `feeds.json` for `gazette add` / `gazette remove` by splicing its text,
/// so the file's order, formatting and everything else a person wrote stay exactly as they were.
///
/// Edits are located with the positional JSON parser (never by pattern-matching the text), the
/// result is validated before anything is written, and the file is replaced atomically.
public struct FeedsFileEditor: Sendable {
    /// The `feeds.json` being edited.
    public let file: URL

    /// An editor for the configuration file at `file`.
    public init(file: URL) {
        self.file = file
    }

    /// Appends a feed to `feeds` and saves the file; returns the validated new configuration.
    ///
    /// Refuses a feed already listed (same URL after normalization) and a section the file does not declare.
    @discardableResult
    public func add(url: String, sections: [String], name: String? = nil) throws(ConfigError) -> GazetteConfig {
        let text = try read()
        let edited = try Self.adding(url: url, sections: sections, name: name, to: text, baseDirectory: baseDirectory, fileName: file.path)
        return try save(edited)
    }

    /// Removes the feed listed under `url` (as written, or the same URL after normalization) and saves the file.
    @discardableResult
    public func remove(url: String) throws(ConfigError) -> GazetteConfig {
        let text = try read()
        let edited = try Self.removing(url: url, from: text, baseDirectory: baseDirectory, fileName: file.path)
        return try save(edited)
    }

    private var baseDirectory: URL { file.deletingLastPathComponent() }

    private func read() throws(ConfigError) -> String {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .unreadable(file: file.path, reason: "there is no such file, or it cannot be read")
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .unreadable(file: file.path, reason: "it is not UTF-8 text; save it as UTF-8")
        }
        return text
    }

    private func save(_ text: String) throws(ConfigError) -> GazetteConfig {
        let data = Data(text.utf8)
        let config = try GazetteConfig.parse(data, baseDirectory: baseDirectory, fileName: file.path)
        try Self.writeAtomically(data, to: file)
        return config
    }

    /// Writes `data` to a temporary file beside `file` and renames it over `file`, keeping its permissions.
    static func writeAtomically(_ data: Data, to file: URL) throws(ConfigError) {
        let target = file.resolvingSymlinksInPath()
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        var attributes: [FileAttributeKey: Any] = [:]
        if let permissions = try? FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] {
            attributes[.posixPermissions] = permissions
        }
        guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: attributes) else {
            throw .unwritable(file: file.path, reason: "cannot create a temporary file in \(target.deletingLastPathComponent().path)")
        }
        if let handle = try? FileHandle(forWritingTo: temporary) {
            try? handle.synchronize()
            try? handle.close()
        }
        guard rename(temporary.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .unwritable(file: file.path, reason: reason)
        }
    }
}
