#!/usr/bin/env python3
"""Golden fixtures for the Swift `Tokenizers` module's SentencePiece Unigram path (XLM-RoBERTa family).

Run by humans, never by tests:  ~/.venvs/ref/bin/python Tests/Fixtures/generate/unigram.py

Reference versions used for the committed fixtures: tokenizers 0.23.3, transformers 5.24.0, sentencepiece 0.2.3.
Deterministic: SentencePiece trains on the fixed text below with one thread; the corpus's random part uses a seeded RNG.

What it writes under Tests/TokenizersTests/Fixtures/:
  xlmr-unigram/tokenizer.json (+ tokenizer_config.json)
      A small SentencePiece Unigram model (nmt_nfkc normalisation) trained here, turned into tokenizer.json the way
      transformers 5.24 does it for XLM-RoBERTa: XLMRobertaTokenizer.from_pretrained on a folder holding
      sentencepiece.bpe.model, then save_pretrained. Layout: Unigram (XLM-R's id shift: <s> <pad> </s> <unk>, the
      pieces, <mask>), normalizer Precompiled, pre_tokenizer Sequence[WhitespaceSplit, Metaspace(always)],
      TemplateProcessing <s> $A </s> / <s> $A </s> </s> $B </s>.
  xlmr-unigram/variants.json
      Other layouts of the same model that real XLM-R-family files use, as overrides of tokenizer.json's sections.
      A Precompiled normalizer there says "precompiled_charsmap": "(tokenizer.json)": the test puts the base file's
      charsmap in its place (it is 320 kB of base64, committed once).
        converter      transformers' XLMRobertaConverter: [Precompiled, Strip(right), Replace(/ {2,}/, "▁")],
                       Metaspace(always, split)
        hub-2020       the layout of the hub's xlm-roberta-base file: Precompiled alone, Metaspace with the legacy
                       add_prefix_space: true, <mask> with lstrip
        replace-space  [Precompiled, Replace(/ {2,}/, " ")], Metaspace(prepend_scheme always, split true)
        metaspace-first, metaspace-never-nosplit   the other prepend schemes and split false
        sentencepiece  SpmConverter.build_tokenizer_from_spm_proto's layout: Replace(/\\A +| +\\z/, ""),
                       Replace(/ {2,}/, " "), Replace(" ", "▁"), Replace(/\\A▁/, "▁▁"), Metaspace(always, no split)
  unigram-byte-fallback/tokenizer.json
      A second model trained with byte_fallback=True (pieces <0x00>..<0xFF>), converted by XLMRobertaConverter with
      byte fallback kept (as LlamaConverter keeps it): Unigram byte_fallback true.
  expected-unigram-<name>.json  {"tokenizer": name, "cases": [{"text", "pair"?, "max_length"?, "ids"}]}: ids with
      special tokens from the Rust tokenizers (Tokenizer.from_str(...).encode), for every corpus string, plus
      truncation and pair cases.
"""
import base64
import copy
import json
import os
import random
import shutil
import sys
import tempfile

sys.path = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import sentencepiece as spm
import tokenizers
from tokenizers import Tokenizer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
FIX = os.path.join(ROOT, "Tests", "TokenizersTests", "Fixtures")
CHARSMAP_MARK = "(tokenizer.json)"


VOCAB_SIZE = 1500

# ---------------------------------------------------------------------------------------------------------------------
# Training text: Korean, English, Japanese, some Chinese, emoji and full-width forms, written for this fixture.

