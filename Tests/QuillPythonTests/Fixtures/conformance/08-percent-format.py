# printf-style formatting with %.
x = 0.876543
print("%.4f" % x)
print("%s: %d" % ("count", 42))
print("%s" % "single", "%r" % "repr")
print("%5d|%-5d|%05d" % (42, 42, 42))
print("%8.3f|%-8.2f|%+.1f" % (3.14159, 2.5, 1.25))
print("%x %X %o" % (255, 255, 8))
print("%e %.2e %g %g" % (12345.678, 0.000123, 0.0001, 1e20))
print("%10s|%-10s|" % ("right", "left"))
print("%d%%" % 95)
print("%s and %s" % ([1, 2], (3, 4)))
print("%s" % (("tuple inside",),))
print("%d" % 3.99, "%d" % -3.99, "%i" % 7)
print("%.0f %.0f %.0f" % (0.5, 1.5, 2.5))
print("%(name)s is %(age)d" % {"name": "Kim", "age": 29})
print("%s %s %s" % (None, True, 1.0))
print("%.3s" % "abcdef")
print("%s" % 2**100, "%d" % 2**70)
rows = [("cat", 0.91234), ("dog", 0.5), ("guitar", 0.012)]
for word, score in rows:
    print("%-8s %6.2f%%" % (word, score * 100))
