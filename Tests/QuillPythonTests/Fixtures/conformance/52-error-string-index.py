# Indexing a string past its end, inside a helper function.
def nth_letter(word, n):
    """The n-th letter, counting from 1."""
    return word[n - 1]


print(nth_letter("cat", 1), nth_letter("cat", 3), nth_letter("cat", -1))
print(nth_letter("cat", 4))
