#!/usr/bin/env python3
"""Tiny random sentence-transformers models and their reference outputs, for Quill's engine tests.

Run by humans, never by tests (CI needs no torch):
    python3 -m venv ~/.venvs/ref && ~/.venvs/ref/bin/pip install sentence-transformers
    ~/.venvs/ref/bin/python Tests/Fixtures/generate/models.py

Reference stack used for the committed fixtures: sentence-transformers 6.2.0, transformers 5.24.0,
tokenizers 0.23.3, torch 2.15.0 (CPU, float32). Seed 1234.

Writes Tests/ModelsTests/Fixtures/<model>/ (a model folder in the layout the hub uses) and
Tests/ModelsTests/Fixtures/<model>/expected.json with the token ids, embeddings or cross-encoder scores that the
reference computes. Folders use the *legacy* sentence-transformers config format that hub models carry
(modules.json with `sentence_transformers.models.*` types, pooling_mode_* booleans, sentence_bert_config.json with
max_seq_length), except `bert-f16-v6`, which is saved by sentence-transformers 6 itself in its own format.

Also writes Tests/ModelsTests/Fixtures/minilm-expected.json: the real all-MiniLM-L6-v2 (from
scripts/fetch-model.sh) on a small corpus, for the real-model parity test.
"""
import json
import os
import shutil
import sys

import numpy as np
import torch
from safetensors.torch import save_file
from sentence_transformers import CrossEncoder, SentenceTransformer
from tokenizers import Tokenizer, decoders, models as tm, normalizers, pre_tokenizers, processors, trainers
from transformers import (BertConfig, BertForSequenceClassification, BertModel, BertTokenizerFast, RobertaConfig,
                          RobertaForSequenceClassification, RobertaModel, RobertaTokenizerFast)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(ROOT, "Tests", "ModelsTests", "Fixtures")
SEED = 1234

TRAIN_TEXT = [
    "The cat sits outside", "The dog plays in the garden", "A man is playing guitar", "A woman watches TV",
    "The new movie is awesome", "The new movie is so great", "It's a wonderful day outside.", "It's so sunny today!",
    "He drove to work earlier.", "How many people live in Berlin?", "Berlin has a population of 3,520,031.",
    "New York City is famous for the Metropolitan Museum of Art.", "I love cats", "Cats are amazing",
    "I prefer dogs", "Dogs are loyal", "Quick brown foxes jump over lazy dogs near the river bank.",
    "Naïve café owners résumé their piñatas.", "東京は日本の首都です。", "서울은 한국의 수도입니다.",
    "Привет, как дела?", "Ελληνικά γράμματα", "numbers 12345 and 3.14159 and 2026", "e-mail: someone@example.com!",
]

SENTENCES = [
    "The cat sits outside",
    "The new movie is awesome",
    "A man is playing guitar",
    "",
    "   leading and trailing spaces   ",
    "Naïve CAFÉ owners, résumé!",
    "서울은 한국의 수도입니다. 東京 too.",
    "emoji 👩‍👩‍👧 and nbsp\u00a0here",
    "a literal [SEP] and <mask> in text",
    "This sentence is long enough that it will certainly be truncated by the tiny max sequence length of "
    "the fixture models, which is the point of including it here, with more words after that point.",
    "x",
]

PAIRS = [
    ("The cat sits outside", "The dog plays in the garden"),
    ("A man is playing guitar", "A woman watches TV"),
    ("The new movie is awesome", "The new movie is so great"),
    ("", "an empty first text"),
    ("short", "a much longer second text that goes on and on and on with many many words so that longest first "
              "truncation has to take tokens from this side only, and keep going for a while longer still"),
    ("both sides are fairly long here with quite a few words to tokenize in the first one",
     "and the second side is also long, with plenty of words, so truncation cuts both of them down"),
]


def seeded():
    torch.manual_seed(SEED)
    np.random.seed(SEED)


