#!/usr/bin/env python3
"""Reference outputs for Quill's engine under a changed maximum length (model.max_seq_length = n, and
CrossEncoder(..., max_length=n)), for Tests/ModelsTests/MaxLengthTests.swift.

Run by humans, never by tests:
    ~/.venvs/ref/bin/python Tests/Fixtures/generate/st_models.py

Reference: sentence-transformers 6.2.0, transformers 5.x, torch 2.15.0 (CPU, float32). Writes
- Tests/ModelsTests/Fixtures/max-length-expected.json: the tiny fixture models (Tests/ModelsTests/Fixtures) with
  lengths below, above and under the special tokens' count (where transformers truncates nothing);
- Tests/ModelsTests/Fixtures/minilm-maxlen8.json: all-MiniLM-L6-v2 (models/, from scripts/fetch-model.sh, or
  /work/main/models) with max_seq_length = 8, when that model is there.
"""
import sys, os.path  # noqa: E401

# This folder holds safetensors.py and tokenizers.py, which would shadow the packages of those names.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import json
import os
import warnings

import sentence_transformers
import torch
import transformers
from sentence_transformers import CrossEncoder, SentenceTransformer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
FIXTURES = os.path.join(ROOT, "Tests", "ModelsTests", "Fixtures")

SENTENCES = [
    "The cat sits outside",
    "A man is playing guitar while the band waits for him",
    "Naïve CAFÉ owners, résumé!",
    "x",
    "",
]
PAIRS = [
    ("The cat sits outside", "The dog plays in the garden"),
    ("short", "a much longer second text that goes on and on"),
    ("both sides are fairly long here", "and the second side is also long, with words"),
]


def bi_encoder(name, lengths):
    model = SentenceTransformer(os.path.join(FIXTURES, name), device="cpu")
    out = []
    for length in lengths:
        model.max_seq_length = length
        ids = [model.preprocess([s])["input_ids"][0].tolist() for s in SENTENCES]
        out.append({"max_seq_length": length, "token_ids": ids,
                    "embeddings": model.encode(SENTENCES, convert_to_numpy=True).tolist()})
    return out


def cross_encoder(name, lengths):
    out = []
    for length in lengths:
        model = CrossEncoder(os.path.join(FIXTURES, name), device="cpu", max_length=length)
        out.append({"max_length": length, "scores": model.predict(PAIRS).tolist()})
    return out


def pipeline(model):
    """The modules as Models.PipelineDescription lists them."""
    from sentence_transformers.base.modules import Dense, Normalize, Transformer
    from sentence_transformers.sentence_transformer.modules import Pooling
    from sentence_transformers.util import fullname
    out = []
    for module in model:
        if isinstance(module, Transformer):
            out.append({"transformer": type(module.model).__name__})
        elif isinstance(module, Pooling):
            modes = module.pooling_mode if isinstance(module.pooling_mode, (list, tuple)) else [module.pooling_mode]
            out.append({"pooling": {"dimension": module.get_embedding_dimension() // len(modes), "modes": list(modes),
                                    "include_prompt": module.include_prompt}})
        elif isinstance(module, Dense):
            out.append({"dense": {"in_features": module.in_features, "out_features": module.out_features,
                                  "bias": module.linear.bias is not None,
                                  "activation": fullname(module.activation_function)}})
        elif isinstance(module, Normalize):
            out.append("normalize")
        else:
            raise SystemExit(f"unexpected module {module}")
    return out


def main():
    warnings.simplefilter("ignore")
    torch.manual_seed(0)
    expected = {
        "versions": {"sentence_transformers": sentence_transformers.__version__, "transformers": transformers.__version__,
                     "torch": torch.__version__},
        "sentences": SENTENCES,
        "pairs": PAIRS,
        # 6 and 3 truncate; 40 is above the folder's 24 (and within the 64 positions); 1 is below [CLS] + [SEP].
        "bert-mean-normalize": bi_encoder("bert-mean-normalize", [6, 3, 40, 1]),
        "roberta-mean": bi_encoder("roberta-mean", [5, 36]),
        # 7 truncates; 2 is below [CLS] A [SEP] B [SEP]'s three special tokens.
        "ce-bert-1": cross_encoder("ce-bert-1", [7, 2]),
        "ce-roberta-1": cross_encoder("ce-roberta-1", [9]),
        "pipelines": {name: pipeline(SentenceTransformer(os.path.join(FIXTURES, name), device="cpu"))
                      for name in ["bert-mean-normalize", "roberta-mean", "bert-multipool-dense", "bert-f16-v6",
                                   "bert-plain-bf16"]}
                     | {name: pipeline(CrossEncoder(os.path.join(FIXTURES, name), device="cpu"))
                        for name in ["ce-bert-1", "ce-roberta-1", "ce-bert-3-legacy-sigmoid"]},
    }
    path = os.path.join(FIXTURES, "max-length-expected.json")
    with open(path, "w") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {path}")

    for candidate in [os.path.join(ROOT, "models", "all-MiniLM-L6-v2"), "/work/main/models/all-MiniLM-L6-v2"]:
        if os.path.exists(os.path.join(candidate, "model.safetensors")):
            model = SentenceTransformer(candidate, device="cpu")
            model.max_seq_length = 8
            real = {"max_seq_length": 8, "sentences": SENTENCES[:3],
                    "token_ids": [model.preprocess([s])["input_ids"][0].tolist() for s in SENTENCES[:3]],
                    "embeddings": model.encode(SENTENCES[:3]).tolist()}
            path = os.path.join(FIXTURES, "minilm-maxlen8.json")
            with open(path, "w") as f:
                json.dump(real, f, indent=1, ensure_ascii=False)
                f.write("\n")
            print(f"wrote {path}")
            break
    else:
        print("all-MiniLM-L6-v2 not found: minilm-maxlen8.json left as it is")


if __name__ == "__main__":
    main()
