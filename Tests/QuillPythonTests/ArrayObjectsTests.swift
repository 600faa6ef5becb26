// Attributes, tuples, dtypes, formatting, conversion, iteration, assignment and the modules of numpy arrays and
// torch tensors. Expected strings are what numpy 2.4 / torch 2.15 print for the same Python (in the comments).

import Testing
@testable import QuillPython

@Suite struct ArrayObjectsTests {
    let context = ArrayTestContext()
    // t = torch.tensor([[0.1, 0.9, 0.3], [0.5, 0.2, 0.8]]); a = t.numpy()
    let t = PyArray.test(.torch, [0.1, 0.9, 0.3, 0.5, 0.2, 0.8], shape: [2, 3])
    let a = PyArray.test(.numpy, [0.1, 0.9, 0.3, 0.5, 0.2, 0.8], shape: [2, 3])

    func run(_ body: () throws -> Value) -> String { context.outcome(body) }
    func attr(_ v: PyArray, _ name: String) throws -> Value { try context.attribute(.object(v), name) }
    func module(_ name: String) throws -> PyModule { try #require(ArrayModules.modules()[name]) }
    func call(_ module: PyModule, _ name: String, _ positional: [Value], _ keywords: [(name: String, value: Value)] = []) throws -> Value {
        try context.call(module.members[name] ?? .none, Arguments(positional, keywords: keywords))
    }

    @Test func torchSizeIsATupleThatPrintsItsOwnWay() throws {
        let shape = try attr(t, "shape")
        #expect(run { shape } == "torch.Size([2, 3])")
        #expect(try context.str(shape) == "torch.Size([2, 3])")
        #expect(run { try context.item(shape, .int(1)) } == "3")
        #expect(run { try context.item(shape, .int(-1)) } == "3")
        #expect(run { try context.item(shape, .int(5)) } == "!IndexError: tuple index out of range")
        #expect(run { try context.item(shape, .object(PySlice(lower: .int(1), upper: .none, step: .none))) } == "torch.Size([3])")
        guard case .object(let size as TorchSize) = shape else { Issue.record("not a Size"); return }
        #expect(try size.length(context) == 2)
        #expect(run { try size.compare(.equal, .tuple([.int(2), .int(3)]), reflected: false, context) ?? .none } == "True")
        #expect(run { try size.compare(.notEqual, .tuple([.int(2), .int(3)]), reflected: false, context) ?? .none } == "False")
        #expect(run { try size.compare(.equal, .list(PyList([.int(2), .int(3)])), reflected: false, context) ?? .none } == "False")
        #expect(run { .tuple(try context.iterate(shape)) } == "(2, 3)")
        #expect(run { try size.compare(.in, .int(3), reflected: true, context) ?? .none } == "True")
        #expect(run { try attr(a, "shape") } == "(2, 3)")
        #expect(run { try context.method(.object(t), "size") } == "torch.Size([2, 3])")
        #expect(run { try context.method(.object(t), "size", [.int(1)]) } == "3")
        #expect(run { try attr(a, "size") } == "6")
        #expect(run { try attr(a, "ndim") } == "2")
    }

    @Test func dtypesPrintAndCompareAsTheLibrariesDo() throws {
        let numpy = try module("numpy"), torch = try module("torch")
        let dtype = try attr(a, "dtype")
        #expect(run { dtype } == "dtype('float32')")
        #expect(try context.str(dtype) == "float32")
        #expect(run { try attr(t, "dtype") } == "torch.float32")
        #expect(try context.str(attr(t, "dtype")) == "torch.float32")
        #expect(run { numpy.members["float32"] ?? .none } == "<class 'numpy.float32'>")
        guard case .object(let d as ArrayDTypeObject) = dtype, case .object(let td as ArrayDTypeObject) = try attr(t, "dtype") else {
            Issue.record("not dtype objects"); return
        }
        #expect(run { try d.compare(.equal, numpy.members["float32"] ?? .none, reflected: false, context) ?? .none } == "True")
        #expect(run { try d.compare(.equal, .str("float32"), reflected: false, context) ?? .none } == "True")
        #expect(run { try td.compare(.equal, torch.members["float32"] ?? .none, reflected: false, context) ?? .none } == "True")
        #expect(run { try td.compare(.equal, torch.members["float64"] ?? .none, reflected: false, context) ?? .none } == "False")
        #expect(run { try call(numpy, "float32", [.float(0.5)]) } == "np.float32(0.5)")
        #expect(run { try call(numpy, "float64", [.float(0.1)]) } == "np.float64(0.1)")
        #expect(run { try call(numpy, "int64", [.int(3)]) } == "np.int64(3)")
        #expect(run { try context.attribute(dtype, "name") } == "'float32'")
    }

    @Test func topkGivesANamedPair() throws {
        let torch = try module("torch")
        let row = try #require(try context.item(.object(t), .int(0)) as Value?)
        let r = try call(torch, "topk", [row, .int(2)])
        #expect(run { r } == "torch.return_types.topk(\nvalues=tensor([0.9000, 0.3000]),\nindices=tensor([1, 2]))")
        #expect(run { try context.attribute(r, "values") } == "tensor([0.9000, 0.3000])")
        #expect(run { try context.attribute(r, "indices") } == "tensor([1, 2])")
        #expect(run { try context.item(r, .int(0)) } == "tensor([0.9000, 0.3000])")
        #expect(run { try context.item(r, .int(-1)) } == "tensor([1, 2])")
        #expect(run { try context.item(r, .int(2)) } == "!IndexError: tuple index out of range")
        #expect(run { .tuple(try context.iterate(r)) } == "(tensor([0.9000, 0.3000]), tensor([1, 2]))")
        #expect(run { .str(r.typeName) } == "'topk'")
        #expect(run { try context.method(.object(t), "max", [], [("dim", .int(1))]) }
                == "torch.return_types.max(\nvalues=tensor([0.9000, 0.8000]),\nindices=tensor([1, 2]))")
    }

