// The syntax tree of a Quill cell: the subset of Python 3.11 that cells run. The parser builds it; the interpreter
// compiles it to closures with resolved variable slots. Constructs Quill does not run (classes, try, sets,
// yield, ...) never reach the tree: the parser reports them by name. Every node carries the position of its first character.

/// A position in the cell's source: line 1-based, column 1-based in UTF-8 bytes (CPython's col_offset + 1).
/// The notebook shifts it into file coordinates.
public struct Loc: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
    case matrixMultiply = "@"
}

public enum UnaryOperator: String, Sendable {
    case negate = "-", plus = "+", not = "not", invert = "~"
}

public enum BoolOperator: String, Sendable {
    case and, or
}

public enum CompareOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `is` = "is", isNot = "is not", `in` = "in", notIn = "not in"
}

/// One argument at a call site: `f(x)`, `f(key=x)`, `f(*xs)`, `f(**kw)`.
public struct CallArgument: Sendable {
    public enum Kind: Sendable, Equatable { case positional, keyword(String), star, doubleStar }
    public var kind: Kind
    public var value: Expr
    public var loc: Loc
    public init(kind: Kind, value: Expr, loc: Loc) {
        self.kind = kind
        self.value = value
        self.loc = loc
    }
}

/// A piece of an f-string: literal text, or `{expr!conversion:spec}` where the spec may itself hold fields.
public enum FStringPart: Sendable {
    case text(String)
    /// `conversion`: "r", "s" or "a"; `spec`: the format spec's parts (nil when there is no ':'),
    /// `selfDocumenting`: the `{x=}` form's source text "x=" (printed before the value).
    case field(expr: Expr, conversion: Character?, spec: [FStringPart]?, selfDocumenting: String?, loc: Loc)
}

/// `for target in iterable if cond ...` clauses of a comprehension, outermost first.
public struct ComprehensionClause: Sendable {
    public var target: Expr
    public var iterable: Expr
    public var conditions: [Expr]
    public init(target: Expr, iterable: Expr, conditions: [Expr]) {
        self.target = target
        self.iterable = iterable
        self.conditions = conditions
    }
}

/// A parameter of `def` or `lambda`. `*args` and `**kwargs` are marked by `kind`.
public struct Parameter: Sendable {
    public enum Kind: Sendable, Equatable { case normal, keywordOnly, varPositional, varKeyword }
    public var name: String
    public var kind: Kind
    public var defaultValue: Expr?
    public var loc: Loc
    public init(name: String, kind: Kind = .normal, defaultValue: Expr? = nil, loc: Loc) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.loc = loc
    }
}

public indirect enum Expr: Sendable {
    case name(String, Loc)
    /// Integer literals keep their decimal digits (after base conversion and `_` removal); the runtime makes
    /// a 64-bit or arbitrary-precision int of them.
    case int(String, Loc)
    case float(Double, Loc)
    case imaginary(Double, Loc)
    case string(String, Loc)
    case bytes([UInt8], Loc)
    case fstring([FStringPart], Loc)
    case bool(Bool, Loc)
    case none(Loc)
    case ellipsis(Loc)
    case list([Expr], Loc)
    case tuple([Expr], Loc)
    /// `{k: v, **d}`: a nil key marks `**d`.
    case dict([(key: Expr?, value: Expr)], Loc)
    /// `*x` inside a list/tuple display or an assignment target.
    case starred(Expr, Loc)
    case attribute(Expr, String, Loc)
    /// `a[i]`; `a[i, j]` has a tuple index; slices appear as `.slice`.
    case `subscript`(Expr, Expr, Loc)
    case slice(lower: Expr?, upper: Expr?, step: Expr?, Loc)
    case call(Expr, [CallArgument], Loc)
    case unary(UnaryOperator, Expr, Loc)
    case binary(BinaryOperator, Expr, Expr, Loc)
    case boolean(BoolOperator, [Expr], Loc)
    /// `a < b <= c`: operands and the operators between them.
    case compare(Expr, [(CompareOperator, Expr)], Loc)
    case conditional(test: Expr, body: Expr, orElse: Expr, Loc)
    case lambda([Parameter], Expr, Loc)
    case listComprehension(Expr, [ComprehensionClause], Loc)
    case dictComprehension(key: Expr, value: Expr, [ComprehensionClause], Loc)
    case generator(Expr, [ComprehensionClause], Loc)
    /// `(x := v)`.
    case namedExpr(String, Expr, Loc)

    public var loc: Loc {
        switch self {
        case .name(_, let l), .int(_, let l), .float(_, let l), .imaginary(_, let l), .string(_, let l),
             .bytes(_, let l), .fstring(_, let l), .bool(_, let l), .none(let l), .ellipsis(let l), .list(_, let l),
             .tuple(_, let l), .dict(_, let l), .starred(_, let l), .attribute(_, _, let l),
             .subscript(_, _, let l), .slice(_, _, _, let l), .call(_, _, let l), .unary(_, _, let l),
             .binary(_, _, _, let l), .boolean(_, _, let l), .compare(_, _, let l), .conditional(_, _, _, let l),
             .lambda(_, _, let l), .listComprehension(_, _, let l),
             .dictComprehension(_, _, _, let l), .generator(_, _, let l), .namedExpr(_, _, let l):
            return l
        }
    }
}

