# String literals: quotes, escapes, raw strings and repr.
single = 'single quotes'
double = "double quotes"
triple = """triple
quoted, over
three lines"""
print(single, double)
print(triple)
print('It\'s', "a \"quoted\" word")
print("tab:\tend", "newline:\nnext")
print("backslash \\ done")
print("\x41\x42\x43", "\u00e9t\u00e9", "\101\102")
print("caf\u00e9 \U0001F600")
print(r"raw \n stays", r'C:\temp\new')
print("joined " "by adjacency")
print('''single-quoted triple with "quotes" inside''')
print(repr("it's"), repr('say "hi"'), repr('both \' and "'))
print(repr("line\nbreak\ttab\\slash"))
print(repr("\x00\x07\x7f"), repr("\r"))
print(repr("é"), repr("\u200b"), repr("한국어"))
print(repr(""), repr(" "), len(""))
print(len("tab\t"), len(r"\t"), len("\u00e9"))
long = "one \
two"
print(long)
s = "Sentence embeddings"
print(s[0], s[-1], s[0:8], s[9:], s[:-5], s[::2], s[::-1])
print(s[3:3] == "", s[100:], s[-100:4])
print("abc" * 3, "-" * 20)
print("x" + "y" + "z")
print(str(3) + "px", "n=" + repr(4.0))
