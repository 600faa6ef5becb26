// SentenceTransformer and CrossEncoder objects on a fake host: what encode returns for each input form and flag,
// how prompts, max_seq_length, truncate_dim and similarity_fn_name reach the host or the scores, and the errors and
// values sentence-transformers 6.2 gives for the same calls (Tests/Fixtures/generate/st_messages.py).

import Foundation
import Testing
@testable import QuillPython

@Suite struct SentenceTransformersModelTests {
    let modules = SentenceTransformersModules.modules()
    let messages: [String: Any]

    init() throws { messages = try STFixtures.json("messages.json") }

    var errors: [String: String] { messages["errors"] as? [String: String] ?? [:] }
    var values: [String: String] { messages["values"] as? [String: String] ?? [:] }

    func member(_ name: String, _ module: String = "sentence_transformers") -> Value { modules[module]?.members[name] ?? .none }

    func load(_ context: StandInContext, _ name: String = "fake-model", _ keywords: [(name: String, value: Value)] = []) throws -> Value {
        try context.call(member("SentenceTransformer"), Arguments([.str(name)], keywords: keywords))
    }

    func array(_ value: Value) throws -> PyArray {
        guard case .object(let a as PyArray) = value else { throw PyError.type("expected an array, got \(value.typeName)") }
        return a
    }

    @Test func encodeShapesAndTypesFollowTheFlags() throws {
        let context = StandInContext(host: FakeHost())
        let model = try load(context)
        let two = Value.list(PyList([.str("a"), .str("bb")]))
        let matrix = try array(try context.method(model, "encode", [two]))
        #expect(matrix.library == .numpy && matrix.dtype == .float32 && matrix.shape == [2, 4])
        #expect(matrix.scalars == [1, 2, 3, 4, 2, 3, 4, 5])
        let vector = try array(try context.method(model, "encode", [.str("a")]))
        #expect(vector.library == .numpy && vector.shape == [4])
        let tensor = try array(try context.method(model, "encode", [.tuple([.str("a"), .str("b")])], [("convert_to_tensor", .bool(true))]))
        #expect(tensor.library == .torch && tensor.shape == [2, 4])
        // Both conversions off: a list of 1-d tensors (one tensor for one string).
        let list = try context.method(model, "encode", [two], [("convert_to_numpy", .bool(false))])
        guard case .list(let l) = list, case .object(let first as PyArray)? = l.items.first else { Issue.record("not a list"); return }
        #expect(l.items.count == 2 && first.library == .torch && first.shape == [4])
        // [] gives np.array([]) (float64) or tensor([]), as the reference.
        let empty = try array(try context.method(model, "encode", [.list(PyList())]))
        #expect(empty.library == .numpy && empty.dtype == .float64 && empty.shape == [0])
        let emptyTensor = try array(try context.method(model, "encode", [.list(PyList())], [("convert_to_tensor", .bool(true))]))
        #expect(emptyTensor.library == .torch && emptyTensor.dtype == .float32 && emptyTensor.shape == [0])
    }

    @Test func settingsReachTheHost() throws {
        // encode_document takes 'document' (present by default, '') before 'passage' and 'corpus', as the original.
        let fake = FakeBiEncoder(prompts: ["query": "query: ", "document": "doc: ", "passage": "passage: "])
        let context = StandInContext(host: FakeHost(biEncoders: ["m": fake]))
        let model = try load(context, "m")
        _ = try context.method(model, "encode", [.str("x")], [("normalize_embeddings", .bool(true))])
        _ = try context.method(model, "encode_query", [.str("x")])
        _ = try context.method(model, "encode_document", [.str("x")])
        _ = try context.method(model, "encode", [.str("x")], [("prompt", .str("P ")), ("prompt_name", .str("query"))])
        try context.setAttribute(model, "max_seq_length", .int(8))
        _ = try context.method(model, "encode", [.str("x")], [("batch_size", .int(3))])
        let calls = fake.calls
        #expect(calls.map(\.sentences) == [["x"], ["query: x"], ["doc: x"], ["P x"], ["x"]])
        #expect(calls.map(\.normalize) == [true, false, false, false, false])
        #expect(calls.map(\.maxSequenceLength) == [128, 128, 128, 128, 8])
        #expect(try context.attribute(model, "max_seq_length").isInt(8))
    }