TRAIN_TEXT = """\
문장 임베딩은 문장을 고정된 길이의 벡터로 바꾸는 방법입니다. 비슷한 뜻의 문장은 가까운 벡터가 됩니다.
오늘은 날씨가 정말 좋네요. 공원에서 산책을 하고 커피를 마셨습니다.
새 영화가 정말 재미있어요. 배우들의 연기가 훌륭했고 음악도 아름다웠습니다.
고양이가 창밖을 바라보고 있습니다. 강아지는 정원에서 공을 가지고 놉니다.
한국어 문장을 비교하려면 다국어 모델이 필요합니다. 영어만 배운 모델은 한글을 잘 이해하지 못합니다.
서울은 대한민국의 수도이며 인구가 약 천만 명입니다. 부산은 바다가 아름다운 항구 도시입니다.
검색 엔진은 질문과 문서의 유사도를 계산해서 가장 관련 있는 결과를 보여 줍니다.
코사인 유사도는 두 벡터 사이의 각도를 이용해 계산합니다. 점수는 영에서 일 사이의 값을 가집니다.
노트북의 셀을 실행하면 결과가 바로 아래에 표시됩니다. 예상 출력과 비교해서 차이가 있으면 알려 줍니다.
토크나이저는 텍스트를 작은 조각으로 나누고 각 조각에 번호를 붙입니다.
아침에 일찍 일어나서 운동을 했어요. 그리고 샤워를 하고 회사에 갔습니다.
우리 가족은 주말마다 할머니 댁에 갑니다. 할머니께서 맛있는 김치찌개를 끓여 주십니다.
학생들이 도서관에서 열심히 공부하고 있습니다. 시험이 다음 주에 있어서 모두 바쁩니다.
이 제품은 가격이 저렴하지만 품질이 아주 좋습니다. 배송도 빠르고 포장도 꼼꼼했어요.
비가 와서 우산을 챙겼습니다. 버스를 기다리는 동안 음악을 들었습니다.
한글은 세종대왕이 만든 글자입니다. 자음과 모음을 조합해서 음절을 만듭니다.
ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅅ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ 그리고 ㅏ ㅑ ㅓ ㅕ ㅗ ㅛ ㅜ ㅠ ㅡ ㅣ 는 한글의 기본 자모입니다.
ㅋㅋㅋ 정말 웃겨요 ㅎㅎ 내일 봐요! 감사합니다 😊 수고하셨습니다 👍
안녕하세요? 만나서 반갑습니다. 저는 학생이고 컴퓨터 과학을 공부합니다.
기계 학습 모델은 데이터에서 패턴을 배웁니다. 신경망은 여러 층으로 이루어져 있습니다.
The new movie is awesome. The new movie is so great. A man is eating food. A man is eating a piece of bread.
The cat sits outside. The dog plays in the garden. A woman is playing violin. Two men pushed carts through the woods.
Sentence embeddings map sentences to dense vectors so that similar meanings end up close together.
Cosine similarity measures the angle between two vectors; dot products also depend on their lengths.
Search engines rank documents by how relevant they are to a query, and rerankers refine the top results.
I love reading books on rainy days, especially mystery novels with unexpected endings.
The quick brown fox jumps over the lazy dog while the children watch from the window.
Tokenizers split text into pieces: words, subwords, characters, and sometimes bytes.
Multilingual models understand Korean, Japanese, English and many other languages at once.
She walked 1234 steps before breakfast and 5678 more after lunch in 2024.
Prices rose by 3.5% last year; the report costs $100 or about ₩130,000.
Please send the results to someone@example.com or visit https://example.org/notebooks today.
It's a wonderful day, isn't it? We'll see what they've planned for the weekend.
Transformers use attention to weigh every token against every other token in the sequence.
The museum opens at 9 a.m. and closes at 6 p.m. except on national holidays.
Café, naïve, résumé, façade, jalapeño, Zürich, São Paulo, crème brûlée and déjà vu are borrowed words.
今日はとても良い天気です。公園を散歩してからコーヒーを飲みました。
新しい映画はとても面白かったです。俳優の演技が素晴らしく、音楽も美しかったです。
猫が窓の外を見ています。犬は庭でボールで遊んでいます。
日本語の文章を比較するには多言語モデルが必要です。東京は日本の首都です。
検索エンジンは質問と文書の類似度を計算して、最も関連のある結果を表示します。
こんにちは、ありがとう、さようなら。がぎぐげご、ざじずぜぞ、ぱぴぷぺぽ。
カタカナでコンピューター、インターネット、スマートフォン、データベースと書きます。
ひらがなとカタカナと漢字を組み合わせて文章を書きます。読書は楽しいです。
機械学習のモデルはデータからパターンを学びます。ニューラルネットワークは層でできています。
ｶﾀｶﾅ ﾃﾞｰﾀ ﾊﾟｿｺﾝ は半角カタカナです。全角ＡＢＣ１２３と半角ABC123を比べます。
中文分词测试：我爱北京天安门，今天天气很好。机器学习和自然语言处理很有意思。
ＦＵＬＬＷＩＤＴＨ　ｔｅｘｔ　ｌｏｏｋｓ　ｌｉｋｅ　ｔｈｉｓ！　（全角）　１２３４５６７８９０
Emoji: 😀 😃 😄 😁 😆 😅 🤣 😂 🙂 🙃 😉 😊 😇 🥰 😍 🤩 😘 👍 👎 👏 🙏 💪 🎉 🎂 🍕 🍣 🍜 ☕ 🌸 🌧 ⭐ ❤️ 🇰🇷 🇯🇵 🇺🇸 👨‍👩‍👧‍👦
Symbols ① ② ③ ④ ⑤ Ⅰ Ⅱ Ⅲ ㎏ ㎞ ℃ № ™ ½ ¼ x² H₂O ﬁ ﬂ … — – “quotes” ‘single’ «guillemets»
한국어와 English를 섞어서 쓰는 경우도 많습니다. 예를 들어 AI 모델, GPU 서버, API 키 같은 말입니다.
日本語と한국어とEnglishが混ざった文章もあります。東京と서울と New York。
오늘의 점심 메뉴는 비빔밥과 된장찌개입니다 🍚 내일은 라면을 먹을 거예요 🍜
The 한글 alphabet was created in 1443, and 日本語 uses three scripts together.
지하철 2호선은 서울의 중심을 순환합니다. 출근 시간에는 사람이 아주 많아서 복잡합니다.
봄에는 벚꽃이 피고 여름에는 바다에 갑니다. 가을에는 단풍을 보고 겨울에는 눈사람을 만듭니다.
요리를 배우고 싶어서 요리 학원에 등록했습니다. 첫 수업에서 계란말이를 만들었어요.
병원에 가기 전에 예약을 해야 합니다. 의사 선생님께서 약을 처방해 주셨습니다.
친구에게 생일 선물로 책과 꽃을 주었습니다. 친구가 매우 기뻐했습니다.
회의는 오후 세 시에 시작합니다. 발표 자료를 미리 준비해 주세요.
컴퓨터가 고장 나서 수리점에 맡겼습니다. 수리비가 생각보다 비쌌습니다.
여행 계획을 세우는 것은 언제나 즐겁습니다. 제주도와 경주에 가 보고 싶어요.
Researchers compare models on benchmarks, but real users care about speed, memory and accuracy together.
The library closed early because of the storm, so we studied at a small café downtown.
Good documentation explains why a design was chosen, not only what the code does.
Mountains, rivers and forests cover most of the country, and the coastline stretches for miles.
Every notebook cell runs in order, and its output is written right below the code.
He bought apples, oranges, bananas and grapes at the market on Saturday morning.
Our team fixed three bugs, wrote twelve tests and shipped the release before midnight.
電車が遅れたので、会社に遅刻してしまいました。明日は早めに家を出ます。
図書館で本を借りて、週末に読みました。とても感動的な物語でした。
友達と一緒に京都へ旅行に行きました。お寺や神社をたくさん見ました。
料理を作るのが好きです。今日はカレーライスと味噌汁を作りました。
会議は午後三時から始まります。資料を準備しておいてください。
春には桜が咲き、夏には海に行きます。秋は紅葉、冬は雪がきれいです。
パスワードを忘れた場合は、メールアドレスを入力してリセットしてください。
이 문장은 한국어, This sentence is English, この文は日本語です。
ＡＩ　モデル　と　ＧＰＵ　サーバー　は　全角　で　書かれる　こと　も　あります。
ＵＲＬ：ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ　ｍａｉｌ：ｔｅｓｔ＠ｅｘａｍｐｌｅ．ｃｏｍ
숫자 0 1 2 3 4 5 6 7 8 9 10 100 1000 3.14 그리고 ０１２３４５６７８９ 전각 숫자
Mixing scripts: Привет мир, Γειά σου κόσμε, مرحبا بالعالم, שלום עולם, สวัสดีชาวโลก.
가나다라마바사아자차카타파하 abcdefghijklmnopqrstuvwxyz あいうえおかきくけこ アイウエオカキクケコ
"""

