"""Retrieve with a bi-encoder, then re-rank the hits with a cross-encoder."""
from sentence_transformers import CrossEncoder, SentenceTransformer, util

bi_encoder = SentenceTransformer("all-MiniLM-L6-v2")
cross_encoder = CrossEncoder("ce-bert-1")

passages = [
    "Python is a programming language that lets you work quickly.",
    "The python is a large snake found in Africa and Asia.",
    "Java is an island of Indonesia.",
    "Java is a programming language used by many companies.",
    "Snakes shed their skin several times a year.",
    "Coffee is sometimes called java.",
]
corpus_embeddings = bi_encoder.encode(passages, convert_to_tensor=True, show_progress_bar=False)

for query in ["Which programming languages are popular?", "Tell me about snakes"]:
    question_embedding = bi_encoder.encode(query, convert_to_tensor=True)
    hits = util.semantic_search(question_embedding, corpus_embeddings, top_k=4)[0]
    cross_inp = [[query, passages[hit["corpus_id"]]] for hit in hits]
    cross_scores = cross_encoder.predict(cross_inp)
    for idx in range(len(cross_scores)):
        hits[idx]["cross-score"] = cross_scores[idx]

    print(f"\nQuery: {query}")
    print("Top-3 Bi-Encoder Retrieval hits")
    hits = sorted(hits, key=lambda x: x["score"], reverse=True)
    for hit in hits[0:3]:
        print("\t{:.3f}\t{}".format(hit["score"], passages[hit["corpus_id"]]))

    print("Top-3 Cross-Encoder Re-ranker hits")
    hits = sorted(hits, key=lambda x: x["cross-score"], reverse=True)
    for hit in hits[0:3]:
        print("\t{:.3f}\t{}".format(hit["cross-score"], passages[hit["corpus_id"]]))
