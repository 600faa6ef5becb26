// Whole programs as sentence-transformers' documentation and tutorials write them: imports, model calls with
// keyword arguments, loops with tuple targets, f-strings with format specs, str.format templates, nested
// comprehensions, lambdas in sorted(key=...), docstrings and bare triple-quoted strings. Each parses to the
// outline below: one line per statement, blocks indented under their header.

import Testing
@testable import QuillPython

/// One line per statement; compound statements show their header and their indented blocks.
func outline(_ statements: [Stmt], indent: String = "") -> [String] {
    var lines: [String] = []
    for statement in statements {
        switch statement {
        case .forLoop(let target, let iterable, let body, let orElse, _):
            lines.append(indent + "for \(ASTDump.expr(target)) in \(ASTDump.expr(iterable)):")
            lines += outline(body, indent: indent + "  ")
            if !orElse.isEmpty { lines += [indent + "else:"] + outline(orElse, indent: indent + "  ") }
        case .ifStatement(let test, let body, let orElse, _):
            lines.append(indent + "if \(ASTDump.expr(test)):")
            lines += outline(body, indent: indent + "  ")
            if !orElse.isEmpty { lines += [indent + "else:"] + outline(orElse, indent: indent + "  ") }
        case .functionDef(let name, let parameters, let body, let docstring, _):
            let doc = docstring.map { " doc=" + ASTDump.quote($0) } ?? ""
            lines.append(indent + "def \(name)(\(parameters.map(ASTDump.parameter).joined(separator: " ")))\(doc):")
            lines += outline(body, indent: indent + "  ")
        default:
            lines.append(indent + ASTDump.stmt(statement))
        }
    }
    return lines
}