# ---------------------------------------------------------------------------------------------------------------------
# Test corpus.

EDGE_CASES = [
    # empty and whitespace
    "", " ", "   ", "\t", "\n", "\r\n", "\t\n\r", "a", "ab", " a", "a ", "  a  b  ", "a  b", "a   b", "a    b",
    "a \t b", "a\tb", "a\nb", "a\r\nb", "a\rb", "a\x0bb", "a\x0cb", "a\n\nb", "a \n b", "  \n  ", "\u3000",
    "a\u3000\u3000b", "a\u00a0b", "a\u00a0\u00a0b", "a\u2002b\u2003c\u2009d\u200ae", "a\u202fb\u205fc", "a\u1680b",
    "a\u2028b\u2029c", "a\x85b",
    # the meta symbol itself
    "\u2581", "\u2581a", "a\u2581b", "\u2581\u2581", " \u2581", "\u2581 ", "__init__", "\u2581\u2581a  \u2581",
    # Korean: precomposed, decomposed (conjoining jamo), compatibility and half-width jamo
    "안녕하세요", "안녕하세요, 만나서 반갑습니다.", "한국어 문장 임베딩", "ㅋㅋㅋ ㅎㅎ", "ㄱㅏ", "ㄱ ㄴ ㄷ",
    "\u1100\u1161", "\u1100\u1161\u11a8", "\u1112\u1161\u11ab\u1100\u1173\u11af", "가\u11a8", "\u1100", "\u1161",
    "\u11a8", "\uffa1\uffc2", "\u3164", "\u115f\u1160", "\u1113\u1176", "한\u0301", "똠방각하", "뷁",
    "서울특별시 강남구 테헤란로 123", "대한민국만세" * 3,
    # Japanese: voiced marks, half-width and full-width forms
    "が", "か\u3099", "ガ", "カ\u3099", "ﾊﾟ", "ｶﾞ", "ﾞ", "ﾟ", "か\u309a", "\u3099", "ｱｲｳｴｵ", "ｰ", "ー", "・", "･",
    "東京タワー", "こんにちは、世界！", "ＡＢＣ", "ａｂｃ", "１２３", "！？", "（全角）", "［］｛｝", "＂＃＄％＆＇",
    "ＡＢＣ　ＤＥＦ", "Ａ\u0301", "Ａ\u0301\u0302", "ｶ\u3099", "１\u20e3", "ｶﾞｷﾞｸﾞ",
    # Latin with combining marks and compatibility forms
    "e\u0301", "e\u0301\u0302", "e\u0301\u0302\u0303", "a\u0300", "n\u0303", "\u00e9", "Cafe\u0301", "naïve",
    "\u212b", "\u212a", "\ufb01", "x\u00b2", "\u2460", "\u216b", "\u338f", "\u00bd", "\u2122", "\u2103", "\u2116",
    "\u2026", "\u2025", "\u0301", "\u0301\u0301", "o\u0308\u0304", "\u1e9b\u0323", "\u0041\u030a",
    # control, format and odd code points
    "\x00", "a\x00b", "\x01", "a\x01b", "\x07", "\x1b[0m", "\x7f", "a\x7fb", "\x80", "\x9f", "a\u200bb",
    "a\u200cb", "a\u200db", "a\u200eb", "\ufeffa", "a\u00adb", "\ufffd", "\ufff9x\ufffb", "\U000e0001",
    "\ue000", "a\uf8ffb", "\ufdd0", "\uffff", "\u0378", "\U0010ffff", "\U00020000", "\u9f98\u9f98",
    "\U0001d400\U0001d401\U0001d402", "\U0001d7cf\U0001d7d0", "\u180e", "\u2061", "\u034f", "\ufe0f", "\ufe00a",
    "\u0600\u0661", "\u00a0", "\u2000\u2001",
    # emoji
    "😀", "👍🏽", "👨\u200d👩\u200d👧\u200d👦", "👩\u200d💻", "🏳\ufe0f\u200d🌈", "🇰🇷", "🇰🇷🇯🇵", "🇰", "❤\ufe0f",
    "❤", "1\ufe0f\u20e3", "#\ufe0f\u20e3", "#\u20e3", "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
    "☺\ufe0f", "✌🏻", "🧑🏽\u200d🚀", "😀😀😀", "좋아요👍", "ok👌ok", "😀 😃 😄", "👍🏽👍🏽", "\u200d", "a\u200d😀",
    # other scripts and cases
    "Привет, мир!", "Γειά σου κόσμε", "مرحبا بالعالم", "שלום עולם", "สวัสดีชาวโลก", "नमस्ते दुनिया", "வணக்கம்",
    "HELLO WORLD", "İstanbul", "straße STRASSE ẞ", "ǅ ǆ Ǆ", "١٢٣", "３.１４", "1,000,000", "3.14159",
    # added tokens in text
    "<s>", "</s>", "<mask>", "<pad>", "<unk>", "a <mask> b", "a<mask>b", "<pad><unk>", "<s>hello</s>",
    "  <mask>  ", "<S>", "<mask", "hello <s> world", "<s> 안녕 </s>", "<mask>시작", "끝<mask>", " <s>", "<s> ",
    "a  <mask>", "\u3000<mask>", "x</s></s>y",
    # mixed scripts
    "한국어와 English를 섞어서", "日本語と한국어とEnglish", "The 한글 alphabet", "AI 모델과 GPU 서버",
    "ＡＩ　モデル", "abc가나다アイウ", "2024년 3월 15일", "₩130,000원", "user@example.com 메일", "#해시태그 @멘션",
]

