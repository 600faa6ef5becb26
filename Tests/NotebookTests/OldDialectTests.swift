// A notebook in the old directive language fails with a NameError whose hint gives the Python spelling; a cell
// that defines one of the old names itself (the seed code's `bi_encoder = SentenceTransformer(...)`) is unaffected.

import Foundation
import Testing
@testable import QuillNotebook

@Suite struct OldDialectTests {
    @Test(arguments: [
        ("bi = bi_encoder(\"m\")", "bi_encoder", 6,
         "bi_encoder(\"m\") is SentenceTransformer(\"m\") from sentence_transformers"),
        ("ce = cross_encoder(\"m\")", "cross_encoder", 6, "cross_encoder(\"m\") is CrossEncoder(\"m\") from sentence_transformers"),
        ("e = encode(bi, [\"a\"])", "encode", 5, "encode(model, sentences) is model.encode(sentences)"),
        ("s = cosine(a, b)", "cosine", 5, "cosine(a, b) is util.cos_sim(a, b) from sentence_transformers"),
        ("s = dot(a, b)", "dot", 5, "dot(a, b) is util.dot_score(a, b) from sentence_transformers"),
        ("s = predict(ce, pairs)", "predict", 5, "predict(model, pairs) is model.predict(pairs)"),
        ("hits = search(bi, q, corpus, top_k=3)", "search", 8,
         "search(model, query, corpus, top_k=k) is util.semantic_search(model.encode(query), model.encode(corpus), top_k=k)[0]"),
        ("hits = rerank(ce, q, hits)", "rerank", 8, "rerank(model, query, hits) is model.rank(query, documents)"),
        ("flag = true", "true", 8, "true is True"),
        ("print(false)", "false", 7, "false is False"),
    ])
    func hintGivesTheNewSpelling(_ cell: String, _ name: String, _ column: Int, _ spelling: String) throws {
        let (run, _) = runNotebook("```quill\n" + cell + "\n```\n")
        let d = try #require(run.diagnostics.first)
        #expect(d.message == "NameError: name '\(name)' is not defined")
        #expect(d.range.lowerBound.column == column)
        #expect(d.hint == "Quill cells are Python now: " + spelling)
    }

    /// The seed code rebinds `bi_encoder`; other NameErrors keep the interpreter's own hint.
    @Test func definedOldNamesAreOrdinaryNames() {
        let (run, _) = runNotebook("""
            ```quill
            bi_encoder = "model"
            encode = len
            print(bi_encoder, encode([1, 2]))
            ```

            ```quill
            sentences = []
            print(sentence)
            ```

            """)
        #expect(run.results.first?.output == "model 2\n")
        #expect(run.diagnostics.first?.hint == "did you mean 'sentences'?")
    }
}
