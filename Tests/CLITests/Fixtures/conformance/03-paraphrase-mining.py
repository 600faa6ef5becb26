from sentence_transformers import SentenceTransformer
from sentence_transformers.util import paraphrase_mining

model = SentenceTransformer("all-MiniLM-L6-v2")

# The corpus holds a duplicate, as real corpora do: its pair scores 1.0. (Its pairs with the other sentences score
# equal up to float noise in torch's matrix product, so only the first lines, clear of such near-ties, are printed.)
sentences = [
    "The cat sits outside",
    "A man is playing guitar",
    "I love pasta",
    "The new movie is awesome",
    "The cat plays in the garden",
    "A woman watches TV",
    "The new movie is so great",
    "Do you like pizza?",
    "A man is playing guitar",
]

paraphrases = paraphrase_mining(model, sentences)
print(len(paraphrases))
for paraphrase in paraphrases[0:6]:
    score, i, j = paraphrase
    print("{} \t\t {} \t\t Score: {:.4f}".format(sentences[i], sentences[j], score))

top_one = paraphrase_mining(model, sentences, top_k=1)
print(len(top_one))
print([[f"{score:.4f}", i, j] for score, i, j in top_one])