LONG_WORDS = [
    "가" * 300, "a" * 500, "supercalifragilisticexpialidocious" * 10, "대한민국" * 50, "ｱ" * 100, "😀" * 100,
    "\u9f98" * 50, "ab" * 200 + "가나" * 100, "x" * 2000, "abc\u0301" * 60, "ᄀ" * 40,
    " ".join(["token"] * 150), " ".join(f"w{i}" for i in range(200)), "한 " * 200,
]

FUZZ_POOL = [
    "가", "나", "한", "글", "요", "\u1100", "\u1161", "\u11a8", "ㄱ", "ㅏ", "\uffa1", "a", "b", "Z", "the", " ", "  ",
    "\u3000", "\t", "\n", "\r\n", "Ａ", "ｂ", "ｶ", "ﾞ", "\u3099", "\u0301", "e", "😀", "👍", "\U0001f3fd", "\u200d",
    "\U0001f1f0", "\U0001f1f7", "❤", "\ufe0f", "\x00", "\x01", "\x7f", "\u200b", "\ufeff", "\u2581", "<s>", "<mask>",
    "</s>", "日", "本", "語", "は", "ー", "ｰ", "①", "\ufb01", "\u00bd", "\u00a0", "1", "２", ".", ",", "!", "？",
    "\u9f98", "\U00020000", "é", "\u00ad", "\u2028", "ab", "문장", "モデル", "ＡＢＣ", "x²",
]

