// The importable modules of the sentence-transformers surface: the package itself (SentenceTransformer,
// CrossEncoder, util, SimilarityFunction, __version__), sentence_transformers.util, .cross_encoder, and the old
// module paths that sentence-transformers 6.2 still lets programs import from (with a DeprecationWarning there).

enum SentenceTransformersModules {
    static let version = "6.2.0"

    static func modules() -> [String: PyModule] {
        var utilMembers = ScoreFunctions.functions()
        utilMembers["semantic_search"] = .object(SemanticSearch.function())
        utilMembers["information_retrieval"] = utilMembers["semantic_search"]
        for (name, f) in ParaphraseMining.functions() { utilMembers[name] = f }
        let similarityFunction = SimilarityFunctionEnum(utilFunctions: utilMembers)
        utilMembers["SimilarityFunction"] = .object(similarityFunction)
        let util = PyModule("sentence_transformers.util", utilMembers)

        let sentenceTransformer = Value.object(SentenceTransformerClass())
        let crossEncoder = Value.object(CrossEncoderClass())
        let crossEncoderModule = PyModule("sentence_transformers.cross_encoder", ["CrossEncoder": crossEncoder])
        let package = PyModule("sentence_transformers", [
            "SentenceTransformer": sentenceTransformer, "CrossEncoder": crossEncoder, "util": .object(util),
            "SimilarityFunction": .object(similarityFunction), "cross_encoder": .object(crossEncoderModule),
            "__version__": .str(version),
        ])
        var table: [String: PyModule] = [
            "sentence_transformers": package,
            "sentence_transformers.util": util,
            "sentence_transformers.cross_encoder": crossEncoderModule,
        ]
        // Deprecated paths, still importable in 6.2.
        for (name, member, value) in [("sentence_transformers.SentenceTransformer", "SentenceTransformer", sentenceTransformer),
                                      ("sentence_transformers.cross_encoder.CrossEncoder", "CrossEncoder", crossEncoder),
                                      ("sentence_transformers.similarity_functions", "SimilarityFunction",
                                       Value.object(similarityFunction))] {
            table[name] = PyModule(name, [member: value])
        }
        return table
    }
}
