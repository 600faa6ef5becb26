#!/usr/bin/env python3
"""One peer run in its own process (so its peak RSS is its own): loads the model, times the work
in-process (model load excluded, tokenization and pooling included), writes the outputs as .npy and
prints one JSON line {"seconds": ..., "n": ..., "load_seconds": ...} on stdout.

  worker.py st-embed  MODEL_DIR INPUT.jsonl OUT.npy BATCH THREADS
  worker.py ort-embed MODEL_DIR ONNX INPUT.jsonl OUT.npy BATCH THREADS
  worker.py st-score  CE_DIR INPUT.jsonl OUT.npy BATCH THREADS
  worker.py ort-score CE_DIR ONNX INPUT.jsonl OUT.npy BATCH THREADS
"""
import json
import os
import sys
import time


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def st_embed(model_dir, inp, out, batch, threads):
    t0 = time.perf_counter()
    import torch
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    from sentence_transformers import SentenceTransformer
    import numpy as np
    m = SentenceTransformer(model_dir, device="cpu")
    xs = read_jsonl(inp)
    load = time.perf_counter() - t0
    t = time.perf_counter()
    e = m.encode(xs, batch_size=batch, convert_to_numpy=True, show_progress_bar=False)
    dt = time.perf_counter() - t
    np.save(out, e.astype(np.float32))
    return {"seconds": dt, "n": len(xs), "load_seconds": load}


def st_score(ce_dir, inp, out, batch, threads):
    t0 = time.perf_counter()
    import torch
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    from sentence_transformers import CrossEncoder
    import numpy as np
    m = CrossEncoder(ce_dir, device="cpu")
    pairs = [tuple(p) for p in read_jsonl(inp)]
    load = time.perf_counter() - t0
    t = time.perf_counter()
    s = m.predict(pairs, batch_size=batch, show_progress_bar=False, convert_to_numpy=True)
    dt = time.perf_counter() - t
    np.save(out, np.asarray(s, dtype=np.float32).reshape(len(pairs), -1))
    return {"seconds": dt, "n": len(pairs), "load_seconds": load}


def ort_feed(encs, names, np):
    """One padded batch as the session's inputs (token_type_ids only if the model takes them), and its mask."""
    ids, mask, tt = pad_batch(encs, np)
    feed = {"input_ids": ids, "attention_mask": mask}
    if "token_type_ids" in names:
        feed["token_type_ids"] = tt
    return feed, mask


def ort_session(onnx_path, threads):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(onnx_path, so, providers=["CPUExecutionProvider"])


def hf_tokenizer(model_dir, max_len):
    from tokenizers import Tokenizer
    tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    tok.enable_truncation(max_length=max_len)
    tok.no_padding()
    return tok


def max_seq_length(model_dir, default=512):
    p = os.path.join(model_dir, "sentence_bert_config.json")
    if os.path.exists(p):
        with open(p) as f:
            return int(json.load(f).get("max_seq_length", default))
    return default


def pad_batch(encs, np):
    L = max(len(e.ids) for e in encs)
    ids = np.zeros((len(encs), L), dtype=np.int64)
    mask = np.zeros((len(encs), L), dtype=np.int64)
    tt = np.zeros((len(encs), L), dtype=np.int64)
    for i, e in enumerate(encs):
        n = len(e.ids)
        ids[i, :n] = e.ids
        mask[i, :n] = 1
        tt[i, :n] = e.type_ids
    return ids, mask, tt


def ort_embed(model_dir, onnx_path, inp, out, batch, threads):
    """ONNX Runtime with the HF tokenizers library; mean pooling and L2 normalization in NumPy.
    Sorted by length and padded per batch, as sentence-transformers does."""
    t0 = time.perf_counter()
    os.environ.setdefault("RAYON_NUM_THREADS", str(threads))
    import numpy as np
    sess = ort_session(onnx_path, threads)
    names = {i.name for i in sess.get_inputs()}
    tok = hf_tokenizer(model_dir, max_seq_length(model_dir))
    xs = read_jsonl(inp)
    load = time.perf_counter() - t0
    t = time.perf_counter()
    encs = tok.encode_batch(xs)
    order = sorted(range(len(xs)), key=lambda i: -len(encs[i].ids))
    chunks = []
    for s in range(0, len(order), batch):
        idx = order[s:s + batch]
        feed, mask = ort_feed([encs[i] for i in idx], names, np)
        h = sess.run(None, feed)[0]
        m = mask[:, :, None].astype(np.float32)
        pooled = (h * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        norm = np.sqrt((pooled * pooled).sum(axis=1, keepdims=True))
        chunks.append((idx, pooled / np.maximum(norm, 1e-12)))
    result = np.zeros((len(xs), chunks[0][1].shape[1]), dtype=np.float32)
    for idx, v in chunks:
        result[idx] = v
    dt = time.perf_counter() - t
    np.save(out, result)
    return {"seconds": dt, "n": len(xs), "load_seconds": load}


def ort_score(ce_dir, onnx_path, inp, out, batch, threads):
    """Cross-encoder logits from ONNX Runtime, sigmoid in NumPy (one label)."""
    t0 = time.perf_counter()
    os.environ.setdefault("RAYON_NUM_THREADS", str(threads))
    import numpy as np
    sess = ort_session(onnx_path, threads)
    names = {i.name for i in sess.get_inputs()}
    tok = hf_tokenizer(ce_dir, 512)
    pairs = [tuple(p) for p in read_jsonl(inp)]
    load = time.perf_counter() - t0
    t = time.perf_counter()
    encs = tok.encode_batch(pairs)
    order = sorted(range(len(pairs)), key=lambda i: -len(encs[i].ids))
    scores = np.zeros((len(pairs), 1), dtype=np.float32)
    for s in range(0, len(order), batch):
        idx = order[s:s + batch]
        feed, _ = ort_feed([encs[i] for i in idx], names, np)
        logits = sess.run(None, feed)[0]
        scores[idx] = 1.0 / (1.0 + np.exp(-logits))
    dt = time.perf_counter() - t
    np.save(out, scores)
    return {"seconds": dt, "n": len(pairs), "load_seconds": load}


def main(argv):
    cmd, args = argv[1], argv[2:]
    if cmd == "st-embed":
        r = st_embed(args[0], args[1], args[2], int(args[3]), int(args[4]))
    elif cmd == "ort-embed":
        r = ort_embed(args[0], args[1], args[2], args[3], int(args[4]), int(args[5]))
    elif cmd == "st-score":
        r = st_score(args[0], args[1], args[2], int(args[3]), int(args[4]))
    elif cmd == "ort-score":
        r = ort_score(args[0], args[1], args[2], args[3], int(args[4]), int(args[5]))
    else:
        raise SystemExit(__doc__)
    print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main(sys.argv)
