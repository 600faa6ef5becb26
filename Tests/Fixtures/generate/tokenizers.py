#!/usr/bin/env python3
"""Golden fixtures for the Swift `Tokenizers` module.

Run by humans, never by tests:  ~/.venvs/ref/bin/python Tests/Fixtures/generate/tokenizers.py

Reference versions used for the committed fixtures: tokenizers 0.23.3, transformers 5.24.0, sentence-transformers 6.2.0.
Deterministic: the trainers see a fixed text written below (no randomness, no network).

What it writes under Tests/TokenizersTests/Fixtures/:
  bert-uncased/      tokenizer.json (+ tokenizer_config.json): WordPiece trained here, BertNormalizer(lowercase),
                     BertPreTokenizer, TemplateProcessing [CLS]/[SEP]. Its tokenizer.json deliberately bakes in
                     truncation max_length 7 and Fixed padding, which the Swift loader must ignore (the
                     all-MiniLM-L6-v2 trap).
  bert-cased/        the same with lowercase=False, strip_accents=False.
  roberta-bpe/       byte-level BPE trained here: ByteLevel(add_prefix_space=False), RobertaProcessing,
                     <s> <pad> </s> <unk> <mask> (<mask> has lstrip=True).
  bert-vocab-only/   vocab.txt + tokenizer_config.json of bert-uncased (the WordPiece fallback).
  roberta-vocab-only/ vocab.json + merges.txt + tokenizer_config.json of roberta-bpe (the BPE fallback).
  expected-<name>.json  {"tokenizer": name, "cases": [{"text", "pair"?, "max_length"?, "ids", "type_ids"}]}
                     ids with special tokens, computed by the Rust tokenizers (encode(a, b) after
                     enable_truncation(max_length, strategy="longest_first")); for all-MiniLM-L6-v2 also checked
                     against transformers' AutoTokenizer(truncation="longest_first"), which sentence-transformers calls.
  expected-all-MiniLM-L6-v2.json  the same corpus through models/all-MiniLM-L6-v2/tokenizer.json, max_length 256
                     (sentence-transformers' max_seq_length for it) plus a few small ones. The model file itself is
                     not committed (scripts/fetch-model.sh fetches it).
"""
import json
import os
import sys

# This file is named like the library it drives: keep its own folder off the import path.
sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

from tokenizers import Tokenizer, AddedToken, models, normalizers, pre_tokenizers, processors, trainers, decoders
import tokenizers

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
FIX = os.path.join(ROOT, "Tests", "TokenizersTests", "Fixtures")

TRAIN_TEXT = """
The quick brown fox jumps over the lazy dog. It's a wonderful day outside; isn't it? We'll see, they've said.
I love cats and dogs. Cats are amazing, dogs are loyal. He drove to work earlier, she walked 1234 steps in 2024.
Transformers and tokenizers turn text into numbers: tokens, ids, embeddings and vectors for semantic search.
Café, naïve, résumé, façade, jalapeño, Zürich, São Paulo, Kraków, Ångström, crème brûlée, déjà vu.
Ελληνικά: Σωκράτης, φιλοσοφία, αλφάβητο. Русский язык: привет, мир, Москва, книга, время.
中文分词测试：我爱北京天安门，今天天气很好。日本語のテキスト：こんにちは、ありがとう、がぎぐげご、パソコン。
한국어 문장: 안녕하세요, 감사합니다. ภาษาไทย สวัสดีครับ ขอบคุณ. العربية: مرحبا بالعالم. עברית: שלום עולם.
Numbers 0 1 2 3 4 5 6 7 8 9 10 100 1000 3.14159 42nd 1st 2nd; punctuation!!! ??? ... --- (brackets) [square] {curly}
Emails like someone@example.com, URLs http://example.org/path?q=1&r=2, #hashtags, @mentions, $100, 50% off, a+b=c.
Emoji: 😀 👍🏽 👨‍👩‍👧 🇫🇷 ❤️ — fullwidth ＡＢＣ１２３ and ｶﾀｶﾅ, superscripts x² and ligatures ﬁ ﬂ.
""" * 3

