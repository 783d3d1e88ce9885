import Foundation

extension Fetcher {
    /// Fetches many feeds at once, at most `maxConcurrent` in flight overall and `maxPerHost` per host,
    /// in one structured task group; `onResult` sees each result as it lands (for progress output).
    ///
    /// Returns the results in the order of `requests`. Hosts are served round-robin so one big host does
    /// not starve the others.
    public func fetchAll(
        _ requests: [FetchRequest], onResult: (FetchResult) async -> Void = { _ in }
    ) async -> [FetchResult] {
        var queue = HostQueue(
            hosts: requests.map { Self.hostKey($0.effectiveURL) }, maxPerHost: max(1, policy.maxPerHost))
        let limit = max(1, policy.maxConcurrent)
        var results = [FetchResult?](repeating: nil, count: requests.count)
        await withTaskGroup(of: (Int, FetchResult).self) { group in
            var inFlight = 0
            while true {
                while inFlight < limit, let index = queue.next() {
                    let request = requests[index]
                    group.addTask { (index, await self.fetch(request)) }
                    inFlight += 1
                }
                guard let (index, result) = await group.next() else { break }
                inFlight -= 1
                queue.finished(index)
                results[index] = result
                await onResult(result)
            }
        }
        return results.enumerated().map { index, result in
            result
                ?? FetchResult(
                    feedKey: requests[index].feedKey, requestedURL: requests[index].effectiveURL,
                    outcome: .failed(.timeout(seconds: 0, url: requests[index].effectiveURL)),
                    state: requests[index].state ?? FeedFetchState(feedKey: requests[index].feedKey))
        }
    }

    /// The politeness bucket of a URL: its host, lower-cased (local files share one unlimited bucket).
    static func hostKey(_ url: URL) -> String {
        if url.isFileURL { return "" }
        return url.host?.lowercased() ?? url.absoluteString
    }
}

/// Hands out request indices so no host has more than `maxPerHost` in flight; round-robin over hosts.
struct HostQueue {
    private var order: [String] = []
    private var waiting: [String: [Int]] = [:]
    private var heads: [String: Int] = [:]
    private var active: [String: Int] = [:]
    private var hostOfIndex: [String]
    private var cursor = 0
    private let maxPerHost: Int

    init(hosts: [String], maxPerHost: Int) {
        self.hostOfIndex = hosts
        self.maxPerHost = maxPerHost
        for (index, host) in hosts.enumerated() {
            if waiting[host] == nil { order.append(host) }
            waiting[host, default: []].append(index)
        }
    }

    /// The next request whose host has room, or `nil` when every waiting host is at its limit.
    mutating func next() -> Int? {
        guard !order.isEmpty else { return nil }
        for step in 0..<order.count {
            let host = order[(cursor + step) % order.count]
            let head = heads[host, default: 0]
            guard let list = waiting[host], head < list.count else { continue }
            let limit = host.isEmpty ? Int.max : maxPerHost
            guard active[host, default: 0] < limit else { continue }
            heads[host] = head + 1
            active[host, default: 0] += 1
            cursor = (cursor + step + 1) % order.count
            return list[head]
        }
        return nil
    }

    /// Frees the host slot of a finished request.
    mutating func finished(_ index: Int) {
        active[hostOfIndex[index], default: 1] -= 1
    }
}
