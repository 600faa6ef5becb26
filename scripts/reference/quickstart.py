#!/usr/bin/env python3
"""Expected output of Notebooks/quickstart.md, computed with the Python reference (not with Quill).

Reference versions: sentence-transformers 6.2.0, transformers 5.24.0, torch 2.15.0 (CPU), Python 3.
Models: all-MiniLM-L6-v2 from ./models/all-MiniLM-L6-v2 (scripts/fetch-model.sh puts it there) and the tiny
random-weight cross-encoder fixture Tests/ModelsTests/Fixtures/ce-bert-1 (its scores mean nothing).

Run from the repository root:

    HF_HUB_OFFLINE=1 ~/.venvs/ref/bin/python scripts/reference/quickstart.py
        prints every cell's expected output block, in the notebook's order and format;
    HF_HUB_OFFLINE=1 ~/.venvs/ref/bin/python scripts/reference/quickstart.py --compare Notebooks/quickstart.md
        checks that the notebook's expected blocks are exactly these (exit 1 on a difference);
    HF_HUB_OFFLINE=1 ~/.venvs/ref/bin/python scripts/reference/quickstart.py --fill Notebooks/quickstart.md
        writes these blocks into the notebook (how its expected output was made; cell count must match).

Cells marked `#| check: false` (the speed measurement) are volatile: the block printed for them is this machine's
sentence-transformers timing in the notebook's format, an illustration only; --compare skips them.
"""

import re
import sys
import time
from pathlib import Path

import torch
from sentence_transformers import CrossEncoder, SentenceTransformer, util

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "all-MiniLM-L6-v2"
CE_FIXTURE = ROOT / "Tests" / "ModelsTests" / "Fixtures" / "ce-bert-1"

SENTENCES = ["The cat sits outside", "A man is playing guitar", "The new movie is awesome"]
OTHERS = ["The dog plays in the garden", "A woman watches TV", "The new movie is so great"]
CORPUS = [
    "A man is eating food.",
    "A man is eating a piece of bread.",
    "The girl is carrying a baby.",
    "A man is riding a horse.",
    "A woman is playing violin.",
    "Two men pushed carts through the woods.",
    "A man is riding a white horse on an enclosed ground.",
    "A monkey is playing drums.",
    "A cheetah is running behind its prey.",
]
QUERY = "A man is eating pasta."
QUERIES = ["Someone is playing an instrument.", "An animal is running."]


def hit_table(hits, fmt=".4f"):
    """Quill's table(hits, format=fmt): corpus_id and score right-aligned (numeric), text left."""
    lines = ["| corpus_id | score | text |", "|---:|---:|---|"]
    lines += [f"| {h['corpus_id']} | {h['score']:{fmt}} | {h['text']} |" for h in hits]
    return "\n".join(lines) + "\n"


def matrix_table(m, rows, columns):
    """Quill's table(matrix, rows=..., columns=...): a label column, then numeric columns as .4f."""
    lines = ["|  | " + " | ".join(columns) + " |", "|---|" + "---:|" * len(columns)]
    for label, row in zip(rows, m.tolist()):
        lines.append(f"| {label} | " + " | ".join(f"{x:.4f}" for x in row) + " |")
    return "\n".join(lines) + "\n"


