# A defaultdict's factory must be callable.
from collections import defaultdict

groups = defaultdict([])
