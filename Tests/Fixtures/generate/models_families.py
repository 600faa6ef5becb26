#!/usr/bin/env python3
"""Tiny random MPNet, DistilBERT and XLM-RoBERTa models and their reference outputs, for Quill's engine tests.

Run by humans, never by tests (CI needs no torch):
    ~/.venvs/ref/bin/python Tests/Fixtures/generate/models_families.py

Reference stack used for the committed fixtures: sentence-transformers 6.2.0, transformers 5.24.0,
tokenizers 0.23.3, torch 2.15.0 (CPU, float32). Seed 1234. Shares the helpers of models.py (the BERT and RoBERTa
fixtures): the same training text, sentences, pairs, weight randomization and expected.json layout.

Writes Tests/ModelsTests/Fixtures/<model>/ (model folder + expected.json):
  mpnet-mean          MPNetModel, WordPiece with <s>/</s> specials (MPNet's template), mean pooling + Normalize,
                      max_seq_length 24
  distilbert-cls      DistilBertModel (sinusoidal_pos_embds true, relu FFN), BERT WordPiece, CLS pooling
  xlmr-mean           XLMRobertaModel with the SentencePiece Unigram tokenizer of
                      Tests/TokenizersTests/Fixtures/xlmr-unigram (unigram.py: Precompiled nmt_nfkc,
                      Sequence[WhitespaceSplit, Metaspace], <s> A </s></s> B </s>), mean pooling
  ce-mpnet-1          MPNetForSequenceClassification (RoBERTa-style head: dense, tanh, out_proj), 1 label
  ce-distilbert-2     DistilBertForSequenceClassification (pre_classifier, ReLU, classifier), 2 labels
  ce-xlmr-1           XLMRobertaForSequenceClassification, the Unigram tokenizer with RobertaProcessing, 1 label
and Tests/ModelsTests/Fixtures/family-tables.json: transformers' MPNet relative_position_bucket (32 buckets,
max distance 128) for every relative position in -600...600, and DistilBERT's create_sinusoidal_embeddings(12, 6)
(`--tables-only` writes just this file).
"""
import importlib.util
import json
import os
import sys

sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import torch
from tokenizers import Tokenizer, decoders, models as tm, normalizers, pre_tokenizers, processors, trainers
from transformers import (DistilBertConfig, DistilBertForSequenceClassification, DistilBertModel,
                          DistilBertTokenizerFast, MPNetConfig, MPNetForSequenceClassification, MPNetModel,
                          MPNetTokenizerFast, XLMRobertaConfig, XLMRobertaForSequenceClassification,
                          XLMRobertaModel, XLMRobertaTokenizerFast)
from transformers.models.distilbert.modeling_distilbert import create_sinusoidal_embeddings
from transformers.models.mpnet.modeling_mpnet import MPNetEncoder

_spec = importlib.util.spec_from_file_location("quill_models_fixtures", os.path.join(os.path.dirname(__file__), "models.py"))
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)

ROOT = base.ROOT
OUT = base.OUT
UNIGRAM = os.path.join(ROOT, "Tests", "TokenizersTests", "Fixtures", "xlmr-unigram")

# The base sentences plus the scripts and characters the multilingual tokenizer normalises.
SENTENCES = base.SENTENCES + [
    "日本語の文章です。カタカナとひらがな。",
    "ＦＵＬＬ－ＷＩＤＴＨ　ｆｏｒｍｓ １２３",
    "tab\tbell\u0007 and zero\u200bwidth",
    "combining e\u0301 and 한\u1100\u1161 jamo",
    "한국어 문장과 English 섞기 🙂",
]
PAIRS = base.PAIRS + [("서울은 한국의 수도입니다.", "東京は日本の首都です。")]


def small(**kw):
    return dict(hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64, **kw)


def mpnet_tokenizer(vocab_size=400):
    """WordPiece as all-mpnet-base-v2's tokenizer.json: BERT normalizer and pre-tokenizer, <s> <pad> </s> <unk>
    first, MPNet's template <s> A </s> / <s> A </s> </s> B </s>. model_max_length 38: the 40 positions less the
    padding index's 2, as for the RoBERTa fixtures."""
    tok = Tokenizer(tm.WordPiece(unk_token="[UNK]", max_input_chars_per_word=100))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=None)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size,
                                        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "[UNK]", "<mask>"])
    tok.train_from_iterator(base.TRAIN_TEXT * 4, trainer)
    cls, sep = tok.token_to_id("<s>"), tok.token_to_id("</s>")
    tok.post_processor = processors.TemplateProcessing(
        single="<s>:0 $A:0 </s>:0", pair="<s>:0 $A:0 </s>:0 </s>:0 $B:1 </s>:1",
        special_tokens=[("<s>", cls), ("</s>", sep)])
    tok.decoder = decoders.WordPiece()
    return MPNetTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>", sep_token="</s>",
                              cls_token="<s>", unk_token="[UNK]", pad_token="<pad>", mask_token="<mask>",
                              do_lower_case=True, model_max_length=38)


def distilbert_tokenizer(wp):
    return DistilBertTokenizerFast(tokenizer_object=wp.backend_tokenizer, unk_token="[UNK]", pad_token="[PAD]",
                                   cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]", do_lower_case=True)


def unigram_tokenizer(roberta_processing=False):
    with open(os.path.join(UNIGRAM, "tokenizer.json"), encoding="utf-8") as f:
        tok = Tokenizer.from_str(f.read())
    if roberta_processing:
        tok.post_processor = processors.RobertaProcessing(("</s>", tok.token_to_id("</s>")),
                                                          ("<s>", tok.token_to_id("<s>")), add_prefix_space=True)
    return XLMRobertaTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>", sep_token="</s>",
                                   cls_token="<s>", unk_token="<unk>", pad_token="<pad>", mask_token="<mask>",
                                   model_max_length=38)


