// The cache seen from notebooks: an unchanged rerun computes nothing and loads no weights, an edited sentence is
// the only one computed, every result-changing option is part of the key, and another model in the same folder
// (even one written over the old weights with the old size and modification time) gets its own numbers. Expected
// numbers are the engine's own, from a --no-cache run: the cache must give exactly what the engine gives.
import Foundation
import Testing

@Suite(.serialized) struct CacheTests {
    let sentences = ["A man is eating food.", "A woman is playing violin.", "The new movie is awesome"]

    @Test func unchangedRerunComputesNothingAndLoadsNoWeights() throws {
        let s = try CacheScratch()
        defer { s.remove() }
        try s.encodeNotebook("nb", sentences)
        let first = try s.quill(["run", "nb.md"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.loadedWeights)
        #expect(first.computed == 3 && first.hits == 0, "\(first.stderr)")
        let rendered = s.output("nb")
        #expect(s.printed("nb").split(separator: "\n").filter { $0.split(separator: " ").count == 6 }.count == 3)

        let second = try s.quill(["run", "nb.md"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.loadedWeights, "\(second.stderr)")
        #expect(second.computed == 0 && second.hits == 3, "\(second.stderr)")
        #expect(s.output("nb") == rendered)

        let uncached = try s.quill(["run", "--no-cache", "nb.md"])
        #expect(uncached.loadedWeights && uncached.computed == 0 && uncached.hits == 0)
        #expect(s.output("nb") == rendered)
    }

    @Test func checkUsesTheCacheToo() throws {
        let s = try CacheScratch()
        defer { s.remove() }
        try s.encodeNotebook("nb", sentences)
        #expect(try s.quill(["update", "nb.md"]).status == 0)
        let check = try s.quill(["check", "nb.md"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.loadedWeights && check.hits == 3, "\(check.stderr)")
    }

    @Test func editingOneSentenceComputesOnlyThatSentence() throws {
        let s = try CacheScratch()
        defer { s.remove() }
        try s.encodeNotebook("nb", sentences)
        #expect(try s.quill(["run", "nb.md"]).computed == 3)
        try s.encodeNotebook("nb", [sentences[0], "A woman is playing the cello.", sentences[2]])
        let edited = try s.quill(["run", "nb.md"])
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.computed == 1 && edited.hits == 2, "\(edited.stderr)")
        let rendered = s.output("nb")
        #expect(try s.quill(["run", "--no-cache", "nb.md"]).status == 0)
        #expect(s.output("nb") == rendered)
    }

    @Test(arguments: [", normalize_embeddings=True", ", prompt=\"query: \"", ", truncate_dim=8"])
    func optionsThatChangeResultsArePartOfTheKey(options: String) throws {
        let s = try CacheScratch()
        defer { s.remove() }
        try s.encodeNotebook("nb", sentences)
        #expect(try s.quill(["run", "nb.md"]).computed == 3)
        let plain = s.printed("nb")
        try s.encodeNotebook("nb", sentences, options: options)
        let other = try s.quill(["run", "nb.md"])
        #expect(other.status == 0, "\(other.stderr)")
        let rendered = s.printed("nb")
        #expect(!rendered.isEmpty)
        #expect(try s.quill(["run", "--no-cache", "nb.md"]).status == 0)
        #expect(s.printed("nb") == rendered)
        if options.contains("truncate_dim") {
            // truncate_dim keeps the first values of the same rows: served from the cache, same leading numbers.
            #expect(other.computed == 0 && rendered == plain, "\(other.stderr)")
        } else {
            #expect(other.computed == 3, "\(other.stderr)")
            // The fixture ends in Normalize, so normalize_embeddings=True gives its numbers again; a prompt does not.
            if options.contains("prompt") { #expect(rendered != plain) }
        }
    }

    @Test func maxSeqLengthIsPartOfTheKey() throws {
        let s = try CacheScratch()
        defer { s.remove() }
        try s.encodeNotebook("nb", sentences)
        #expect(try s.quill(["run", "nb.md"]).computed == 3)
        try s.notebook("nb", """
            from sentence_transformers import SentenceTransformer
            model = SentenceTransformer("./model")
            model.max_seq_length = 4
            print(model.encode(["A woman is playing violin."]).shape)
            """)
        let short = try s.quill(["run", "nb.md"])
        #expect(short.status == 0 && short.computed == 1, "\(short.stderr)")
    }

    @Test func anotherModelInTheSameFolderGetsItsOwnNumbers() throws {
        var s = try CacheScratch()
        defer { s.remove() }
        s.environment["QUILL_CACHE_MEMO_BYTES"] = "0"   // every file's hash goes through the memo of stamps
        try s.encodeNotebook("nb", sentences)
        #expect(try s.quill(["run", "nb.md"]).status == 0)
        let first = s.output("nb")
        let weights = s.root.appendingPathComponent("model/model.safetensors")
        try FileManager.default.removeItem(at: weights)
        try FileManager.default.copyItem(at: s.root.appendingPathComponent("other-model.safetensors"), to: weights)
        let swapped = try s.quill(["run", "nb.md"])
        #expect(swapped.status == 0 && swapped.loadedWeights && swapped.computed == 3, "\(swapped.stderr)")
        let second = s.output("nb")
        #expect(second != first)
        #expect(try s.quill(["run", "--no-cache", "nb.md"]).status == 0)
        #expect(s.output("nb") == second)
    }

    @Test func weightsRewrittenInPlaceWithTheOldTimestampAreNoticed() throws {
        var s = try CacheScratch()
        defer { s.remove() }
        s.environment["QUILL_CACHE_MEMO_BYTES"] = "0"
        try s.encodeNotebook("nb", sentences)
        #expect(try s.quill(["run", "nb.md"]).status == 0)
        // Same path, inode, size and modification time; other weights (the other model's bytes after the header).
        let weights = s.root.appendingPathComponent("model/model.safetensors")
        let stamp = try #require(try FileManager.default.attributesOfItem(atPath: weights.path)[.modificationDate] as? Date)
        var bytes = [UInt8](try Data(contentsOf: weights))
        let count = bytes.count
        for i in stride(from: count - 4096, to: count, by: 4) { bytes[i + 3] ^= 0x01 }   // float32 values near the end
        let handle = try FileHandle(forWritingTo: weights)
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: weights.path)
        let changed = try s.quill(["run", "nb.md"])
        #expect(changed.status == 0 && changed.computed == 3, "\(changed.stderr)")
        let second = s.output("nb")
        #expect(try s.quill(["run", "--no-cache", "nb.md"]).status == 0)
        #expect(s.output("nb") == second)
    }
}
