# f-strings with !r and !s, and str() and repr() of the same values.
word = "café"
quote = "it's"
items = ["a", 'b"c', 1.5]
print(f"{word!r} {word!s} {word}")
print(f"{quote!r} {quote!s}")
print(f"{items} {items!r} {items!s}")
print(f"{1.0!r} {0.1 + 0.2!r} {None!r} {True!r}")
print(f"[{word!r:>10}] [{word!r:<10}] [{word!s:^10}]")
print(f"{(1, 'two')} {dict(a=1)!r}")
print(f"{'multi' 'part'} {'x' * 3!r}")
print(str(items), repr(items))
print(str("x"), repr("x"), repr(repr("x")))
label = "score"
value = 0.87654
print(f"{label!r}: {value:.3f}")
print(f"{label:>{len(label) + 4}}")
