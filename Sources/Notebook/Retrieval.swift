// search (bi-encoder top-k retrieval) and rerank (cross-encoder reordering): retrieve-then-rerank.
// Mirrors sentence_transformers.util.semantic_search: cosine scores, top k per query, highest first.

import CommonMark
import QuillPython

enum Retrieval {
    static func hit(id: Int, score: Float, text: String?) -> Value {
        var fields: [(String, Value)] = [("corpus_id", .int(id)), ("score", .float(Double(score)))]
        if let text { fields.append(("text", .string(text))) }
        return .record(fields)
    }

    /// search(model, query(s), corpus, top_k=5) or search(query_embeddings, corpus_embeddings, top_k=5).
    /// A single query string gives a list of hits; a list of queries gives one list of hits per query.
    static func search(_ args: CallArguments) throws -> Value {
        let usage = "search(model, queries, corpus, top_k=5) or search(query_embeddings, corpus_embeddings, top_k=5)"
        try args.check(positional: 2...3, keywords: ["top_k"], usage: usage)
        let k = try args.int("top_k", default: 5)
        let p = args.positional
        let queries: Matrix, corpus: Matrix, texts: [String]?, single: Bool
        if p.count == 3 {
            let (_, model) = try Builtins.biEncoder(p[0].value, p[0].range, args)
            let (qv, qr) = p[1]
            let queryTexts: [String]
            if case .string(let q) = qv { queryTexts = [q]; single = true } else {
                queryTexts = try args.strings(qv, at: qr, "a query or a list of queries"); single = false
            }
            let corpusTexts = try args.strings(p[2].value, at: p[2].range, "a list of corpus sentences")
            queries = try Builtins.embed(model, queryTexts, normalize: false, args)
            corpus = try Builtins.embed(model, corpusTexts, normalize: false, args)
            texts = corpusTexts
        } else {
            guard case .matrix(let q) = p[0].value else {
                throw args.wrongType("a bi-encoder or query embeddings", p[0].value, at: p[0].range, hint: "usage: \(usage)")
            }
            queries = q
            corpus = try Builtins.matrix(p[1].value, p[1].range, args)
            texts = nil
            single = false
        }
        let scores = try Scoring.cosine(queries, corpus)
        let perQuery: [Value] = (0..<scores.rows).map { i in
            .list(Scoring.topK(scores.row(i), k: k).map { hit(id: $0.index, score: $0.score, text: texts?[$0.index]) })
        }
        return single ? perQuery[0] : .list(perQuery)
    }

    /// rerank(cross_encoder, query, candidates, top_k=n): candidates are sentences or search hits (with text);
    /// the result is hits ordered by the cross-encoder's score, highest first (ties: earlier candidate first).
    static func rerank(_ args: CallArguments) throws -> Value {
        let usage = "rerank(cross_encoder, query, candidates, top_k=n)"
        try args.check(positional: 3...3, keywords: ["top_k"], usage: usage)
        let p = args.positional
        let model = try Builtins.crossEncoder(p[0].value, p[0].range, args)
        let query = try args.string(p[1].value, at: p[1].range, "a query string")
        guard case .list(let items) = p[2].value else {
            throw args.wrongType("a list of candidates", p[2].value, at: p[2].range, hint: "pass sentences or the hits of search(...)")
        }
        let candidates: [(id: Int, text: String)] = try items.enumerated().map { offset, item in
            switch item {
            case .string(let s): return (offset, s)
            case .record(let fields):
                guard case .string(let text)? = fields.first(where: { $0.0 == "text" })?.1 else {
                    throw args.wrongType("hits with text", item, at: p[2].range,
                                         hint: "search with a model and corpus sentences, so that hits carry their text")
                }
                if case .int(let id)? = fields.first(where: { $0.0 == "corpus_id" })?.1 { return (id, text) }
                return (offset, text)
            default:
                throw args.wrongType("sentences or search hits", item, at: p[2].range)
            }
        }
        let k = try args.int("top_k", default: candidates.count)
        let rows = try Builtins.engineCall(args) { try model.predict(candidates.map { (query, $0.text) }, maxLength: model.maxLength, softmax: false) }
        guard rows.count == candidates.count, rows.allSatisfy({ !$0.isEmpty }) else {
            throw Diagnostic("engine returned \(rows.count) scores for \(candidates.count) candidates", at: args.callRange)
        }
        // Multi-label models rank by their last label, as "entailment"/"relevant" is last by convention.
        let scores = rows.map { $0[$0.count - 1] }
        return .list(Scoring.topK(scores, k: k).map { hit(id: candidates[$0.index].id, score: $0.score, text: candidates[$0.index].text) })
    }
}
