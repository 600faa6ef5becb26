"""A program in the style of a documentation page.

Module docstring first, then imports, then code with the expected output left in strings.
"""
import math
import json
import csv
from math import sqrt, pi
from math import floor as round_down

print(sqrt(16), round(pi, 5), round_down(2.7))
"""
4.0 3.14159 2
"""
print(math.sqrt(2))
'Expected: 1.4142135623730951'
print(json.loads("{\"a\": [1, 2.5, null, true]}"))
"""
The output of this line is shown above.
"""
x = 3
"bare strings are expressions whose values are discarded"
print(x)
'''single-quoted triple bare string'''
print(math.floor(-0.5), math.ceil(-0.5))
