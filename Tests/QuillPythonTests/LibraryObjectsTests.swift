// The library's objects against CPython 3.11: exceptions, type objects, single-use lazy iterators, live dict
// views, ranges. Expected strings are what python3 printed for the Python shown beside each check.

import Testing
@testable import QuillPython

@Suite struct LibraryObjectsTests {
    let c = StandInContext()

    func str(_ v: Value) throws -> String { try c.str(v) }
    func repr(_ v: Value) throws -> String { try c.repr(v) }
    func attr(_ v: Value, _ name: String) throws -> Value { try c.attribute(v, name) }

    @Test func exceptions() throws {
        // repr(ValueError('bad')), str(KeyError('k')), repr(KeyError('k')), str(ValueError('a', 1)),
        // repr(ValueError()), ValueError('x').args
        #expect(try repr(builtin("ValueError", [.str("bad")])) == "ValueError('bad')")
        #expect(try str(builtin("KeyError", [.str("k")])) == "'k'")
        #expect(try repr(builtin("KeyError", [.str("k")])) == "KeyError('k')")
        #expect(try str(builtin("ValueError", [.str("a"), .int(1)])) == "('a', 1)")
        #expect(try repr(builtin("ValueError")) == "ValueError()")
        #expect(try repr(attr(builtin("ValueError", [.str("x")]), "args")) == "('x',)")
        // isinstance(ValueError('x'), Exception), isinstance(KeyError('x'), LookupError), isinstance(KeyError(), ValueError)
        let isinstance = { (e: Value, t: String) throws -> Value in try builtin("isinstance", [e, Builtins.table[t] ?? .none]) }
        #expect(try repr(isinstance(builtin("ValueError", [.str("x")]), "Exception")) == "True")
        #expect(try repr(isinstance(builtin("KeyError", [.str("x")]), "LookupError")) == "True")
        #expect(try repr(isinstance(builtin("KeyError"), "ValueError")) == "False")
        // raise ValueError('bad') -> "ValueError: bad"; raise KeyError('k') -> "KeyError: 'k'"; raise ValueError -> "ValueError"
        #expect(try ExceptionValue.error(raising: builtin("ValueError", [.str("bad")]), c)?.description == "ValueError: bad")
        #expect(try ExceptionValue.error(raising: builtin("KeyError", [.str("k")]), c)?.description == "KeyError: 'k'")
        #expect(try ExceptionValue.error(raising: Builtins.table["ValueError"] ?? .none, c)?.description == "ValueError")
        #expect(try ExceptionValue.error(raising: .int(1), c) == nil)
    }

