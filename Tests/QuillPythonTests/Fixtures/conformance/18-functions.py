"""Functions: positional and keyword arguments, defaults, return values and docstrings."""


def greet(name, greeting="Hello", punctuation="!"):
    """Return a greeting for one person."""
    return greeting + ", " + name + punctuation


print(greet("Ana"))
print(greet("Bo", "Hi"))
print(greet("Cy", punctuation="?"))
print(greet(greeting="Hey", name="Dee"))
print(greet("Eve", "Yo", "..."))


def stats(values):
    """Return the minimum, maximum and mean of a list of numbers.

    The mean is a float even for integer input.
    """
    total = 0
    for v in values:
        total += v
    return min(values), max(values), total / len(values)


low, high, mean = stats([3, 1, 4, 1, 5, 9, 2, 6])
print(low, high, mean)
print(stats([2.5]))


def nothing():
    pass


def early(x):
    if x < 0:
        return
    return x * 2


print(nothing(), early(-1), early(4))


def scale(values, factor=2, offset=0):
    return [v * factor + offset for v in values]


print(scale([1, 2, 3]))
print(scale([1, 2, 3], 10))
print(scale([1, 2, 3], offset=1))
print(scale(values=[1], factor=0.5, offset=0.25))


def apply(f, x):
    return f(x)


def square(n):
    return n * n


print(apply(square, 7), apply(len, "four"), apply(abs, -3))


def make_counter_text(word, times=3):
    parts = []
    for i in range(times):
        parts.append(f"{word}{i}")
    return "-".join(parts)


print(make_counter_text("w"), make_counter_text("z", times=1))
rate = 0.5


def with_global_read(x):
    return x * rate


print(with_global_read(10))


def shadow(rate):
    return rate + 1


print(shadow(1), rate)


def outer(n):
    def inner(m):
        return n + m
    return inner(10)


print(outer(5))
fn = square
print(fn(12), square(square(2)))
