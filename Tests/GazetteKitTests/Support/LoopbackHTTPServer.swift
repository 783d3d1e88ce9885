import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real HTTP/1.1 server on a loopback address, for tests that need a misbehaving web.
///
/// Plain POSIX sockets and one thread per connection give full control over the bytes on the wire:
/// slow headers, trickled or endless bodies, a reset in the middle of a body, keep-alive. It records
/// every request (with its headers), counts responses per status, and observes the peak number of
/// simultaneous requests and connections, so tests can check the client's manners.
///
/// ```swift
/// let server = try LoopbackHTTPServer()
/// defer { server.stop() }
/// server.route("/feed.xml", .ok("<rss/>", type: "application/rss+xml"))
/// server.route("/dynamic") { request in request.header("If-None-Match") == "\"v1\"" ? .status(304) : .ok("…") }
/// let url = server.url("/feed.xml")
/// ```
final class LoopbackHTTPServer: @unchecked Sendable {
    /// A request as the server received it.
    struct Request: Sendable {
        var method: String
        /// The request target, query included (`/feed?page=2`).
        var target: String
        /// The target without its query.
        var path: String
        /// Header fields in arrival order, names as sent.
        var headerFields: [(name: String, value: String)]
        /// The body announced by `Content-Length` (empty when none).
        var body = Data()
        /// The value of the first header named `name` (case-insensitive).
        func header(_ name: String) -> String? {
            headerFields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    /// How the body goes on the wire.
    enum Body: Sendable {
        /// Sent at once with `Content-Length`.
        case bytes(Data)
        /// `Transfer-Encoding: chunked`, waiting `delay` seconds before each chunk.
        case chunked([Data], delay: TimeInterval)
        /// `Content-Length` of the whole, then one byte every `delay` seconds.
        case trickle(Data, delay: TimeInterval)
        /// `Transfer-Encoding: chunked` that never ends (until the client leaves or the server stops).
        case endless(chunk: Data, delay: TimeInterval)
        /// Announces `announcedLength` bytes, sends `Data`, then resets the connection (TCP RST).
        case resetMidBody(Data, announcedLength: Int)
        /// Announces `announcedLength` bytes, sends `Data`, then closes the connection cleanly (TCP FIN).
        case closeMidBody(Data, announcedLength: Int)
    }

    /// A response to send: status, headers, body, and an optional delay before anything is sent.
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Body
        /// Seconds to wait before sending the status line (a slow server).
        var delay: TimeInterval

        init(status: Int, headers: [String: String] = [:], body: Body = .bytes(Data()), delay: TimeInterval = 0) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }

        /// 200 with `body` and a `Content-Type`.
        static func ok(_ body: Data, type: String = "application/xml", headers: [String: String] = [:]) -> Response {
            Response(status: 200, headers: headers.merging(["Content-Type": type]) { own, _ in own }, body: .bytes(body))
        }

        /// 200 with a UTF-8 string body.
        static func ok(_ body: String, type: String = "application/xml", headers: [String: String] = [:]) -> Response {
            ok(Data(body.utf8), type: type, headers: headers)
        }

        /// A bodiless status (304, 404, 410, 429…).
        static func status(_ status: Int, headers: [String: String] = [:]) -> Response {
            Response(status: status, headers: headers)
        }

        /// A redirect to `location` (absolute or relative, sent verbatim).
        static func redirect(_ status: Int, to location: String) -> Response {
            Response(status: status, headers: ["Location": location])
        }
    }

    typealias Handler = @Sendable (Request) -> Response

    /// The address the server listens on (`127.0.0.1` unless another loopback address was asked for).
    let address: String
    /// The port the kernel chose.
    private(set) var port: Int = 0

    private let lock = NSLock()
    private var listener: Int32 = -1
    private var stopped = false
    private var routes: [String: Handler] = [:]
    private var received: [Request] = []
    private var statusCounts: [String: [Int: Int]] = [:]
    private var openConnections: Set<Int32> = []
    private var activeRequests = 0
    private var peakRequests = 0
    private var peakConnections = 0
    private var acceptedConnections = 0

