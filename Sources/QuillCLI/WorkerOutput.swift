// Where the workers (`embed`, `score`, `tokenize`) write as they go: JSON Lines to stdout, or to a file that
// appears only when complete (JSON Lines, or a NumPy .npy array whose header is written last). Every byte goes
// through RawOutput.write (Output.swift).
import Foundation
import QuillNotebook
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes collected for one descriptor; the worker flushes after every batch, and whenever 64 KiB have collected.
struct BufferedWriter {
    let fd: Int32
    let target: String
    /// stdout: on SIGTERM, finish the line in progress and stop (RawOutput.write's `stopAtLineEnd`).
    let lineAware: Bool
    private var buffer: [UInt8] = []
    static let capacity = 1 << 16

    init(fd: Int32, target: String, lineAware: Bool) {
        self.fd = fd
        self.target = target
        self.lineAware = lineAware
        buffer.reserveCapacity(Self.capacity + 4096)
    }

    mutating func append(_ text: String) { buffer.append(contentsOf: text.utf8) }

    mutating func append(_ bytes: UnsafeRawBufferPointer) { buffer.append(contentsOf: bytes) }

    mutating func endLine() throws {
        buffer.append(0x0A)
        try flushIfFull()
    }

    mutating func flushIfFull() throws {
        if buffer.count >= Self.capacity { try flush() }
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { try RawOutput.write(fd, $0, target: target, stopAtLineEnd: lineAware) }
    }
}

/// A file that appears at `path` only when complete: written to `.NAME.quill-XXXXXX` beside it (as AtomicFile),
/// then fsync'd and renamed over it. Released without `commit()` (an error, SIGTERM, SIGPIPE), the temp file is
/// removed. A symlink at `path` stays and its target is replaced; an existing file's mode is kept.
final class StagedFile {
    let path: String
    let fd: Int32
    private let temp: String
    private let target: String
    private let mode: mode_t
    private var committed = false

    init(path: String) throws {
        self.path = path
        target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let mask = umask(0)
        umask(mask)
        var info = stat()
        mode = stat(target, &info) == 0 ? info.st_mode & 0o7777 : 0o666 & ~mask
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        // The name carries our PID, so the next writer's LitterSweep can tell a killed worker's temp file from ours.
        var template = Array(AtomicFile.template(directory: directory, name: name).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { $0.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw WriteError(target: path, code: errno) }
        self.fd = fd
        temp = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }

    /// Writes `bytes` at `offset` (a header patched at the end).
    func patch(_ bytes: [UInt8], at offset: Int) throws {
        try bytes.withUnsafeBytes { try RawOutput.write(fd, $0, target: path, offset: offset) }
    }

    /// Makes the file appear at `path`: mode, fsync, rename, then fsync of the folder.
    func commit() throws {
        guard fchmod(fd, mode) == 0, fsync(fd) == 0 else { throw WriteError(target: path, code: errno) }
        guard rename(temp, target) == 0 else { throw WriteError(target: path, code: errno) }
        committed = true
        _ = close(fd)
        let directory = (target as NSString).deletingLastPathComponent
        let dirFD = open(directory.isEmpty ? "." : directory, O_RDONLY)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            _ = close(dirFD)
        }
    }

    deinit {
        if !committed {
            _ = close(fd)
            _ = unlink(temp)
        }
    }
}

/// JSON Lines to stdout (flushed after each batch) or to a staged file.
struct JSONLinesOutput {
    private var writer: BufferedWriter
    private let file: StagedFile?

    /// `path` nil or "-": stdout.
    init(path: String?) throws {
        if let path, path != "-" {
            let file = try StagedFile(path: path)
            self.file = file
            writer = BufferedWriter(fd: file.fd, target: path, lineAware: false)
        } else {
            file = nil
            writer = BufferedWriter(fd: STDOUT_FILENO, target: "stdout", lineAware: true)
        }
    }

    mutating func line(_ text: String) throws {
        writer.append(text)
        try writer.endLine()
    }

    /// After each batch: what the batch produced reaches the reader now.
    mutating func endBatch() throws { try writer.flush() }

    mutating func finish() throws {
        try writer.flush()
        try file?.commit()
    }
}

/// A (rows, columns) float32 matrix as NumPy .npy version 1.0, rows appended as they come: the header keeps
/// 128 bytes for the shape, which is written when the row count is known.
struct NPYOutput {
    private let file: StagedFile
    private var writer: BufferedWriter
    private let columns: Int
    private var rows = 0
    static let headerBytes = 128

    init(path: String, columns: Int) throws {
        file = try StagedFile(path: path)
        self.columns = columns
        writer = BufferedWriter(fd: file.fd, target: path, lineAware: false)
        Self.header(rows: 0, columns: columns).withUnsafeBytes { writer.append($0) }
    }

    /// The 128-byte preamble: magic, version 1.0, header length, the dict padded with spaces, a newline.
    static func header(rows: Int, columns: Int) -> [UInt8] {
        let dict = Array("{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows), \(columns)), }".utf8)
        let length = headerBytes - 10
        var out: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)]
        out += dict + [UInt8](repeating: 0x20, count: max(0, length - 1 - dict.count)) + [0x0A]
        return out
    }

    mutating func row(_ values: [Float]) throws {
        values.withUnsafeBytes { writer.append($0) }
        rows += 1
        try writer.flushIfFull()
    }

    mutating func finish() throws {
        try writer.flush()
        try file.patch(Self.header(rows: rows, columns: columns), at: 0)
        try file.commit()
    }
}
