// Quill's cells used to be a small language of their own (bi_encoder, encode, cosine, true, ...). Cells are Python
// now; a notebook still written the old way fails with a NameError whose hint gives the new spelling. A cell that
// defines one of these names itself (the seed code assigns `bi_encoder = SentenceTransformer(...)`) never sees it.

enum OldDialect {
    static let prefix = "Quill cells are Python now: "

    /// The new spelling of each old name.
    static let spellings: [String: String] = [
        "bi_encoder": "bi_encoder(\"m\") is SentenceTransformer(\"m\") from sentence_transformers",
        "cross_encoder": "cross_encoder(\"m\") is CrossEncoder(\"m\") from sentence_transformers",
        "encode": "encode(model, sentences) is model.encode(sentences)",
        "cosine": "cosine(a, b) is util.cos_sim(a, b) from sentence_transformers",
        "dot": "dot(a, b) is util.dot_score(a, b) from sentence_transformers",
        "predict": "predict(model, pairs) is model.predict(pairs)",
        "search": "search(model, query, corpus, top_k=k) is "
            + "util.semantic_search(model.encode(query), model.encode(corpus), top_k=k)[0]",
        "rerank": "rerank(model, query, hits) is model.rank(query, documents)",
        "true": "true is True",
        "false": "false is False",
    ]

    /// The hint for a NameError on an old name; nil for any other error.
    static func hint(for exceptionType: String?, message: String) -> String? {
        guard exceptionType == "NameError", message.hasPrefix("name '"), message.hasSuffix("' is not defined") else {
            return nil
        }
        let name = String(message.dropFirst("name '".count).dropLast("' is not defined".count))
        return spellings[name].map { prefix + $0 }
    }
}