CORPUS = [
    "",
    " ",
    "   ",
    "\t\n\r",
    "Hello world!",
    "hello   world",
    " leading space",
    "trailing space ",
    "The quick brown fox jumps over the lazy dog.",
    "It's a wonderful day outside. It'S HE'LL they're we've I'm you'd",
    "ctrl\x00char\x01s\x07 and\x1b[0m escape\x7f del",
    "soft\u00adhyphen zero\u200bwidth bom\ufeff here",
    "nbsp\u00a0here thin\u2009space narrow\u202fnbsp ideographic\u3000space line\u2028sep para\u2029sep",
    "ogham\u1680space en\u2002quad next\u0085line vtab\x0bff\x0c",
    "family 👨‍👩‍👧‍👦 and thumbs 👍🏽 flag 🇫🇷 heart ❤️ keycap 1️⃣",
    "e\u0301 vs \u00e9; a\u0300 vs \u00e0; n\u0303 vs \u00f1",
    "Cafe\u0301 naïve RÉSUMÉ Ångström Å",
    "combining marks only: \u0301\u0302\u0303",
    "中文分词测试：我爱北京天安门，今天天气很好。",
    "CJK ext E: \U0002B820\U0002B821\U0002B8FF\U0002B91F\U0002B920\U0002B921 ext B: \U00020000\U0002A6DF ext F: \U0002CEB0",
    "compat ideographs \uf900\ufa0a and radicals \u2f00\u2e80",
    "안녕하세요, 감사합니다. 한국어",
    "こんにちは、ありがとう。がぎぐげご ガギグゲゴ か\u3099 ハ\u309a",
    "ภาษาไทย สวัสดีครับ ขอบคุณ",
    "العربية: مرحبا بالعالم. עברית: שלום עולם.",
    "fullwidth ＡＢＣ１２３！ halfwidth ｶﾀｶﾅ",
    "İstanbul İ i̇ ı I",
    "ΣΊΣΥΦΟΣ Σ σ ς ΌΣΟΣ",
    "straße STRASSE ẞ ǅ ﬁ ﬂ x² ①",
    "a" * 101,
    "b" * 100,
    "supercalifragilisticexpialidocious" * 4,
    "literal [SEP] and [CLS] and [MASK] here",
    "glued[SEP]text[PAD]x",
    "roberta <mask> and <s> and </s> and <pad> and <unk>",
    "spaces   <mask>   around",
    "<mask>start and end<mask>",
    "the cat's toys; THE CAT'S TOYS; 's 't 're 've 'm 'll 'd",
    "digits 1234567890123456789 and 3.14159 and 1,000,000",
    "punctuation!!! ??? ... --- ((())) [[]] {{}} $$$ +++ === <<>> ^^ `` || ~~ \\\\ @@ ## %% &&",
    "symbols € © ® ™ ° ± × ÷ § ¶ • … ‰ ′ ″ ← → ↑ ↓",
    "tabs\tand\nnewlines\r\nand crlf",
    "MiXeD CaSe WoRdS AND UPPER",
    "email someone@example.com url http://example.org/path?q=1&r=2",
    "a+b=c <html> </tag> x<y>z",
    "Ωmega µ micro K kelvin Å angstrom",
    "\ufffd replacement \ufffd char",
    "private use \ue000\uf8ff and noncharacter \ufdd0 and unassigned \u0378",
    "Русский язык: привет, мир! Ελληνικά: φιλοσοφία.",
    "hyphen-ated words and under_scored ones and dot.ted",
    "  multiple   spaces   between   words  ",
    "\u3000\u3000ideographic leading",
    "word\u00a0\u00a0double nbsp",
    "x" + "\u0301" * 20,
    "🙂" * 30,
    " ".join(["token"] * 150),
    " ".join(f"w{i}" for i in range(200)),
]

PAIRS = [
    ("", ""),
    ("Hello world!", "How are you?"),
    ("I love cats", "Cats are amazing"),
    ("short", " ".join(["long"] * 150)),
    (" ".join(["long"] * 150), "short"),
    (" ".join(["first"] * 80), " ".join(["second"] * 90)),
    ("It's a wonderful day outside.", "He drove to work earlier."),
    ("中文分词测试", "日本語のテキスト"),
    ("literal [SEP] inside", "and <mask> inside"),
    ("", "only second"),
    ("only first", ""),
]

