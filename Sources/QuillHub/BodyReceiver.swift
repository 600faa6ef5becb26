// Where a downloaded body goes as it arrives: appended to an open temporary file, hashed (SHA-256 from
// swift-crypto), counted, and capped. The caps stop a transfer at the first byte over them, so a server that sends
// more than it advertised, or more than the download size limit allows, never fills the disk.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation

/// SHA-256 as lowercase hex (the form of an LFS etag).
enum Checksum {
    static func sha256Hex(_ data: Data) -> String { hex(SHA256.hash(data: data)) }

    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A cap on a body: past `bytes`, the transfer stops with `error`.
struct BodyLimit: Sendable {
    var bytes: Int64
    var error: HubError
}

/// Receives one 200 body. The transport calls `receive` from one thread at a time and reads `failure` after the
/// transfer, hence @unchecked Sendable.
final class BodyReceiver: @unchecked Sendable {
    private let fd: Int32
    private let path: String
    private let limits: [BodyLimit]
    private let progress: (@Sendable (Int64) -> Void)?
    private var hasher = SHA256()
    private(set) var bytes: Int64 = 0
    /// Why `receive` refused a chunk (a cap, or a failed write); the transfer error to report instead of the
    /// transport's own "aborted".
    private(set) var failure: HubError?

    /// - Parameters:
    ///   - fd: an open, writable file; the receiver does not close it.
    ///   - path: the file's path, for messages.
    init(fd: Int32, path: String, limits: [BodyLimit], progress: (@Sendable (Int64) -> Void)? = nil) {
        self.fd = fd
        self.path = path
        self.limits = limits
        self.progress = progress
    }

    /// Appends a chunk. Returns false, with `failure` set, to stop the transfer.
    func receive(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard failure == nil else { return false }
        let total = bytes + Int64(chunk.count)
        if let exceeded = limits.first(where: { total > $0.bytes }) {
            failure = exceeded.error
            return false
        }
        hasher.update(bufferPointer: chunk)
        guard var next = chunk.baseAddress else { return true }
        var left = chunk.count
        while left > 0 {
            let n = write(fd, next, left)
            if n < 0 {
                if errno == EINTR { continue }
                failure = .io(path: path, reason: "cannot write the download: \(FileSystem.errnoText())")
                return false
            }
            left -= n
            next += n
        }
        bytes = total
        progress?(bytes)
        return true
    }

    /// The SHA-256 of everything received, as hex.
    var sha256: String { Checksum.hex(hasher.finalize()) }
}
