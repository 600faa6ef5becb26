#!/usr/bin/env python3
"""Deterministic English-like corpus for the benchmark (no downloads, standard library only).

Sentences come from a small probabilistic grammar with a few hundred content words, so their
lengths look like natural short text (about 15 WordPiece tokens on average with all-MiniLM-L6-v2's
tokenizer, from ~5 to ~45), with punctuation, numbers, capitalised names and some rarer words
that split into several word pieces.

  gen_corpus.py sentences N SEED OUT.jsonl        N short sentences, one JSON string per line
  gen_corpus.py long N SEED OUT.jsonl             N paragraphs of 200+ tokens (~230 on average)
  gen_corpus.py pairs N SEED OUT.jsonl            N [a, b] pairs for a cross-encoder
  gen_corpus.py words N SEED WORDS OUT.jsonl      N texts of about WORDS words each (length sweep)
"""
import json
import random
import sys

NAMES = ["Alice", "Bob", "Carmen", "Dmitri", "Elena", "Farid", "Grace", "Hiroshi", "Ingrid", "Jamal",
         "Keiko", "Luis", "Maya", "Nikolai", "Olga", "Priya", "Quentin", "Rosa", "Samir", "Tomasz",
         "the mayor", "my neighbour", "our teacher", "the committee", "a stranger", "the new intern",
         "the old fisherman", "her brother", "the night nurse", "the pilot"]
ADJ = ["quiet", "bright", "ancient", "small", "enormous", "curious", "rusty", "fragile", "crowded",
       "empty", "colourful", "remote", "noisy", "elegant", "battered", "mysterious", "cheerful",
       "unexpected", "peculiar", "luminous", "overgrown", "reliable", "forgotten", "delicious",
       "expensive", "handmade", "digital", "seasonal", "volcanic", "translucent", "bureaucratic"]
NOUN = ["house", "river", "garden", "library", "bicycle", "market", "station", "mountain", "letter",
        "kitchen", "village", "computer", "painting", "forest", "bridge", "museum", "harbour", "recipe",
        "notebook", "telescope", "orchestra", "laboratory", "cathedral", "spreadsheet", "algorithm",
        "thunderstorm", "lighthouse", "greenhouse", "manuscript", "submarine", "sandwich", "festival",
        "umbrella", "violin", "tractor", "airport", "bakery", "cinema", "parliament", "glacier",
        "smartphone", "committee report", "train schedule", "tax return", "photograph", "suitcase",
        "chessboard", "microscope", "vineyard", "warehouse"]
VERB_T = ["visited", "painted", "repaired", "found", "described", "sold", "borrowed", "photographed",
          "designed", "cleaned", "ignored", "discovered", "measured", "translated", "rebuilt",
          "criticised", "celebrated", "misplaced", "inspected", "recommended", "reorganised", "sketched"]
VERB_I = ["laughed", "waited", "disappeared", "arrived", "slept", "complained", "sang", "hesitated",
          "improvised", "wandered off", "stayed late", "gave up", "changed course", "moved abroad"]
ADV = ["slowly", "carefully", "yesterday", "last winter", "every morning", "without warning",
       "after lunch", "at dawn", "for the first time", "again", "reluctantly", "in silence",
       "twice a week", "before the storm", "surprisingly quickly"]
PREP = ["near", "behind", "inside", "across", "beside", "under", "beyond", "next to", "far from", "above"]
PLACE = ["the harbour", "the old bridge", "the city centre", "the train station", "the university",
         "the village square", "the edge of the forest", "the hospital", "the border", "the coast",
         "Lisbon", "Nairobi", "Osaka", "Montreal", "Krakow", "Valparaiso", "the northern hills"]
CONJ = ["because", "although", "while", "after", "before", "so", "but", "and", "until", "since"]
QUESTION = ["Why did", "When did", "How often did", "Where did", "Did"]
OPINION = ["I think", "Apparently", "According to the newspaper,", "In my opinion,", "Honestly,",
           "To everyone's surprise,", "As usual,", "Unfortunately,", "Luckily,"]


def np_(r):
    s = r.random()
    if s < 0.2:
        return r.choice(NAMES)
    det = r.choice(["the", "a", "my", "our", "their", "this", "every", "an old"])
    words = []
    for _ in range(r.choice([0, 0, 1, 1, 1, 2])):
        words.append(r.choice(ADJ))
    noun = r.choice(NOUN)
    phrase = " ".join([det] + words + [noun])
    if r.random() < 0.25:
        phrase += " " + r.choice(PREP) + " " + r.choice(PLACE)
    if r.random() < 0.04:
        phrase = f"{r.randint(2, 2024)} {noun}s"
    return phrase


def clause(r):
    subj = np_(r)
    if r.random() < 0.65:
        c = f"{subj} {r.choice(VERB_T)} {np_(r)}"
    else:
        c = f"{subj} {r.choice(VERB_I)}"
    if r.random() < 0.45:
        c += " " + r.choice(ADV)
    if r.random() < 0.3:
        c += f" {r.choice(PREP)} {r.choice(PLACE)}"
    return c


def sentence(r):
    kind = r.random()
    if kind < 0.08:
        subj = np_(r)
        s = f"{r.choice(QUESTION)} {subj} {r.choice(['visit', 'repair', 'describe', 'sell', 'find'])} {np_(r)}?"
    elif kind < 0.14:
        s = f"{r.choice(ADJ).capitalize()} {r.choice(NOUN)}s, {r.choice(ADJ)} {r.choice(NOUN)}s."
    else:
        c = clause(r)
        if r.random() < 0.35:
            c += f" {r.choice(CONJ)} {clause(r)}"
        if r.random() < 0.15:
            c = f"{r.choice(OPINION)} {c}"
        s = c + r.choice([".", ".", ".", ".", "!", "..."])
    return s[0].upper() + s[1:]


def paragraph(r, min_words):
    out, n = [], 0
    while n < min_words:
        s = sentence(r)
        out.append(s)
        n += len(s.split())
    return " ".join(out)


def words_text(r, words):
    """Text of exactly `words` whitespace words (cut from a paragraph)."""
    return " ".join(paragraph(r, words).split()[:words])


def main(argv):
    mode, n, seed = argv[1], int(argv[2]), int(argv[3])
    r = random.Random(seed)
    if mode == "sentences":
        rows = [sentence(r) for _ in range(n)]
    elif mode == "long":
        rows = [paragraph(r, 175) for _ in range(n)]
    elif mode == "pairs":
        rows = [[sentence(r), sentence(r)] for _ in range(n)]
    elif mode == "words":
        w = int(argv[4])
        rows = [words_text(r, w) for _ in range(n)]
        argv = argv[:4] + argv[5:]
    else:
        raise SystemExit(__doc__)
    with open(argv[4], "w", encoding="utf-8") as f:
        for x in rows:
            f.write(json.dumps(x, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main(sys.argv)
