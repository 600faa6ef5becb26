// The Linux transport: libcurl's easy interface, whose curl_easy_perform blocks the calling thread in poll(2), so a
// stalled connection costs no CPU while it waits for HF_HUB_DOWNLOAD_TIMEOUT (HTTPClient.swift says why not
// URLSession). libcurl is the library FoundationNetworking itself links (libcurl.so.4), so it is always present
// where Hub runs; it is bound at run time with dlopen/dlsym, and no headers or build settings are needed.
//
// curl_easy_setopt is variadic. It is called through non-variadic function pointer types, one per argument kind
// (long, pointer, callback): on the x86_64 System V and AArch64 Linux ABIs the one variadic argument travels in the
// same register as a fixed argument of that kind. The option numbers are libcurl's stable ABI (curl/curl.h).

#if canImport(Glibc)
import Glibc
import Foundation

final class CurlTransport: HTTPTransport, @unchecked Sendable {
    typealias DataCallback = @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int
    private typealias GlobalInit = @convention(c) (Int) -> Int32
    private typealias EasyInit = @convention(c) () -> OpaquePointer?
    private typealias EasyFunction = @convention(c) (OpaquePointer?) -> Int32
    private typealias EasyCleanup = @convention(c) (OpaquePointer?) -> Void
    private typealias Strerror = @convention(c) (Int32) -> UnsafePointer<CChar>?
    private typealias SetLong = @convention(c) (OpaquePointer?, Int32, Int) -> Int32
    private typealias SetPointer = @convention(c) (OpaquePointer?, Int32, UnsafeRawPointer?) -> Int32
    private typealias SetCallback = @convention(c) (OpaquePointer?, Int32, DataCallback?) -> Int32
    private typealias SlistAppend = @convention(c) (OpaquePointer?, UnsafePointer<CChar>?) -> OpaquePointer?
    private typealias SlistFree = @convention(c) (OpaquePointer?) -> Void

    /// CURLoption values (curl/curl.h: LONG 0, OBJECTPOINT 10000, FUNCTIONPOINT 20000 plus the option's number).
    private enum Option {
        static let writeData: Int32 = 10001, url: Int32 = 10002, errorBuffer: Int32 = 10010
        static let writeFunction: Int32 = 20011, lowSpeedLimit: Int32 = 19, lowSpeedTime: Int32 = 20
        static let httpHeader: Int32 = 10023, headerData: Int32 = 10029, noBody: Int32 = 44
        static let headerFunction: Int32 = 20079, noSignal: Int32 = 99, connectTimeoutMS: Int32 = 156
        static let protocols: Int32 = 181, protocolsString: Int32 = 10318
    }
    private static let timedOut: Int32 = 28           // CURLE_OPERATION_TIMEDOUT
    private static let globalDefault = 3               // CURL_GLOBAL_DEFAULT

    private let easyInit: EasyInit, perform: EasyFunction, cleanup: EasyCleanup, strerror: Strerror
    private let setLong: SetLong, setPointer: SetPointer, setCallback: SetCallback
    private let slistAppend: SlistAppend, slistFree: SlistFree

