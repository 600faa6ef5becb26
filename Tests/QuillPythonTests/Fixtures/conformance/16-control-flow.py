# if / elif / else, while, break, continue and pass.
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"

for s in [95, 85, 75, 50, 90, 89.99]:
    print(s, grade(s))

n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n //= 2
    else:
        n = 3 * n + 1
    steps += 1
print("collatz steps:", steps)

i = 0
while True:
    i += 1
    if i % 3 == 0:
        continue
    if i > 10:
        break
    print(i, end=" ")
print()

for word in ["alpha", "", "gamma", "stop", "never"]:
    if not word:
        pass
        continue
    if word == "stop":
        break
    print(word)

found = None
for k in range(2, 50):
    if k * k > 200:
        found = k
        break
print("first square over 200:", found)

primes = []
for candidate in range(2, 40):
    is_prime = True
    for p in primes:
        if p * p > candidate:
            break
        if candidate % p == 0:
            is_prime = False
            break
    if is_prime:
        primes.append(candidate)
print(primes)

if []:
    print("empty list is true")
elif {}:
    print("empty dict is true")
else:
    print("both empty containers are false")

count = 3
while count:
    print("countdown", count)
    count -= 1
if count == 0: print("liftoff")