MAX_LENGTHS = [None, 16, 5, 2, 1, 0]
PAIR_MAX_LENGTHS = [None, 64, 17, 9, 5, 4, 3]


def build_wordpiece(lowercase):
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]", max_input_chars_per_word=100))
    tok.normalizer = normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=True,
                                                strip_accents=None if lowercase else False, lowercase=lowercase)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    trainer = trainers.WordPieceTrainer(vocab_size=900, min_frequency=1, special_tokens=special,
                                        continuing_subword_prefix="##")
    tok.train_from_iterator([TRAIN_TEXT], trainer=trainer)
    cls, sep = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS]:0 $A:0 [SEP]:0", pair="[CLS]:0 $A:0 [SEP]:0 $B:1 [SEP]:1",
        special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    tok.decoder = decoders.WordPiece(prefix="##")
    return tok


def build_bpe():
    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    special = ["<s>", "<pad>", "</s>", "<unk>", AddedToken("<mask>", lstrip=True, special=True, normalized=False)]
    trainer = trainers.BpeTrainer(vocab_size=1300, min_frequency=1, special_tokens=special,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator([TRAIN_TEXT], trainer=trainer)
    tok.post_processor = processors.RobertaProcessing(("</s>", tok.token_to_id("</s>")),
                                                      ("<s>", tok.token_to_id("<s>")),
                                                      trim_offsets=True, add_prefix_space=False)
    return tok


def write_json(path, obj, compact=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        if compact:
            json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))
        else:
            json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


def cases_for(tok, single_lengths, pair_lengths):
    """Encodes the corpus with the Rust tokenizer; cases Rust rejects (tiny max_length) are left out."""
    tok.no_padding()
    out = []
    for ml_list, items in ((single_lengths, [(t, None) for t in CORPUS]), (pair_lengths, PAIRS)):
        for text, pair in items:
            for ml in ml_list:
                try:
                    if ml is None:
                        tok.no_truncation()
                    else:
                        tok.enable_truncation(ml, strategy="longest_first")
                    enc = tok.encode(text, pair) if pair is not None else tok.encode(text)
                except BaseException as e:  # Rust panics surface as pyo3 PanicException (a BaseException)
                    print(f"  skipped max_length={ml} text={text[:20]!r}: {type(e).__name__}: {e}", file=sys.stderr)
                    continue
                case = {"text": text}
                if pair is not None:
                    case["pair"] = pair
                if ml is not None:
                    case["max_length"] = ml
                case["ids"] = enc.ids
                if pair is not None or any(enc.type_ids):  # left out when all 0 (every single sequence here)
                    case["type_ids"] = enc.type_ids
                out.append(case)
    tok.no_truncation()
    return out