    @Test func formattingFollowsEachLibrary() throws {
        let element = try context.item(.object(a), .tuple([.int(0), .int(1)]))
        #expect(try context.format(element, ".3f") == "0.900")
        #expect(try context.format(element, "") == "0.8999999761581421")
        #expect(try context.format(context.item(.object(t), .tuple([.int(0), .int(1)])), ".2%") == "90.00%")
        let tensorRow = try context.item(.object(t), .int(0)), arrayRow = try context.item(.object(a), .int(0))
        #expect(try context.format(tensorRow, "") == "tensor([0.1000, 0.9000, 0.3000])")
        #expect(run { .str(try context.format(tensorRow, ".2f")) } == "!TypeError: unsupported format string passed to Tensor.__format__")
        #expect(run { .str(try context.format(arrayRow, ".2f")) } == "!TypeError: unsupported format string passed to numpy.ndarray.__format__")
        #expect(try context.format(arrayRow, "") == "[0.1 0.9 0.3]")
    }

    @Test func conversionsGivePythonValues() throws {
        #expect(run { try context.method(.object(a), "tolist") }
                == "[[0.10000000149011612, 0.8999999761581421, 0.30000001192092896], [0.5, 0.20000000298023224, 0.800000011920929]]")
        #expect(run { try context.method(context.item(.object(a), .tuple([.int(0), .int(1)])), "item") } == "0.8999999761581421")
        #expect(run { try context.method(context.item(.object(t), .tuple([.int(1), .int(2)])), "item") } == "0.800000011920929")
        #expect(run { try context.method(.object(t), "item") } == "!RuntimeError: a Tensor with 6 elements cannot be converted to Scalar")
        guard case .object(let argmax as PyArray) = try context.method(.object(t), "argmax") else { Issue.record("no argmax"); return }
        // ["x", "y", "z"][t.argmax()] is 'y'
        #expect(run { try argmax.scalar(context) ?? .none } == "1")
        #expect(run { try a.scalar(context) ?? .none } == "!TypeError: only 0-dimensional arrays can be converted to Python scalars")
        #expect(run { try t.scalar(context) ?? .none } == "!ValueError: only one element tensors can be converted to Python scalars")
        #expect(throws: PyError.self) { try a.truth(context) }
        #expect(run { .bool(try t.truth(context) ?? true) } == "!RuntimeError: Boolean value of Tensor with more than one value is ambiguous")
    }

    @Test func iterationAndAssignment() throws {
        #expect(run { .list(PyList(try context.iterate(context.item(.object(a), .int(0))))) }
                == "[np.float32(0.1), np.float32(0.9), np.float32(0.3)]")
        #expect(run { .list(PyList(try context.iterate(.object(t)))) }
                == "[tensor([0.1000, 0.9000, 0.3000]), tensor([0.5000, 0.2000, 0.8000])]")
        // b = a.copy(); b[0][1] = 7
        let b = try context.method(.object(a), "copy")
        guard case .object(let row as PyArray) = try context.item(b, .int(0)) else { Issue.record("no row"); return }
        try row.setItem(.int(1), .int(7), context)
        #expect(run { b } == "array([[0.1, 7. , 0.3],\n       [0.5, 0.2, 0.8]], dtype=float32)")
        // c = torch.tensor([[1., 2.], [3., 4.]]); c[0, 1] = 9; c[1] = 0
        let c = PyArray.test(.torch, [1, 2, 3, 4], shape: [2, 2])
        try c.setItem(.tuple([.int(0), .int(1)]), .int(9), context)
        try c.setItem(.int(1), .int(0), context)
        #expect(run { .object(c) } == "tensor([[1., 9.],\n        [0., 0.]])")
    }

    @Test func modulesBuildAndCombineArrays() throws {
        let numpy = try module("numpy"), torch = try module("torch")
        let ragged = Value.list(PyList([.list(PyList([.int(1), .int(2)])), .list(PyList([.int(3)]))]))
        #expect(run { try call(numpy, "array", [ragged]) }
                == "!ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.")
        #expect(run { try call(torch, "tensor", [ragged]) } == "!ValueError: expected sequence of length 2 at dim 1 (got 1)")
        let pairs = Value.list(PyList([.list(PyList([.int(1), .int(2)])), .list(PyList([.int(3), .int(4)]))]))
        #expect(run { try call(numpy, "array", [pairs]) } == "array([[1, 2],\n       [3, 4]])")
        #expect(run { try call(numpy, "array", [.list(PyList([.float(0.1), .float(0.2)]))]) } == "array([0.1, 0.2])")
        #expect(run { try call(torch, "tensor", [.list(PyList([.float(0.1), .float(0.2)]))]) } == "tensor([0.1000, 0.2000])")
        #expect(run { try call(numpy, "array", [.list(PyList([.int(1), .int(2)]))], [("dtype", numpy.members["float32"] ?? .none)]) }
                == "array([1., 2.], dtype=float32)")
        let scores = try call(numpy, "array", [.list(PyList([.float(0.3), .float(0.9), .float(0.1)]))])
        let order = try call(numpy, "argsort", [scores])
        #expect(run { try context.item(order, .object(PySlice(lower: .none, upper: .none, step: .int(-1)))) } == "array([1, 0, 2])")
        #expect(run { try call(numpy, "argmax", [scores]) } == "np.int64(1)")
        let x = try call(numpy, "array", [.list(PyList([.float(1), .float(2)]))])
        let y = try call(numpy, "array", [.list(PyList([.float(3), .float(4)]))])
        #expect(run { try call(numpy, "dot", [x, y]) } == "np.float64(11.0)")
        let linalg = try module("numpy.linalg")
        #expect(run { try call(linalg, "norm", [.object(PyArray.test(.numpy, [3, 4], dtype: .float64))]) } == "np.float64(5.0)")
        let u = Value.object(PyArray.test(.torch, [1, 2])), v = Value.object(PyArray.test(.torch, [3, 4]))
        #expect(run { try call(torch, "stack", [.list(PyList([u, v]))]) } == "tensor([[1., 2.],\n        [3., 4.]])")
        #expect(run { try call(torch, "cat", [.list(PyList([u, .object(PyArray.test(.torch, [3]))]))]) } == "tensor([1., 2., 3.])")
        #expect(run { try call(try module("torch.cuda"), "is_available", []) } == "False")
        #expect(run { try call(torch, "from_numpy", [.object(PyArray.test(.numpy, [1.5, 2.5], dtype: .float64))]) }
                == "tensor([1.5000, 2.5000], dtype=torch.float64)")
        let functional = try module("torch.nn.functional")
        #expect(run { try call(functional, "cosine_similarity", [.object(PyArray.test(.torch, [1, 0, 1, 1], shape: [2, 2])),
                                                                 .object(PyArray.test(.torch, [1, 0, 0, 1], shape: [2, 2]))]) }
                == "tensor([1.0000, 0.7071])")
        #expect(run { try context.method(.object(PyArray.test(.torch, [1, 2, 3, 5], shape: [2, 2])), "mean", [], [("dim", .int(0))]) }
                == "tensor([2.0000, 3.5000])")
        #expect(run { try call(numpy, "mean", [.object(PyArray.test(.numpy, [1, 2, 3, 5], shape: [2, 2]))], [("axis", .int(1))]) }
                == "array([1.5, 4. ], dtype=float32)")
    }

    @Test func builtinHooksForAbsAndRound() throws {
        let x = Value.object(PyArray(library: .numpy, dtype: .float32, shape: [], scalars: [Double(Float(0.12345))], isNumpyScalar: true))
        // round(np.float32(0.12345), 3) -> np.float32(0.123); round(np.float32(0.12345)) -> 0
        #expect(run { try context.call(context.attribute(x, "__round__"), Arguments([.int(3)])) } == "np.float32(0.123)")
        #expect(run { try context.call(context.attribute(x, "__round__"), Arguments()) } == "0")
        #expect(run { try attr(a, "__round__") } == "!AttributeError: 'ndarray' object has no attribute '__round__'")
        // abs(torch.tensor([-1., 2.])) -> tensor([1., 2.]); abs(np.array([-1., 2.])) -> array([1., 2.])
        let t = Value.object(PyArray.test(.torch, [-1, 2])), n = Value.object(PyArray.test(.numpy, [-1, 2], dtype: .float64))
        #expect(run { try context.call(context.attribute(t, "__abs__"), Arguments()) } == "tensor([1., 2.])")
        #expect(run { try context.call(context.attribute(n, "__abs__"), Arguments()) } == "array([1., 2.])")
    }

    @Test func noGradIsAContextManager() throws {
        let torch = try module("torch")
        let manager = try call(torch, "no_grad", [])
        #expect(run { try context.call(context.attribute(manager, "__enter__"), Arguments()) } == "None")
        #expect(run { try context.call(context.attribute(manager, "__exit__"), Arguments([.none, .none, .none])) } == "False")
    }

    @Test func embeddingsFromRows() {
        let e = PyArray.fromRows([[0.25, -0.5], [1, 0]], library: .numpy)
        #expect(e.repr == "array([[ 0.25, -0.5 ],\n       [ 1.  ,  0.  ]], dtype=float32)")
        #expect(PyArray.fromRows([[0.25, -0.5]], library: .torch).repr == "tensor([[ 0.2500, -0.5000]])")
    }
}