    /// Starts listening on `address` (any 127.x.y.z address works on Linux) at a free port.
    init(address: String = "127.0.0.1") throws {
        self.address = address
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError.socket("socket", errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        guard inet_pton(AF_INET, address, &addr.sin_addr) == 1 else {
            close(fd)
            throw ServerError.socket("inet_pton(\(address))", EINVAL)
        }
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 256) == 0 else {
            let code = errno
            close(fd)
            throw ServerError.socket("bind/listen \(address)", code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: addr.sin_port))
        listener = fd
        let thread = Thread { [self] in acceptLoop(fd) }
        thread.name = "LoopbackHTTPServer.accept"
        thread.start()
    }

    deinit { stop() }

    enum ServerError: Error, CustomStringConvertible {
        case socket(String, Int32)
        var description: String {
            switch self {
            case .socket(let call, let code): "LoopbackHTTPServer: \(call) failed: \(String(cString: strerror(code)))"
            }
        }
    }

    /// `http://address:port` + `path`.
    func url(_ path: String) -> URL {
        URL(string: "http://\(address):\(port)\(path.hasPrefix("/") ? path : "/" + path)")!
    }

    /// Serves `path` (query ignored unless a route names the full target) with `handler`.
    func route(_ path: String, _ handler: @escaping Handler) {
        lock.withLock { routes[path] = handler }
    }

    /// Serves `path` with a fixed response.
    func route(_ path: String, _ response: Response) {
        route(path) { _ in response }
    }

    /// Requests received for `path` (all paths when `nil`), in arrival order.
    func requests(_ path: String? = nil) -> [Request] {
        lock.withLock { received.filter { path == nil || $0.path == path } }
    }

    /// How many requests arrived for `path` (all paths when `nil`).
    func requestCount(_ path: String? = nil) -> Int { requests(path).count }

    /// How many responses with `status` were sent for `path`.
    func responseCount(_ path: String, status: Int) -> Int {
        lock.withLock { statusCounts[path]?[status] ?? 0 }
    }

    /// Requests being answered right now (a streaming body counts until the client goes away).
    var inFlightRequests: Int { lock.withLock { activeRequests } }

