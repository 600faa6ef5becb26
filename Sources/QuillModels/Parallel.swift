// How Quill shares work across the cores, and the small pieces its parallel loops use.
import Dispatch
import Foundation
import QuillTensors

/// How work is split across the cores. Quill parallelizes itself (GEMMs split by rows, attention by sequence and
/// head) and keeps OpenBLAS single-threaded: two thread pools on two cores would fight, and OpenBLAS's idle
/// workers spin in sched_yield.
enum Parallel {
    /// One worker per core; these machines have two. QUILL_THREADS overrides.
    static let workers: Int = {
        if let s = ProcessInfo.processInfo.environment["QUILL_THREADS"], let n = Int(s), n > 0 { return n }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Tokens per group when the cores take whole groups of sequences through every layer (Encoder). Small
    /// enough that what one operation writes is still in the core's L2 when the next reads it (MiniLM: 4.5 KB of
    /// QKV and 6 KB of FFN activations per token), large enough that each weight panel fetched from the shared cache serves
    /// many rows. On short sentences 128 measured ~5% faster than 256 and 64 ~13% slower (interleaved runs).
    /// QUILL_GROUP_TOKENS overrides.
    static let groupTokens: Int = {
        if let s = ProcessInfo.processInfo.environment["QUILL_GROUP_TOKENS"], let n = Int(s), n > 0 { return n }
        return 128
    }()

    /// `transform` of 0..<count in order, computed in contiguous chunks across the cores when there are at least
    /// `perWorker` items for each (tokenizing a batch of sentences, say).
    static func map<T: Sendable>(_ count: Int, perWorker: Int = 256, _ transform: @escaping @Sendable (Int) -> T) -> [T] {
        let parts = min(workers, count / max(1, perWorker))
        if parts <= 1 { return (0..<count).map(transform) }
        let results = ResultSlots<T>(count: count)
        let chunk = (count + parts - 1) / parts
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            for i in p * chunk..<min(count, (p + 1) * chunk) { results.set(i, transform(i)) }
        }
        return results.collect()
    }

    /// Sets OpenBLAS to one thread per call, once per process.
    static let configureBLAS: Void = { setBLASThreads(1) }()

    /// Runs `body(start, count)` over `0..<count` split into at most `workers` contiguous chunks, in parallel when
    /// `work` (an estimate of the cost, e.g. FLOPs) makes it worth waking a second thread. Every chunk but the
    /// last starts and ends on a multiple of `multipleOf` (the GEMM's 8-row tile, so that no chunk of a product
    /// ends in a partial tile the GEMM has to copy).
    /// `workers` overrides the core count (for tests).
    static func forEachChunk(_ count: Int, work: Int, parallel: Bool = true, multipleOf unit: Int = 1,
                             workers: Int? = nil, _ body: @escaping @Sendable (Int, Int) -> Void) {
        let parts = parallel && work >= 1 << 18 ? min(workers ?? Self.workers, count) : 1
        if parts <= 1 { if count > 0 { body(0, count) }; return }
        let unit = max(1, unit), chunk = ((count + parts - 1) / parts + unit - 1) / unit * unit
        DispatchQueue.concurrentPerform(iterations: parts) { p in
            let start = p * chunk
            let n = min(chunk, count - start)
            if n > 0 { body(start, n) }
        }
    }
}

/// One slot per result of a parallel map: raw memory, so that workers writing their own slots never touch a
/// shared Array (whose mutating accessors are not safe to call from two threads at once). `collect` runs after
/// the loop and frees the slots.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(1, count))
    }

    /// Initializes slot i (each exactly once).
    func set(_ i: Int, _ value: T) { (slots + i).initialize(to: value) }

    /// The results, once every slot is set; the slots are freed.
    func collect() -> [T] {
        let results = Array(UnsafeBufferPointer(start: slots, count: count))
        slots.deinitialize(count: count)
        slots.deallocate()
        return results
    }
}

/// Hands out 0, 1, 2, ... to the workers of one parallel loop, each number once.
final class GroupCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0   // guarded by lock

    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// A raw buffer handed to the workers of one parallel loop. Each worker writes a disjoint part, and the loop ends
/// before the buffer's owner touches it again; that discipline, not the type system, makes the sharing safe.
struct SharedPointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    init(_ pointer: UnsafeMutablePointer<Float>) { self.pointer = pointer }
    init(mutating pointer: UnsafePointer<Float>) { self.pointer = UnsafeMutablePointer(mutating: pointer) }
}