PAIRS = [
    ("", ""),
    ("안녕하세요", "만나서 반갑습니다"),
    ("The new movie is awesome", "The new movie is so great"),
    ("오늘 날씨가 좋네요", "今日はいい天気です"),
    ("short", " ".join(["long"] * 150)),
    (" ".join(["처음"] * 80), " ".join(["두번째"] * 90)),
    ("literal <mask> inside", "and </s> inside"),
    ("", "only second"),
    ("only first", ""),
    ("ＡＢＣ　全角", "ｶﾀｶﾅ 半角"),
    ("😀👍🏽", "👨\u200d👩\u200d👧"),
    ("a\x00b\x01c", "\ufeff\u200b"),
]


def corpus():
    texts = list(EDGE_CASES)
    texts += [line for line in TRAIN_TEXT.splitlines() if line.strip()]
    texts += LONG_WORDS
    rng = random.Random(16)
    for _ in range(160):
        texts.append("".join(rng.choice(FUZZ_POOL) for _ in range(rng.randint(1, 24))))
    seen, unique = set(), []
    for t in texts:
        if t not in seen:
            seen.add(t)
            unique.append(t)
    return unique


def train(folder, byte_fallback):
    """Trains a Unigram SentencePiece model in `folder`; returns the .model path."""
    text_path = os.path.join(folder, "train.txt")
    with open(text_path, "w", encoding="utf-8") as f:
        f.write(TRAIN_TEXT)
    prefix = os.path.join(folder, "spm")
    spm.SentencePieceTrainer.train(
        input=text_path, model_prefix=prefix, vocab_size=VOCAB_SIZE, model_type="unigram",
        normalization_rule_name="nmt_nfkc", character_coverage=0.9995, num_threads=1, hard_vocab_limit=False,
        byte_fallback=byte_fallback, seed_sentencepiece_size=100000, minloglevel=2)
    return prefix + ".model"


def convert_with_transformers(model_path, work):
    """transformers 5.24's own path for XLM-R: from_pretrained on sentencepiece.bpe.model, then save_pretrained."""
    from transformers import XLMRobertaTokenizer
    src = os.path.join(work, "spm-folder")
    os.makedirs(src, exist_ok=True)
    shutil.copy(model_path, os.path.join(src, "sentencepiece.bpe.model"))
    tok = XLMRobertaTokenizer.from_pretrained(src)
    out = os.path.join(work, "saved")
    tok.save_pretrained(out)
    with open(os.path.join(out, "tokenizer.json"), encoding="utf-8") as f:
        data = json.load(f)
    with open(os.path.join(out, "tokenizer_config.json"), encoding="utf-8") as f:
        config = json.load(f)
    return data, config


