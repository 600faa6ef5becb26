// A small HTTP/1.1 server on 127.0.0.1 (ephemeral port) that answers like the hub's resolve endpoint:
//   HEAD|GET /{repo}/resolve/{revision}/{file}   regular files: 200 with ETag and X-Repo-Commit;
//                                                LFS files: 302 to /cdn/{sha256} with X-Linked-Etag/X-Linked-Size
//   GET /cdn/{sha256}                             the LFS bytes, with the configured fault applied
// Unknown repository: 401 RepoNotFound; unknown file: 404 EntryNotFound; unknown revision: 404 RevisionNotFound.
// One thread accepts (polling), one per connection, `Connection: close`; it stops by itself after `lifetime` s.

#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import QuillHub

enum Fault: Sendable, Equatable {
    case none
    /// Content-Length says the full size, the body stops short and the connection closes.
    case shortBody
    case flipByte   // right size, one byte changed
    case dropMidBody   // half the body, then the connection is closed
    /// X-Linked-Size advertises more than the file has.
    case wrongAdvertisedSize
    /// Headers, then silence for `seconds`.
    case stall(seconds: Double)
    /// Half the body, then silence for `seconds`.
    case stallMidBody(seconds: Double)
    /// No size anywhere: the HEAD has neither X-Linked-Size nor Content-Length, the body ends when the connection
    /// closes.
    case noSize
    /// X-Linked-Size advertises 10 bytes less than the file has.
    case advertiseLess
}

struct FixtureRepo: Sendable {
    var id: String
    var commit: String
    var files: [String: Data]
    /// Files served as LFS (302 to the CDN, sha256 etag). Default: *.safetensors and *.bin.
    var lfs: Set<String>

    init(id: String, commit: String, files: [String: Data], lfs: Set<String>? = nil) {
        self.id = id
        self.commit = commit
        self.files = files
        self.lfs = lfs ?? Set(files.keys.filter { $0.hasSuffix(".safetensors") || $0.hasSuffix(".bin") })
    }

    /// Loads a fixture folder, files keyed by their relative path.
    static func folder(_ url: URL, id: String, commit: String) throws -> FixtureRepo {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        while let path = enumerator?.nextObject() as? String {
            var isDir: ObjCBool = false
            let full = url.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: full.path, isDirectory: &isDir), !isDir.boolValue {
                files[path] = try Data(contentsOf: full)
            }
        }
        return FixtureRepo(id: id, commit: commit, files: files)
    }
}

func sha256Hex(_ data: Data) -> String { Checksum.sha256Hex(data) }
/// git's blob id, which the hub sends as ETag for regular files.
func gitBlobID(_ data: Data) -> String {
    // The hub's etag of a non-LFS file is its git blob id (SHA-1 of "blob N\0" + data); any 40-hex digest that
    // is not a sha256 serves the tests, so take the first 40 hex digits of a SHA-256 over the same bytes.
    String(Checksum.sha256Hex(Data("blob \(data.count)\0".utf8) + data).prefix(40))
}

final class LocalHubServer: @unchecked Sendable {
    private let lock = NSLock()
    private var repos: [String: FixtureRepo]
    private var faults: [String: Fault]          // keyed by file name, applied to the body
    private var _requests: [String] = []
    private var stopped = false
    private let listener: Int32
    private(set) var port: UInt16 = 0
    /// Send `ETag: W/"..."` for regular files.
    var weakEtags = false
    /// The host LFS redirects name ("localhost" makes the CDN another host than the hub's 127.0.0.1).
    var cdnHost = "127.0.0.1"

    var endpoint: String { "http://127.0.0.1:\(port)" }
    var requests: [String] { lock.withLock { _requests } }
    var requestCount: Int { requests.count }

    init(repos: [FixtureRepo], faults: [String: Fault] = [:], lifetime: TimeInterval = 60) throws {
        self.repos = Dictionary(uniqueKeysWithValues: repos.map { ($0.id, $0) })
        self.faults = faults
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw ServerError("socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { close(listener); throw ServerError("bind/listen: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)
        let deadline = Date().addingTimeInterval(lifetime)
        let thread = Thread { [self] in acceptLoop(until: deadline) }
        thread.start()
    }

    deinit { stop() }

    func setFault(_ fault: Fault, for file: String) { lock.withLock { faults[file] = fault } }

    func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop(until deadline: Date) {
        defer { close(listener) }
        while !isStopped && Date() < deadline {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            let thread = Thread { [self] in handle(client) }
            thread.start()
        }
        lock.withLock { stopped = true }
    }

