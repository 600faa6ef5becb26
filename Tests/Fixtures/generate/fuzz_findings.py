#!/usr/bin/env python3
"""Reference ids for the tokenizer.json files that the fuzz targets found mishandled (FuzzFindingTests).

Run by humans, never by tests:  ~/.venvs/ref/bin/python Tests/Fixtures/generate/fuzz_findings.py

Reference: tokenizers 0.23.3. Writes Tests/TokenizersTests/Fixtures/fuzz-findings.json, a list of
{"name", "tokenizer" (the tokenizer.json object), "cases": [{"text", "ids"}]}:
- "added token reuses a model token": FuzzTokenizerFile, 2026-11-30. An added token whose text is already in the
  model's vocabulary, with another id ("[UNK]": model id 5, added as id 1). Hugging Face gives such a token the
  model's id (the added_tokens entry's id is not used), whether the text is matched as an added token or produced
  by the model.
"""
import sys, os.path  # noqa: E401

# This folder holds safetensors.py and tokenizers.py, which would shadow the packages of those names.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import json
import os

import tokenizers
from tokenizers import Tokenizer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(ROOT, "Tests", "TokenizersTests", "Fixtures", "fuzz-findings.json")

REUSED = {
    "version": "1.0", "truncation": None, "padding": None,
    "added_tokens": [{"id": 1, "content": "[UNK]", "single_word": False, "lstrip": False, "rstrip": False,
                      "normalized": False, "special": True}],
    "normalizer": None, "pre_tokenizer": {"type": "WhitespaceSplit"}, "post_processor": None, "decoder": None,
    "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
              "max_input_chars_per_word": 100, "vocab": {"a": 0, "b": 1, "[UNK]": 5}},
}


def main():
    assert tokenizers.__version__ == "0.23.3", tokenizers.__version__
    findings = []
    for name, spec, texts in [("added token reuses a model token", REUSED, ["a b", "zzz", "[UNK] a", "a [UNK]zzz", "b[UNK]"])]:
        tok = Tokenizer.from_str(json.dumps(spec))
        cases = [{"text": t, "ids": tok.encode(t).ids} for t in texts]
        findings.append({"name": name, "tokenizer": spec, "cases": cases})
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(findings, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(OUT, [c["ids"] for c in findings[0]["cases"]])


if __name__ == "__main__":
    main()