    @Test func truncateDimKeepsLeadingDimensionsThenNormalizes() throws {
        let fake = FakeBiEncoder(table: ["a": [3, 4, 12, 0]])
        let context = StandInContext(host: FakeHost(biEncoders: ["m": fake]))
        let model = try load(context, "m", [("truncate_dim", .int(2))])
        #expect(try context.method(model, "get_sentence_embedding_dimension").isInt(2))
        let v = try array(try context.method(model, "encode", [.str("a")], [("normalize_embeddings", .bool(true))]))
        #expect(v.shape == [2] && v.scalars == [Double(Float(0.6)), Double(Float(0.8))])
        #expect(fake.calls.last?.normalize == false)
    }

    @Test func savedSettingsApply() throws {
        // default_prompt_name and truncate_dim from the model's configuration; a model that pools without its prompt
        // tokens refuses prompts instead of giving other numbers.
        let fake = FakeBiEncoder(table: ["q: a": [3, 4, 1, 1]], prompts: ["query": "q: "], defaultPromptName: "query",
                                 truncateDimension: 2)
        let instructor = FakeBiEncoder(prompts: ["query": "q: "], poolingIncludesPrompt: false)
        let context = StandInContext(host: FakeHost(biEncoders: ["m": fake, "i": instructor]))
        let model = try load(context, "m")
        #expect(try array(try context.method(model, "encode", [.str("a")])).scalars == [3, 4])
        #expect(fake.calls.last?.sentences == ["q: a"])
        #expect(try context.attribute(model, "truncate_dim").isInt(2))
        let other = try load(context, "i")
        #expect(try array(try context.method(other, "encode", [.str("a")])).shape == [4])
        let message = context.error { try context.method(other, "encode_query", [.str("a")]) }
        #expect(message?.contains("include_prompt=false") == true, "\(message ?? "no error")")
    }

    @Test func similarityFollowsSimilarityFnName() throws {
        let fake = FakeBiEncoder(table: ["a": [1, 0], "b": [3, 4]], similarityFunctionName: "dot")
        let context = StandInContext(host: FakeHost(biEncoders: ["m": fake]))
        let model = try load(context, "m")
        #expect(try context.str(try context.attribute(model, "similarity_fn_name")) == "dot")
        let e = try context.method(model, "encode", [.list(PyList([.str("a"), .str("b")]))])
        let scores: (String) throws -> [Double] = { name in
            try context.setAttribute(model, "similarity_fn_name", .str(name))
            return try array(try context.method(model, "similarity", [e, e])).scalars
        }
        #expect(try scores("dot") == [1, 3, 3, 25])
        #expect(try scores("cosine") == [1, 0.6000000238418579, 0.6000000238418579, 1])
        #expect(try scores("manhattan") == [-0, -6, -6, -0])
        #expect(try scores("euclidean") == [-0, -Double(Float(20).squareRoot()), -Double(Float(20).squareRoot()), -0])
        let pairwise = try array(try context.method(model, "similarity_pairwise", [e, e]))
        #expect(pairwise.shape == [2] && pairwise.scalars == [-0, -0])
        // A SimilarityFunction member sets it too; None resets it to the default, cosine.
        let member = try context.attribute(member("SimilarityFunction"), "MANHATTAN")
        try context.setAttribute(model, "similarity_fn_name", member)
        #expect(try context.str(try context.attribute(model, "similarity_fn_name")) == "manhattan")
        try context.setAttribute(model, "similarity_fn_name", .none)
        #expect(try context.str(try context.attribute(model, "similarity_fn_name")) == "cosine")
    }

