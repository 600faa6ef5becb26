# A bare raise in an except block raises the exception being handled, from where it was first raised.
values = ["1", "two", "3"]
for v in values:
    try:
        print(int(v))
    except ValueError:
        print("cannot read", v)
        raise
