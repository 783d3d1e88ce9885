/// Why publishing stopped, with the file or section concerned and what to do about it.
public enum PublishError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A section id cannot be used as a file name (it names `<id>.xml` and `<id>.json`).
    case invalidSectionID(String)
    /// Two sections share an id, so their files would overwrite each other.
    case duplicateSectionID(String)
    /// The output folder does not exist and could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// A file could not be written or moved into place; the previous version, if any, is intact.
    case cannotWrite(path: String, reason: String)
    /// What a section published could not be recorded or read back for its archive.
    case history(section: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSectionID(let id):
            "section \"\(id)\": its id names the output files <id>.xml and <id>.json, so it must be 1-100 "
                + "characters from A-Z a-z 0-9 . _ - and not start with a dot; rename the section in feeds.json"
        case .duplicateSectionID(let id):
            "section \"\(id)\" is listed twice; give each section in feeds.json its own id"
        case .cannotCreateDirectory(let path, let reason):
            "\(path): cannot create the output folder: \(reason); check the path and its permissions"
        case .cannotWrite(let path, let reason):
            "\(path): cannot write: \(reason); check free space and the folder's permissions "
                + "(the previous file, if any, is unchanged)"
        case .history(let section, let reason):
            "section \"\(section)\": cannot keep its archive: \(reason); check the state database, then run again (files already written stay valid)"
        }
    }
}
