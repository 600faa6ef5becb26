#!/usr/bin/env python3
"""Benchmark inputs, cached in WORKDIR (all deterministic):
  - corpora (gen_corpus.py): 5,000 sentences, long paragraphs, cross-encoder pairs, length sweep, size sweep;
  - all-MiniLM-L6-v2 exported to ONNX (torch.onnx.export, dynamic batch and sequence axes), checked
    against PyTorch to 1e-5;
  - a real-size cross-encoder: BertForSequenceClassification with all-MiniLM-L6-v2's config and encoder
    weights under `bert.`, a seeded random pooler and one-label classifier, safetensors + tokenizer;
    also exported to ONNX.
  prepare.py MODEL_DIR WORKDIR [--full]
"""
import json
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_corpus  # noqa: E402

SEED = 20240601
LENGTHS = [8, 16, 32, 64, 128, 256]
LENGTH_TOKEN_BUDGET = 32768
SIZES = [1000, 2000, 5000, 10000, 20000]
SIZES_FULL = SIZES + [50000, 100000]


def write_jsonl(path, rows):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        for x in rows:
            f.write(json.dumps(x, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def corpora(model_dir, work, full):
    from tokenizers import Tokenizer
    tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    d = os.path.join(work, "data")
    os.makedirs(d, exist_ok=True)
    info = {}
    r = random.Random(SEED)
    big = [gen_corpus.sentence(r) for _ in range(max(SIZES_FULL if full else SIZES))]
    write_jsonl(os.path.join(d, "sentences.jsonl"), big[:5000])
    for n in (SIZES_FULL if full else SIZES):
        write_jsonl(os.path.join(d, f"size-{n}.jsonl"), big[:n])
    r = random.Random(SEED + 1)
    write_jsonl(os.path.join(d, "long.jsonl"), [gen_corpus.paragraph(r, 175) for _ in range(256)])
    r = random.Random(SEED + 2)
    pairs = [[big[i], big[(i * 7919 + 1) % 5000]] for i in range(5000)]
    write_jsonl(os.path.join(d, "pairs.jsonl"), pairs)
    r = random.Random(SEED + 3)
    for L in LENGTHS:
        rows = []
        n = max(64, LENGTH_TOKEN_BUDGET // L)
        while len(rows) < n:
            text = gen_corpus.paragraph(r, L * 2)
            enc = tok.encode(text, add_special_tokens=False)
            end = enc.offsets[L - 3][1]  # L - 2 word pieces + [CLS] + [SEP]
            cut = text[:end]
            if len(tok.encode(cut).ids) == L:
                rows.append(cut)
        write_jsonl(os.path.join(d, f"length-{L}.jsonl"), rows)
    for name in ["sentences", "long"]:
        xs = [json.loads(l) for l in open(os.path.join(d, name + ".jsonl"), encoding="utf-8")]
        lens = [len(e.ids) for e in tok.encode_batch(xs)]
        info[name] = {"count": len(xs), "mean_tokens": sum(lens) / len(lens), "min_tokens": min(lens),
                      "max_tokens": max(lens), "tokens_after_truncation": [min(l, 256) for l in lens]}
    ps = [json.loads(l) for l in open(os.path.join(d, "pairs.jsonl"), encoding="utf-8")]
    lens = [len(e.ids) for e in tok.encode_batch([tuple(p) for p in ps])]
    info["pairs"] = {"count": len(ps), "mean_tokens": sum(lens) / len(lens), "min_tokens": min(lens),
                     "max_tokens": max(lens), "tokens_after_truncation": lens}
    return info


class Hidden:  # factory, to import torch lazily
    @staticmethod
    def make(model):
        import torch

        class H(torch.nn.Module):
            def __init__(self, m):
                super().__init__()
                self.m = m

            def forward(self, input_ids, attention_mask, token_type_ids):
                out = self.m(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
                return out[0]
        return H(model)


def export_onnx(module, path, out_name):
    import torch
    ids = torch.tensor([[101, 7592, 2088, 2003, 1037, 3231, 102], [101, 7592, 102, 0, 0, 0, 0]])
    mask = (ids != 0).long()
    tt = torch.zeros_like(ids)
    module.eval()
    dyn = {"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
           "token_type_ids": {0: "batch", 1: "seq"}, out_name: {0: "batch"} if out_name == "logits" else {0: "batch", 1: "seq"}}
    kw = dict(input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=[out_name],
              dynamic_axes=dyn, opset_version=17, do_constant_folding=True)
    tmp = path + ".tmp.onnx"
    with torch.no_grad():
        try:
            torch.onnx.export(module, (ids, mask, tt), tmp, dynamo=False, **kw)
        except TypeError:
            torch.onnx.export(module, (ids, mask, tt), tmp, **kw)
    os.replace(tmp, path)


def check_onnx(module, path, model_dir, texts, pair=False):
    """max |ONNX Runtime - PyTorch| over the real (unpadded) outputs of a padded batch."""
    import numpy as np
    import onnxruntime as ort
    import torch
    from tokenizers import Tokenizer
    tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    tok.enable_truncation(max_length=256)
    tok.enable_padding()
    encs = tok.encode_batch(texts)
    ids = np.array([e.ids for e in encs], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
    tt = np.array([e.type_ids for e in encs], dtype=np.int64)
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    o = sess.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": tt})[0]
    with torch.no_grad():
        t = module(torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(tt)).numpy()
    if o.ndim == 3:
        m = mask[:, :, None].astype(bool)
        return float(np.abs(np.where(m, o - t, 0)).max())
    return float(np.abs(o - t).max())


def prepare_models(model_dir, work):
    import torch
    from transformers import AutoModel, BertConfig, BertForSequenceClassification
    out = {}
    mdir = os.path.join(work, "models")
    os.makedirs(mdir, exist_ok=True)
    texts = [json.loads(l) for l in open(os.path.join(work, "data", "sentences.jsonl"), encoding="utf-8")][:64]
    longs = [json.loads(l) for l in open(os.path.join(work, "data", "long.jsonl"), encoding="utf-8")][:8]
    pairs = [tuple(json.loads(l)) for l in open(os.path.join(work, "data", "pairs.jsonl"), encoding="utf-8")][:64]

    onnx_path = os.path.join(mdir, "all-MiniLM-L6-v2.onnx")
    base = AutoModel.from_pretrained(model_dir, attn_implementation="eager").eval()
    wrapped = Hidden.make(base)
    if not os.path.exists(onnx_path):
        export_onnx(wrapped, onnx_path, "last_hidden_state")
    out["onnx_vs_torch_hidden_max_abs"] = max(check_onnx(wrapped, onnx_path, model_dir, texts),
                                              check_onnx(wrapped, onnx_path, model_dir, longs))

    ce_dir = os.path.join(mdir, "ce-minilm-random")
    if not os.path.exists(os.path.join(ce_dir, "model.safetensors")):
        tmp = ce_dir + ".tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        cfg = BertConfig.from_pretrained(model_dir)
        cfg.num_labels = 1
        cfg.architectures = ["BertForSequenceClassification"]
        torch.manual_seed(SEED)
        ce = BertForSequenceClassification(cfg)
        sd = {k: v for k, v in base.state_dict().items() if not k.startswith("pooler.")}
        missing, unexpected = ce.bert.load_state_dict(sd, strict=False)
        assert not unexpected and all(k.startswith("pooler.") for k in missing), (missing, unexpected)
        with torch.no_grad():  # random pooler and classifier, wide enough that scores spread over (0, 1)
            ce.bert.pooler.dense.weight.normal_(0, 0.05)
            ce.bert.pooler.dense.bias.normal_(0, 0.05)
            ce.classifier.weight.normal_(0, 0.3)
            ce.classifier.bias.zero_()
        ce.save_pretrained(tmp, safe_serialization=True)
        for f in ["tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"]:
            if os.path.exists(os.path.join(model_dir, f)):
                shutil.copy(os.path.join(model_dir, f), tmp)
        os.replace(tmp, ce_dir)
    ce = BertForSequenceClassification.from_pretrained(ce_dir, attn_implementation="eager").eval()
    ce_onnx = os.path.join(mdir, "ce-minilm-random.onnx")
    if not os.path.exists(ce_onnx):
        export_onnx(Hidden.make(ce), ce_onnx, "logits")
    out["ce_onnx_vs_torch_logits_max_abs"] = check_onnx(Hidden.make(ce), ce_onnx, model_dir, pairs)
    out["onnx"] = onnx_path
    out["cross_encoder"] = ce_dir
    out["cross_encoder_onnx"] = ce_onnx
    return out


def main():
    model_dir, work = sys.argv[1], sys.argv[2]
    full = "--full" in sys.argv
    os.makedirs(work, exist_ok=True)
    info = {"corpora": corpora(model_dir, work, full)}
    info["models"] = prepare_models(model_dir, work)
    for k in ["onnx_vs_torch_hidden_max_abs", "ce_onnx_vs_torch_logits_max_abs"]:
        v = info["models"][k]
        print(f"prepare: {k} = {v:.3g}", file=sys.stderr)
        if v > 1e-5:
            raise SystemExit(f"prepare: ONNX export does not match PyTorch to 1e-5 ({k} = {v})")
    with open(os.path.join(work, "prepare.json"), "w") as f:
        json.dump(info, f)


if __name__ == "__main__":
    main()