    private func handle(_ fd: Int32) {
        defer { close(fd) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var request = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while request.count < 65536, request.range(of: Data("\r\n\r\n".utf8)) == nil {
            let n = recv(fd, &buffer, buffer.count, 0)
            guard n > 0 else { return }
            request.append(contentsOf: buffer[0..<n])
        }
        guard let text = String(data: request, encoding: .utf8), let line = text.split(separator: "\r\n").first else { return }
        let parts = line.split(separator: " ")
        guard parts.count >= 2 else { return }
        let method = String(parts[0])
        let target = String(parts[1])
        let authorization = text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("authorization:") }
        lock.withLock { _requests.append("\(method) \(target)" + (authorization != nil ? " [auth]" : "")) }
        let (status, headers, body, fault) = route(method: method, target: target)
        send(fd, status: status, headers: headers, body: body, head: method == "HEAD", fault: fault)
    }

    private func route(method: String, target: String) -> (Int, [(String, String)], Data, Fault) {
        let path = target.removingPercentEncoding ?? target
        if path.hasPrefix("/cdn/") {
            let sha = String(path.dropFirst(5))
            let found = lock.withLock { () -> (String, Data)? in
                for repo in repos.values {
                    for (name, data) in repo.files where repo.lfs.contains(name) && sha256Hex(data) == sha { return (name, data) }
                }
                return nil
            }
            guard let (name, data) = found else { return (404, [], Data(), .none) }
            let fault = lock.withLock { faults[name] ?? .none }
            return (200, [("ETag", "\"\(sha)\"")], data, fault)
        }
        guard let range = path.range(of: "/resolve/") else { return (404, [], Data(), .none) }
        let repoID = String(path[path.index(after: path.startIndex)..<range.lowerBound])
        let rest = path[range.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return (404, [], Data(), .none) }
        let revision = String(rest[..<slash])
        let file = String(rest[rest.index(after: slash)...])
        guard let repo = lock.withLock({ repos[repoID] }) else {
            return (401, [("X-Error-Code", "RepoNotFound")], Data(), .none)
        }
        guard revision == "main" || revision == repo.commit else {
            return (404, [("X-Error-Code", "RevisionNotFound")], Data(), .none)
        }
        let commit = ("X-Repo-Commit", repo.commit)
        guard let data = repo.files[file] else {
            return (404, [("X-Error-Code", "EntryNotFound"), commit], Data(), .none)
        }
        let fault = lock.withLock { faults[file] ?? .none }
        if repo.lfs.contains(file) {
            let sha = sha256Hex(data)
            let size = fault == .wrongAdvertisedSize ? data.count + 5 : fault == .advertiseLess ? data.count - 10 : data.count
            var headers = [("Location", "http://\(cdnHost):\(port)/cdn/\(sha)"), ("X-Linked-Etag", "\"\(sha)\""),
                           ("X-Linked-Size", "\(size)"), ("ETag", "\"\(gitBlobID(data))\""), commit]
            if fault == .noSize { headers.removeAll { $0.0 == "X-Linked-Size" } }
            return (302, headers, Data(), fault == .noSize ? .noSize : .none)
        }
        let etag = weakEtags ? "W/\"\(gitBlobID(data))\"" : "\"\(gitBlobID(data))\""
        return (200, [("ETag", etag), commit], data, fault)
    }

    private func send(_ fd: Int32, status: Int, headers: [(String, String)], body: Data, head isHead: Bool, fault: Fault) {
        let reason = [200: "OK", 302: "Found", 401: "Unauthorized", 404: "Not Found"][status] ?? "Status"
        var head = "HTTP/1.1 \(status) \(reason)\r\nConnection: close\r\n"
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        if fault != .noSize { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        writeAll(fd, Data(head.utf8))
        guard !isHead, !body.isEmpty else { return }
        var body = body
        switch fault {
        case .none, .wrongAdvertisedSize, .advertiseLess, .noSize: writeAll(fd, body)
        case .shortBody: writeAll(fd, body.prefix(body.count - 7))
        case .flipByte:
            body[body.count / 2] ^= 0x01
            writeAll(fd, body)
        case .dropMidBody:
            writeAll(fd, body.prefix(body.count / 2))
            shutdown(fd, Int32(SHUT_RDWR))
        case let .stall(seconds):
            pause(seconds)
            writeAll(fd, body)
        case let .stallMidBody(seconds):
            writeAll(fd, body.prefix(body.count / 2))
            pause(seconds)
            writeAll(fd, body.suffix(from: body.count / 2))
        }
    }

    /// Sleeps `seconds`, or until the server stops.
    private func pause(_ seconds: Double) {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end && !isStopped { Thread.sleep(forTimeInterval: 0.05) }
    }

    private func writeAll(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n <= 0 { return }
                offset += n
            }
        }
    }
}

struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