@Suite struct ParserProgramTests {
    @Test func semanticSearchTutorial() throws {
        let program = [
            "from sentence_transformers import SentenceTransformer, util",
            "import torch",
            "",
            "embedder = SentenceTransformer(\"all-MiniLM-L6-v2\")",
            "",
            "# Corpus with example sentences",
            "corpus = [",
            "    \"A man is eating food.\",",
            "    \"A man is eating a piece of bread.\",",
            "]",
            "corpus_embeddings = embedder.encode(corpus, convert_to_tensor=True)",
            "",
            "queries = [\"A man is eating pasta.\"]",
            "top_k = min(5, len(corpus))",
            "for query in queries:",
            "    query_embedding = embedder.encode(query, convert_to_tensor=True)",
            "    similarity_scores = embedder.similarity(query_embedding, corpus_embeddings)[0]",
            "    scores, indices = torch.topk(similarity_scores, k=top_k)",
            "",
            "    print(\"\\nQuery:\", query)",
            "",
            "    for score, idx in zip(scores, indices):",
            "        print(corpus[idx], f\"(Score: {score:.4f})\")",
            "",
            "    \"\"\"",
            "    # Alternatively, use util.semantic_search",
            "    hits = util.semantic_search(query_embedding, corpus_embeddings, top_k=5)",
            "    \"\"\"",
            "",
        ].joined(separator: "\n")
        #expect(outline(try Parser.parse(program).body) == [
            "(from sentence_transformers SentenceTransformer util)",
            "(import torch)",
            "(= embedder (call SentenceTransformer 'all-MiniLM-L6-v2'))",
            "(= corpus (list 'A man is eating food.' 'A man is eating a piece of bread.'))",
            "(= corpus_embeddings (call (. embedder encode) corpus convert_to_tensor=True))",
            "(= queries (list 'A man is eating pasta.'))",
            "(= top_k (call min 5 (call len corpus)))",
            "for query in queries:",
            "  (= query_embedding (call (. embedder encode) query convert_to_tensor=True))",
            "  (= similarity_scores (sub (call (. embedder similarity) query_embedding corpus_embeddings) 0))",
            "  (= (tuple scores indices) (call (. torch topk) similarity_scores k=top_k))",
            "  (expr (call print '\\nQuery:' query))",
            "  for (tuple score idx) in (call zip scores indices):",
            "    (expr (call print (sub corpus idx) (f '(Score: ' {score:'.4f'} ')')))",
            "  (expr '\\n    # Alternatively, use util.semantic_search\\n"
                + "    hits = util.semantic_search(query_embedding, corpus_embeddings, top_k=5)\\n    ')",
        ])
    }

    @Test func pairsAndRankingTutorial() throws {
        let program = [
            "import numpy as np",
            "from sentence_transformers.cross_encoder import CrossEncoder",
            "",
            "def top_pairs(scores, sentences, n=3):",
            "    \"\"\"Returns the n best pairs.\"\"\"",
            "    pairs = []",
            "    for i in range(len(scores) - 1):",
            "        for j in range(i + 1, len(scores)):",
            "            pairs.append({\"index\": [i, j], \"score\": scores[i][j]})",
            "    pairs = sorted(pairs, key=lambda x: x[\"score\"], reverse=True)",
            "    return pairs[:n]",
            "",
            "for pair in top_pairs(cosine_scores, sentences):",
            "    i, j = pair[\"index\"]",
            "    print(\"{:<30} \\t\\t {:<30} \\t\\t Score: {:.4f}\".format(sentences[i], sentences[j], pair[\"score\"]))",
            "ranks = model.rank(query, documents, return_documents=True, top_k=3)",
            "for rank in ranks:",
            "    print(f\"- #{rank['corpus_id']} ({rank['score']:.2f}): {rank['text']}\")",
            "matrix = [[round(float(s), 2) for s in row] for row in scores.tolist()]",
        ].joined(separator: "\n")
        #expect(outline(try Parser.parse(program).body) == [
            "(import numpy=np)",
            "(from sentence_transformers.cross_encoder CrossEncoder)",
            "def top_pairs(scores sentences n=3) doc='Returns the n best pairs.':",
            "  (expr 'Returns the n best pairs.')",
            "  (= pairs (list))",
            "  for i in (call range (- (call len scores) 1)):",
            "    for j in (call range (+ i 1) (call len scores)):",
            "      (expr (call (. pairs append) (dict 'index':(list i j) 'score':(sub (sub scores i) j))))",
            "  (= pairs (call sorted pairs key=(lambda (x) (sub x 'score')) reverse=True))",
            "  (return (sub pairs (slice _ n _)))",
            "for pair in (call top_pairs cosine_scores sentences):",
            "  (= (tuple i j) (sub pair 'index'))",
            "  (expr (call print (call (. '{:<30} \\t\\t {:<30} \\t\\t Score: {:.4f}' format) (sub sentences i) "
                + "(sub sentences j) (sub pair 'score'))))",
            "(= ranks (call (. model rank) query documents return_documents=True top_k=3))",
            "for rank in ranks:",
            "  (expr (call print (f '- #' {(sub rank 'corpus_id')} ' (' {(sub rank 'score'):'.2f'} '): ' "
                + "{(sub rank 'text')})))",
            "(= matrix (listcomp (listcomp (call round (call float s) 2) (for s row)) (for row (call (. scores tolist)))))",
        ])
    }

    @Test func dataFilesTutorial() throws {
        let program = """
            import csv, json

            with open("corpus.csv", encoding="utf8") as f:
                rows = list(csv.DictReader(f))
            texts = [row["text"] for row in rows if row["text"].strip()]
            meta = json.loads('{"a": 1}')
            counts = {}
            for text in texts:
                counts[text] = counts.get(text, 0) + 1
            if not texts:
                print("empty")
            elif len(texts) > 100: print("large")
            else:
                print(f"{len(texts):,} texts, {sum(counts.values()) / len(counts):.1%} unique")
            """
        #expect(outline(try Parser.parse(program).body) == [
            "(import csv json)",
            "(with ((call open 'corpus.csv' encoding='utf8') as f) [(= rows (call list (call (. csv DictReader) f)))])",
            "(= texts (listcomp (sub row 'text') (for row rows (if (call (. (sub row 'text') strip))))))",
            "(= meta (call (. json loads) '{\\\"a\\\": 1}'))",
            "(= counts (dict))",
            "for text in texts:",
            "  (= (sub counts text) (+ (call (. counts get) text 0) 1))",
            "if (not texts):",
            "  (expr (call print 'empty'))",
            "else:",
            "  if (cmp (call len texts) > 100):",
            "    (expr (call print 'large'))",
            "  else:",
            "    (expr (call print (f {(call len texts):','} ' texts, ' "
                + "{(/ (call sum (call (. counts values))) (call len counts)):'.1%'} ' unique')))",
        ])
    }
}