    @Test func typeObjects() throws {
        // print(int, type(None), type(range(1)), type(print), type(type), type(ValueError('x')), ValueError)
        #expect(try str(Builtins.table["int"] ?? .none) == "<class 'int'>")
        #expect(try str(builtin("type", [.none])) == "<class 'NoneType'>")
        #expect(try str(builtin("type", [builtin("range", [.int(1)])])) == "<class 'range'>")
        #expect(try str(builtin("type", [Builtins.table["print"] ?? .none])) == "<class 'builtin_function_or_method'>")
        #expect(try str(builtin("type", [Builtins.table["type"] ?? .none])) == "<class 'type'>")
        #expect(try str(builtin("type", [builtin("ValueError", [.str("x")])])) == "<class 'ValueError'>")
        #expect(try str(Builtins.table["ValueError"] ?? .none) == "<class 'ValueError'>")
        // type(enumerate([])), type(zip()), type(map(len, [])), type(iter([1])), type(reversed([1])), type(reversed('a'))
        #expect(try str(builtin("type", [builtin("enumerate", [list()])])) == "<class 'enumerate'>")
        #expect(try str(builtin("type", [builtin("zip")])) == "<class 'zip'>")
        #expect(try str(builtin("type", [builtin("iter", [list(.int(1))])])) == "<class 'list_iterator'>")
        #expect(try str(builtin("type", [builtin("reversed", [list(.int(1))])])) == "<class 'list_reverseiterator'>")
        #expect(try str(builtin("type", [builtin("reversed", [.str("a")])])) == "<class 'reversed'>")
        // type(range(3)) is range; type(1).__name__, int.__module__
        if case .object(let t)? = try? builtin("type", [builtin("range", [.int(3)])]), case .object(let r)? = Builtins.table["range"] {
            #expect(t === r)
        } else {
            Issue.record("type(range(3)) is not an object")
        }
        #expect(try repr(attr(builtin("type", [.int(1)]), "__name__")) == "'int'")
        #expect(try repr(attr(Builtins.table["int"] ?? .none, "__module__")) == "'builtins'")
        // type(np.float32(1)), type(torch.zeros(1)), isinstance(None, type(None)), type(open(...)) in LibraryFilesTests
        let scalar = PyArray(library: .numpy, dtype: .float32, shape: [], scalars: [1], isNumpyScalar: true)
        #expect(try str(builtin("type", [.object(scalar)])) == "<class 'numpy.float32'>")
        let tensor = PyArray(library: .torch, dtype: .float32, shape: [1], scalars: [0])
        #expect(try str(builtin("type", [.object(tensor)])) == "<class 'torch.Tensor'>")
        #expect(try repr(builtin("isinstance", [.object(tensor), builtin("type", [.object(tensor)])])) == "True")
        #expect(try repr(builtin("isinstance", [.object(scalar), builtin("type", [.object(tensor)])])) == "False")
        #expect(try repr(builtin("isinstance", [.none, builtin("type", [.none])])) == "True")
        #expect(try str(builtin("type", [builtin("csv.reader", [list()])])) == "<class '_csv.reader'>")
        #expect(try str(builtin("type", [builtin("csv.DictReader", [list()])])) == "<class 'csv.DictReader'>")
        // list.append(l, 3); dict.fromkeys('ab')
        let l = PyList([.int(1)])
        _ = try c.call(attr(Builtins.table["list"] ?? .none, "append"), Arguments([.list(l), .int(3)]))
        #expect(try repr(.list(l)) == "[1, 3]")
        #expect(try repr(c.call(attr(Builtins.table["dict"] ?? .none, "fromkeys"), Arguments([.str("ab")])))
                == "{'a': None, 'b': None}")
    }

    @Test func iteratorsAreLazyAndSingleUse() throws {
        // z = zip([1,2],[3,4]); print(list(z), list(z)) -> [(1, 3), (2, 4)] []
        let z = try builtin("zip", [list(.int(1), .int(2)), list(.int(3), .int(4))])
        #expect(try repr(builtin("list", [z])) == "[(1, 3), (2, 4)]")
        #expect(try repr(builtin("list", [z])) == "[]")
        // it = iter([1,2,3]); print(next(it), list(it), next(it, 'done')) -> 1 [2, 3] done
        let it = try builtin("iter", [list(.int(1), .int(2), .int(3))])
        #expect(try repr(builtin("next", [it])) == "1")
        #expect(try repr(builtin("list", [it])) == "[2, 3]")
        #expect(try repr(builtin("next", [it, .str("done")])) == "'done'")
        #expect(outcome({ try builtin("next", [it]) }) == "StopIteration")
        // m = map(print, [1, 2]); print('before'); list(m) -> before, 1, 2
        let context = StandInContext()
        let m = try builtin("map", [Builtins.table["print"] ?? .none, list(.int(1), .int(2))], [], context)
        try context.write("before\n")
        _ = try builtin("list", [m], [], context)
        #expect(context.output == "before\n1\n2\n")
    }

    @Test func dictViewsAreLive() throws {
        // d = {'a': 1}; k = d.keys(); v = d.values(); it = d.items(); d['b'] = 2
        // print(k, v, it, len(k), 'b' in k, 2 in v, ('b', 2) in it, ('b', 3) in it, 'b' in it, ('b',) in it)
        let d = PyDict([try HashKey(.str("a")): .int(1)])
        let k = try c.call(attr(.dict(d), "keys"), Arguments())
        let v = try c.call(attr(.dict(d), "values"), Arguments())
        let items = try c.call(attr(.dict(d), "items"), Arguments())
        d.storage[try HashKey(.str("b"))] = .int(2)
        #expect(try [k, v, items].map(str).joined(separator: " ")
                == "dict_keys(['a', 'b']) dict_values([1, 2]) dict_items([('a', 1), ('b', 2)])")
        #expect(try repr(builtin("len", [k])) == "2")
        guard case .object(let keys as DictView) = k, case .object(let values as DictView) = v,
              case .object(let pairs as DictView) = items else {
            Issue.record("views are not DictView objects")
            return
        }
        #expect(try keys.contains(.str("b"), c))
        #expect(try values.contains(.int(2), c))
        #expect(try pairs.contains(.tuple([.str("b"), .int(2)]), c))
        #expect(try !pairs.contains(.tuple([.str("b"), .int(3)]), c))
        #expect(try !pairs.contains(.str("b"), c))
        // [] in d.keys() -> TypeError: unhashable type: 'list'; d.keys()[0] -> not subscriptable
        #expect(throws: PyError.self) { try keys.contains(list(), c) }
        #expect(outcome({ try c.item(k, .int(0)) }) == "TypeError: 'dict_keys' object is not subscriptable")
        // list(reversed(d.items())) -> [('b', 2), ('a', 1)]
        #expect(try repr(builtin("list", [builtin("reversed", [items])])) == "[('b', 2), ('a', 1)]")
    }

    @Test func csvReadersStepByStep() throws {
        // r = csv.reader(['a', '"b', 'c"', 'd']); print(next(r), r.line_num, next(r), r.line_num) -> ['a'] 1 ['bc'] 3
        let r = try builtin("csv.reader", [list(.str("a"), .str("\"b"), .str("c\""), .str("d"))])
        #expect(try repr(builtin("next", [r])) == "['a']")
        #expect(try repr(attr(r, "line_num")) == "1")
        #expect(try repr(builtin("next", [r])) == "['bc']")
        #expect(try repr(attr(r, "line_num")) == "3")
        // d = csv.DictReader(['a,b', '1,2', '3,4']); print(d.fieldnames, d.line_num, next(d), d.line_num)
        let d = try builtin("csv.DictReader", [list(.str("a,b"), .str("1,2"), .str("3,4"))])
        #expect(try repr(attr(d, "fieldnames")) == "['a', 'b']")
        #expect(try repr(attr(d, "line_num")) == "1")
        #expect(try repr(builtin("next", [d])) == "{'a': '1', 'b': '2'}")
        #expect(try repr(attr(d, "line_num")) == "2")
    }

    @Test func jsonLoneSurrogatesAreRefused() throws {
        // CPython gives '\ud83d x' (a str holding a lone surrogate), which Swift strings cannot hold.
        #expect(outcome({ try builtin("json.loads", [.str("\"\\ud83d x\"")]) })
                == "json: the lone surrogate \\ud83d cannot be held in a Quill string")
    }

    @Test func ranges() throws {
        // r = range(1, 10, 3); print(r, len(r), r[-1], r[0], 4 in r, 5 in r, 7.0 in r, 10 in r, list(r))
        let r = try builtin("range", [.int(1), .int(10), .int(3)])
        guard case .object(let range as RangeObject) = r else {
            Issue.record("range() is not a RangeObject")
            return
        }
        #expect(try str(r) == "range(1, 10, 3)")
        #expect(try repr(builtin("len", [r])) == "3")
        #expect(try repr(c.item(r, .int(-1))) == "7")
        #expect(try repr(c.item(r, .int(0))) == "1")
        #expect(try [Value.int(4), .int(5), .float(7.0), .int(10), .str("a"), .float(7.5)].map { try range.contains($0, c) }
                == [true, false, true, false, false, false])
        #expect(try repr(builtin("list", [r])) == "[1, 4, 7]")
        // range(5, 0, -2)[1], 3 in range(5,0,-2), 2 in range(5,0,-2), True in range(2)
        guard case .object(let down as RangeObject) = try builtin("range", [.int(5), .int(0), .int(-2)]) else {
            Issue.record("range(5, 0, -2) is not a range object")
            return
        }
        #expect(try repr(down.item(.int(1), c)) == "3")
        #expect(try down.contains(.int(3), c) && !down.contains(.int(2), c))
        #expect(outcome({ try range.item(.int(3), c) }) == "IndexError: range object index out of range")
        #expect(outcome({ try range.item(.str("a"), c) }) == "TypeError: range indices must be integers or slices, not str")
    }
}