def randomize(model, std=0.1):
    """Random weights that make every parameter matter (LayerNorm affine included), at a scale that keeps
    activations in a numerically interesting range."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "LayerNorm" in name and name.endswith("weight"):
                p.copy_(1.0 + 0.2 * torch.randn_like(p))
            elif "embeddings" in name:
                p.copy_(0.5 * torch.randn_like(p))
            else:
                p.copy_(std * torch.randn_like(p))


def wordpiece_tokenizer(lowercase=True, vocab_size=400):
    tok = Tokenizer(tm.WordPiece(unk_token="[UNK]", max_input_chars_per_word=100))
    tok.normalizer = normalizers.BertNormalizer(lowercase=lowercase, strip_accents=None if lowercase else False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size,
                                        special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    tok.train_from_iterator(TRAIN_TEXT * 4, trainer)
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    tok.decoder = decoders.WordPiece()
    return BertTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                             sep_token="[SEP]", mask_token="[MASK]", do_lower_case=lowercase)


def bpe_tokenizer(vocab_size=600):
    tok = Tokenizer(tm.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    tok.train_from_iterator(TRAIN_TEXT * 4, trainer)
    tok.post_processor = processors.RobertaProcessing(("</s>", tok.token_to_id("</s>")),
                                                      ("<s>", tok.token_to_id("<s>")), add_prefix_space=False)
    return RobertaTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="</s>", sep_token="</s>",
                                cls_token="<s>", unk_token="<unk>", pad_token="<pad>", mask_token="<mask>",
                                model_max_length=38)


def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


def fresh(name):
    d = os.path.join(OUT, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


def legacy_st_files(d, max_seq_length, pooling_modes, dim, dense=None, normalize_folder=False, do_lower_case=False):
    """The legacy sentence-transformers layout that hub models carry."""
    modules = [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
               {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}]
    if dense is not None:
        modules.append({"idx": 2, "name": "2", "path": "2_Dense", "type": "sentence_transformers.models.Dense"})
    modules.append({"idx": len(modules), "name": str(len(modules)), "path": f"{len(modules)}_Normalize",
                    "type": "sentence_transformers.models.Normalize"})
    write_json(os.path.join(d, "modules.json"), modules)
    write_json(os.path.join(d, "sentence_bert_config.json"),
               {"max_seq_length": max_seq_length, "do_lower_case": do_lower_case})
    pooling = {"word_embedding_dimension": dim}
    for key in ["cls_token", "mean_tokens", "max_tokens", "mean_sqrt_len_tokens", "weightedmean_tokens", "lasttoken"]:
        pooling[f"pooling_mode_{key}"] = key in pooling_modes
    write_json(os.path.join(d, "1_Pooling", "config.json"), pooling)
    if dense is not None:
        in_f, out_f, weight, bias = dense
        write_json(os.path.join(d, "2_Dense", "config.json"),
                   {"in_features": in_f, "out_features": out_f, "bias": True,
                    "activation_function": "torch.nn.modules.activation.Tanh"})
        save_file({"linear.weight": weight.contiguous(), "linear.bias": bias.contiguous()},
                  os.path.join(d, "2_Dense", "model.safetensors"))
    if normalize_folder:
        os.makedirs(os.path.join(d, f"{len(modules) - 1}_Normalize"), exist_ok=True)


def tokens_for(st, texts):
    """Token ids as the reference's own pipeline produces them (its tokenize() call, no padding)."""
    out = []
    for t in texts:
        feats = st.tokenize([t])
        out.append([int(i) for i in feats["input_ids"][0].tolist()])
    return out


def bi_encoder_expected(d, texts, model_kwargs=None):
    st = SentenceTransformer(d, device="cpu", model_kwargs=model_kwargs or {"dtype": torch.float32})
    emb = st.encode(texts, batch_size=4, convert_to_numpy=True, normalize_embeddings=False)
    unnormalized_check = st.encode(texts[:3], batch_size=2, convert_to_numpy=True, normalize_embeddings=True)
    return {
        "reference": "sentence-transformers 6.2.0 SentenceTransformer.encode(batch_size=4)",
        "max_seq_length": st.max_seq_length,
        "sentences": texts,
        "token_ids": tokens_for(st, texts),
        "embeddings": [[float(x) for x in row] for row in emb],
        "normalized_first3": [[float(x) for x in row] for row in unnormalized_check],
    }