    /// Waits up to `timeout` seconds for every response to end; returns the seconds it took, or `nil`.
    func waitUntilIdle(timeout: TimeInterval) -> TimeInterval? {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            if inFlightRequests == 0 { return Date().timeIntervalSince(start) }
            usleep(5_000)
        }
        return nil
    }

    /// The most requests this server was handling at the same moment.
    var maxConcurrentRequests: Int { lock.withLock { peakRequests } }

    /// The most connections open to this server at the same moment.
    var maxConcurrentConnections: Int { lock.withLock { peakConnections } }

    /// Connections accepted so far.
    var connectionCount: Int { lock.withLock { acceptedConnections } }

    /// Stops accepting, closes every connection and ends streaming bodies.
    func stop() {
        let (fd, connections): (Int32, Set<Int32>) = lock.withLock {
            if stopped { return (-1, []) }
            stopped = true
            defer { listener = -1 }
            return (listener, openConnections)
        }
        if fd >= 0 {
            shutdown(fd, Int32(SHUT_RDWR))
            close(fd)
        }
        for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    // MARK: - Connections

    private func acceptLoop(_ fd: Int32) {
        while !isStopped {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            var noDelay: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
            let admitted: Bool = lock.withLock {
                guard !stopped else { return false }
                openConnections.insert(client)
                acceptedConnections += 1
                peakConnections = max(peakConnections, openConnections.count)
                return true
            }
            guard admitted else {
                close(client)
                return
            }
            let thread = Thread { [self] in
                serve(client)
                lock.withLock { _ = openConnections.remove(client) }
                close(client)
            }
            thread.name = "LoopbackHTTPServer.connection"
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        var buffer = Data()
        while !isStopped {
            guard let request = readRequest(fd, buffer: &buffer) else { return }
            let handler: Handler? = lock.withLock {
                received.append(request)
                activeRequests += 1
                peakRequests = max(peakRequests, activeRequests)
                return routes[request.target] ?? routes[request.path]
            }
            let response = handler?(request) ?? .status(404)
            let keepAlive = respond(fd, response, path: request.path, headOnly: request.method == "HEAD")
            lock.withLock { activeRequests -= 1 }
            if !keepAlive || request.header("Connection")?.lowercased() == "close" { return }
        }
    }

    /// Reads one request head (and discards a body announced by Content-Length).
    private func readRequest(_ fd: Int32, buffer: inout Data) -> Request? {
        let separator = Data("\r\n\r\n".utf8)
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while buffer.range(of: separator) == nil {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<count])
            if buffer.count > 1 << 20 { return nil }
        }
        guard let end = buffer.range(of: separator) else { return nil }
        let head = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
        buffer = Data(buffer[end.upperBound...])
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        let fields: [(name: String, value: String)] = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let target = String(requestLine[1])
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        var request = Request(method: String(requestLine[0]), target: target, path: path, headerFields: fields)
        if let length = request.header("Content-Length").flatMap(Int.init), length > 0 {
            while buffer.count < length {
                let count = recv(fd, &chunk, chunk.count, 0)
                if count <= 0 { return nil }
                buffer.append(contentsOf: chunk[0..<count])
            }
            request.body = Data(buffer.prefix(length))
            buffer = Data(buffer.dropFirst(length))
        }
        return request
    }

    /// Sends `response`; returns whether the connection can serve another request.
    private func respond(_ fd: Int32, _ response: Response, path: String, headOnly: Bool) -> Bool {
        if response.delay > 0 { pause(response.delay) }
        lock.withLock { statusCounts[path, default: [:]][response.status, default: 0] += 1 }
        var headers = response.headers
        switch response.body {
        case .bytes(let data): headers["Content-Length"] = String(data.count)
        case .trickle(let data, _): headers["Content-Length"] = String(data.count)
        case .resetMidBody(_, let announced), .closeMidBody(_, let announced): headers["Content-Length"] = String(announced)
        case .chunked, .endless: headers["Transfer-Encoding"] = "chunked"
        }
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        guard write(fd, Data(head.utf8)) else { return false }
        if headOnly { return true }
        switch response.body {
        case .bytes(let data):
            return write(fd, data)
        case .trickle(let data, let delay):
            for byte in data {
                pause(delay)
                guard !isStopped, write(fd, Data([byte])) else { return false }
            }
            return true
        case .chunked(let chunks, let delay):
            for chunk in chunks where !chunk.isEmpty {
                if delay > 0 { pause(delay) }
                guard !isStopped, sendChunk(fd, chunk) else { return false }
            }
            return write(fd, Data("0\r\n\r\n".utf8))
        case .endless(let chunk, let delay):
            guard !chunk.isEmpty else { return false }
            while !isStopped {
                if delay > 0 { pause(delay) }
                guard sendChunk(fd, chunk) else { return false }
            }
            return false
        case .closeMidBody(let data, _):
            _ = write(fd, data)
            return false
        case .resetMidBody(let data, _):
            _ = write(fd, data)
            pause(0.05)  // let the partial body reach the client before the reset
            var reset = linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, socklen_t(MemoryLayout<linger>.size))
            return false
        }
    }

    private func sendChunk(_ fd: Int32, _ chunk: Data) -> Bool {
        write(fd, Data((String(chunk.count, radix: 16) + "\r\n").utf8)) && write(fd, chunk) && write(fd, Data("\r\n".utf8))
    }

    private func write(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { buffer in
            guard var pointer = buffer.baseAddress else { return true }
            var remaining = buffer.count
            while remaining > 0 {
                let sent = send(fd, pointer, remaining, Int32(MSG_NOSIGNAL))
                if sent < 0, errno == EINTR { continue }
                if sent <= 0 { return false }
                pointer += sent
                remaining -= sent
            }
            return true
        }
    }

    /// Sleeps in small steps so `stop()` ends slow responses promptly.
    private func pause(_ seconds: TimeInterval) {
        let end = Date().addingTimeInterval(seconds)
        while !isStopped, Date() < end { usleep(useconds_t(min(0.02, max(0, end.timeIntervalSinceNow)) * 1_000_000)) }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}
