// The process's standard descriptors and the signals a pipeline sends: set up once in Main, before any file opens.
//
// - A closed stdin, stdout or stderr (`quill embed >&-`) is occupied with /dev/null opened the wrong way round, so
//   that a file opened later can never become fd 1 (and receive output meant for stdout), and every write to the
//   closed stream fails with EBADF, which the writer (Output.swift) reports as a clear error.
// - SIGPIPE is ignored, so that a write to a pipe nobody reads returns EPIPE instead of killing the process in the
//   middle of a write. Once the command has cleaned up (temp files removed), `die(of: SIGPIPE)` ends the process by
//   the signal itself, quietly: the parent sees what it sees for `cat` or `yes` (a shell reports 141, and prints
//   nothing). `git` does the same.
// - SIGTERM, for the streaming workers (`Termination.install()`): the handler only sets a flag and wakes the input
//   reader. The worker stops at the next line boundary, finishes the line it is writing, removes its temp file,
//   and dies of SIGTERM (a shell reports 143), with no message.
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum StandardStreams {
    /// Occupies closed standard descriptors (see the header): stdin write-only, stdout and stderr read-only.
    static func guardClosedDescriptors() {
        for (fd, flags) in [(Int32(0), O_WRONLY), (1, O_RDONLY), (2, O_RDONLY)] where fcntl(fd, F_GETFD) == -1 {
            let opened = open("/dev/null", flags)
            if opened >= 0, opened != fd {
                _ = dup2(opened, fd)
                _ = close(opened)
            }
        }
    }

    /// Writes fail with EPIPE instead of raising SIGPIPE, and with EFBIG instead of raising SIGXFSZ (a file size
    /// limit, `ulimit -f`, which would otherwise kill quill and leave its temp file behind).
    static func ignoreWriteSignals() {
        _ = signal(SIGPIPE, SIG_IGN)
        _ = signal(SIGXFSZ, SIG_IGN)
    }

    /// Ends the process by `signal` with its default action, as if it had never been caught or ignored.
    static func die(of signal: Int32) -> Never {
        _ = Foundation.signal(signal, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        _ = pthread_sigmask(SIG_UNBLOCK, &set, nil)
        _ = raise(signal)
        _exit(128 + signal)
    }
}

/// Thrown when SIGTERM asked a worker to stop; Main ends the process by SIGTERM, quietly.
struct Terminated: Error {}

/// SIGTERM for the streaming workers: a flag the loops check at line boundaries, and a pipe that wakes a reader
/// blocked on its input.
enum Termination {
    private static let flag = Atomic<Bool>(false)
    private static let wakeRead = Atomic<Int32>(-1)
    fileprivate static let wakeWrite = Atomic<Int32>(-1)

    /// True once SIGTERM has arrived (after `install()`).
    static var requested: Bool { flag.load(ordering: .acquiring) }

    /// The descriptor that becomes readable when SIGTERM arrives; -1 before `install()`.
    static var wakeDescriptor: Int32 { wakeRead.load(ordering: .acquiring) }

    /// Throws `Terminated` once SIGTERM has arrived.
    static func check() throws(Terminated) {
        if requested { throw Terminated() }
    }

    /// Installs the handler (once).
    static func install() {
        guard wakeRead.load(ordering: .acquiring) < 0 else { return }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return }
        for fd in fds {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        wakeWrite.store(fds[1], ordering: .releasing)
        wakeRead.store(fds[0], ordering: .releasing)
        _ = flag.load(ordering: .relaxed)   // both statics initialized before the handler can run
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = onTerminate
        #else
        action.__sigaction_u.__sa_handler = onTerminate
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        _ = sigaction(SIGTERM, &action, nil)
        // A parent may have started quill with SIGTERM blocked (the mask is inherited); this thread takes it.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        _ = pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    fileprivate static func signalled() {
        flag.store(true, ordering: .releasing)
    }
}

/// The SIGTERM handler: async-signal-safe (lock-free atomics and write(2) only; errno preserved).
private func onTerminate(_: Int32) {
    let saved = errno
    Termination.signalled()
    var byte: UInt8 = 1
    _ = write(Termination.wakeWrite.load(ordering: .acquiring), &byte, 1)
    errno = saved
}
