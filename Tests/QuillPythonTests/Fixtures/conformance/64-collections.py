# collections.defaultdict and collections.Counter, as tutorials use them to group and count.
from collections import Counter, defaultdict
import collections
import json

sentences = ["the cat sits", "a dog runs", "the dog sits", "the cat runs", "a bird"]
by_first = defaultdict(list)
for s in sentences:
    by_first[s.split()[0]].append(s)
print(by_first)
print(dict(by_first), len(by_first), by_first["zebra"], "zebra" in by_first)
print(type(by_first).__name__, isinstance(by_first, dict), by_first.default_factory)

lengths = defaultdict(int)
for s in sentences:
    lengths[len(s.split())] += 1
print(sorted(lengths.items()), lengths)
plain = defaultdict(None, {"a": 1})
print(plain, plain.default_factory)
print(defaultdict(list, [("x", [1])], y=[2]))

words = Counter(w for s in sentences for w in s.split())
print(words)
print(words.most_common(3), words["unicorn"], "unicorn" in words)
print(words.total(), len(words), type(words).__name__, isinstance(words, dict))
words.update(["cat", "cat", "owl"])
words.update({"dog": 5})
print(words.most_common(2), words["owl"])
words.subtract(["cat"])
print(words["cat"], words.most_common()[-1])
print(Counter("mississippi"))
print(Counter(), Counter({"a": 2, "b": 5}), Counter(a=1, b=0))
print(json.dumps(Counter("aab")), collections.Counter("ab") == {"a": 1, "b": 1})
letters = Counter("hello world").most_common()
print(letters)
copy = words.copy()
print(type(copy).__name__, copy == words)
print(sorted(Counter("banana").elements()), list(Counter(a=2, b=0, c=-1, d=1).elements()))
