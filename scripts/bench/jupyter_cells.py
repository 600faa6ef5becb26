"""The benchmark tutorial of scripts/bench/jupyter.sh: the quickstart's computations (Notebooks/quickstart.md,
without its timing and echo-only cells and with print in place of Quill's table()) plus a search over a 2,000-sentence
corpus, as cells valid both in a Quill notebook and in a Jupyter notebook.

Model paths are folders beside the notebook (./models/...), so that sentence-transformers never reaches for the hub.
The 2,000-sentence cell prints only the top hit of three queries that are corpus sentences themselves (score 1.0),
so editing another sentence of the corpus changes the work but not the expected output.
"""

CELLS = [
    '''from sentence_transformers import SentenceTransformer, CrossEncoder, util
import torch

model = SentenceTransformer("./models/all-MiniLM-L6-v2")
sentences = ["The cat sits outside", "A man is playing guitar", "The new movie is awesome"]
embeddings = model.encode(sentences)
print(len(embeddings), embeddings.shape, model.get_sentence_embedding_dimension())
print(f"first value {embeddings[0][0]:.4f}, last value {embeddings[-1][-1]:.4f}")''',
    '''others = ["The dog plays in the garden", "A woman watches TV", "The new movie is so great"]
other_embeddings = model.encode(others, normalize_embeddings=True)
scores = model.similarity(embeddings, other_embeddings)
print(scores)
dots = util.dot_score(embeddings, other_embeddings)
print(f"cosine {scores[2][2]:.4f}, dot {dots[2, 2].item():.4f}")''',
    '''for i, (a, b) in enumerate(zip(sentences, others)):
    print(f"{i}: {a} / {b} -> {scores[i][i]:.4f}")

neighbours = util.cos_sim(embeddings, embeddings)
pairs = [(neighbours[i][j].item(), i, j) for i in range(len(sentences)) for j in range(i + 1, len(sentences))]
for score, i, j in sorted(pairs, reverse=True):
    print(f"{score:+.4f}  {sentences[i]} / {sentences[j]}")''',
    '''with open("data/corpus.txt", encoding="utf-8") as f:
    corpus = [line.strip() for line in f if line.strip()]
corpus_embeddings = model.encode(corpus, convert_to_tensor=True)

query = "A man is eating pasta."
hits = util.semantic_search(model.encode(query, convert_to_tensor=True), corpus_embeddings, top_k=3)[0]
for hit in hits:
    print(f"{hit['corpus_id']} {hit['score']:.4f}")''',
    '''queries = ["Someone is playing an instrument.", "An animal is running."]
similarity = util.cos_sim(model.encode(queries, convert_to_tensor=True), corpus_embeddings)
for q, row in zip(queries, similarity):
    values, indices = torch.topk(row, k=2)
    print(q)
    for score, idx in zip(values, indices):
        print(f"  {idx:>2d}  {score:.3f}  {corpus[idx]}")''',
    '''ce = CrossEncoder("./models/ce-bert-1")
ce_scores = ce.predict(list(zip(sentences, others)))
for s in ce_scores:
    print(f"{s:.4f}")
ranked = ce.rank(query, [corpus[hit["corpus_id"]] for hit in hits], top_k=2, return_documents=True)
for r in ranked:
    print(f"{r['corpus_id']} {r['score']:.3f} {r['text']}")''',
    '''with open("data/corpus-2000.txt", encoding="utf-8") as f:
    big = [line.strip() for line in f if line.strip()]
big_embeddings = model.encode(big, convert_to_tensor=True)
big_queries = [big[10], big[500], big[1500]]
found = util.semantic_search(model.encode(big_queries, convert_to_tensor=True), big_embeddings, top_k=1)
for results in found:
    print(f"{results[0]['score']:.4f}")
print(len(big), len(big_embeddings))''',
]

# The cell that reads the 2,000-sentence corpus (its live-kernel rerun is reported for Jupyter too).
CORPUS_CELL = len(CELLS) - 1
# The quickstart's computations alone: every cell but the corpus one (the cold and warm runs of the tutorial itself).
QUICKSTART = CELLS[:CORPUS_CELL]
# The corpus line the "edited" runs change, and the queries' lines, which it must not be.
EDITED_LINE = 1000
QUERY_LINES = (10, 500, 1500)


def quill_notebook(cells=CELLS):
    """The cells as a Quill notebook (no expected blocks yet: `quill update` writes them)."""
    parts = ["# Jupyter vs Quill benchmark\n"]
    for cell in cells:
        parts.append("```python quill\n" + cell + "\n```\n")
    return "\n".join(parts)


def jupyter_notebook(cells=CELLS):
    """The cells as an nbformat 4 notebook with a python3 kernel."""
    import nbformat
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_code_cell(cell) for cell in cells]
    return nb
