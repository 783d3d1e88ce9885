/// An author or contributor as feeds describe one: any of name, e-mail and web address may be missing.
public struct Person: Sendable, Hashable, Codable {
    public var name: String?
    public var email: String?
    public var uri: String?

    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }
}
