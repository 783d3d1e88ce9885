/// Gazette's version and identity, used in the User-Agent and the `generator` of published feeds.
public enum GazetteVersion {
    public static let version = "0.1.0"
    public static let projectURL = "https://github.com/gazette-feeds/gazette"
    public static let userAgent = "Gazette/\(version) (+\(projectURL))"
}
