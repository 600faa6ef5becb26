// The seed document's two printed examples, its code verbatim, byte for byte, with an engine that returns the
// seed's numbers.

import Foundation
import QuillPython
import Testing
@testable import QuillNotebook

@Suite struct SeedTests {
    static let s1 = ["The cat sits outside", "A man is playing guitar", "The new movie is awesome"]
    static let s2 = ["The dog plays in the garden", "A woman watches TV", "The new movie is so great"]

    /// Unit vectors at the angle whose cosine is the seed's score (0.4579, 0.1759, 0.9283).
    static func engine() -> TableEngine {
        var engine = TableEngine()
        for (k, cosine) in [0.4579, 0.1759, 0.9283].enumerated() {
            var a = [Float](repeating: 0, count: 6), b = a
            a[2 * k] = 2  // not normalized: cosine must normalize
            b[2 * k] = Float(cosine)
            b[2 * k + 1] = Float((1 - cosine * cosine).squareRoot())
            engine.embeddings[s1[k]] = a
            engine.embeddings[s2[k]] = b
        }
        for (k, score) in [Float(0.0495), 0.0022, 0.9920].enumerated() { engine.scores[s1[k] + "|" + s2[k]] = score }
        return engine
    }

    static let biExpected = """
        Sentence 1: The cat sits outside
        Sentence 2: The dog plays in the garden
        Similarity score: 0.4579

        Sentence 1: A man is playing guitar
        Sentence 2: A woman watches TV
        Similarity score: 0.1759

        Sentence 1: The new movie is awesome
        Sentence 2: The new movie is so great
        Similarity score: 0.9283


        """

    /// The seed document's code cells, verbatim.
    static let biCode = """
        from sentence_transformers import SentenceTransformer, util

        # 바이인코더 모델 로드
        bi_encoder = SentenceTransformer('paraphrase-distilroberta-base-v1')

        # 문장 쌍 정의
        sentences1 = ['The cat sits outside', 'A man is playing guitar', 'The new movie is awesome']
        sentences2 = ['The dog plays in the garden', 'A woman watches TV', 'The new movie is so great']

        # 각 문장을 인코딩
        embeddings1 = bi_encoder.encode(sentences1, convert_to_tensor=True)
        embeddings2 = bi_encoder.encode(sentences2, convert_to_tensor=True)

        # 코사인 유사도 계산
        cosine_scores = util.pytorch_cos_sim(embeddings1, embeddings2)

        # 결과 출력
        for i in range(len(sentences1)):
            print(f"Sentence 1: {sentences1[i]}")
            print(f"Sentence 2: {sentences2[i]}")
            print(f"Similarity score: {cosine_scores[i][i].item():.4f}")
            print()
        """

    static let crossCode = """
        from sentence_transformers import CrossEncoder

        # 크로스인코더 모델 로드
        cross_encoder = CrossEncoder('cross-encoder/stsb-roberta-base')

        # 문장 쌍 정의
        sentence_pairs = [
            ('The cat sits outside', 'The dog plays in the garden'),
            ('A man is playing guitar', 'A woman watches TV'),
            ('The new movie is awesome', 'The new movie is so great')
        ]

        # 각 문장 쌍에 대한 유사도 계산
        similarity_scores = cross_encoder.predict(sentence_pairs)

        # 결과 출력
        for i, pair in enumerate(sentence_pairs):
            print(f"Sentence 1: {pair[0]}")
            print(f"Sentence 2: {pair[1]}")
            print(f"Similarity score: {similarity_scores[i]:.4f}")
            print()
        """

    @Test func biEncoderExample() {
        let (run, _) = runNotebook("```python quill\n" + Self.biCode + "\n```\n", engine: Self.engine())
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(run.results.first?.output == Self.biExpected)
    }

    @Test func crossEncoderExample() {
        let (run, _) = runNotebook("```python quill\n" + Self.crossCode + "\n```\n", engine: Self.engine())
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(run.results.first?.output == Self.biExpected
            .replacingOccurrences(of: "0.4579", with: "0.0495").replacingOccurrences(of: "0.1759", with: "0.0022")
            .replacingOccurrences(of: "0.9283", with: "0.9920"))
    }

    /// A model is loaded once per run however many cells load it.
    @Test func modelsLoadOnce() {
        final class Counter: @unchecked Sendable { var loads = 0 }
        struct Counting: ModelHost {
            let counter: Counter
            func loadBiEncoder(_ r: String) throws -> any BiEncoderModel {
                counter.loads += 1
                return try HashEngine().loadBiEncoder(r)
            }
            func loadCrossEncoder(_ r: String) throws -> any CrossEncoderModel {
                counter.loads += 1
                return try HashEngine().loadCrossEncoder(r)
            }
        }
        let counter = Counter()
        let text = """
            ```quill
            from sentence_transformers import SentenceTransformer, CrossEncoder
            a = SentenceTransformer("m")
            ```

            ```quill
            b = SentenceTransformer("m")
            c = CrossEncoder("m")
            ```

            """
        let (run, _) = runNotebook(text, engine: Counting(counter: counter))
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(counter.loads == 2)
    }
}
