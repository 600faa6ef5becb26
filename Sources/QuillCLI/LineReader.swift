// Input lines for the workers, read as they come (a file, a pipe, or stdin) with read(2) and split by QuillJSON's
// LineSplitter (every line ending accepted, a byte order mark dropped, invalid UTF-8 named by line and byte offset,
// a 64 MiB line limit). What stays here is the I/O: the descriptor, waiting with poll(2), and waking on SIGTERM;
// the splitter's errors become CLIErrors with exit code 65.
import Foundation
import QuillJSON
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct LineReader: ~Copyable {
    /// For messages: the input path, or "stdin".
    let source: String
    private let fd: Int32
    private var splitter = LineSplitter()
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)

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
    var finished: Bool { splitter.finished }

    /// The next line, or nil at the end of the input (`finished`), or, when `wait` is false, when no whole line
    /// can be had without waiting for the writer (a batch then goes to work with the lines it has).
    mutating func next(wait: Bool = true) throws -> InputLine? {
        while true {
            do {
                if let line = try splitter.next() { return line }
            } catch {
                throw CLIError(description: error.message(source: source), code: 65)
            }
            if splitter.finished { return nil }
            guard try fill(wait: wait) else { return nil }
        }
    }

    /// Gives the splitter what the next read(2) returns (or the end of the input). Waits for input, or for
    /// SIGTERM; without `wait`, returns false when the read would have to wait.
    private mutating func fill(wait: Bool) throws -> Bool {
        while true {
            let wake = Termination.wakeDescriptor
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, wake >= 0 ? 2 : 1, wait ? -1 : 0)
            if ready < 0 && errno == EINTR { continue }
            if wake >= 0 && fds[1].revents & Int16(POLLIN) != 0 || Termination.requested { throw Terminated() }
            if ready == 0 { return false }
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                splitter.append(chunk[0..<n])
                return true
            }
            if n == 0 {
                splitter.finish()
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
