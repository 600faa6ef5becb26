# try / except / else / finally: matching by class and base class, the bound exception, control flow through finally.
import json


def parse(text):
    try:
        value = int(text)
    except ValueError as e:
        print("not a number:", e)
        return None
    else:
        print("parsed", value)
        return value
    finally:
        print("done with", repr(text))


print(parse("42"), parse("4x2"))

for key in ["a", "z", 3]:
    table = {"a": 1}
    try:
        print(table[key] + 1)
    except (TypeError, KeyError) as err:
        print(type(err).__name__, err, repr(err))

try:
    [1, 2][5]
except LookupError as e:
    print("lookup:", e, type(e).__name__, isinstance(e, IndexError), isinstance(e, KeyError))

try:
    1 / 0
except Exception as e:
    print(repr(e), e.args)

try:
    json.loads("{bad json")
except ValueError as e:
    print(type(e).__name__, e)

try:
    e
except NameError as missing:
    print(missing)

total = 0
for i in range(6):
    try:
        if i == 1:
            continue
        if i == 4:
            break
        total += i
    finally:
        print("finally", i)
print("total", total)


def first_positive(values):
    for v in values:
        try:
            if v > 0:
                return v
        finally:
            print("checked", v)
    return None


print(first_positive([-1, 0, 5, 7]))


def overrides():
    try:
        return "body"
    finally:
        return "finally"


print(overrides())

try:
    try:
        raise KeyError("inner")
    except KeyError:
        print("handling, then raising again")
        raise
except LookupError as outer:
    print("outer caught", repr(outer))

try:
    try:
        int("x")
    except ValueError:
        raise RuntimeError("while handling")
    finally:
        print("inner finally")
except RuntimeError as e:
    print("got", e)

try:
    raise ValueError
except ValueError as e:
    print(repr(e), str(e) == "", e.args)

try:
    raise TypeError("custom", 2)
except TypeError as e:
    print(e, e.args, repr(e))

try:
    pass
except Exception:
    print("never")
else:
    print("else runs")

try:
    print("no exception")
except:
    print("bare except never runs")

try:
    {}["k"]
except:
    print("bare except caught it")

count = 0
while True:
    try:
        count += 1
        if count == 3:
            raise StopIteration
    except StopIteration:
        break
print("count", count)