def save_hf(model, tokenizer, d, dtype=None):
    if dtype is not None:
        model = model.to(dtype)
    model.save_pretrained(d, safe_serialization=True)
    tokenizer.save_pretrained(d)
    # Tidy: drop files the engine never reads, to keep fixtures small.
    for extra in ["README.md", "generation_config.json"]:
        p = os.path.join(d, extra)
        if os.path.exists(p):
            os.remove(p)


def bert_config(vocab, **kw):
    base = dict(vocab_size=vocab, hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64,
                max_position_embeddings=64, type_vocab_size=2, hidden_act="gelu", layer_norm_eps=1e-12)
    base.update(kw)
    return BertConfig(**base)


def roberta_config(vocab, **kw):
    base = dict(vocab_size=vocab, hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64,
                max_position_embeddings=40, type_vocab_size=1, hidden_act="gelu", layer_norm_eps=1e-5,
                pad_token_id=1, bos_token_id=0, eos_token_id=2)
    base.update(kw)
    return RobertaConfig(**base)


def ce_expected(d, num_labels, pairs=None):
    """The reference's scores, logits (and softmax for several labels) and token ids for `pairs` (PAIRS)."""
    pairs = PAIRS if pairs is None else pairs
    ce = CrossEncoder(d, device="cpu", model_kwargs={"dtype": torch.float32})
    scores = ce.predict(pairs, batch_size=4, convert_to_numpy=True)
    raw = CrossEncoder(d, device="cpu", activation_fn=torch.nn.Identity(), model_kwargs={"dtype": torch.float32})
    logits = raw.predict(pairs, batch_size=4, convert_to_numpy=True)
    out = {
        "reference": "sentence-transformers 6.2.0 CrossEncoder.predict(batch_size=4)",
        "max_length": ce.max_seq_length,
        "activation": type(ce.activation_fn).__name__,
        "pairs": [list(p) for p in pairs],
        "token_ids": [[int(i) for i in ce.tokenizer(a, b, truncation=True, max_length=ce.max_seq_length)["input_ids"]]
                      for a, b in pairs],
        "scores": np.asarray(scores, dtype=np.float32).reshape(len(pairs), -1).tolist(),
        "logits": np.asarray(logits, dtype=np.float32).reshape(len(pairs), -1).tolist(),
    }
    if num_labels > 1:
        sm = ce.predict(pairs, batch_size=4, apply_softmax=True, convert_to_numpy=True)
        out["softmax"] = np.asarray(sm, dtype=np.float32).reshape(len(pairs), -1).tolist()
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    torch.set_num_threads(1)
    wp = wordpiece_tokenizer()
    bpe = bpe_tokenizer()

    # 1. BERT, mean pooling, Normalize with no folder (as all-MiniLM-L6-v2 ships), max_seq_length 24.
    seeded()
    d = fresh("bert-mean-normalize")
    m = BertModel(bert_config(len(wp)), add_pooling_layer=False)
    randomize(m)
    save_hf(m, wp, d)
    legacy_st_files(d, 24, ["mean_tokens"], 32)
    write_json(os.path.join(d, "expected.json"), bi_encoder_expected(d, SENTENCES))

    # 2. RoBERTa, mean pooling, no Normalize, as paraphrase-distilroberta-base-v1.
    seeded()
    d = fresh("roberta-mean")
    m = RobertaModel(roberta_config(len(bpe)), add_pooling_layer=False)
    randomize(m)
    save_hf(m, bpe, d)
    legacy_st_files(d, 32, ["mean_tokens"], 32)
    with open(os.path.join(d, "modules.json")) as f:
        mods = json.load(f)
    write_json(os.path.join(d, "modules.json"), mods[:2])
    write_json(os.path.join(d, "expected.json"), bi_encoder_expected(d, SENTENCES))

    # 3. BERT, several pooling modes concatenated, a Dense layer with tanh, Normalize (folder present).
    seeded()
    d = fresh("bert-multipool-dense")
    m = BertModel(bert_config(len(wp), hidden_act="gelu"), add_pooling_layer=False)
    randomize(m)
    save_hf(m, wp, d)
    pooled = 32 * 4
    weight = 0.1 * torch.randn(16, pooled)
    bias = 0.1 * torch.randn(16)
    legacy_st_files(d, 20, ["cls_token", "max_tokens", "mean_sqrt_len_tokens", "lasttoken"], 32,
                    dense=(pooled, 16, weight, bias), normalize_folder=True)
    write_json(os.path.join(d, "expected.json"), bi_encoder_expected(d, SENTENCES))

    # 4. BERT stored in float16, saved by sentence-transformers 6 in its own (new) config format; reference
    #    computes in float32 from the float16 weights, as Quill does.
    seeded()
    tmp = os.path.join(OUT, "_tmp_hf")
    shutil.rmtree(tmp, ignore_errors=True)
    m = BertModel(bert_config(len(wp)), add_pooling_layer=False)
    randomize(m)
    save_hf(m, wp, tmp, dtype=torch.float16)
    from sentence_transformers import models as stm
    word = stm.Transformer(tmp, max_seq_length=28, model_kwargs={"dtype": torch.float16})
    st = SentenceTransformer(modules=[word, stm.Pooling(32, "mean"), stm.Normalize()], device="cpu")
    d = fresh("bert-f16-v6")
    st.save(d)
    shutil.rmtree(tmp, ignore_errors=True)
    os.remove(os.path.join(d, "README.md"))
    write_json(os.path.join(d, "expected.json"), bi_encoder_expected(d, SENTENCES))

    # 5. A plain transformers folder, no modules.json, weights in bfloat16: Transformer + mean pooling.
    seeded()
    d = fresh("bert-plain-bf16")
    m = BertModel(bert_config(len(wp), hidden_act="gelu"), add_pooling_layer=True)
    randomize(m)
    save_hf(m, wp, d, dtype=torch.bfloat16)
    write_json(os.path.join(d, "expected.json"), bi_encoder_expected(d, SENTENCES))

    # 6-8. Cross-encoders.
    seeded()
    d = fresh("ce-bert-1")
    m = BertForSequenceClassification(bert_config(len(wp), num_labels=1, max_position_embeddings=48))
    randomize(m, std=0.15)
    save_hf(m, wp, d)
    write_json(os.path.join(d, "expected.json"), ce_expected(d, 1))

    seeded()
    d = fresh("ce-bert-3-legacy-sigmoid")
    cfg = bert_config(len(wp), num_labels=3, max_position_embeddings=48)
    cfg.sbert_ce_default_activation_function = "torch.nn.modules.activation.Sigmoid"
    m = BertForSequenceClassification(cfg)
    randomize(m, std=0.15)
    save_hf(m, wp, d)
    write_json(os.path.join(d, "expected.json"), ce_expected(d, 3))

    seeded()
    d = fresh("ce-roberta-1")
    m = RobertaForSequenceClassification(roberta_config(len(bpe), num_labels=1))
    randomize(m, std=0.15)
    save_hf(m, bpe, d)
    write_json(os.path.join(d, "expected.json"), ce_expected(d, 1))

    # The real all-MiniLM-L6-v2, when fetched.
    real = os.path.join(ROOT, "models", "all-MiniLM-L6-v2")
    if os.path.isdir(real):
        texts = SENTENCES + ["Similarity score: 0.4579", "The dog plays in the garden", "A woman watches TV",
                             "The new movie is so great", " ".join(["word"] * 300)]
        exp = bi_encoder_expected(real, texts)
        write_json(os.path.join(OUT, "minilm-expected.json"), exp)
    else:
        print("models/all-MiniLM-L6-v2 missing: run scripts/fetch-model.sh for minilm-expected.json", file=sys.stderr)


if __name__ == "__main__":
    main()