    @Test func errorsMatchTheReference() throws {
        let context = StandInContext(host: FakeHost(biEncoders: ["fake-model": FakeBiEncoder()],
                                                   crossEncoders: ["ce1": FakeCrossEncoder(), "ce3": FakeCrossEncoder(labelCount: 3)]))
        let model = try load(context)
        let ce1 = try context.call(member("CrossEncoder"), Arguments([.str("ce1")]))
        let ce3 = try context.call(member("CrossEncoder"), Arguments([.str("ce3")]))
        let a = Value.str("a")
        let calls: [(String, () throws -> Any)] = [
            ("similarity_fn_name_invalid", { try context.setAttribute(model, "similarity_fn_name", .str("foo")) }),
            ("similarity_fn_name_maxsim", { try context.setAttribute(model, "similarity_fn_name", .str("maxsim")) }),
            ("similarity_fn_name_int", { try context.setAttribute(model, "similarity_fn_name", .int(5)) }),
            ("encode_batch_size_zero", { try context.method(model, "encode", [a], [("batch_size", .int(0))]) }),
            ("encode_batch_size_str", { try context.method(model, "encode", [a], [("batch_size", .str("x"))]) }),
            ("encode_prompt_name_missing", { try context.method(model, "encode", [a], [("prompt_name", .str("nope"))]) }),
            ("encode_extra_keyword", { try context.method(model, "encode", [a], [("foo", .int(1))]) }),
            ("encode_int_inputs", { try context.method(model, "encode", [.list(PyList([.int(1), .int(2)]))]) }),
            ("encode_none_input", { try context.method(model, "encode", [.list(PyList([a, .none]))]) }),
            ("encode_missing_inputs", { try context.method(model, "encode") }),
            ("encode_too_many_positional", { try context.method(model, "encode", [a] + [Value](repeating: .none, count: 14)) }),
            ("init_two_positional", { try context.call(member("SentenceTransformer"), Arguments([.str("fake-model"), .str("cpu")])) }),
            ("init_unknown_keyword", { try load(context, "fake-model", [("foo", .int(1))]) }),
            ("init_default_prompt_missing", { try load(context, "fake-model", [("default_prompt_name", .str("nope"))]) }),
            ("similarity_missing", { try context.method(model, "similarity") }),
            ("rank_several_labels", { try context.method(ce3, "rank", [a, .list(PyList([.str("b")]))]) }),
            ("predict_triple", { try context.method(ce1, "predict", [.list(PyList([.tuple([a, .str("b"), .str("c")])]))]) }),
            ("predict_batch_size_zero", { try context.method(ce1, "predict", [.list(PyList([.tuple([a, .str("b")])]))], [("batch_size", .int(0))]) }),
        ]
        for (name, body) in calls {
            let expected = try #require(errors[name], "\(name) missing from messages.json")
            #expect(context.error(body) == expected, "\(name)")
        }
        // What Quill cannot compute is an error that says so.
        for (keyword, value) in [("output_value", Value.str("token_embeddings")), ("precision", .str("int8"))] {
            let message = context.error { try context.method(model, "encode", [a], [(keyword, value)]) }
            #expect(message?.contains("not supported in Quill cells") == true, "\(keyword): \(message ?? "no error")")
        }
        #expect(context.error { try load(context, "fake-model", [("revision", .str("main"))]) }?.contains("revision") == true)
        #expect(context.error { try context.attribute(model, "tokenizer") }?.contains("not supported in Quill cells") == true)
    }