    /// Binds libcurl, or nil when it cannot be loaded (then HTTPClient uses URLSession).
    static func load() -> CurlTransport? {
        guard let library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL) else { return nil }
        func bind<T>(_ name: String, _ type: T.Type) -> T? { dlsym(library, name).map { unsafeBitCast($0, to: type) } }
        guard let globalInit = bind("curl_global_init", GlobalInit.self),
            let easyInit = bind("curl_easy_init", EasyInit.self),
            let perform = bind("curl_easy_perform", EasyFunction.self),
            let cleanup = bind("curl_easy_cleanup", EasyCleanup.self),
            let strerror = bind("curl_easy_strerror", Strerror.self),
            let setLong = bind("curl_easy_setopt", SetLong.self),
            let setPointer = bind("curl_easy_setopt", SetPointer.self),
            let setCallback = bind("curl_easy_setopt", SetCallback.self),
            let slistAppend = bind("curl_slist_append", SlistAppend.self),
            let slistFree = bind("curl_slist_free_all", SlistFree.self),
            globalInit(globalDefault) == 0
        else { return nil }
        return CurlTransport(easyInit: easyInit, perform: perform, cleanup: cleanup, strerror: strerror,
                             setLong: setLong, setPointer: setPointer, setCallback: setCallback,
                             slistAppend: slistAppend, slistFree: slistFree)
    }

    private init(easyInit: EasyInit, perform: EasyFunction, cleanup: EasyCleanup, strerror: Strerror,
                 setLong: SetLong, setPointer: SetPointer, setCallback: SetCallback,
                 slistAppend: SlistAppend, slistFree: SlistFree) {
        self.easyInit = easyInit
        self.perform = perform
        self.cleanup = cleanup
        self.strerror = strerror
        self.setLong = setLong
        self.setPointer = setPointer
        self.setCallback = setCallback
        self.slistAppend = slistAppend
        self.slistFree = slistFree
    }

    func perform(_ request: HTTPRequest, body: BodyReceiver?) throws(HubError) -> HTTPResponse {
        let url = request.url.absoluteString
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .download(url: url, reason: "only http and https addresses are fetched")
        }
        guard let handle = easyInit() else { throw .download(url: url, reason: "libcurl could not start a transfer") }
        defer { cleanup(handle) }
        var list: OpaquePointer? = nil
        defer { slistFree(list) }
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            guard !(name + value).contains(where: { $0 == "\r" || $0 == "\n" }) else {
                throw .download(url: url, reason: "the \(name) header contains a line break")
            }
            guard let next = "\(name): \(value)".withCString({ slistAppend(list, $0) }) else {
                throw .download(url: url, reason: "out of memory")
            }
            list = next
        }
        let errors = UnsafeMutablePointer<CChar>.allocate(capacity: 256)   // CURL_ERROR_SIZE
        errors.initialize(repeating: 0, count: 256)
        defer { errors.deallocate() }
        let exchange = Exchange(body: body)
        let context = Unmanaged.passUnretained(exchange).toOpaque()

        var status = url.withCString { setPointer(handle, Option.url, $0) }
        if request.method == "HEAD" { status |= setLong(handle, Option.noBody, 1) }
        status |= setPointer(handle, Option.httpHeader, UnsafeRawPointer(list))
        status |= setPointer(handle, Option.errorBuffer, errors)
        status |= setLong(handle, Option.noSignal, 1)
        status |= setLong(handle, Option.connectTimeoutMS, max(1, Int(request.timeout * 1000)))
        // "Below 1 byte/s for N seconds": no data for the timeout, whether waiting for headers or in the body.
        status |= setLong(handle, Option.lowSpeedLimit, 1)
        status |= setLong(handle, Option.lowSpeedTime, max(1, Int(request.timeout.rounded(.up))))
        if "http,https".withCString({ setPointer(handle, Option.protocolsString, $0) }) != 0 {
            status |= setLong(handle, Option.protocols, 3)   // CURLPROTO_HTTP | CURLPROTO_HTTPS, before 7.85
        }
        status |= setPointer(handle, Option.headerData, context)
        status |= setCallback(handle, Option.headerFunction) { data, size, count, context in
            let n = size * count
            guard let data, let context else { return n }
            Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue()
                .header(String(decoding: UnsafeRawBufferPointer(start: data, count: n), as: UTF8.self))
            return n
        }
        status |= setPointer(handle, Option.writeData, context)
        status |= setCallback(handle, Option.writeFunction) { data, size, count, context in
            let n = size * count
            guard let context else { return 0 }
            let accepted = Unmanaged<Exchange>.fromOpaque(context).takeUnretainedValue()
                .data(UnsafeRawBufferPointer(start: data, count: n))
            return accepted ? n : 0
        }
        guard status == 0 else { throw .download(url: url, reason: "libcurl refused an option") }

        let code = withExtendedLifetime(exchange) { perform(handle) }
        if let failure = body?.failure { throw failure }
        guard code == 0 else {
            if let problem = exchange.problem { throw .download(url: url, reason: problem) }
            if code == Self.timedOut { throw .download(url: url, reason: HTTPClient.timeoutReason(request.timeout)) }
            let detail = errors[0] != 0 ? String(cString: errors) : strerror(code).map { String(cString: $0) } ?? "error \(code)"
            throw .download(url: url, reason: detail)
        }
        return HTTPResponse(status: exchange.status, headers: exchange.headers, url: url)
    }
}

/// The state of one transfer, reached from libcurl's callbacks on the performing thread.
private final class Exchange {
    let body: BodyReceiver?
    var status = 0
    var headers: [String: String] = [:]
    var discarded = 0
    var problem: String?

    init(body: BodyReceiver?) { self.body = body }

    /// One header line; a status line starts a new response (after a `100 Continue`, say).
    func header(_ line: String) {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("HTTP/") {
            let parts = text.split(separator: " ", maxSplits: 2)
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = [:]
        } else if let colon = text.firstIndex(of: ":") {
            let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }

    func data(_ chunk: UnsafeRawBufferPointer) -> Bool {
        if status == 200, let body { return body.receive(chunk) }
        discarded += chunk.count
        guard discarded <= maxDiscardedBody else {
            problem = "the server's HTTP \(status) answer is longer than \(maxDiscardedBody) bytes"
            return false
        }
        return true
    }
}
#else
/// Elsewhere URLSession has no such problem; HTTPClient uses it.
enum CurlTransport {
    static func load() -> (any HTTPTransport)? { nil }
}
#endif