def main():
    for sub in ("bert-uncased", "bert-cased", "roberta-bpe"):
        os.makedirs(os.path.join(FIX, sub), exist_ok=True)
    print(f"tokenizers {tokenizers.__version__}")
    names = {}
    bert = build_wordpiece(lowercase=True)
    cased = build_wordpiece(lowercase=False)
    bpe = build_bpe()

    # bert-uncased: bake in truncation/padding the loader must ignore.
    bert.enable_truncation(7)
    bert.enable_padding(length=12, pad_id=0, pad_token="[PAD]")
    bert.save(os.path.join(FIX, "bert-uncased", "tokenizer.json"))
    bert.no_truncation(); bert.no_padding()
    cfg_bert = {"do_lower_case": True, "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]",
                "cls_token": "[CLS]", "mask_token": "[MASK]", "tokenize_chinese_chars": True, "strip_accents": None,
                "tokenizer_class": "BertTokenizer", "model_max_length": 512}
    write_json(os.path.join(FIX, "bert-uncased", "tokenizer_config.json"), cfg_bert)
    names["bert-uncased"] = bert

    cased.save(os.path.join(FIX, "bert-cased", "tokenizer.json"))
    write_json(os.path.join(FIX, "bert-cased", "tokenizer_config.json"),
               dict(cfg_bert, do_lower_case=False, strip_accents=False,
                    model_max_length=1000000000000000019884624838656))
    names["bert-cased"] = cased

    bpe.save(os.path.join(FIX, "roberta-bpe", "tokenizer.json"))
    cfg_rob = {"bos_token": "<s>", "eos_token": "</s>", "sep_token": "</s>", "cls_token": "<s>", "unk_token": "<unk>",
               "pad_token": "<pad>", "mask_token": "<mask>", "add_prefix_space": False,
               "tokenizer_class": "RobertaTokenizer", "model_max_length": 512}
    # As transformers saves it: the added tokens' flags (<mask> lstrip) travel in added_tokens_decoder.
    cfg_rob["added_tokens_decoder"] = {
        str(i): {"content": t.content, "lstrip": t.lstrip, "rstrip": t.rstrip, "normalized": t.normalized,
                 "single_word": t.single_word, "special": t.special}
        for i, t in sorted(bpe.get_added_tokens_decoder().items())}
    write_json(os.path.join(FIX, "roberta-bpe", "tokenizer_config.json"), cfg_rob)
    names["roberta-bpe"] = bpe

    # Fallback folders: vocab.txt; vocab.json + merges.txt. Same models, so the same expected ids.
    vdir = os.path.join(FIX, "bert-vocab-only")
    os.makedirs(vdir, exist_ok=True)
    vocab = sorted(bert.get_vocab(with_added_tokens=False).items(), key=lambda kv: kv[1])
    with open(os.path.join(vdir, "vocab.txt"), "w", encoding="utf-8") as f:
        for token, _ in vocab:
            f.write(token + "\n")
    write_json(os.path.join(vdir, "tokenizer_config.json"), cfg_bert)
    rdir = os.path.join(FIX, "roberta-vocab-only")
    os.makedirs(rdir, exist_ok=True)
    bpe.model.save(rdir)
    write_json(os.path.join(rdir, "tokenizer_config.json"), cfg_rob)

    for name, tok in names.items():
        cases = cases_for(tok, MAX_LENGTHS, PAIR_MAX_LENGTHS)
        write_json(os.path.join(FIX, f"expected-{name}.json"), {"tokenizer": name, "cases": cases}, compact=True)
        print(f"{name}: {len(cases)} cases, vocab {tok.get_vocab_size()}")

    # Cross-check the fallbacks the way transformers loads them.
    try:
        from transformers import BertTokenizerFast, RobertaTokenizerFast
        for cls_, d, ref in ((BertTokenizerFast, vdir, bert), (RobertaTokenizerFast, rdir, bpe)):
            t = cls_.from_pretrained(d)
            for text in CORPUS:
                a, b = t(text)["input_ids"], ref.encode(text).ids
                if a != b:
                    print(f"  fallback mismatch in {os.path.basename(d)} for {text[:30]!r}: {a[:12]} vs {b[:12]}")
    except Exception as e:
        print(f"  fallback cross-check skipped: {e}")

    # The real all-MiniLM-L6-v2 tokenizer (not committed).
    model_dir = os.path.join(ROOT, "models", "all-MiniLM-L6-v2")
    real = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    cases = cases_for(real, [None, 256, 5, 2], [None, 256, 16, 5])
    write_json(os.path.join(FIX, "expected-all-MiniLM-L6-v2.json"),
               {"tokenizer": "all-MiniLM-L6-v2", "cases": cases}, compact=True)
    print(f"all-MiniLM-L6-v2: {len(cases)} cases")
    from transformers import AutoTokenizer
    hf = AutoTokenizer.from_pretrained(model_dir)
    bad = 0
    for c in cases:
        if "max_length" not in c or c["max_length"] < 3:
            continue
        args = (c["text"], c["pair"]) if "pair" in c else (c["text"],)
        got = hf(*args, truncation="longest_first", max_length=c["max_length"])["input_ids"]
        if got != c["ids"]:
            bad += 1
            print(f"  transformers differs for {c['text'][:30]!r} max_length={c['max_length']}")
    print(f"  transformers AutoTokenizer cross-check: {bad} differences")


if __name__ == "__main__":
    main()
