// Blocking HTTP over Foundation's URLSession (FoundationNetworking on Linux), for a synchronous resolver.
//
// Each request gets its own session and delegate, and the caller waits on a semaphore; the delegate runs on the
// session's own serial queue, so this is safe from any thread that is not that queue (never an async context's
// cooperative pool for long: the waits are bounded by the timeouts below). URLSession is used rather than a
// hand-written client because the real hub and its CDN are HTTPS only.
//
// HEAD does not follow redirects, as huggingface_hub's metadata request: an LFS file answers 302 to its CDN with
// X-Linked-Etag and X-Linked-Size, which live on the redirect response itself. Relative redirects (renamed repos)
// are followed by the caller. GET follows redirects (at most 10) and streams the body to a file.

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation

struct HTTPResponse: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var url: String
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Result of a streamed GET.
struct DownloadResult: Sendable {
    var response: HTTPResponse
    var bytes: Int64
    var sha256: String
}

struct HTTPClient: Sendable {
    var timeout: TimeInterval

    /// HEAD without following redirects.
    func head(_ url: URL, headers: [String: String]) throws(HubError) -> HTTPResponse {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "HEAD"
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let delegate = TransferDelegate(followRedirects: false, sink: nil, originalHost: url.host)
        return try run(request, delegate: delegate).response
    }

    /// GET `url`, following redirects, writing a 200 body to `sink`. `limit` caps the body (more is an error).
    func get(_ url: URL, headers: [String: String], to sink: FileHandle, limit: Int64?,
             progress: (@Sendable (Int64) -> Void)? = nil) throws(HubError) -> DownloadResult {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "GET"
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        let delegate = TransferDelegate(followRedirects: true, sink: sink, originalHost: url.host)
        delegate.limit = limit
        delegate.progress = progress
        return try run(request, delegate: delegate)
    }

    private func run(_ request: URLRequest, delegate: TransferDelegate) throws(HubError) -> DownloadResult {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout          // idle time between bytes (and to connect)
        configuration.timeoutIntervalForResource = 24 * 3600
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
        let task = session.dataTask(with: request)
        task.resume()
        // The session's timeouts end the task; this bound only guards against a stack that never calls back.
        let finished = delegate.done.wait(timeout: .now() + configuration.timeoutIntervalForResource + 60)
        session.finishTasksAndInvalidate()
        let url = request.url?.absoluteString ?? "?"
        guard finished == .success else {
            task.cancel()
            throw .download(url: url, reason: "no answer")
        }
        return try delegate.result(url: url)
    }
}

/// URLSession delegate collecting one transfer. All state is touched on the session's serial queue, and read by
/// the waiting thread only after `done` is signalled (which orders the accesses), hence @unchecked Sendable.
private final class TransferDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    let followRedirects: Bool
    let sink: FileHandle?
    let originalHost: String?
    var limit: Int64?
    var progress: (@Sendable (Int64) -> Void)?

    private var response: HTTPResponse?
    private var failure: String?
    private var bytes: Int64 = 0
    private var hasher = SHA256()
    private var redirects = 0

    init(followRedirects: Bool, sink: FileHandle?, originalHost: String?) {
        self.followRedirects = followRedirects
        self.sink = sink
        self.originalHost = originalHost
    }

    func result(url: String) throws(HubError) -> DownloadResult {
        if let failure { throw .download(url: response?.url ?? url, reason: failure) }
        guard let response else { throw .download(url: url, reason: "no response") }
        let digest = SHA256.hex(hasher.finalize())
        return DownloadResult(response: response, bytes: bytes, sha256: digest)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        guard followRedirects else { completionHandler(nil); return }
        redirects += 1
        guard redirects <= 10 else {
            failure = "more than 10 redirects"
            completionHandler(nil)
            return
        }
        var next = request
        // The token is for the hub only, never for the CDN a file is redirected to.
        if next.url?.host != originalHost { next.setValue(nil, forHTTPHeaderField: "Authorization") }
        completionHandler(next)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse else {
            failure = "not an HTTP response"
            completionHandler(.cancel)
            return
        }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let k = key as? String, let v = value as? String { headers[k.lowercased()] = v }
        }
        self.response = HTTPResponse(status: http.statusCode, headers: headers, url: http.url?.absoluteString ?? "?")
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard failure == nil, let sink, response?.status == 200 else { return }
        bytes += Int64(data.count)
        if let limit, bytes > limit {
            failure = "server sent more than the advertised \(limit) bytes"
            dataTask.cancel()
            return
        }
        hasher.update(data: data)
        do {
            try sink.write(contentsOf: data)
        } catch {
            failure = "cannot write to the temporary file: \(error.localizedDescription)"
            dataTask.cancel()
            return
        }
        progress?(bytes)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error, failure == nil {
            let ns = error as NSError
            if ns.domain == NSURLErrorDomain && ns.code == NSURLErrorTimedOut {
                failure = "timed out (no data for the configured timeout; see HF_HUB_DOWNLOAD_TIMEOUT / HF_HUB_ETAG_TIMEOUT)"
            } else {
                failure = error.localizedDescription
            }
        }
        done.signal()
    }
}
