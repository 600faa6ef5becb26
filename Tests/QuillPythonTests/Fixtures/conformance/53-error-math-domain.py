# math.sqrt of a negative number.
import math
for x in [4, 2.25, 0, -1]:
    print(x, math.sqrt(x))
