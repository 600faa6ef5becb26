// End to end: the built `quill check` runs a notebook against the REAL all-MiniLM-L6-v2 (resolved by name through
// ./models, offline) and the tiny cross-encoder fixture; the expected block holds sentence-transformers 6.2's numbers
// to six decimals (the same cell run by scripts/reference/run_notebook.py). scripts/fetch-model.sh puts the model in
// <package root>/models; without it the test is skipped, or fails when QUILL_REQUIRE_MODEL=1 (scripts/test.sh).

import Foundation
import Testing

@Suite struct RealModelTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let models = root.appendingPathComponent("models")
    static let modelPresent = FileManager.default.fileExists(
        atPath: models.appendingPathComponent("all-MiniLM-L6-v2/config.json").path)
    static let required = ProcessInfo.processInfo.environment["QUILL_REQUIRE_MODEL"] == "1"

    static let notebook = """
        # all-MiniLM-L6-v2 against sentence-transformers

        ```python quill
        #| tolerance: 1e-5
        from sentence_transformers import SentenceTransformer, CrossEncoder, util

        model = SentenceTransformer("all-MiniLM-L6-v2")
        s1 = ["The cat sits outside", "A man is playing guitar", "The new movie is awesome"]
        s2 = ["The dog plays in the garden", "A woman watches TV", "The new movie is so great"]
        scores = util.cos_sim(model.encode(s1), model.encode(s2))
        for i in range(len(s1)):
            print(f"{scores[i][i]:.6f}")
        hits = util.semantic_search(model.encode("A film that is wonderful"), model.encode(s2), top_k=2)[0]
        for hit in hits:
            print(f"{hit['corpus_id']} {hit['score']:.6f}")
        ce = CrossEncoder("FIXTURE")
        print(f"{ce.predict((s1[0], s2[0])):.6f}")
        ```

        ```output
        0.283755
        -0.032726
        0.893904
        2 0.532815
        0 0.079415
        0.446703
        ```

        """

    @Test(.enabled(if: modelPresent || required, "models/all-MiniLM-L6-v2 is missing (scripts/fetch-model.sh fetches it)"))
    func checkMatchesTheReference() throws {
        try #require(Self.modelPresent,
                     "QUILL_REQUIRE_MODEL=1 but \(Self.models.path)/all-MiniLM-L6-v2 is missing: run scripts/fetch-model.sh")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quill-real-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The name resolves through ./models, as it does from the package root.
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("models"), withDestinationURL: Self.models)
        let fixture = Self.root.appendingPathComponent("Tests/ModelsTests/Fixtures/ce-bert-1").path
        try write(Self.notebook.replacingOccurrences(of: "FIXTURE", with: fixture), "real.md", in: dir)

        // The real engine (no QUILL_ENGINE), offline, with empty caches: see quill(_:in:engine:).
        let check = try quill(["check", "real.md"], in: dir, engine: nil)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "1 notebook: 1 passed, 0 mismatched, 0 failed, 0 skipped\n", "\(check.stderr)")
    }
}
