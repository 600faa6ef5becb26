#!/usr/bin/env python3
"""sentence_transformers.util on fixed embeddings, for Quill's util functions (SentenceTransformersUtilTests).

Run by humans, never by tests:
    ~/.venvs/ref/bin/python Tests/Fixtures/generate/st_util.py

Reference: sentence-transformers 6.2.0, torch 2.15.0 (CPU), numpy 2.x. Writes
Tests/QuillPythonTests/Fixtures/st/util.json with
- "exact": 16-dimensional vectors of -1, 0 and 1 with 4 or 16 nonzeros (norms 2 and 4), so that normalising and
  every dot product are exact in float32: Quill must give the very same scores, and the same order for the many
  ties (duplicated rows included);
- "random": float32 normal vectors, where scores agree to float32 rounding;
and the results of cos_sim, dot_score, euclidean_sim, manhattan_sim, the pairwise forms, normalize_embeddings,
semantic_search and paraphrase_mining_embeddings over several top_k, chunk sizes and max_pairs.
"""
import sys, os.path  # noqa: E401

# This folder holds safetensors.py and tokenizers.py, which would shadow the packages of those names.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import json
import os

import numpy as np
import sentence_transformers
import torch
from sentence_transformers import util

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(ROOT, "Tests", "QuillPythonTests", "Fixtures", "st", "util.json")


def exact_vectors(rng, count):
    rows = []
    for _ in range(count):
        v = np.zeros(16, dtype=np.float32)
        nonzero = 16 if rng.random() < 0.3 else 4
        idx = rng.choice(16, nonzero, replace=False)
        v[idx] = rng.choice([-1.0, 1.0], nonzero)
        rows.append(v)
    return np.stack(rows)


def main():
    rng = np.random.default_rng(7)
    corpus = exact_vectors(rng, 20)
    corpus = np.concatenate([corpus, corpus[[2, 5, 5, 11]]])  # duplicates: tied scores
    queries = np.concatenate([exact_vectors(rng, 4), corpus[[5]]])
    random_corpus = rng.standard_normal((30, 8)).astype(np.float32)
    random_queries = rng.standard_normal((3, 8)).astype(np.float32)

    scores = {}
    for name, fn in [("cos_sim", util.cos_sim), ("dot_score", util.dot_score), ("euclidean_sim", util.euclidean_sim),
                     ("manhattan_sim", util.manhattan_sim)]:
        scores[name] = {"exact": fn(queries, corpus).tolist(), "random": fn(random_queries, random_corpus).tolist()}
    # More than 25 rows: torch.cdist switches to the matrix-product form for p=2.
    scores["euclidean_sim"]["random_self"] = util.euclidean_sim(random_corpus, random_corpus).tolist()
    pairwise = {}
    for name, fn in [("pairwise_cos_sim", util.pairwise_cos_sim), ("pairwise_dot_score", util.pairwise_dot_score),
                     ("pairwise_euclidean_sim", util.pairwise_euclidean_sim),
                     ("pairwise_manhattan_sim", util.pairwise_manhattan_sim)]:
        pairwise[name] = fn(random_corpus[:10], random_corpus[10:20]).tolist()

    searches = []
    for data in ["exact", "random"]:
        q, c = (queries, corpus) if data == "exact" else (random_queries, random_corpus)
        for top_k in [1, 3, 5, 100] if data == "exact" else [3, 100]:
            for corpus_chunk_size, query_chunk_size in [(500000, 100), (7, 2), (3, 100)]:
                for fn_name in ["cos_sim", "dot_score"]:
                    hits = util.semantic_search(torch.from_numpy(q), torch.from_numpy(c), top_k=top_k,
                                                corpus_chunk_size=corpus_chunk_size, query_chunk_size=query_chunk_size,
                                                score_function=getattr(util, fn_name))
                    searches.append({"data": data, "top_k": top_k, "corpus_chunk_size": corpus_chunk_size,
                                     "query_chunk_size": query_chunk_size, "score_function": fn_name, "hits": hits})

    minings = []
    for data in ["exact", "random"]:
        e = corpus if data == "exact" else random_corpus
        for top_k in [1, 2, 5, 100] if data == "exact" else [2, 100]:
            for max_pairs in [500000, 10, 3]:
                for query_chunk_size, corpus_chunk_size in [(5000, 100000), (4, 5)]:
                    pairs = util.paraphrase_mining_embeddings(torch.from_numpy(e), top_k=top_k, max_pairs=max_pairs,
                                                              query_chunk_size=query_chunk_size,
                                                              corpus_chunk_size=corpus_chunk_size)
                    minings.append({"data": data, "top_k": top_k, "max_pairs": max_pairs,
                                    "query_chunk_size": query_chunk_size, "corpus_chunk_size": corpus_chunk_size,
                                    "pairs": pairs})

    out = {
        "versions": {"sentence_transformers": sentence_transformers.__version__, "torch": torch.__version__,
                     "numpy": np.__version__},
        "exact": {"queries": queries.astype(int).tolist(), "corpus": corpus.astype(int).tolist()},
        "random": {"queries": random_queries.tolist(), "corpus": random_corpus.tolist()},
        "scores": scores,
        "pairwise": pairwise,
        "normalize_embeddings": util.normalize_embeddings(torch.from_numpy(random_queries)).tolist(),
        "cos_sim_float64": util.cos_sim(random_queries.astype(np.float64), random_corpus[:4].astype(np.float64)).tolist(),
        "semantic_search": searches,
        "paraphrase_mining": minings,
    }
    with open(OUT, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT}: {len(searches)} searches, {len(minings)} minings")


if __name__ == "__main__":
    main()
