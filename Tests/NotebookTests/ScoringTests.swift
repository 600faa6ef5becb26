import Testing
@testable import Notebook

@Suite struct ScoringTests {
    @Test func cosineNormalizesAndClampsZeroVectors() throws {
        let a = Matrix(rows: 2, columns: 2, scalars: [3, 4, 0, 0])
        let b = Matrix(rows: 1, columns: 2, scalars: [4, 3])
        let c = try Scoring.cosine(a, b)
        #expect(c.rows == 2 && c.columns == 1)
        #expect(abs(c.scalars[0] - 0.96) < 1e-6)   // (12 + 12) / 25
        #expect(c.scalars[1] == 0)                 // zero vector: 0, not NaN
    }

    @Test func dotIsPlain() throws {
        let a = Matrix(rows: 1, columns: 3, scalars: [1, 2, 3])
        #expect(try Scoring.dot(a, a).scalars == [14])
    }

    @Test func sizeMismatchIsAnError() {
        #expect(throws: ValueError.self) {
            try Scoring.dot(Matrix(rows: 1, columns: 2, scalars: [1, 2]), Matrix(rows: 1, columns: 3, scalars: [1, 2, 3]))
        }
    }

    @Test func topKBreaksTiesByLowerIndex() {
        let ranked = Scoring.topK([0.5, 0.9, 0.5, Float.nan, 0.9], k: 4)
        #expect(ranked.map(\.index) == [1, 4, 0, 2])
    }

    @Test func searchAndRerankWithFixedScores() {
        var engine = TableEngine()
        engine.embeddings = ["q": [1, 0], "a": [0, 1], "b": [1, 0.1], "c": [1, 0.5]]
        engine.scores = ["q|b": 0.2, "q|c": 0.7]
        let text = """
            ```quill
            bi = bi_encoder("bi")
            ce = cross_encoder("ce")
            hits = search(bi, "q", ["a", "b", "c"], top_k=2)
            print([h.corpus_id for h in hits])
            ```

            """
        // Comprehensions are not part of the language: the error says where.
        #expect(firstDiagnostic(text, engine: engine).hasPrefix("example.md:5:"))
        let good = """
            ```quill
            bi = bi_encoder("bi")
            ce = cross_encoder("ce")
            hits = search(bi, "q", ["a", "b", "c"], top_k=2)
            for h in hits:
                print(h.corpus_id, f"{h.score:.4f}", h.text)
            for h in rerank(ce, "q", hits):
                print(h.corpus_id, f"{h.score:.4f}", h.text)
            ```

            """
        let (run, _) = runNotebook(good, engine: engine)
        #expect(run.results.first?.output == "1 0.9950 b\n2 0.8944 c\n2 0.7000 c\n1 0.2000 b\n")
    }
}
