// The cache's storage: damaged entries are misses (and are replaced), the size bound evicts the least recently
// used entries, two processes share one cache, `quill cache info|clear`, `--no-cache`, `embed|score --cache`,
// cross-encoder scores, and timing calls that always reach the engine.
import Foundation
import Testing

@Suite(.serialized) struct CacheStorageTests {
    let sentences = ["A man is eating food.", "A woman is playing violin.", "The new movie is awesome",
                     "A cheetah is running.", "Two men pushed carts."]

    /// The entries of sentences (all of one size: one row of the model's width), not the model's settings entry.
    func rowEntries(_ s: CacheScratch) -> [URL] {
        let all = s.entries()
        let sizes = Dictionary(grouping: all, by: \.size)
        guard let common = sizes.max(by: { $0.value.count < $1.value.count })?.key else { return [] }
        return all.filter { $0.size == common }.map(\.url).sorted { $0.path < $1.path }
    }

    @Test func corruptAndTruncatedEntriesAreMissesAndAreReplaced() throws {
        let s = try CacheScratch()
        defer { s.remove() }
        try s.encodeNotebook("nb", sentences)
        #expect(try s.quill(["run", "nb.md"]).computed == 5)
        let rendered = s.output("nb")
        let rows = rowEntries(s)
        try #require(rows.count == 5)
        var corrupt = [UInt8](try Data(contentsOf: rows[0]))
        corrupt[corrupt.count / 2] ^= 0x40
        try Data(corrupt).write(to: rows[0])
        let truncated = try Data(contentsOf: rows[1])
        try truncated.prefix(truncated.count - 7).write(to: rows[1])
        try Data().write(to: rows[2])

        let rerun = try s.quill(["run", "nb.md"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.computed == 3 && rerun.hits == 2, "\(rerun.stderr)")
        #expect(s.output("nb") == rendered)
        let again = try s.quill(["run", "nb.md"])
        #expect(again.computed == 0 && again.hits == 5 && !again.loadedWeights, "\(again.stderr)")
    }

    @Test func theSizeBoundEvictsTheLeastRecentlyUsed() throws {
        var s = try CacheScratch()
        defer { s.remove() }
        let first = sentences, second = sentences.map { $0 + " Again." }
        try s.encodeNotebook("a", first)
        try s.encodeNotebook("b", second)
        #expect(try s.quill(["run", "a.md"]).computed == 5)
        let firstRow = try #require(rowEntries(s).first)
        let row = try #require(s.entries().first { $0.url == firstRow }).size
        let settings = s.entries().map(\.size).reduce(0, +) - 5 * row
        // Room for the settings and one notebook's rows after eviction (to 90% of the limit), not for both.
        let limit = (settings + 5 * row) * 10 / 9 + row / 2
        try #require(limit < settings + 10 * row)
        s.environment["QUILL_CACHE_SIZE"] = String(limit)
        #expect(try s.quill(["run", "b.md"]).computed == 5)
        #expect(s.entries().map(\.size).reduce(0, +) <= limit)
        let b = try s.quill(["run", "b.md"])
        #expect(b.computed == 0 && !b.loadedWeights, "b's rows, used last, stay: \(b.stderr)")
        let a = try s.quill(["run", "a.md"])
        #expect(a.computed == 5, "a's rows, used first, were evicted: \(a.stderr)")
        #expect(s.entries().map(\.size).reduce(0, +) <= limit)
    }

    @Test func twoProcessesShareOneCache() throws {
        let s = try CacheScratch()
        defer { s.remove() }
        try s.encodeNotebook("a", sentences)
        try s.encodeNotebook("b", sentences.reversed())
        let runs = [try s.start(["run", "a.md"]), try s.start(["run", "b.md"])].map { $0.finish() }
        for run in runs { #expect(run.status == 0, "\(run.stderr)") }
        let a = s.output("a"), b = s.output("b")
        #expect(try s.quill(["run", "--no-cache", "a.md", "b.md"]).status == 0)
        #expect(s.output("a") == a && s.output("b") == b)
        let again = try s.quill(["run", "a.md", "b.md"])
        #expect(again.computed == 0 && again.hits == 10 && !again.loadedWeights, "\(again.stderr)")
        #expect(s.entries().allSatisfy { $0.url.pathExtension == "qce" }, "no temporary files left")
    }

    @Test func infoAndClear() throws {
        var s = try CacheScratch()
        defer { s.remove() }
        s.environment["QUILL_CACHE_SIZE"] = "2M"
        try s.encodeNotebook("nb", sentences)
        #expect(try s.quill(["run", "nb.md"]).status == 0)
        let info = try s.quill(["cache", "info"])
        #expect(info.status == 0)
        #expect(info.stdout.contains("location: \(s.cache.path)\n"))
        #expect(info.stdout.contains("entries:  \(s.entries().count)\n") && s.entries().count == 6)
        #expect(info.stdout.contains("limit:    2.0 MB (2000000 bytes)\n"), "\(info.stdout)")
        let clear = try s.quill(["cache", "clear"])
        #expect(clear.status == 0 && clear.stdout.hasPrefix("removed 6 entries"), "\(clear.stdout)")
        #expect(s.entries().isEmpty)
        #expect(try s.quill(["cache", "info"]).stdout.contains("entries:  0\n"))
        #expect(try s.quill(["run", "nb.md"]).computed == 5)
        s.environment["QUILL_CACHE_SIZE"] = "lots"
        #expect(try s.quill(["run", "nb.md"]).status == 64)
    }

    @Test func noCacheNeitherReadsNorWrites() throws {
        let s = try CacheScratch()
        defer { s.remove() }
        try s.encodeNotebook("nb", sentences)
        for command in ["run", "update", "check"] {
            let t = try s.quill([command, "--no-cache", "nb.md"])
            #expect(t.status == 0 && t.loadedWeights && t.hits + t.computed == 0, "\(command): \(t.stderr)")
        }
        #expect(s.entries().isEmpty)
    }

    @Test func embedAndScoreUseTheCacheOnlyWhenAsked() throws {
        let s = try CacheScratch()
        defer { s.remove() }
        let input = sentences.map { "\"\($0)\"" }.joined(separator: "\n") + "\n"
        let plain = try s.quill(["embed", "--model", "./model"], stdin: input)
        #expect(plain.status == 0 && s.entries().isEmpty, "\(plain.stderr)")
        let cached = try s.quill(["embed", "--model", "./model", "--cache"], stdin: input)
        #expect(cached.status == 0 && cached.computed == 5 && cached.stdout == plain.stdout, "\(cached.stderr)")
        // A notebook encoding the same sentences finds them.
        try s.encodeNotebook("nb", sentences)
        let notebook = try s.quill(["run", "nb.md"])
        #expect(notebook.hits == 5 && notebook.computed == 0, "\(notebook.stderr)")

        let pairs = "[\"a cat\", \"a dog\"]\n[\"a man\", \"food\"]\n"
        let scores = try s.quill(["score", "--model", "./ce", "--cache"], stdin: pairs)
        let again = try s.quill(["score", "--model", "./ce", "--cache"], stdin: pairs)
        let logits = try s.quill(["score", "--model", "./ce", "--cache", "--logits"], stdin: pairs)
        #expect(scores.computed == 2 && again.hits == 2 && again.stdout == scores.stdout, "\(again.stderr)")
        #expect(logits.computed == 2 && logits.stdout != scores.stdout, "\(logits.stderr)")
    }

    @Test func crossEncoderScoresAreCachedAndTimingBypassesTheCache() throws {
        let s = try CacheScratch()
        defer { s.remove() }
        try s.notebook("ce", """
            from sentence_transformers import CrossEncoder
            ce = CrossEncoder("./ce")
            for score in ce.predict([("a cat", "a dog"), ("a man", "food")]):
                print(f"{score:.6f}")
            """)
        #expect(try s.quill(["run", "ce.md"]).computed == 2)
        let rendered = s.output("ce")
        let rerun = try s.quill(["run", "ce.md"])
        #expect(rerun.hits == 2 && !rerun.loadedWeights && s.output("ce") == rendered, "\(rerun.stderr)")
        try s.notebook("timed", """
            from sentence_transformers import CrossEncoder
            ce = CrossEncoder("./ce")
            speed = throughput(ce, [("a cat", "a dog"), ("a man", "food")], repeat=2)
            print(speed.items)
            """)
        let timed = try s.quill(["run", "timed.md"])
        #expect(timed.status == 0 && timed.loadedWeights && timed.hits + timed.computed == 0, "\(timed.stderr)")
    }
}
