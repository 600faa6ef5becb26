# Korean text: lengths and slices count code points; widths pad by code points too.
greeting = "안녕하세요"
sentence = "나는 오늘 학교에 갑니다."
print(greeting, len(greeting), len(sentence))
print(greeting[0], greeting[-1], greeting[1:3], greeting[::-1], greeting[::2])
words = sentence.split()
print(words, len(words), [len(w) for w in words])
print(f"[{greeting:>10}]", f"[{greeting:<8}]", f"[{greeting:^9}]", f"[{greeting:*^11}]")
print("[%8s]" % greeting, "[%-8s]" % greeting, "[{:>7}]".format("한국"))
print(f"[{greeting:.2}]", repr(greeting), [greeting])
mixed = "Korean 한국어 text"
print(len(mixed), mixed.upper(), mixed.lower(), mixed.find("한국어"), mixed.count("어"))
print(mixed.replace("한국어", "영어"), mixed.split(" ")[1], "한국어" in mixed)
print(sorted(["하나", "둘", "셋", "넷", "apple"]), max("가나다"), "가" < "나")
table = [("서울", 9.7), ("부산", 3.4), ("인천", 2.9)]
for city, population in table:
    print(f"{city:<4}|{population:>6.1f}")
print("-".join(greeting), greeting.startswith("안녕"), greeting.endswith("요"))
print(len("é"), len("e\u0301"), "e\u0301" == "é", len("👍"), "👍"[0])
chars = {}
for ch in "가나가다가":
    chars[ch] = chars.get(ch, 0) + 1
print(chars)
print(f"{len(sentence):>3} chars in {sentence!r}")
