import Foundation

/// Finds section files Gazette wrote into the output folder for a section `feeds.json` no longer
/// has (renamed or removed): they stay in place, and their subscribers silently stop getting
/// updates, so `run` and `check` say so. Nothing is deleted.
public enum RetiredSectionFiles {
    /// The stale files' names (`tech.xml`, `tech.json`), sorted; empty when the folder is missing.
    ///
    /// A file counts only when Gazette wrote it: an Atom file with Gazette's `<generator>`, and the
    /// JSON Feed of the same name beside it.
    public static func find(in outputDirectory: URL, sectionIDs: [String]) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory.path)) ?? []
        let current = Set(sectionIDs)
        var stale: [String] = []
        for name in names where name.hasSuffix(".xml") && !name.hasPrefix(".") {
            let id = String(name.dropLast(".xml".count))
            guard !current.contains(id), writtenByGazette(outputDirectory.appendingPathComponent(name)) else { continue }
            stale.append(name)
            if names.contains(id + ".json") { stale.append(id + ".json") }
        }
        return stale.sorted()
    }

    /// The warning `run` and `check` print for `files` in `outputDirectory`, or nil when there are none.
    public static func warning(_ files: [String], in outputDirectory: URL) -> String? {
        guard !files.isEmpty else { return nil }
        let ids = Array(Set(files.map { ($0 as NSString).deletingPathExtension })).sorted()
        let list = files.map { outputDirectory.appendingPathComponent($0).path }.joined(separator: ", ")
        let sections = ids.map { "\"\($0)\"" }.joined(separator: ", ")
        return "\(list): no section \(sections) in feeds.json any more (renamed or removed?), so "
            + "\(files.count == 1 ? "this file is" : "these files are") no longer updated and "
            + "\(files.count == 1 ? "its" : "their") subscribers get nothing new; "
            + "see \"Renaming or retiring a section\" in the README, then delete \(files.count == 1 ? "it" : "them")"
    }

    private static func writtenByGazette(_ file: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        return String(decoding: head, as: UTF8.self).contains(">Gazette</generator>")
    }
}
