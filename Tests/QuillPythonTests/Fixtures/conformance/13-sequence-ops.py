# + and * on strings, lists and tuples; indexing and slicing.
a = [1, 2, 3]
b = [4, 5]
print(a + b, b + a, a * 2, 2 * a, [0] * 5, a * 0, [] * 3)
print((1, 2) + (3,), (1,) * 3, "ab" + "cd", "ab" * 3, 3 * "-")
grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 7
print(grid)
alias = [[0] * 2] * 2
alias[0][0] = 9
print(alias)
letters = list("abcdefgh")
print(letters[2], letters[-1], letters[-3])
print(letters[2:5], letters[:3], letters[5:], letters[-2:])
print(letters[::2], letters[1::3], letters[::-1], letters[6:2:-1])
print(letters[-100:2], letters[5:100], letters[4:2])
t = (10, 20, 30, 40)
print(t[1:3], t[::-1], t[-1], t[:0])
s = "hello world"
print(s[4], s[-5:], s[:5].upper(), s[::-2])
nums = [5, 3, 8]
nums[1] = 30
nums[-1] += 1
print(nums)
copy = nums[:]
copy.append(0)
print(nums, copy)
joined = a
joined += [9]
print(a, joined)
tup = (1, 2)
tup2 = tup
tup += (3,)
print(tup, tup2)
print(len(a * 3), len("ab" * 4), len(()))
print([1, 2] + [[3]], ["x"] + list("yz"))
