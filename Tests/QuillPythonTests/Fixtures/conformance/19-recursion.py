# Recursion: factorials and Fibonacci numbers grow past 64 bits.
def factorial(n):
    """n! computed recursively."""
    if n <= 1:
        return 1
    return n * factorial(n - 1)


for n in [0, 1, 5, 10, 20, 21, 30]:
    print(n, factorial(n))
print(factorial(50))
print(len(str(factorial(100))))


def fib(n, memo={}):
    if n in memo:
        return memo[n]
    if n < 2:
        result = n
    else:
        result = fib(n - 1) + fib(n - 2)
    memo[n] = result
    return result


print([fib(i) for i in range(15)])
print(fib(90), fib(100))
print(fib(300))


def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)


print(slow_fib(20))


def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)


print(gcd(1071, 462), gcd(2**64, 6**20))


def hanoi_moves(disks):
    if disks == 0:
        return 0
    return 2 * hanoi_moves(disks - 1) + 1


print(hanoi_moves(10), hanoi_moves(64))


def flatten(items):
    out = []
    for item in items:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out


print(flatten([1, [2, [3, [4, []]], 5], [[6]]]))


def power(base, exp):
    if exp == 0:
        return 1
    half = power(base, exp // 2)
    return half * half * (base if exp % 2 else 1)


print(power(3, 50), power(2, 127) - 1)
print(factorial(25) // factorial(23), factorial(20) / factorial(18))
