"""The string corpus for the real-model parity tests (imported by real_models.py, which writes it out).

Several hundred strings, built deterministically: hand-written sentences and edge cases in many scripts, then
systematic variants of them (upper case, full-width forms, NFD, inserted control characters, emoji, long words).
Korean, Japanese, mixed scripts, emoji, full-width forms, combining marks, control characters and very long words
are all covered; nothing here is random.
"""
import unicodedata

ENGLISH = [
    "The cat sits outside",
    "A man is playing guitar",
    "The new movie is awesome",
    "The dog plays in the garden",
    "A woman watches TV",
    "The new movie is so great",
    "I love pasta",
    "Do you like pizza?",
    "A man is eating food.",
    "A man is riding a white horse on an enclosed ground.",
    "A monkey is playing drums.",
    "Two men pushed carts through the woods.",
    "It's a wonderful day outside; isn't it? We'll see, they've said.",
    "MiXeD CaSe WoRdS AND UPPER",
    "email someone@example.com url http://example.org/path?q=1&r=2",
    "digits 1234567890123456789 and 3.14159 and 1,000,000",
    "punctuation!!! ??? ... --- ((())) [[]] {{}} $$$ +++ === <<>> ^^ `` || ~~ \\\\ @@ ## %% &&",
    "literal [SEP] [CLS] [MASK] [PAD] [UNK] markers",
    "roberta <mask> and <s> and </s> and <pad> and <unk>",
    "glued<mask>text</s>x<s>y",
    "spaces   <mask>   around",
    "normalized specials <UNK> <Unk> <unk> [unk] [UNK] <MASK> <mask>",
    "x<unk>y <unk><unk> </s></s> <s>",
]

KOREAN = [
    "안녕하세요, 감사합니다.",
    "오늘은 날씨가 맑아서 한강 공원에 산책을 나갔습니다.",
    "고양이가 창가에 앉아 햇볕을 쬐고 있다.",
    "새 영화는 정말 재미있었어요!",
    "서울은 한국의 수도입니다.",
    "이 문장은 띄어쓰기가없이길게이어져서토크나이저가어떻게나누는지보여줍니다",
    "ㄱㄴㄷㄹ ㅏㅑㅓㅕ 자모만 있는 글자",
    "\u1100\u1161\u11a8 옛한글 조합형 \u1112\u1161\u11ab\u1100\u1173\u11af",
    "할머니께서 만드신 김치찌개는 언제나 맛있다.",
    "Quill로 한국어 문장을 임베딩합니다 (embedding 768차원).",
    "ﾡﾢﾣ 반각 한글 자모",
    "㈜ ㉠ ㉮ ㎏ ㎞ 호환 기호",
]

JAPANESE = [
    "こんにちは、ありがとう。",
    "今日はとても良い天気ですね。",
    "東京タワーに行きました。",
    "がぎぐげご ガギグゲゴ か\u3099 ハ\u309a",
    "ｶﾀｶﾅ ﾊﾟｿｺﾝ ｶﾞｷﾞｸﾞ 半角カタカナ",
    "ラーメン、カレーライス、スーパーマーケット",
    "㍻ ㌔ ㍉ ㋐ 合字",
    "吾輩は猫である。名前はまだ無い。",
]

OTHER_SCRIPTS = [
    "中文分词测试：我爱北京天安门，今天天气很好。",
    "CJK ext B: \U00020000\U0002A6DF ext E: \U0002B820 compat \uf900\ufa0a radicals \u2f00\u2e80",
    "ภาษาไทย สวัสดีครับ ขอบคุณ",
    "العربية: مرحبا بالعالم. עברית: שלום עולם.",
    "Русский язык: привет, мир! Ελληνικά: φιλοσοφία.",
    "हिन्दी में एक वाक्य। বাংলা ভাষা।",
    "İstanbul İ i̇ ı I ΣΊΣΥΦΟΣ Σ σ ς",
    "straße STRASSE ẞ ǅ ﬁ ﬂ x² ① Ω µ K Å",
]

