// Input lines for the workers, read as they come (a file, a pipe, or stdin) with read(2): bounded memory, every
// line ending accepted (LF, CRLF, and a lone CR, all the same), a leading UTF-8 byte order mark dropped, and
// invalid UTF-8 named by its line and byte offset. A reader blocked on a pipe wakes when SIGTERM arrives.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input line without its terminator: valid UTF-8, its 1-based number and the input offset of its first byte.
struct InputLine {
    var bytes: [UInt8]
    var number: Int
    var offset: Int

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

struct LineReader: ~Copyable {
    /// For messages: the input path, or "stdin".
    let source: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var start = 0       // first byte of the next line in `buffer`
    private var scanned = 0     // bytes after `start` already searched for a line end
    private var base = 0        // input offset of buffer[0]
    private var skipLF = false  // the last line ended with CR: a LF right after it belongs to that ending
    private var atEnd = false
    private var number = 0
    /// The longest line accepted, so that one line cannot take all memory.
    static let maxLineBytes = 64 << 20

    /// `path` nil or "-": stdin. Named pipes and process substitutions (`--input <(...)`) read too.
    init(path: String?) throws {
        if let path, path != "-" {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw CLIError(description: "\(path): cannot read the input file (\(String(cString: strerror(errno))))")
            }
            source = path
        } else {
            fd = STDIN_FILENO
            source = "stdin"
        }
    }

    deinit {
        if fd != STDIN_FILENO { _ = close(fd) }
    }

    /// True once every line has been returned.
    var finished: Bool { atEnd && !skipLF && start >= buffer.count }

    /// The next line, or nil at the end of the input (`finished`), or, when `wait` is false, when no whole line
    /// can be had without waiting for the writer (a batch then goes to work with the lines it has).
    mutating func next(wait: Bool = true) throws -> InputLine? {
        while true {
            if skipLF {
                if start < buffer.count {
                    if buffer[start] == 0x0A { start += 1 }
                    skipLF = false
                } else if atEnd {
                    skipLF = false
                } else {
                    guard try fill(wait: wait) else { return nil }
                    continue
                }
            }
            let end = buffer.withUnsafeBufferPointer { b in
                (start + scanned..<b.count).first { b[$0] == 0x0A || b[$0] == 0x0D }
            }
            if let end {
                skipLF = buffer[end] == 0x0D
                defer { start = end + 1 }
                return try line(buffer[start..<end])
            }
            scanned = buffer.count - start
            if atEnd {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return try line(buffer[start...])
            }
            if scanned > Self.maxLineBytes {
                throw CLIError(description: "\(source):\(number + 1): line longer than \(Self.maxLineBytes >> 20) MiB",
                               code: 65)
            }
            guard try fill(wait: wait) else { return nil }
        }
    }

    private mutating func line(_ bytes: ArraySlice<UInt8>) throws -> InputLine {
        number += 1
        scanned = 0
        var bytes = bytes
        var offset = base + bytes.startIndex
        if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
            offset += 3
        }
        if let bad = bytes.withUnsafeBufferPointer(firstInvalidUTF8) {
            let byte = bytes[bytes.startIndex + bad]
            throw CLIError(description: "\(source):\(number): not valid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) "
                           + "at byte offset \(offset + bad) of the input (byte \(bad + 1) of the line)", code: 65)
        }
        return InputLine(bytes: Array(bytes), number: number, offset: offset)
    }

    /// Drops the consumed lines and appends what the next read(2) gives (nothing at the end of the input). Waits
    /// for input, or for SIGTERM; without `wait`, returns false when the read would have to wait.
    private mutating func fill(wait: Bool) throws -> Bool {
        if start > 0 {
            buffer.removeFirst(start)
            base += start
            start = 0
        }
        while true {
            let wake = Termination.wakeDescriptor
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, wake >= 0 ? 2 : 1, wait ? -1 : 0)
            if ready < 0 && errno == EINTR { continue }
            if wake >= 0 && fds[1].revents & Int16(POLLIN) != 0 || Termination.requested { throw Terminated() }
            if ready == 0 { return false }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
                return true
            }
            if n == 0 {
                atEnd = true
                return true
            }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK {
                if wait { continue }
                return false
            }
            throw CLIError(description: "\(source): cannot read: \(String(cString: strerror(errno)))")
        }
    }
}

/// The index of the first byte that does not begin a well-formed UTF-8 sequence (Unicode Table 3-7: no overlong
/// forms, no surrogates, nothing above U+10FFFF, no truncated sequence), or nil when all of `b` is valid.
func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
    var i = 0
    while i < b.count {
        let c = b[i]
        if c < 0x80 { i += 1; continue }
        var need = 0, low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch c {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; high = 0x9F
        case 0xF0: need = 3; low = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; high = 0x8F
        default: return i
        }
        guard i + need < b.count, (low...high).contains(b[i + 1]) else { return i }
        for k in stride(from: 2, through: need, by: 1) where !(0x80...0xBF).contains(b[i + k]) { return i }
        i += need + 1
    }
    return nil
}
