// sentence_transformers.SimilarityFunction: the Enum of score function names. Members print as Python's Enum
// members do (`SimilarityFunction.COSINE`, repr `<SimilarityFunction.COSINE: 'cosine'>`), DOT is an alias of
// DOT_PRODUCT (the same object), calling the class looks a member up by value, and to_similarity_fn gives util's
// function objects themselves.

final class SimilarityFunctionMember: PyAttributes, PyRepresentable {
    let name: String
    let value: String

    init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    var typeName: String { "SimilarityFunction" }
    var attributeNames: [String] { ["name", "value"] }

    func attribute(_ attribute: String, _ context: any Context) throws -> Value? {
        switch attribute {
        case "name": return .str(name)
        case "value": return .str(value)
        default: return nil
        }
    }

    func repr(_ context: any Context) throws -> String { "<SimilarityFunction.\(name): \(try context.repr(.str(value)))>" }
    func str(_ context: any Context) throws -> String { "SimilarityFunction.\(name)" }
}

final class SimilarityFunctionEnum: PyCallable, PyAttributes, PyRepresentable, PyIterable {
    /// The members in definition order (the alias DOT is not a member of its own).
    let members: [SimilarityFunctionMember]
    private let utilFunctions: [String: Value]

    /// `utilFunctions`: sentence_transformers.util's table, so that to_similarity_fn returns those very objects.
    init(utilFunctions: [String: Value]) {
        members = [("COSINE", "cosine"), ("DOT_PRODUCT", "dot"), ("EUCLIDEAN", "euclidean"), ("MANHATTAN", "manhattan"),
                   ("MAXSIM", "maxsim"), ("MEAN_MAXSIM", "meanmaxsim")].map { SimilarityFunctionMember(name: $0.0, value: $0.1) }
        self.utilFunctions = utilFunctions
    }

    var typeName: String { "EnumType" }
    var attributeNames: [String] { members.map(\.name) + ["DOT", "possible_values", "to_similarity_fn", "to_similarity_pairwise_fn"] }

    func member(named name: String) -> SimilarityFunctionMember? {
        members.first { $0.name == (name == "DOT" ? "DOT_PRODUCT" : name) }
    }

    /// SimilarityFunction(value): the member with that value; ValueError otherwise.
    func lookup(_ value: Value, _ context: any Context) throws -> SimilarityFunctionMember {
        if case .object(let m as SimilarityFunctionMember) = value { return m }
        if case .str(let s) = value, let m = members.first(where: { $0.value == s }) { return m }
        throw PyError.value("\(try context.repr(value)) is not a valid SimilarityFunction")
    }

    func call(_ arguments: Arguments, _ context: any Context) throws -> Value {
        let slots = try Signature("SimilarityFunction", ["value"]).bind(arguments)
        return .object(try lookup(slots[0] ?? .none, context))
    }

    func items(_ context: any Context) throws -> [Value] { members.map { .object($0) } }

    func repr(_ context: any Context) throws -> String { "<enum 'SimilarityFunction'>" }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        if let m = member(named: name) { return .object(m) }
        switch name {
        case "possible_values":
            return .object(LibraryFunction("possible_values") { [members] arguments, _ in
                _ = try Signature("possible_values", []).bind(arguments)
                return .list(PyList(members.map { .str($0.value) }))
            })
        case "to_similarity_fn", "to_similarity_pairwise_fn":
            let pairwise = name == "to_similarity_pairwise_fn"
            return .object(LibraryFunction(name) { [unowned self] arguments, context in
                let slots = try Signature(name, ["similarity_function"]).bind(arguments)
                let member = try lookup(slots[0] ?? .none, context)
                return try function(for: member.value, pairwise: pairwise)
            })
        default:
            return nil
        }
    }

    /// util's function for a similarity name.
    func function(for value: String, pairwise: Bool) throws -> Value {
        let names = ["cosine": "cos_sim", "dot": "dot_score", "euclidean": "euclidean_sim", "manhattan": "manhattan_sim"]
        guard let base = names[value], let f = utilFunctions[(pairwise ? "pairwise_" : "") + base] else {
            throw PyError.unsupported("the \(value) similarity (multi-vector MaxSim) is not supported in Quill cells")
        }
        return f
    }
}
