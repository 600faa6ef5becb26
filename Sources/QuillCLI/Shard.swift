// `quill check --shard K/N`: which notebooks shard K of N runs. Every notebook goes to exactly one shard, the
// same one on every run and machine (it depends only on the paths and file sizes), and the shards are balanced by
// file size: greedy longest-processing-time, largest file first (ties by path), each to the lightest shard so far.
import ArgumentParser
import Foundation
import QuillNotebook

struct Shard: Equatable, CustomStringConvertible {
    /// 1-based index of this shard, 1...count.
    var index: Int
    var count: Int

    var description: String { "\(index)/\(count)" }

    /// Parses "K/N" with 1 <= K <= N; anything else is a usage error (exit 64).
    init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
            throw ValidationError("--shard must be K/N with 1 <= K <= N (e.g. 2/4), not '\(text)'")
        }
        index = k
        count = n
    }

    /// The shard (0-based) of each of `sizes`, by LPT: items sorted by size descending, then by key ascending,
    /// each placed on the shard with the smallest total so far (the lowest-numbered one on a tie).
    ///   sizes, keys: [items] -> [items] of 0..<count
    static func assign(sizes: [Int], keys: [String], count: Int) -> [Int] {
        let order = sizes.indices.sorted { a, b in
            sizes[a] != sizes[b] ? sizes[a] > sizes[b] : keys[a] < keys[b]
        }
        var totals = [Int](repeating: 0, count: count)
        var shardOf = [Int](repeating: 0, count: sizes.count)
        for item in order {
            var best = 0
            for s in 1..<max(count, 1) where totals[s] < totals[best] { best = s }
            shardOf[item] = best
            totals[best] += sizes[item]
        }
        return shardOf
    }

    /// The paths of this shard, in their given order, each once (a path named twice is one notebook). Sizes
    /// come from the file system (0 when unreadable; the run then reports the file itself).
    func select(_ named: [String]) -> [String] {
        var seen = Set<String>()
        let paths = named.filter { seen.insert($0).inserted }
        let sizes = paths.map { path -> Int in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            return (attributes?[.size] as? NSNumber)?.intValue ?? 0
        }
        let shardOf = Shard.assign(sizes: sizes, keys: paths, count: count)
        return paths.indices.filter { shardOf[$0] == index - 1 }.map { paths[$0] }
    }

    /// What `quill check` runs: all of `paths` without a shard; with one, its part. An empty shard (more shards
    /// than notebooks) has nothing to check and passes: it says so, writes an empty JUnit report when asked (so
    /// that a CI matrix finds one per shard) and exits 0.
    static func notebooks(_ paths: [String], shard text: String?, junit: String?) throws -> [String] {
        guard let text else { return paths }
        let shard = try Shard(parsing: text)
        let selected = shard.select(paths)
        guard selected.isEmpty, !paths.isEmpty else { return selected }
        Report.out("0 notebooks: shard \(shard) of \(Set(paths).count) notebooks is empty")
        if let junit {
            do {
                try AtomicFile.write(Array(JUnitReport.xml([]).utf8), to: junit)
            } catch {
                Report.error("\(error)")
                throw ExitStatus.failure
            }
        }
        throw ExitCode.success
    }
}