    @Test func valuesMatchTheReference() throws {
        let context = StandInContext(host: FakeHost())
        let model = try load(context)
        #expect(try context.repr(try context.attribute(model, "prompts")) == values["prompts_default"])
        let prompts = PyDict()
        prompts.storage[try HashKey(.str("x"))] = .str("hello ")
        prompts.storage[try HashKey(.str("query"))] = .str("q: ")
        let given = try load(context, "fake-model", [("prompts", .dict(prompts)), ("similarity_fn_name", .str("dot"))])
        #expect(try context.repr(try context.attribute(given, "prompts")) == values["prompts_given"])
        #expect(try context.str(try context.attribute(given, "similarity_fn_name")) == values["similarity_fn_name_given"])
        let device = try context.attribute(model, "device")
        #expect(try context.str(device) + " " + context.repr(device) == values["device"])

        let sf = member("SimilarityFunction")
        #expect(try context.str(try context.attribute(sf, "COSINE")) == values["member_str"])
        #expect(try context.repr(try context.attribute(sf, "DOT")) == values["member_repr"])
        #expect(try context.repr(.list(PyList(try context.iterate(sf)))) == values["members"])
        #expect(try context.repr(try context.method(sf, "possible_values")) == values["possible_values"])
        #expect(try context.repr(sf) == values["enum_repr"])
        guard case .object(let dot) = try context.attribute(sf, "DOT"), case .object(let dotProduct) = try context.attribute(sf, "DOT_PRODUCT"),
              case .object(let fn) = try context.method(sf, "to_similarity_fn", [.str("cosine")]),
              case .object(let cosSim) = member("cos_sim", "sentence_transformers.util") else { Issue.record("not objects"); return }
        #expect(values["dot_is_dot_product"] == "True" && dot === dotProduct)
        #expect(values["to_similarity_fn_is_cos_sim"] == "True" && fn === cosSim)
        #expect(try context.str(member("__version__")) == values["version"])
    }

    @Test func modelsPrintAsTheOriginal() throws {
        // Hosts that list their modules print sentence-transformers' text (bert-multipool-dense, roberta-mean and
        // ce-roberta-1 of Tests/ModelsTests/Fixtures, whose modules these are).
        let dense = DescribedBiEncoder(modules: [
            .transformer(architecture: "BertModel", sequenceClassification: false),
            .pooling(dimension: 32, modes: ["cls", "max", "mean_sqrt_len_tokens", "lasttoken"], includePrompt: true),
            .dense(inFeatures: 128, outFeatures: 16, bias: true, activation: "torch.nn.modules.activation.Tanh"), .normalize])
        let roberta = DescribedBiEncoder(modules: [.transformer(architecture: "RobertaModel", sequenceClassification: false),
                                                   .pooling(dimension: 32, modes: ["mean"], includePrompt: true)])
        let ce = DescribedCrossEncoder(modules: [.transformer(architecture: "RobertaForSequenceClassification", sequenceClassification: true)])
        let context = StandInContext(host: FakeHost(biEncoders: [:], crossEncoders: [:], described: ["dense": dense, "roberta": roberta], describedCross: ["ce": ce]))
        #expect(try context.repr(try load(context, "dense")) == values["repr_bert_multipool_dense"])
        #expect(try context.repr(try load(context, "roberta")) == values["repr_roberta_mean"])
        #expect(try context.repr(try context.call(member("CrossEncoder"), Arguments([.str("ce")]))) == values["repr_ce_roberta_1"])
        // Others print a summary.
        let plain = StandInContext(host: FakeHost())
        #expect(try plain.repr(try load(plain)) == "SentenceTransformer('fake-model', dimension=4, max_seq_length=128)")
    }

