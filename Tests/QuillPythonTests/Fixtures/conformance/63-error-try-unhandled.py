# An exception no clause matches leaves the try statement after its finally block.
try:
    result = {"a": 1}["b"]
except (TypeError, ValueError):
    print("not this one")
finally:
    print("finally still runs")
