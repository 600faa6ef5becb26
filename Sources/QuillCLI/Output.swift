// The one writer: every byte quill writes to stdout, stderr or a file goes through `RawOutput.write`, which uses
// write(2) directly and turns every failure into a `WriteError` (never a trap, unlike Foundation's
// FileHandle.write, which crashes with SIGILL on a full disk or a closed descriptor).
//
// Policy (applied in Main.swift):
// - EPIPE (the reader went away, `quill embed | head -1`): the process ends quietly by SIGPIPE, as `cat` would.
// - any other failure (ENOSPC on /dev/full, EBADF on a closed descriptor, EIO): "quill: error: cannot write to
//   stdout: ..." on stderr where stderr still works, and exit status 1.
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A write that failed: what was being written (stdout, stderr or a path) and errno.
struct WriteError: Error, CustomStringConvertible {
    var target: String
    var code: Int32

    var isBrokenPipe: Bool { code == EPIPE }

    var description: String {
        if code == EBADF && (target == "stdout" || target == "stderr") {
            return "cannot write to \(target): it is closed"
        }
        return "cannot write to \(target): \(String(cString: strerror(code)))"
    }
}

enum RawOutput {
    /// Writes all of `bytes` to `fd` (at `offset` with pwrite when given), retrying after EINTR, partial writes
    /// and EAGAIN (a non-blocking descriptor inherited from the parent).
    /// - Parameter stopAtLineEnd: SIGTERM-aware stdout: once termination is requested, write only up to the end
    ///   of the line in progress (none when at a line boundary), then throw `Terminated`.
    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, target: String, offset: Int? = nil,
                      stopAtLineEnd: Bool = false) throws {
        guard let base = bytes.baseAddress else { return }
        var done = 0, end = bytes.count
        while done < end {
            if stopAtLineEnd && Termination.requested && end == bytes.count {
                if done == 0 || bytes[done - 1] == 0x0A { throw Terminated() }
                end = (done..<bytes.count).first(where: { bytes[$0] == 0x0A }).map { $0 + 1 } ?? bytes.count
            }
            let n = offset.map { pwrite(fd, base + done, end - done, off_t($0 + done)) }
                ?? systemWrite(fd, base + done, end - done)
            if n > 0 {
                done += n
            } else if n < 0 && errno == EINTR {
                continue
            } else if n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&p, 1, -1)
            } else {
                throw WriteError(target: target, code: n < 0 ? errno : EIO)
            }
        }
        if end < bytes.count { throw Terminated() }
    }

    static func write(_ fd: Int32, _ text: String, target: String) throws {
        var text = text
        try text.withUTF8 { try write(fd, UnsafeRawBufferPointer($0), target: target) }
    }
}

/// stdout and stderr for short messages, unbuffered (one write each).
enum Console {
    /// The first failed write of `report` (a command's progress lines cannot throw); Main exits 1 when set.
    static let failure = Mutex<WriteError?>(nil)

    static func out(_ text: String) throws {
        try RawOutput.write(STDOUT_FILENO, text, target: "stdout")
    }

    static func err(_ text: String) throws {
        try RawOutput.write(STDERR_FILENO, text, target: "stderr")
    }

    /// A line for a command that goes on whatever happens to it (the notebook commands' `Report`): a broken pipe
    /// ends the process quietly at once; another failure is told on stderr (when the failing stream was stdout),
    /// remembered, and makes the exit status 1.
    static func report(_ text: String, toStandardError: Bool) {
        do {
            if toStandardError { try err(text) } else { try out(text) }
        } catch let error as WriteError {
            if error.isBrokenPipe { StandardStreams.die(of: SIGPIPE) }
            let first = failure.withLock { (stored: inout WriteError?) -> Bool in
                defer { if stored == nil { stored = error } }
                return stored == nil
            }
            if first && !toStandardError { try? err("quill: error: \(error)\n") }
        } catch {
            // RawOutput.write throws Terminated only for stopAtLineEnd writes, which these are not.
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif
