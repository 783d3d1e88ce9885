internal import CLibXML2

/// One-time libxml2 initialisation, shared by every part of Gazette that touches libxml2.
enum LibXML {
    /// Call before any libxml2 use; initialises the library exactly once (thread-safe via `static let`).
    static func ensureInitialized() { _ = initialized }

    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()
}
