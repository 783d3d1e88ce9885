import Foundation

/// Something about one source that a person should look at after a run, kept structured so the
/// report can name each feed once and put together the feeds of a host that is down.
public struct RunProblem: Sendable, Hashable {
    /// The feed's key as written in `feeds.json`.
    public var feedKey: String
    /// The source's `name` in `feeds.json`, when it has one.
    public var name: String?
    /// What happened and what to do, without the source's name or URL.
    public var message: String
    /// `host[:port]` when the failure is that the host could not be reached at all.
    public var unreachableHost: String?

    public init(feedKey: String, name: String? = nil, message: String, unreachableHost: String? = nil) {
        self.feedKey = feedKey
        self.name = name
        self.message = message
        self.unreachableHost = unreachableHost
    }

    /// How the report names the source: `Name (url)`, or the URL when it has no name.
    public var source: String { name.map { "\($0) (\(feedKey))" } ?? feedKey }

    /// The source within a line that already names its host: its name, else its path.
    var shortSource: String {
        if let name { return name }
        guard let url = URL(string: feedKey), url.host != nil else { return feedKey }
        let path = url.path.isEmpty ? "/" : url.path
        return url.query.map { "\(path)?\($0)" } ?? path
    }

    /// `source: message`, the line printed after `warning:`.
    public var text: String { "\(source): \(message)" }

    /// The report's lines: one per problem, except that the feeds of a host that could not be
    /// reached (two or more, same reason) share one line naming the host once and each feed once.
    public static func reportLines(_ problems: [RunProblem]) -> [String] {
        var groups: [String: [RunProblem]] = [:]
        for problem in problems {
            guard let host = problem.unreachableHost else { continue }
            groups[host + "\u{0}" + problem.message, default: []].append(problem)
        }
        var lines: [String] = []
        var reported: Set<String> = []
        for problem in problems {
            guard let host = problem.unreachableHost else {
                lines.append(problem.text)
                continue
            }
            let key = host + "\u{0}" + problem.message
            let members = groups[key] ?? []
            guard members.count > 1 else {
                lines.append(problem.text)
                continue
            }
            guard reported.insert(key).inserted else { continue }
            let names = members.map(\.shortSource).joined(separator: ", ")
            lines.append("\(host): \(problem.message) — \(members.count) feeds on this host failed: \(names)")
        }
        return lines
    }

    /// `host` or `host:port` of `url`, the unit feeds are grouped by when a server is down.
    static func hostName(of url: URL) -> String {
        let host = url.host ?? url.absoluteString
        return url.port.map { "\(host):\($0)" } ?? host
    }
}