/// `import a.b as c` / `from a.b import x as y`.
public struct ImportName: Sendable {
    public var name: String
    public var alias: String?
    public var loc: Loc
    public init(name: String, alias: String?, loc: Loc) {
        self.name = name
        self.alias = alias
        self.loc = loc
    }
}

public struct WithItem: Sendable {
    public var context: Expr
    public var target: Expr?
    public init(context: Expr, target: Expr?) {
        self.context = context
        self.target = target
    }
}

public indirect enum Stmt: Sendable {
    /// An expression statement; `trailingSemicolon` marks Jupyter's display suppression (`x;`).
    case expression(Expr, trailingSemicolon: Bool, Loc)
    /// `a = b = value`: every target gets the value.
    case assign(targets: [Expr], value: Expr, Loc)
    case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr, Loc)
    /// `x: int = 3` (the annotation is parsed and ignored).
    case annotatedAssign(target: Expr, value: Expr?, Loc)
    case ifStatement(test: Expr, body: [Stmt], orElse: [Stmt], Loc)
    case forLoop(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt], Loc)
    case whileLoop(test: Expr, body: [Stmt], orElse: [Stmt], Loc)
    case breakStatement(Loc)
    case continueStatement(Loc)
    case pass(Loc)
    case functionDef(name: String, parameters: [Parameter], body: [Stmt], docstring: String?, Loc)
    case returnStatement(Expr?, Loc)
    case delete([Expr], Loc)
    case importModules([ImportName], Loc)
    case importFrom(module: String, names: [ImportName], Loc)
    case with([WithItem], body: [Stmt], Loc)
    case assert(test: Expr, message: Expr?, Loc)
    case raise(Expr?, Loc)
    /// `try:` with `except` clauses, `else:` and `finally:` (at least one handler or a finally block).
    case tryStatement(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt], Loc)

    public var loc: Loc {
        switch self {
        case .expression(_, _, let l), .assign(_, _, let l), .augmentedAssign(_, _, _, let l),
             .annotatedAssign(_, _, let l), .ifStatement(_, _, _, let l), .forLoop(_, _, _, _, let l),
             .whileLoop(_, _, _, let l), .breakStatement(let l), .continueStatement(let l), .pass(let l),
             .functionDef(_, _, _, _, let l), .returnStatement(_, let l), .delete(_, let l), .importModules(_, let l),
             .importFrom(_, _, let l), .with(_, _, let l), .assert(_, _, let l), .raise(_, let l),
             .tryStatement(_, _, _, _, let l):
            return l
        }
    }
}

/// `except TYPE as NAME:` and its block; no type for a bare `except:`.
public struct ExceptHandler: Sendable {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var loc: Loc
}

/// A parsed cell or `.py` file.
public struct Module: Sendable {
    public var body: [Stmt]
    public init(body: [Stmt]) { self.body = body }
}