class _SlowStandIn:
    """What XLMRobertaConverter reads from a slow tokenizer (transformers 5 has none for XLM-R)."""

    def __init__(self, vocab_file, n_pieces):
        self.vocab_file = vocab_file
        self.add_prefix_space = True
        self._ids = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3, "<mask>": n_pieces + 1}

    def convert_tokens_to_ids(self, token):
        return self._ids[token]


def convert_with_converter(model_path, byte_fallback):
    from transformers.convert_slow_tokenizer import XLMRobertaConverter
    from tokenizers import AddedToken

    class Converter(XLMRobertaConverter):
        handle_byte_fallback = byte_fallback

    proto = spm.SentencePieceProcessor(model_file=model_path)
    tok = Converter(_SlowStandIn(model_path, proto.get_piece_size())).converted()
    # As transformers registers XLM-R's specials (the hub files give <mask> lstrip).
    tok.add_special_tokens([AddedToken(t, normalized=False, special=True) for t in ("<s>", "<pad>", "</s>", "<unk>")]
                           + [AddedToken("<mask>", lstrip=True, normalized=False, special=True)])
    return json.loads(tok.to_str())


def precompiled_of(data):
    n = data["normalizer"]
    if n["type"] == "Precompiled":
        return n
    return next(x for x in n["normalizers"] if x["type"] == "Precompiled")


def variants(base, converter_json):
    """Overrides of tokenizer.json sections; Precompiled charsmaps elided (CHARSMAP_MARK)."""
    pre = {"type": "Precompiled", "precompiled_charsmap": CHARSMAP_MARK}

    def metaspace(**kw):
        return dict({"type": "Metaspace", "replacement": "\u2581"}, **kw)

    def regex_replace(pattern, content):
        return {"type": "Replace", "pattern": {"Regex": pattern}, "content": content}

    conv_norm = copy.deepcopy(converter_json["normalizer"])
    for n in conv_norm["normalizers"]:
        if n["type"] == "Precompiled":
            n["precompiled_charsmap"] = CHARSMAP_MARK
    mask_lstrip = copy.deepcopy(base["added_tokens"])
    for t in mask_lstrip:
        if t["content"] == "<mask>":
            t["lstrip"] = True
    return {
        "converter": {"normalizer": conv_norm, "pre_tokenizer": converter_json["pre_tokenizer"],
                      "added_tokens": mask_lstrip},
        "hub-2020": {"normalizer": pre,
                     "pre_tokenizer": metaspace(add_prefix_space=True, str_rep="\u2581"),
                     "added_tokens": mask_lstrip},
        "replace-space": {"normalizer": {"type": "Sequence", "normalizers": [pre, regex_replace(" {2,}", " ")]},
                          "pre_tokenizer": metaspace(prepend_scheme="always", split=True)},
        "metaspace-first": {"normalizer": pre, "pre_tokenizer": metaspace(prepend_scheme="first", split=True)},
        "metaspace-never-nosplit": {"normalizer": pre,
                                    "pre_tokenizer": metaspace(prepend_scheme="never", split=False)},
        "sentencepiece": {
            "normalizer": {"type": "Sequence", "normalizers": [
                pre, regex_replace(r"\A +| +\z", ""), regex_replace(" {2,}", " "),
                {"type": "Replace", "pattern": {"String": " "}, "content": "\u2581"},
                regex_replace("\\A\u2581", "\u2581\u2581")]},
            "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
                metaspace(prepend_scheme="always", split=False)]}},
    }


def apply_variant(base, overrides):
    data = copy.deepcopy(base)
    charsmap = precompiled_of(base)["precompiled_charsmap"]
    text = json.dumps(overrides).replace(json.dumps(CHARSMAP_MARK), json.dumps(charsmap))
    data.update(json.loads(text))
    return data