MIXED = [
    "서울 Seoul 東京 Tokyo 北京 Beijing",
    "한국어와 English와 日本語가 섞인 문장 123개",
    "Kimchi김치와 Sushi寿司 and Pizza피자",
    "ID: 가나다-ABC-アイウ-123",
    "price ₩12,000 / ¥1,200 / $10.00 / €9,50",
    "#해시태그 @멘션 😀 https://예시.한국/경로",
    "καλημέρα 좋은 아침 доброе утро おはよう",
]

EMOJI = [
    "😀 😃 😄 😁",
    "family 👨‍👩‍👧‍👦 and thumbs 👍🏽 flag 🇫🇷 🇰🇷 🇯🇵 heart ❤️ keycap 1️⃣",
    "🙂" * 30,
    "emoji👍glued🎉to😀words",
    "🏳️‍🌈 🏴‍☠️ 👩🏻‍💻 🧑🏾‍🚀",
    "오늘 기분 최고 😍🎶 今日は最高 🌸",
]

FULLWIDTH = [
    "ｆｕｌｌｗｉｄｔｈ ＡＢＣ１２３！",
    "全角スペース\u3000と記号（）［］｛｝",
    "ＱＵＩＬＬ　ｎｏｔｅｂｏｏｋ：　１＋１＝２",
    "\u3000\u3000ideographic leading",
    "￦１０００ ￥５００ ＄５ ￠ ￡",
]

COMBINING = [
    "e\u0301 vs \u00e9; a\u0300 vs \u00e0; n\u0303 vs \u00f1",
    "Cafe\u0301 naïve RÉSUMÉ Ångström Å",
    "combining marks only: \u0301\u0302\u0303",
    "x" + "\u0301" * 20,
    "Z\u0351\u0337\u0334a\u0360\u0315\u0362l\u0489\u035fg\u0334\u0338o\u031b",
    "Vie\u0323\u0302t Nam tie\u0302\u0301ng Vie\u0323\u0302t",
]

CONTROL = [
    "ctrl\x00char\x01s\x07 and\x1b[0m escape\x7f del",
    "tabs\tand\nnewlines\r\nand crlf",
    "soft\u00adhyphen zero\u200bwidth joiner\u200d non\u200cjoiner bom\ufeff here",
    "nbsp\u00a0here thin\u2009space ideographic\u3000space line\u2028sep para\u2029sep",
    "ogham\u1680space en\u2002quad next\u0085line vtab\x0bff\x0c",
    "bidi \u202eevil\u202c \u2066isolate\u2069 \u200fRLM\u200e",
    "C1 controls \x80\x8a\x9f here",
    "\ufffd replacement \ufffd char, private use \ue000\uf8ff, noncharacter \ufdd0",
    "",
    " ",
    "\t\n\r",
]

LONG_WORDS = [
    "a" * 99,
    "a" * 100,
    "a" * 101,
    "supercalifragilisticexpialidocious" * 3,
    "Pneumonoultramicroscopicsilicovolcanoconiosis",
    "가" * 120,
    "の" * 60,
    "x" * 500,
    "ab" * 60 + " tail",
    " ".join(["token"] * 150),
    " ".join(f"w{i}" for i in range(400)),
    "글자" * 30 + " 한국어 " + "아주긴단어" * 25,
]

BASE = ENGLISH + KOREAN + JAPANESE + OTHER_SCRIPTS + MIXED + EMOJI + FULLWIDTH + COMBINING + CONTROL + LONG_WORDS


def to_fullwidth(text):
    """ASCII letters, digits and punctuation to their full-width forms (U+FF01..U+FF5E), space to U+3000."""
    return "".join("\u3000" if c == " " else chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def variants(text):
    """Systematic variants of one base string (duplicates of the base are dropped by the caller)."""
    return [
        text.upper(),
        to_fullwidth(text),
        unicodedata.normalize("NFD", text),
        text.replace(" ", "\x00 "),
        "👍 " + text + " 🇰🇷",
        "  " + text + "\t\n",
    ]


def corpus():
    """The corpus, in a fixed order: the base strings, then the variants of the short ones (< 80 characters)."""
    out, seen = [], set()
    for text in BASE:
        if text not in seen:
            seen.add(text)
            out.append(text)
    for text in BASE:
        if len(text) >= 80:
            continue
        for v in variants(text):
            if v not in seen:
                seen.add(v)
                out.append(v)
    return out
