#!/usr/bin/env python3
"""What sentence-transformers 6.2 raises and returns for calls Quill must answer the same way.

Run by humans, never by tests:
    ~/.venvs/ref/bin/python Tests/Fixtures/generate/st_messages.py

Reference: sentence-transformers 6.2.0, torch 2.15.0 (CPU). Models: the tiny fixture models of
Tests/ModelsTests/Fixtures (bert-mean-normalize, ce-bert-1, ce-bert-3-legacy-sigmoid), so the script needs no
download. Writes Tests/QuillPythonTests/Fixtures/st/messages.json: {"errors": {case: "Type: message"},
"values": {case: repr or str}}; SentenceTransformersModelTests makes the same calls on a fake host.
"""
import sys, os.path  # noqa: E401

# This folder holds safetensors.py and tokenizers.py, which would shadow the packages of those names.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import json
import os
import warnings

import numpy as np
import torch
from sentence_transformers import CrossEncoder, SentenceTransformer, SimilarityFunction, util

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
MODELS = os.path.join(ROOT, "Tests", "ModelsTests", "Fixtures")
OUT = os.path.join(ROOT, "Tests", "QuillPythonTests", "Fixtures", "st", "messages.json")


def main():
    warnings.simplefilter("ignore")
    path = os.path.join(MODELS, "bert-mean-normalize")
    m = SentenceTransformer(path)
    c1 = CrossEncoder(os.path.join(MODELS, "ce-bert-1"))
    c3 = CrossEncoder(os.path.join(MODELS, "ce-bert-3-legacy-sigmoid"))
    f32 = np.array([[1.0, 2.0]], dtype=np.float32)
    f64 = np.array([[1.0, 2.0]])

    def set_fn(name):
        m.similarity_fn_name = name

    cases = {
        "similarity_fn_name_invalid": lambda: set_fn("foo"),
        "similarity_fn_name_maxsim": lambda: set_fn("maxsim"),
        "similarity_fn_name_int": lambda: set_fn(5),
        "encode_batch_size_zero": lambda: m.encode("a", batch_size=0),
        "encode_batch_size_str": lambda: m.encode("a", batch_size="x"),
        "encode_prompt_name_missing": lambda: m.encode("a", prompt_name="nope"),
        "encode_extra_keyword": lambda: m.encode("a", foo=1),
        "encode_int_inputs": lambda: m.encode([1, 2]),
        "encode_none_input": lambda: m.encode(["a", None]),
        "encode_missing_inputs": lambda: m.encode(),
        "encode_too_many_positional": lambda: m.encode("a", None, None, 32, None, "sentence_embedding", "float32",
                                                       True, False, None, False, None, None, None, 5),
        "init_two_positional": lambda: SentenceTransformer(path, "cpu"),
        "init_unknown_keyword": lambda: SentenceTransformer(path, foo=1),
        "init_default_prompt_missing": lambda: SentenceTransformer(path, default_prompt_name="nope"),
        "similarity_missing": lambda: m.similarity(),
        "rank_several_labels": lambda: c3.rank("a", ["b"]),
        "predict_triple": lambda: c1.predict([("a", "b", "c")]),
        "predict_batch_size_zero": lambda: c1.predict([("a", "b")], batch_size=0),
        "cos_sim_dtypes": lambda: util.cos_sim(f32, f64),
        "cos_sim_shapes": lambda: util.cos_sim(f32, np.ones((1, 3), dtype=np.float32)),
        "cos_sim_ints": lambda: util.cos_sim(f32, [[1, 2]]),
        "dot_score_ints": lambda: util.dot_score(f32, [[1, 2]]),
        "euclidean_sim_dtypes": lambda: util.euclidean_sim(f32, f64),
        "euclidean_sim_columns": lambda: util.euclidean_sim(f32, np.ones((1, 3), dtype=np.float32)),
        "manhattan_sim_ints": lambda: util.manhattan_sim(f32, [[1, 2]]),
        "cos_sim_ragged": lambda: util.cos_sim([[1.0, 2.0], [1.0]], f32),
        "cos_sim_str": lambda: util.cos_sim("abc", f32),
        "cos_sim_scalar": lambda: util.cos_sim(3.0, f32),
        "cos_sim_missing": lambda: util.cos_sim(f32),
        "normalize_numpy": lambda: util.normalize_embeddings(f32),
        "normalize_list": lambda: util.normalize_embeddings([[1.0, 2.0]]),
        "similarity_function_invalid": lambda: SimilarityFunction("foo"),
        "semantic_search_missing": lambda: util.semantic_search(f32),
    }
    errors = {}
    for name, call in cases.items():
        try:
            call()
        except Exception as e:  # noqa: BLE001
            errors[name] = f"{type(e).__name__}: {e}"
        else:
            raise SystemExit(f"{name}: no error")

    m2 = SentenceTransformer(path, prompts={"x": "hello ", "query": "q: "}, similarity_fn_name="dot")
    values = {
        "prompts_default": repr(m.prompts),
        "prompts_given": repr(m2.prompts),
        "similarity_fn_name_given": m2.similarity_fn_name,
        "member_str": str(SimilarityFunction.COSINE),
        "member_repr": repr(SimilarityFunction.DOT),
        "members": repr(list(SimilarityFunction)),
        "possible_values": repr(SimilarityFunction.possible_values()),
        "dot_is_dot_product": repr(SimilarityFunction.DOT is SimilarityFunction.DOT_PRODUCT),
        "enum_repr": repr(SimilarityFunction),
        "to_similarity_fn_is_cos_sim": repr(SimilarityFunction.to_similarity_fn("cosine") is util.cos_sim),
        "device": str(m.device) + " " + repr(m.device),
        "semantic_search_top_k_0": repr(util.semantic_search(torch.tensor([1.0, 2.0]), torch.tensor([[1.0, 0.0]]), top_k=0)),
        "rank_ties": repr(c1.rank("a", ["b", "c", "b"], return_documents=True)),
        "rank_top_k_negative": repr(c1.rank("a", ["b", "c", "b"], top_k=-1)),
        "rank_empty": repr(c1.rank("a", [])),
        "version": __import__("sentence_transformers").__version__,
        "repr_bert_multipool_dense": repr(SentenceTransformer(os.path.join(MODELS, "bert-multipool-dense"))),
        "repr_roberta_mean": repr(SentenceTransformer(os.path.join(MODELS, "roberta-mean"))),
        "repr_ce_roberta_1": repr(CrossEncoder(os.path.join(MODELS, "ce-roberta-1"))),
    }
    with open(OUT, "w") as f:
        json.dump({"errors": errors, "values": values}, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {OUT}: {len(errors)} errors, {len(values)} values")


if __name__ == "__main__":
    main()