def cases_for(tok, texts, pairs):
    tok.no_padding()
    out = []
    jobs = [(t, None, None) for t in texts]
    jobs += [(t, None, ml) for t in texts[:60] for ml in (16, 5, 3, 2)]
    jobs += [(a, b, ml) for a, b in pairs for ml in (None, 64, 17, 9, 6, 5)]
    for text, pair, ml in jobs:
        if ml is None:
            tok.no_truncation()
        else:
            tok.enable_truncation(ml, strategy="longest_first")
        try:
            enc = tok.encode(text, pair) if pair is not None else tok.encode(text)
        except BaseException as e:  # pyo3 PanicException is a BaseException
            print(f"  skipped {text[:20]!r} max_length={ml}: {type(e).__name__}: {e}", file=sys.stderr)
            continue
        case = {"text": text}
        if pair is not None:
            case["pair"] = pair
        if ml is not None:
            case["max_length"] = ml
        case["ids"] = enc.ids
        if any(enc.type_ids):
            case["type_ids"] = enc.type_ids
        out.append(case)
    tok.no_truncation()
    return out


def cross_check_transformers(tokenizers_by_name, config, texts, work):
    """Reports (writes nothing) where transformers' AutoTokenizer, which sentence-transformers calls, differs from the
    Rust tokenizer running the file. transformers 5 rebuilds an XLMRobertaTokenizer's pipeline from its class
    (Precompiled, then WhitespaceSplit + Metaspace), keeping only the file's vocabulary, charsmap and post-processor,
    so layouts other than its own differ on whitespace (leading, trailing, runs, whitespace-only text)."""
    from transformers import AutoTokenizer
    for name, data in tokenizers_by_name.items():
        folder = os.path.join(work, "check-" + name)
        os.makedirs(folder)
        write_json(os.path.join(folder, "tokenizer.json"), data)
        write_json(os.path.join(folder, "tokenizer_config.json"), config)
        rust = Tokenizer.from_str(json.dumps(data))
        hf = AutoTokenizer.from_pretrained(folder)
        differ = [t for t in texts if hf(t)["input_ids"] != rust.encode(t).ids]
        print(f"  transformers AutoTokenizer vs the file, {name}: {len(differ)} of {len(texts)} differ"
              + (f", e.g. {[t[:12] for t in differ[:3]]}" if differ else ""))


def write_json(path, obj, compact=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        if compact:
            json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))
        else:
            json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    print(f"tokenizers {tokenizers.__version__}, sentencepiece {spm.__version__}")
    texts = corpus()
    work = tempfile.mkdtemp(prefix="quill-unigram-")
    try:
        plain_dir = os.path.join(work, "plain")
        bf_dir = os.path.join(work, "byte-fallback")
        os.makedirs(plain_dir)
        os.makedirs(bf_dir)
        plain_model = train(plain_dir, byte_fallback=False)
        bf_model = train(bf_dir, byte_fallback=True)

        base, config = convert_with_transformers(plain_model, plain_dir)
        converter_json = convert_with_converter(plain_model, byte_fallback=False)
        assert converter_json["model"] == base["model"], "the two conversions disagree on the vocabulary"
        config = {k: v for k, v in config.items() if k not in ("is_local", "local_files_only")}
        config["model_max_length"] = 512
        out_dir = os.path.join(FIX, "xlmr-unigram")
        write_json(os.path.join(out_dir, "tokenizer.json"), base, compact=True)
        write_json(os.path.join(out_dir, "tokenizer_config.json"), config)
        overrides = variants(base, converter_json)
        write_json(os.path.join(out_dir, "variants.json"), overrides)

        bf = convert_with_converter(bf_model, byte_fallback=True)
        assert bf["model"]["byte_fallback"] is True
        write_json(os.path.join(FIX, "unigram-byte-fallback", "tokenizer.json"), bf, compact=True)

        tokenizers_by_name = {"xlmr": base, "byte-fallback": bf}
        for name, o in overrides.items():
            tokenizers_by_name[name] = apply_variant(base, o)
        for name, data in tokenizers_by_name.items():
            tok = Tokenizer.from_str(json.dumps(data))
            cases = cases_for(tok, texts, PAIRS)
            write_json(os.path.join(FIX, f"expected-unigram-{name}.json"), {"tokenizer": name, "cases": cases},
                       compact=True)
            print(f"{name}: {len(cases)} cases, vocab {tok.get_vocab_size()}")
        charsmap = base64.b64decode(precompiled_of(base)["precompiled_charsmap"])
        print(f"corpus {len(texts)} strings; charsmap {len(charsmap)} bytes; pieces {len(base['model']['vocab'])}")
        cross_check_transformers(tokenizers_by_name, config, texts, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