def st_folder(d, model, tokenizer, max_seq_length, pooling, normalize):
    base.save_hf(model, tokenizer, d)
    base.legacy_st_files(d, max_seq_length, pooling, 32)
    if not normalize:
        with open(os.path.join(d, "modules.json")) as f:
            mods = json.load(f)
        base.write_json(os.path.join(d, "modules.json"), mods[:2])
    base.write_json(os.path.join(d, "expected.json"), base.bi_encoder_expected(d, SENTENCES))


def ce_folder(d, model, tokenizer, num_labels):
    base.save_hf(model, tokenizer, d)
    saved, base.PAIRS = base.PAIRS, PAIRS
    try:
        # models.py's ce_expected is local to its main(); the same computation, on this file's pairs.
        base.write_json(os.path.join(d, "expected.json"), ce_expected(d, num_labels))
    finally:
        base.PAIRS = saved


def ce_expected(d, num_labels):
    import numpy as np
    from sentence_transformers import CrossEncoder
    ce = CrossEncoder(d, device="cpu", model_kwargs={"dtype": torch.float32})
    scores = ce.predict(PAIRS, batch_size=4, convert_to_numpy=True)
    raw = CrossEncoder(d, device="cpu", activation_fn=torch.nn.Identity(), model_kwargs={"dtype": torch.float32})
    logits = raw.predict(PAIRS, batch_size=4, convert_to_numpy=True)
    out = {
        "reference": "sentence-transformers 6.2.0 CrossEncoder.predict(batch_size=4)",
        "max_length": ce.max_seq_length,
        "activation": type(ce.activation_fn).__name__,
        "pairs": [list(p) for p in PAIRS],
        "token_ids": [[int(i) for i in ce.tokenizer(a, b, truncation=True, max_length=ce.max_seq_length)["input_ids"]]
                      for a, b in PAIRS],
        "scores": np.asarray(scores, dtype=np.float32).reshape(len(PAIRS), -1).tolist(),
        "logits": np.asarray(logits, dtype=np.float32).reshape(len(PAIRS), -1).tolist(),
    }
    if num_labels > 1:
        sm = ce.predict(PAIRS, batch_size=4, apply_softmax=True, convert_to_numpy=True)
        out["softmax"] = np.asarray(sm, dtype=np.float32).reshape(len(PAIRS), -1).tolist()
    return out


def main():
    torch.set_num_threads(1)
    mp = mpnet_tokenizer()
    wp = base.wordpiece_tokenizer()
    db = distilbert_tokenizer(wp)
    xl = unigram_tokenizer()
    xl_rp = unigram_tokenizer(roberta_processing=True)

    mpnet_cfg = lambda **kw: MPNetConfig(vocab_size=len(mp), max_position_embeddings=40, layer_norm_eps=1e-5,
                                         pad_token_id=1, bos_token_id=0, eos_token_id=2, **small(**kw))
    distil_cfg = lambda **kw: DistilBertConfig(vocab_size=len(wp), dim=32, n_layers=2, n_heads=4, hidden_dim=64,
                                               max_position_embeddings=48, sinusoidal_pos_embds=True,
                                               activation="relu", pad_token_id=0, **kw)
    xlmr_cfg = lambda **kw: XLMRobertaConfig(vocab_size=len(xl), max_position_embeddings=40, type_vocab_size=1,
                                             layer_norm_eps=1e-5, pad_token_id=1, bos_token_id=0, eos_token_id=2,
                                             **small(**kw))

    base.seeded()
    m = MPNetModel(mpnet_cfg(), add_pooling_layer=False)
    base.randomize(m)
    st_folder(base.fresh("mpnet-mean"), m, mp, 24, ["mean_tokens"], normalize=True)

    base.seeded()
    m = DistilBertModel(distil_cfg())
    base.randomize(m)
    st_folder(base.fresh("distilbert-cls"), m, db, 24, ["cls_token"], normalize=False)

    base.seeded()
    m = XLMRobertaModel(xlmr_cfg(), add_pooling_layer=False)
    base.randomize(m)
    st_folder(base.fresh("xlmr-mean"), m, xl, 32, ["mean_tokens"], normalize=False)

    base.seeded()
    m = MPNetForSequenceClassification(mpnet_cfg(num_labels=1))
    base.randomize(m, std=0.15)
    ce_folder(base.fresh("ce-mpnet-1"), m, mp, 1)

    base.seeded()
    m = DistilBertForSequenceClassification(distil_cfg(num_labels=2))
    base.randomize(m, std=0.15)
    ce_folder(base.fresh("ce-distilbert-2"), m, db, 2)

    base.seeded()
    m = XLMRobertaForSequenceClassification(xlmr_cfg(num_labels=1))
    base.randomize(m, std=0.15)
    ce_folder(base.fresh("ce-xlmr-1"), m, xl_rp, 1)

    tables()


def tables():
    relative = torch.arange(-600, 601)
    buckets = MPNetEncoder.relative_position_bucket(relative, num_buckets=32, max_distance=128)
    sinusoids = create_sinusoidal_embeddings(12, 6, torch.empty(12, 6))
    base.write_json(os.path.join(OUT, "family-tables.json"), {
        "reference": "transformers 5.24.0: MPNetEncoder.relative_position_bucket(num_buckets=32, max_distance=128); "
                     "distilbert create_sinusoidal_embeddings(12, 6)",
        "first": -600, "buckets": [int(b) for b in buckets],
        "sinusoids": [[float(x) for x in row] for row in sinusoids.tolist()]})


if __name__ == "__main__":
    tables() if sys.argv[1:] == ["--tables-only"] else main()
