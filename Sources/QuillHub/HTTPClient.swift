// Blocking HTTP for a synchronous resolver: HEAD for metadata, GET streamed into a BodyReceiver.
//
// Transports (one request each, never following redirects themselves):
// - Linux: libcurl's easy interface (CurlTransport.swift), which blocks in poll(2) while a connection is quiet.
//   FoundationNetworking's URLSession drives the same libcurl through dispatch sources, and keeps a write source
//   registered after the request is sent, so a stalled response spins a core until the timeout (about 9 s of CPU
//   for a 10 s stall); curl_easy_perform waits without using any.
// - Elsewhere, or when libcurl cannot be loaded: URLSession (URLSessionTransport.swift).
//
// HEAD does not follow redirects, as huggingface_hub's metadata request: an LFS file answers 302 to its CDN with
// X-Linked-Etag and X-Linked-Size, which live on the redirect response itself (Downloader follows relative ones).
// GET follows at most 10 redirects, to http and https only, and drops the Authorization header as soon as one
// leads to another host: the token is for the hub, never for the CDN.

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Foundation

struct HTTPRequest: Sendable {
    var url: URL
    /// "HEAD" or "GET".
    var method: String
    var headers: [String: String]
    /// Seconds to connect, and seconds without data before the transfer fails.
    var timeout: TimeInterval
}

struct HTTPResponse: Sendable {
    var status: Int
    /// Header names lowercased.
    var headers: [String: String]
    var url: String
    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// One request/response exchange, no redirects followed. A 200 body goes to `body`; any other body is read and
/// dropped, at most `maxDiscardedBody` bytes of it.
protocol HTTPTransport: Sendable {
    func perform(_ request: HTTPRequest, body: BodyReceiver?) throws(HubError) -> HTTPResponse
}

/// Bytes of a non-200 body (an error page) read before the transfer is abandoned.
let maxDiscardedBody = 1 << 20

/// Result of a streamed GET.
struct DownloadResult: Sendable {
    var response: HTTPResponse
    var bytes: Int64
    var sha256: String
}

struct HTTPClient: Sendable {
    var timeout: TimeInterval
    var transport: any HTTPTransport = HTTPClient.defaultTransport

    /// libcurl where it loads (Linux), else URLSession.
    static let defaultTransport: any HTTPTransport = {
        if let curl = CurlTransport.load() { return curl }
        return URLSessionTransport()
    }()

    /// HEAD without following redirects.
    func head(_ url: URL, headers: [String: String]) throws(HubError) -> HTTPResponse {
        try transport.perform(HTTPRequest(url: url, method: "HEAD", headers: headers, timeout: timeout), body: nil)
    }

    /// GET `url`, following redirects, a 200 body into `body`.
    /// - Throws: the receiver's failure (a cap, a failed write) when it stopped the transfer, else `.download`.
    func get(_ url: URL, headers: [String: String], into body: BodyReceiver) throws(HubError) -> DownloadResult {
        var url = url
        var headers = headers
        let origin = url.host?.lowercased()
        for _ in 0...10 {
            let request = HTTPRequest(url: url, method: "GET", headers: headers, timeout: timeout)
            let response: HTTPResponse
            do { response = try transport.perform(request, body: body) } catch {
                throw body.failure ?? error
            }
            if let failure = body.failure { throw failure }
            guard [301, 302, 303, 307, 308].contains(response.status), let location = response.header("Location") else {
                return DownloadResult(response: response, bytes: body.bytes, sha256: body.sha256)
            }
            guard let next = URL(string: location, relativeTo: url)?.absoluteURL,
                let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https"
            else {
                throw .download(url: url.absoluteString, reason: "redirect to an unsupported location '\(location)'")
            }
            if next.host?.lowercased() != origin { headers["Authorization"] = nil }
            url = next
        }
        throw .download(url: url.absoluteString, reason: "more than 10 redirects")
    }

    /// The message for a transfer that timed out.
    static func timeoutReason(_ seconds: TimeInterval) -> String {
        "timed out (no data for \(seconds.secondsText) s; see HF_HUB_DOWNLOAD_TIMEOUT / HF_HUB_ETAG_TIMEOUT)"
    }
}

extension TimeInterval {
    fileprivate var secondsText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
