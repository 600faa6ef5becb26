// The URLSession transport: Darwin's, and the fallback on Linux when libcurl cannot be loaded directly (see
// HTTPClient.swift for why Linux prefers libcurl). Each request gets its own ephemeral session and delegate; the
// caller blocks on a semaphore while the session's serial delegate queue delivers the transfer.

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation

struct URLSessionTransport: HTTPTransport {
    func perform(_ request: HTTPRequest, body: BodyReceiver?) throws(HubError) -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method
        for (k, v) in request.headers { urlRequest.setValue(v, forHTTPHeaderField: k) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = request.timeout      // idle time between bytes (and to connect)
        configuration.timeoutIntervalForResource = 24 * 3600
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        let delegate = SessionDelegate(body: body, timeout: request.timeout)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
        let task = session.dataTask(with: urlRequest)
        task.resume()
        // The session's timeouts end the task; this bound only guards against a stack that never calls back.
        let finished = delegate.done.wait(timeout: .now() + configuration.timeoutIntervalForResource + 60)
        session.finishTasksAndInvalidate()
        let url = request.url.absoluteString
        guard finished == .success else {
            task.cancel()
            throw .download(url: url, reason: "no answer")
        }
        return try delegate.result(url: url)
    }
}

/// Collects one transfer. All state is touched on the session's serial queue, and read by the waiting thread only
/// after `done` is signalled (which orders the accesses), hence @unchecked Sendable.
private final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let body: BodyReceiver?
    private let timeout: TimeInterval
    private var response: HTTPResponse?
    private var failure: String?
    private var discarded = 0

    init(body: BodyReceiver?, timeout: TimeInterval) {
        self.body = body
        self.timeout = timeout
    }

    func result(url: String) throws(HubError) -> HTTPResponse {
        if let failure { throw .download(url: url, reason: failure) }
        guard let response else { throw .download(url: url, reason: "no response") }
        return response
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)   // HTTPClient follows redirects itself
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
        guard failure == nil else { return }
        if response?.status == 200, let body {
            let accepted = data.withUnsafeBytes { body.receive($0) }
            if !accepted {
                failure = "stopped by the receiver"
                dataTask.cancel()
            }
            return
        }
        discarded += data.count
        if discarded > maxDiscardedBody {
            failure = "the server's HTTP \(response?.status ?? 0) answer is longer than \(maxDiscardedBody) bytes"
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error, failure == nil {
            let ns = error as NSError
            if ns.domain == NSURLErrorDomain && ns.code == NSURLErrorTimedOut {
                failure = HTTPClient.timeoutReason(timeout)
            } else {
                failure = error.localizedDescription
            }
        }
        done.signal()
    }
}
