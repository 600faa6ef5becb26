#!/usr/bin/env python3
"""Golden fixtures from the real all-MiniLM-L6-v2 and all-mpnet-base-v2 on one corpus of several hundred strings.

Run by humans, never by tests (needs both models: scripts/fetch-model.sh all-MiniLM-L6-v2 all-mpnet-base-v2):
    ~/.venvs/ref/bin/python Tests/Fixtures/generate/real_models.py

Reference: tokenizers 0.23.3, transformers 5.24.0, sentence-transformers 6.2.0, torch (CPU, float32). Writes
- Tests/Fixtures/real-corpus.json             {"strings": [...]}: the corpus (real_corpus.py), read by both tiers;
- Tests/TokenizersTests/Fixtures/expected-corpus-<model>.json
      {"model", "max_length", "ids": [[...]], "truncated": [[...]]}: for each corpus string, in order, the ids with
      special tokens from the model's tokenizer.json run by the Rust tokenizers, without truncation ("ids") and
      truncated at the model's max_seq_length ("truncated", what sentence-transformers feeds the encoder). Checked
      here against transformers' AutoTokenizer, which sentence-transformers calls;
- Tests/TokenizersTests/Fixtures/all-mpnet-base-v2-tokenizer/: the model's tokenizer.json, tokenizer_config.json and
      special_tokens_map.json, copied unchanged (Apache-2.0, like the model), so that its id parity runs everywhere;
- Tests/ModelsTests/Fixtures/real-mpnet/embeddings.f32 + meta.json: SentenceTransformer(all-mpnet-base-v2).encode
      of the whole corpus (normalised, as the model's own Normalize module does), float32 little-endian, row-major
      [strings x 768]. (all-MiniLM-L6-v2 embeddings already have a fixture: ModelsTests/Fixtures/minilm-expected.json.)
"""
import sys, os.path  # noqa: E401

# This folder holds safetensors.py and tokenizers.py, which would shadow the packages of those names.
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != HERE]

import json
import os
import shutil

import numpy as np
import sentence_transformers
import tokenizers
import torch
import transformers
from sentence_transformers import SentenceTransformer
from tokenizers import Tokenizer
from transformers import AutoTokenizer

sys.path.insert(0, HERE)
from real_corpus import corpus  # noqa: E402

sys.path.pop(0)

ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
MODELS = {"all-MiniLM-L6-v2": 256, "all-mpnet-base-v2": 384}  # name -> sentence-transformers' max_seq_length


def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


def model_dir(name):
    path = os.path.join(ROOT, "models", name)
    if not os.path.isfile(os.path.join(path, "model.safetensors")):
        sys.exit(f"{path} is missing: run scripts/fetch-model.sh {name}")
    return path


def token_ids(name, strings):
    path = model_dir(name)
    max_length = MODELS[name]
    rust = Tokenizer.from_file(os.path.join(path, "tokenizer.json"))
    rust.no_padding()
    rust.no_truncation()
    full = [enc.ids for enc in rust.encode_batch(strings)]
    rust.enable_truncation(max_length, strategy="longest_first")
    truncated = [enc.ids for enc in rust.encode_batch(strings)]
    hf = AutoTokenizer.from_pretrained(path)
    via_hf = hf(strings, truncation="longest_first", max_length=max_length)["input_ids"]
    differ = [i for i, (a, b) in enumerate(zip(truncated, via_hf)) if a != b]
    if differ:
        sys.exit(f"{name}: Rust tokenizers and AutoTokenizer disagree on strings {differ[:5]}")
    model = SentenceTransformer(path, device="cpu")
    if model.max_seq_length != max_length:
        sys.exit(f"{name}: max_seq_length is {model.max_seq_length}, expected {max_length}")
    print(f"{name}: {sum(map(len, full))} tokens, {sum(len(a) != len(b) for a, b in zip(full, truncated))} truncated")
    return {"model": name, "max_length": max_length, "ids": full, "truncated": truncated}


def mpnet_embeddings(strings):
    model = SentenceTransformer(model_dir("all-mpnet-base-v2"), device="cpu")
    with torch.no_grad():
        emb = model.encode(strings, batch_size=16, convert_to_numpy=True)
    emb = np.ascontiguousarray(emb, dtype="<f4")
    out = os.path.join(ROOT, "Tests", "ModelsTests", "Fixtures", "real-mpnet")
    os.makedirs(out, exist_ok=True)
    emb.tofile(os.path.join(out, "embeddings.f32"))
    write_json(os.path.join(out, "meta.json"), {
        "reference": f"sentence-transformers {sentence_transformers.__version__} SentenceTransformer.encode"
                     f"(batch_size=16), torch {torch.__version__}, CPU float32",
        "model": "all-mpnet-base-v2", "rows": int(emb.shape[0]), "dim": int(emb.shape[1]),
        "corpus": "Tests/Fixtures/real-corpus.json", "dtype": "float32 little-endian, row-major",
    })
    print(f"all-mpnet-base-v2: embeddings {emb.shape}, norms {np.linalg.norm(emb, axis=1).min():.6f}..")


def main():
    print(f"tokenizers {tokenizers.__version__}, transformers {transformers.__version__}, "
          f"sentence-transformers {sentence_transformers.__version__}, torch {torch.__version__}")
    torch.set_num_threads(2)
    strings = corpus()
    write_json(os.path.join(ROOT, "Tests", "Fixtures", "real-corpus.json"), {
        "generator": "Tests/Fixtures/generate/real_corpus.py", "strings": strings})
    for name in MODELS:
        write_json(os.path.join(ROOT, "Tests", "TokenizersTests", "Fixtures", f"expected-corpus-{name}.json"),
                   token_ids(name, strings))
    tok_dir = os.path.join(ROOT, "Tests", "TokenizersTests", "Fixtures", "all-mpnet-base-v2-tokenizer")
    os.makedirs(tok_dir, exist_ok=True)
    for f in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        shutil.copyfile(os.path.join(model_dir("all-mpnet-base-v2"), f), os.path.join(tok_dir, f))
    mpnet_embeddings(strings)


if __name__ == "__main__":
    main()