    @Test func crossEncoderPredictAndRank() throws {
        let scores: [String: [Float]] = [FakeCrossEncoder.key("a", "b"): [0.3822924], FakeCrossEncoder.key("a", "c"): [0.39602646]]
        let fake = FakeCrossEncoder(maxLength: 48, table: scores)
        let fake3 = FakeCrossEncoder(labelCount: 3)
        let context = StandInContext(host: FakeHost(crossEncoders: ["ce": fake, "ce3": fake3]))
        let ce = try context.call(member("CrossEncoder", "sentence_transformers.cross_encoder"), Arguments([.str("ce")]))
        let docs = Value.list(PyList([.str("b"), .str("c"), .str("b")]))
        #expect(try context.repr(try context.method(ce, "rank", [.str("a"), docs], [("return_documents", .bool(true))])) == values["rank_ties"])
        #expect(try context.repr(try context.method(ce, "rank", [.str("a"), docs], [("top_k", .int(-1))])) == values["rank_top_k_negative"])
        #expect(try context.repr(try context.method(ce, "rank", [.str("a"), .list(PyList())])) == values["rank_empty"])

        let one = try array(try context.method(ce, "predict", [.tuple([.str("a"), .str("b")])]))
        #expect(one.isNumpyScalar && one.shape == [] && one.scalars == [Double(Float(0.3822924))])
        let many = try array(try context.method(ce, "predict", [.list(PyList([.list(PyList([.str("a"), .str("b")]))]))]))
        #expect(many.library == .numpy && many.shape == [1])
        let empty = try array(try context.method(ce, "predict", [.list(PyList())]))
        #expect(empty.dtype == .float64 && empty.shape == [0])
        // max_length reaches the host; a legacy positional argument sets it too.
        let short = try context.call(member("CrossEncoder"), Arguments([.str("ce"), .none, .int(6)]))
        _ = try context.method(short, "predict", [.tuple([.str("a"), .str("b")])])
        #expect(fake.calls.last?.maxLength == 6)
        #expect(try context.attribute(ce, "max_length").isInt(48))

        let ce3 = try context.call(member("CrossEncoder"), Arguments([.str("ce3")]))
        let pairs = Value.list(PyList([.tuple([.str("a"), .str("b")]), .tuple([.str("c"), .str("d")])]))
        let matrix = try array(try context.method(ce3, "predict", [pairs], [("apply_softmax", .bool(true)), ("convert_to_tensor", .bool(true))]))
        #expect(matrix.library == .torch && matrix.shape == [2, 3] && fake3.calls.last?.softmax == true)
    }

    @Test func paraphraseMiningEncodesThroughTheModel() throws {
        let util = try STFixtures.json("util.json")
        let corpus = STFixtures.matrix((util["exact"] as? [String: Any])?["corpus"])
        let sentences = corpus.indices.map { "s\($0)" }
        let fake = FakeBiEncoder(table: Dictionary(uniqueKeysWithValues: zip(sentences, corpus.map { $0.map(Float.init) })))
        let context = StandInContext(host: FakeHost(biEncoders: ["m": fake]))
        let model = try load(context, "m")
        let result = try context.call(member("paraphrase_mining", "sentence_transformers.util"),
                                      Arguments([model, .list(PyList(sentences.map(Value.str)))]))
        let expected = (util["paraphrase_mining"] as? [[String: Any]] ?? []).first {
            $0["data"] as? String == "exact" && $0["top_k"] as? Int == 100 && $0["max_pairs"] as? Int == 500000
                && $0["query_chunk_size"] as? Int == 5000
        }
        let want = STFixtures.matrix(expected?["pairs"])
        guard case .list(let got) = result else { Issue.record("not a list"); return }
        #expect(!want.isEmpty && got.items.count == want.count)
        #expect(try context.repr(result) == context.repr(.list(PyList(want.map {
            .list(PyList([.float($0[0]), .int(Int($0[1])), .int(Int($0[2]))]))
        }))))
    }

    @Test func modulesAndImports() throws {
        for name in ["sentence_transformers", "sentence_transformers.util", "sentence_transformers.cross_encoder",
                     "sentence_transformers.SentenceTransformer", "sentence_transformers.cross_encoder.CrossEncoder",
                     "sentence_transformers.similarity_functions"] {
            #expect(modules[name] != nil, "\(name)")
        }
        guard case .object(let util as PyModule) = member("util"), case .object(let ce1) = member("CrossEncoder"),
              case .object(let ce2) = modules["sentence_transformers.cross_encoder"]?.members["CrossEncoder"] ?? .none
        else { Issue.record("missing members"); return }
        #expect(util === modules["sentence_transformers.util"] && ce1 === ce2)
        for name in ["cos_sim", "pytorch_cos_sim", "dot_score", "semantic_search", "paraphrase_mining", "normalize_embeddings"] {
            #expect(util.members[name] != nil, "util.\(name)")
        }
        // An unknown model is the host's ModelUnavailable, untouched, for the session to report.
        #expect(throws: ModelUnavailable.self) { try load(StandInContext(host: FakeHost()), "no-such-model") }
    }
}

extension Value {
    func isInt(_ n: Int) -> Bool {
        if case .int(let i) = self { return i == n }
        return false
    }
}
