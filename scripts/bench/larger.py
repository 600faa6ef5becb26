#!/usr/bin/env python3
"""The larger-model case of the benchmark: all-mpnet-base-v2 (12 layers, hidden 768) against sentence-transformers
and ONNX Runtime on the first sentences of the bi-encoder corpus, and the machine's FMA roof (roof.py) measured in
the same run, before and after, so that Quill's useful GFLOP/s can be stated as a fraction of it.

Called by bench.py (a whole run includes it when models/all-mpnet-base-v2 is present; `--only-larger` runs just this
part and merges it into the existing results file). Setup: prepare_onnx() exports the model to ONNX once into the
work folder (input_ids and attention_mask: MPNet takes no token type ids), checked against PyTorch.
"""
import json
import os

import roof

NAME = "all-mpnet-base-v2"
LAYERS, HIDDEN, FFN, MAX_LEN = 12, 768, 3072, 384


def flops_per_sequence(L):
    """Multiply-adds x 2 of one MPNet encoder pass over L tokens (as bench.flops_per_sequence for BERT: Q, K, V,
    output and FFN projections, attention scores and weighted values; the position bias adds no multiply-adds)."""
    proj = 2 * L * (4 * HIDDEN * HIDDEN + 2 * HIDDEN * FFN)
    attn = 2 * 2 * L * L * HIDDEN
    return LAYERS * (proj + attn)


def prepare_onnx(model_dir, work, texts):
    """models/all-mpnet-base-v2.onnx in WORK (exported once) and max |ONNX Runtime - PyTorch| on `texts`."""
    import numpy as np
    import onnxruntime as ort
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModel

    class Hidden(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask):
            # The additive mask is built here, so that the traced graph does not depend on transformers' mask
            # helpers (whose Python branches the tracer freezes at the sample's shapes).
            additive = (1.0 - attention_mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
            return self.m.encoder(self.m.embeddings(input_ids=input_ids), attention_mask=additive)[0]

    path = os.path.join(work, "models", f"{NAME}.onnx")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    model = Hidden(AutoModel.from_pretrained(model_dir, attn_implementation="eager").eval())
    tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    tok.enable_truncation(max_length=MAX_LEN)
    tok.enable_padding(pad_id=1, pad_token="<pad>")
    # PyTorch's reference first: after a TorchScript export in this process the model's outputs are not to be trusted
    # (seen: max |diff| 0.4 on a padded batch checked right after the export, 1.5e-6 in a fresh process).
    encs = tok.encode_batch(texts)
    ids = np.array([e.ids for e in encs], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
    with torch.no_grad():
        ref = model(torch.from_numpy(ids), torch.from_numpy(mask)).numpy()
    if not os.path.exists(path):
        sample = tok.encode_batch(["a short one", "and a somewhat longer sentence to pad the other"])
        sample_ids = torch.tensor([e.ids for e in sample])
        sample_mask = torch.tensor([e.attention_mask for e in sample])
        axes = {"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                "last_hidden_state": {0: "batch", 1: "seq"}}
        kw = dict(input_names=["input_ids", "attention_mask"], output_names=["last_hidden_state"],
                  dynamic_axes=axes, opset_version=17, do_constant_folding=True)
        tmp = path + ".tmp.onnx"
        with torch.no_grad():
            try:
                torch.onnx.export(model, (sample_ids, sample_mask), tmp, dynamo=False, **kw)
            except TypeError:
                torch.onnx.export(model, (sample_ids, sample_mask), tmp, **kw)
        os.replace(tmp, path)
    out = ort.InferenceSession(path, providers=["CPUExecutionProvider"]).run(
        None, {"input_ids": ids, "attention_mask": mask})[0]
    diff = float(np.abs(np.where(mask[:, :, None].astype(bool), out - ref, 0)).max())
    return path, diff


def case_input(data, n):
    """The first n sentences of the bi-encoder corpus, as a file of their own and as a list."""
    src = os.path.join(data, "sentences.jsonl")
    with open(src, encoding="utf-8") as f:
        lines = f.readlines()[:n]
    path = os.path.join(data, f"{NAME}-sentences-{len(lines)}.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)
    return path, [json.loads(line) for line in lines]


def run(bench, a, engines, model_dir, work, data, reps, n):
    """The case (engines interleaved, outputs compared with sentence-transformers'), the roof around it, and the
    efficiency figures. `bench` is the bench module (compare(), summarize() and the engines live there)."""
    from tokenizers import Tokenizer
    roof_before = roof.measure(os.path.join(work, "roof"))
    bench.log(f"FMA roof before the {NAME} case: {roof_before['gflops']:.1f} GFLOP/s ({roof_before['isa']})")
    inp, texts = case_input(data, n)
    onnx_path, onnx_diff = prepare_onnx(model_dir, work, texts[:32])
    bench.log(f"{NAME} ONNX vs PyTorch max |diff| {onnx_diff:.2e}")
    tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    tok.no_padding()  # its tokenizer.json pads to 128: count only real tokens
    tok.enable_truncation(max_length=MAX_LEN)
    tokens = [len(e.ids) for e in tok.encode_batch(texts)]
    case = bench.compare(NAME, len(texts), [
        ("quill", lambda t: engines.quill_embed(inp, t, model=model_dir)),
        ("st", lambda t: engines.st_embed(inp, t, model=model_dir)),
        ("ort", lambda t: engines.ort_embed(inp, t, model=model_dir, onnx=onnx_path))], reps, tokens,
        flops_fn=flops_per_sequence)
    roof_after = roof.measure(os.path.join(work, "roof"))
    bench.log(f"FMA roof after: {roof_after['gflops']:.1f} GFLOP/s")
    case.update(model=f"sentence-transformers/{NAME}", mean_tokens=sum(tokens) / len(tokens),
                onnx_vs_torch_hidden_max_abs=onnx_diff)
    r = max(roof_before["gflops"], roof_after["gflops"])
    gf = {k: case["flops"] / case["engines"][k]["seconds_median"] / 1e9 for k in ("quill", "st", "ort")}
    efficiency = {"roof_gflops": r, "quill_gflops": gf["quill"], "st_gflops": gf["st"], "ort_gflops": gf["ort"],
                  "quill_fraction_of_roof": gf["quill"] / r}
    return case, {"before": roof_before, "after": roof_after, "gflops": r}, efficiency
