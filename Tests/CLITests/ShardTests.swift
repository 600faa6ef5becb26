// `quill check --shard K/N` (Shard.swift): the shards partition the notebooks, are the same on every run, are
// balanced by size as LPT promises, and their JUnit reports together count every notebook once.
import Foundation
import Testing

@Suite(.serialized) struct ShardTests {
    /// Nine passing notebooks of very different sizes (padding prose), under two folders.
    func notebooks() throws -> (dir: URL, paths: [String], sizes: [String: Int]) {
        let dir = try scratch()
        try FileManager.default.removeItem(at: dir.appendingPathComponent("seed.md"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("docs/b"), withIntermediateDirectories: true)
        var paths: [String] = [], sizes: [String: Int] = [:]
        for i in 0..<9 {
            let path = "docs/\(i % 2 == 0 ? "" : "b/")n\(i).md"
            let padding = String(repeating: "Prose line.\n", count: [40, 3, 17, 90, 1, 25, 60, 8, 33][i])
            let text = "# Notebook \(i)\n\n\(padding)\n```python quill\nprint(\(i) * 2)\n```\n\n```output\n\(i * 2)\n```\n"
            try write(text, path, in: dir)
            paths.append(path)
            sizes[path] = text.utf8.count
        }
        return (dir, paths, sizes)
    }

    /// The notebook paths of a JUnit report, one per testsuite.
    func suites(_ xml: String) -> [String] {
        xml.components(separatedBy: "<testsuite name=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }

    func shard(_ k: Int, of n: Int, in dir: URL) throws -> (names: [String], stdout: String) {
        let report = "shard-\(k)-of-\(n).xml"
        let t = try quill(["check", "--shard", "\(k)/\(n)", "docs", "--junit", report], in: dir)
        #expect(t.status == 0, "shard \(k)/\(n): \(t.stderr)")
        return (suites(read(report, in: dir)), t.stdout)
    }

    @Test func shardsPartitionTheNotebooksAndAreBalanced() throws {
        let (dir, paths, sizes) = try notebooks()
        defer { try? FileManager.default.removeItem(at: dir) }
        for n in [1, 2, 3, 4] {
            var seen: [String] = []
            var totals: [Int] = []
            for k in 1...n {
                let (names, stdout) = try shard(k, of: n, in: dir)
                #expect(stdout.hasPrefix("\(names.count) notebook"), "\(stdout)")
                seen += names
                totals.append(names.reduce(0) { $0 + (sizes[$1] ?? 0) })
            }
            // Merged reports: every notebook exactly once.
            #expect(seen.sorted() == paths.sorted(), "\(n) shards: \(seen)")
            #expect(Set(seen).count == seen.count)
            // LPT: the heaviest and lightest shard differ by at most the largest notebook.
            let largest = sizes.values.max() ?? 0
            #expect((totals.max() ?? 0) - (totals.min() ?? 0) <= largest, "\(n) shards: \(totals)")
        }
    }

    @Test func shardsAreStableAcrossRunsAndArgumentOrder() throws {
        let (dir, paths, _) = try notebooks()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try (1...3).map { try shard($0, of: 3, in: dir).names }
        let second = try (1...3).map { try shard($0, of: 3, in: dir).names }
        #expect(first == second)
        // The notebooks named one by one, in another order (one twice), make the same shards.
        for k in 1...3 {
            let t = try quill(["check", "--shard", "\(k)/3"] + paths.reversed() + [paths[0], "--junit", "r.xml"], in: dir)
            #expect(t.status == 0, "\(t.stderr)")
            #expect(suites(read("r.xml", in: dir)).sorted() == first[k - 1].sorted())
        }
    }

    @Test func moreShardsThanNotebooksLeavesEmptyShardsThatPass() throws {
        let (dir, paths, _) = try notebooks()
        defer { try? FileManager.default.removeItem(at: dir) }
        var seen: [String] = []
        for k in 1...12 {
            let (names, stdout) = try shard(k, of: 12, in: dir)
            #expect(names.count <= 1)
            if names.isEmpty { #expect(stdout == "0 notebooks: shard \(k)/12 of 9 notebooks is empty\n") }
            seen += names
        }
        #expect(seen.sorted() == paths.sorted())
    }

    @Test func badShardsAreUsageErrors() throws {
        let (dir, _, _) = try notebooks()
        defer { try? FileManager.default.removeItem(at: dir) }
        for bad in ["0/3", "4/3", "3", "1/0", "a/b", "1/2/3", " 1/2", "-1/2"] {
            let t = try quill(["check", "--shard=\(bad)", "docs"], in: dir)
            #expect(t.status == 64, "--shard '\(bad)': \(t.status) \(t.stderr)")
            #expect(t.stderr.contains("--shard must be K/N"), "\(t.stderr)")
        }
    }
}
