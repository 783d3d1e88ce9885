import Foundation

/// Reads `file://` feeds from disk with the same size cap as HTTP bodies, so local files are feeds too.
enum LocalFeedFile {
    /// The file's bytes, or why they cannot be had; never reads more than `cap + 1` bytes.
    static func read(_ url: URL, cap: Int) -> Result<Data, FetchFailure> {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.fileNotFound(path: path))
        }
        if isDirectory.boolValue {
            return .failure(.fileUnreadable(path: path, message: "it is a folder, not a feed file"))
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            return .failure(.fileUnreadable(path: path, message: Self.reason(error)))
        }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: cap + 1) ?? Data()
            if data.count > cap { return .failure(.tooLarge(limit: cap, url: url)) }
            return .success(data)
        } catch {
            return .failure(.fileUnreadable(path: path, message: Self.reason(error)))
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == CocoaError.fileReadNoPermission.rawValue {
            return "permission denied"
        }
        return nsError.localizedDescription
    }
}