def cells():
    """Yields (check, text) for each quill cell of the notebook, in order."""
    model = SentenceTransformer(str(MODEL), device="cpu")

    # 1. Load and encode.
    embeddings = model.encode(SENTENCES, convert_to_tensor=True)
    out = f"{len(embeddings)} {len(embeddings[0])}\n"
    out += f"first value {embeddings[0][0].item():.4f}, last value {embeddings[-1][-1].item():.4f}\n"
    yield True, out

    # 2. Cosine and dot scores; encode(..., normalize=true) is normalize_embeddings=True.
    other_embeddings = model.encode(OTHERS, convert_to_tensor=True, normalize_embeddings=True)
    scores = util.cos_sim(embeddings, other_embeddings)
    dots = util.dot_score(embeddings, other_embeddings)
    out = matrix_table(scores, SENTENCES, OTHERS)
    out += f"cosine {scores[2][2].item():.4f}, dot {dots[2][2].item():.4f}\n"
    yield True, out

    # 3. Loops: enumerate, zip, range, indexing.
    out = ""
    for i, pair in enumerate(zip(SENTENCES, OTHERS)):
        out += f"{i}: {pair[0]} / {pair[1]} -> {scores[i][i].item():.4f}\n"
    neighbours = util.cos_sim(embeddings, embeddings)
    for i in range(1, len(SENTENCES)):
        out += f"{SENTENCES[0]} vs {SENTENCES[i]}: {neighbours[0][i].item():.4f}\n"
    yield True, out

    # 4. Search one query: hits with corpus_id, score, text.
    corpus_embeddings = model.encode(CORPUS, convert_to_tensor=True)
    query_embedding = model.encode([QUERY], convert_to_tensor=True)
    hits = util.semantic_search(query_embedding, corpus_embeddings, top_k=3)[0]
    hits = [{"corpus_id": h["corpus_id"], "score": h["score"], "text": CORPUS[h["corpus_id"]]} for h in hits]
    out = hit_table(hits)
    best = hits[0]
    out += f"best: corpus_id={best['corpus_id']} score={best['score']:.4f} text={best['text']}\n"
    yield True, out

    # 5. Search several queries on embeddings.
    results = util.semantic_search(model.encode(QUERIES, convert_to_tensor=True), corpus_embeddings, top_k=2)
    out = ""
    for q, found in zip(QUERIES, results):
        out += q + "\n"
        for h in found:
            out += f"  {h['corpus_id']:>2d}  {h['score']:.3f}  {CORPUS[h['corpus_id']]}\n"
    yield True, out

    # 6. Format specs.
    x = scores[0][0].item()
    n = 1234567
    label = "score"
    out = f"[{x:.2f}] [{x:+.3f}] [{x:.1%}] [{x:.3e}] [{x:>10.4f}] [{x:<10.4f}] [{x:*^12.4f}]\n"
    out += f"[{n:,d}] [{n:>12,d}] [{label:<8s}] [{label:>8}] {{braces}}\n"
    yield True, out

    # 7. Values: pairs, lists, booleans, strings.
    p = ("query", 3)
    out = f"('query', 3) {p[0]} {p[-1]} {len('quill')} true\n"
    out += f"{list(range(2, 5))} {len(CORPUS)} {CORPUS[-1]}\n"
    out += "\n"
    yield True, out

    # 8. Cross-encoder (the random-weight fixture): predict on pairs and on one pair, rerank the hits.
    ce = CrossEncoder(str(CE_FIXTURE), device="cpu")
    ce_scores = ce.predict(list(zip(SENTENCES, OTHERS)))
    out = "".join(f"{s.item():.4f}\n" for s in ce_scores)
    one = ce.predict((QUERY, CORPUS[0]))
    out += f"single pair: {one.item():.4f}\n"
    ranked = ce.rank(QUERY, [h["text"] for h in hits], top_k=2, return_documents=True)
    ranked = [{"corpus_id": hits[r["corpus_id"]]["corpus_id"], "score": r["score"], "text": r["text"]} for r in ranked]
    out += hit_table(ranked, ".3f")
    yield True, out

    # 9. Speed (volatile): best of 3 runs of encode over the corpus.
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        model.encode(CORPUS)
        best = min(best, time.perf_counter() - start)
    yield False, f"{len(CORPUS)} sentences, best of 3 runs: {len(CORPUS) / best:.0f} sentences/s\n"

    # 10. echo: false.
    yield True, "이 문장은 셀 코드 없이 출력만 보입니다.\n"


# A quill cell and the output block after it (a small reader, enough for our notebook: no nested fences).
CELL = re.compile(r"^```quill\n(.*?)^```\n\n?```output\n(.*?)^```\n", re.S | re.M)


def notebook_blocks(path):
    """The expected blocks of a notebook, with each cell's `check` option."""
    text = Path(path).read_text(encoding="utf-8")
    return [(not re.search(r"^#\|\s*check:\s*false", m.group(1), re.M), m.group(2)) for m in CELL.finditer(text)]


def fill(path, produced):
    text = Path(path).read_text(encoding="utf-8")
    matches = list(CELL.finditer(text))
    if len(matches) != len(produced):
        print(f"{path}: {len(matches)} cells with output blocks, the reference has {len(produced)}")
        return 1
    out, cursor = "", 0
    for m, (_, block) in zip(matches, produced):
        out += text[cursor:m.start(2)] + block
        cursor = m.end(2)
    Path(path).write_text(out + text[cursor:], encoding="utf-8")
    print(f"wrote {len(produced)} blocks into {path}")
    return 0


def main():
    torch.set_num_threads(2)
    produced = list(cells())
    if len(sys.argv) == 3 and sys.argv[1] == "--fill":
        return fill(sys.argv[2], produced)
    if len(sys.argv) == 3 and sys.argv[1] == "--compare":
        stored = notebook_blocks(sys.argv[2])
        if len(stored) != len(produced):
            print(f"{sys.argv[2]}: {len(stored)} cells with output blocks, the reference has {len(produced)}")
            return 1
        bad = 0
        for k, ((check, want), (_, have)) in enumerate(zip(produced, stored), 1):
            if check and want != have:
                bad += 1
                print(f"cell {k} differs\n--- reference\n{want}--- notebook\n{have}")
        print(f"{len(produced)} cells, {bad} differ" + ("" if bad else " (volatile cells skipped)"))
        return 1 if bad else 0
    for k, (check, text) in enumerate(produced, 1):
        print(f"--- cell {k}" + ("" if check else " (check: false, illustrative)"))
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
