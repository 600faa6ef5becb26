// Shapes of parsed cells: expressions by precedence, displays and comprehensions, calls and subscripts,
// statements of every supported kind, positions of nodes, and whole tutorial-style programs as
// sentence-transformers' documentation writes them. Trees are compared through ASTDump (ParserDumpTests.swift).

import Testing
@testable import QuillPython

@Suite struct ParserTests {
    @Test func operatorPrecedence() throws {
        #expect(try dump("-2**2") == "(expr (neg (** 2 2)))")
        #expect(try dump("2**-1") == "(expr (** 2 (neg 1)))")
        #expect(try dump("2**3**2") == "(expr (** 2 (** 3 2)))")
        #expect(try dump("a**-b**c") == "(expr (** a (neg (** b c))))")
        #expect(try dump("a + b * c - d / e // f % g @ h") ==
            "(expr (- (+ a (* b c)) (@ (% (// (/ d e) f) g) h)))")
        #expect(try dump("x = +-~1") == "(= x (+ (neg (~ 1))))")
        #expect(try dump("not a == b and c or d") == "(expr (or (and (not (cmp a == b)) c) d))")
        #expect(try dump("not not x") == "(expr (not (not x)))")
        #expect(try dump("a or b or c") == "(expr (or a b c))")
    }

    @Test func comparisonsAndConditionals() throws {
        #expect(try dump("0 < x <= 1") == "(expr (cmp 0 < x <= 1))")
        #expect(try dump("a not in b is not c") == "(expr (cmp a not in b is not c))")
        #expect(try dump("a is b != c in d > e >= f") == "(expr (cmp a is b != c in d > e >= f))")
        #expect(try dump("a if b else c if d else e") == "(expr (ifexp b a (ifexp d c e)))")
        #expect(try dump("a = b if c else lambda: d") == "(= a (ifexp c b (lambda () d)))")
        #expect(try dump("(x := 5)") == "(expr (:= x 5))")
        #expect(try dump("if (n := len(a)) > 3: pass") == "(if (cmp (:= n (call len a)) > 3) [(pass)] [])")
    }

    @Test func lambdas() throws {
        #expect(try dump("lambda: 0") == "(expr (lambda () 0))")
        #expect(try dump("lambda x, y=1, *a, k, m=2, **kw: x") ==
            "(expr (lambda (x y=1 *a kw:k kw:m=2 **kw) x))")
        #expect(try dump("sorted(x, key=lambda p: p[1], reverse=True)") ==
            "(expr (call sorted x key=(lambda (p) (sub p 1)) reverse=True))")
    }

    @Test func atomsAndDisplays() throws {
        #expect(try dump("()") == "(expr (tuple))")
        #expect(try dump("(1,)") == "(expr (tuple 1))")
        #expect(try dump("(x)") == "(expr x)")
        #expect(try dump("[*a, *b]") == "(expr (list (* a) (* b)))")
        #expect(try dump("{}") == "(expr (dict))")
        #expect(try dump("{'a': 1, **d, 'b': [2, 3],}") == "(expr (dict 'a':1 **:d 'b':(list 2 3)))")
        #expect(try dump("...") == "(expr ...)")
        #expect(try dump("True, False, None") == "(expr (tuple True False None))")
    }

    @Test func comprehensions() throws {
        #expect(try dump("[x * y for x in a for y in b if x if y]") ==
            "(expr (listcomp (* x y) (for x a) (for y b (if x) (if y))))")
        #expect(try dump("{k: v for k, v in x.items() if v}") ==
            "(expr (dictcomp k v (for (tuple k v) (call (. x items)) (if v))))")
        #expect(try dump("[[x for x in row] for row in m]") == "(expr (listcomp (listcomp x (for x row)) (for row m)))")
        #expect(try dump("(x for x in a)") == "(expr (gen x (for x a)))")
        #expect(try dump("s = sum(x * x for x in nums)") == "(= s (call sum (gen (* x x) (for x nums))))")
        #expect(try dump("y = [x for x in range(10) if x % 2 == 0]") ==
            "(= y (listcomp x (for x (call range 10) (if (cmp (% x 2) == 0)))))")
    }

    @Test func callsAttributesAndSubscripts() throws {
        #expect(try dump("f(a)(b)[c].d") == "(expr (. (sub (call (call f a) b) c) d))")
        #expect(try dump("f(a, *b, c, **d, e=1)") == "(expr (call f a *b c **d e=1))")
        #expect(try dump("print(1, 2, sep=', ', end='')") == "(expr (call print 1 2 sep=', ' end=''))")
        #expect(try dump("f(x for x in y)") == "(expr (call f (gen x (for x y))))")
        #expect(try dump("x[1:2], x[::-1], x[i, j], x[:, 0], x[1:], x[:2:]") ==
            "(expr (tuple (sub x (slice 1 2 _)) (sub x (slice _ _ (neg 1))) (sub x (tuple i j)) "
            + "(sub x (tuple (slice _ _ _) 0)) (sub x (slice 1 _ _)) (sub x (slice _ 2 _))))")
        #expect(try dump("scores[0][1].item()") == "(expr (call (. (sub (sub scores 0) 1) item)))")
    }

    @Test func assignments() throws {
        #expect(try dump("x = y = z = 0") == "(= x y z 0)")
        #expect(try dump("x = a, b = c") == "(= x (tuple a b) c)")
        #expect(try dump("a, *b = c") == "(= (tuple a (* b)) c)")
        #expect(try dump("[a, b] = c") == "(= (list a b) c)")
        #expect(try dump("a[1] = b.c = 3") == "(= (sub a 1) (. b c) 3)")
        #expect(try dump("a += 1\na -= 1\na *= 2\na /= 2\na //= 2\na %= 2\na **= 2\na @= b") ==
            "(+= a 1)\n(-= a 1)\n(*= a 2)\n(/= a 2)\n(//= a 2)\n(%= a 2)\n(**= a 2)\n(@= a b)")
        #expect(try dump("x: int = 5\nx: list[int]\nself.y: int = 1") == "(ann x 5)\n(ann x _)\n(ann (. self y) 1)")
    }

    @Test func semicolons() throws {
        #expect(try dump("x = 1; y = 2;") == "(= x 1)\n(= y 2)")
        #expect(try dump("x;") == "(expr; x)")
        #expect(try dump("x; # comment") == "(expr; x)")
        #expect(try dump("f(x);\ny") == "(expr; (call f x))\n(expr y)")
        #expect(try dump("a; b") == "(expr a)\n(expr b)")
    }

    @Test func compoundStatements() throws {
        #expect(try dump("if a:\n  pass\nelif b:\n  pass\nelse:\n  pass") ==
            "(if a [(pass)] [(if b [(pass)] [(pass)])])")
        #expect(try dump("for i, (a, b) in enumerate(x):\n  continue\nelse:\n  pass") ==
            "(for (tuple i (tuple a b)) (call enumerate x) [(continue)] [(pass)])")
        #expect(try dump("while True:\n  break\nelse: pass") == "(while True [(break)] [(pass)])")
        #expect(try dump("if x: y; z") == "(if x [(expr y) (expr z)] [])")
        #expect(try dump("with open(p) as f, g() as (a, b):\n  pass") ==
            "(with ((call open p) as f) ((call g) as (tuple a b)) [(pass)])")
        #expect(try dump("with (open(p) as f, open(q) as g):\n  pass") ==
            "(with ((call open p) as f) ((call open q) as g) [(pass)])")
        #expect(try dump("with (a, b):\n  pass") == "(with (a) (b) [(pass)])")
    }

    @Test func functionDefinitions() throws {
        #expect(try dump("def f(a, b=2, *args, c, d=4, **kw) -> int:\n  \"\"\"Doc.\"\"\"\n  return a") ==
            "(def f (a b=2 *args kw:c kw:d=4 **kw) doc='Doc.' [(expr 'Doc.') (return a)])")
        #expect(try dump("def g(*, a: int = 1): return a") == "(def g (kw:a=1) [(return a)])")
        #expect(try dump("def h(x: float, *a: int, **k: str):\n  return") == "(def h (x *a **k) [(return)])")
        // Annotations are dropped, so PEP 604 unions may use `|` there (a bitwise operator elsewhere).
        #expect(try dump("def u(x: int | None = None, *a: str | bytes) -> dict[str, int] | None: pass") ==
            "(def u (x=None *a) [(pass)])")
        #expect(try dump("y: list[int] | None = None") == "(ann y None)")
        #expect(try dump("def s():\n  f'not {a} docstring'\n  return 1, 2") ==
            "(def s () [(expr (f 'not ' {a} ' docstring')) (return (tuple 1 2))])")
    }

    @Test func simpleStatements() throws {
        #expect(try dump("import a.b as c, d") == "(import a.b=c d)")
        #expect(try dump("from a.b import x, y as z") == "(from a.b x y=z)")
        #expect(try dump("from a import (x,\n  y as z,\n)") == "(from a x y=z)")
        #expect(try dump("assert x, 'm'\nassert y") == "(assert x 'm')\n(assert y)")
        #expect(try dump("raise ValueError('x')\nraise") == "(raise (call ValueError 'x'))\n(raise)")
        #expect(try dump("del d['k'], x.y, z\ndel (a, b), [c]") == "(del (sub d 'k') (. x y) z)\n(del (tuple a b) (list c))")
        #expect(try dump("\"\"\"expected output\"\"\"") == "(expr 'expected output')")
    }

    @Test func softKeywordMatchAsName() throws {
        #expect(try dump("match = 1\nmatch(x)\nmatch.x = 1\nprint(match)") ==
            "(= match 1)\n(expr (call match x))\n(= (. match x) 1)\n(expr (call print match))")
    }

    @Test func positions() throws {
        let module = try Parser.parse("x = 1\nif x:\n    y = f(a,\n          b) + é")
        #expect(module.body.map(\.loc) == [Loc(line: 1, column: 1), Loc(line: 2, column: 1)])
        guard case .ifStatement(_, let body, _, _) = module.body[1],
              case .assign(_, .binary(_, .call(let callee, let args, let callLoc), .name(_, let nameLoc), _), _) = body[0]
        else {
            Issue.record("unexpected tree")
            return
        }
        #expect(callLoc == Loc(line: 3, column: 9))
        #expect(callee.loc == Loc(line: 3, column: 9))
        #expect(args.map(\.loc) == [Loc(line: 3, column: 11), Loc(line: 4, column: 11)])
        // Columns count UTF-8 bytes; `é` follows "          b) + " on line 4.
        #expect(nameLoc == Loc(line: 4, column: 16))
    }
}
