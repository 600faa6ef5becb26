// The conformance programs that use models: the built `quill run NN-topic.py` must print what sentence-transformers
// 6.2 printed (Fixtures/conformance/NN-topic.out, from Tests/Fixtures/generate/conformance_models.py), except that
// numbers computed by a model may differ by one unit in their last printed digit (issue 13's rule; see
// PrintedNumbers). The programs load the REAL all-MiniLM-L6-v2 by name, resolved through ./models, and the tiny
// cross-encoder by the folder name ce-bert-1. Without the model the test is skipped, or fails when
// QUILL_REQUIRE_MODEL=1 (scripts/test.sh), as RealModelTests does.

import Foundation
import Testing

/// Compares two printed outputs under the rule "numbers computed by a model may differ in the last printed digit":
/// a number with a decimal point (`0.4779`, `-12.6269`, `1.5e-05`) may differ from its counterpart by one unit in
/// its last digit, provided both print the same number of digits (and the same exponent); everything else must be
/// equal byte for byte. One space before a number counts as its sign, so that torch's `[ 0.0000,` and `[-0.0000,`
/// (a value on either side of zero, in a column padded for a sign) compare as numbers.
enum PrintedNumbers {
    enum Token: Equatable {
        case text([UInt8])
        /// `digits`: the mantissa's digits without the point, as an integer with its sign; `shape`: how it was
        /// written apart from the digits' values (digits before and after the point, the exponent).
        case number(digits: Int, shape: String, written: [UInt8])
    }

    static func matches(_ got: String, _ want: String) -> Bool {
        let a = tokens(got), b = tokens(want)
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            switch (x, y) {
            case (.text(let s), .text(let t)):
                if s != t { return false }
            case (.number(let m, let shape, let s), .number(let n, let otherShape, let t)):
                if s == t { continue }
                if shape != otherShape { return false }
                let (difference, overflow) = m.subtractingReportingOverflow(n)
                if overflow || difference.magnitude > 1 { return false }
            default:
                return false
            }
        }
        return true
    }

    /// Splits printed text into runs of plain text and decimal numbers.
    static func tokens(_ text: String) -> [Token] {
        let bytes = Array(text.utf8)
        var result: [Token] = []
        var plain: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if let (token, end) = number(bytes, at: i, after: i > 0 ? bytes[i - 1] : nil) {
                if !plain.isEmpty { result.append(.text(plain)); plain = [] }
                result.append(token)
                i = end
            } else {
                plain.append(bytes[i])
                i += 1
            }
        }
        if !plain.isEmpty { result.append(.text(plain)) }
        return result
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isWordByte(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2E || b >= 0x80
    }

    /// A number starting at `start` (`-`, or one space, then digits, `.`, digits, an optional exponent), not glued
    /// to a preceding word (`L6.5` is text); nil if none starts there.
    private static func number(_ bytes: [UInt8], at start: Int, after previous: UInt8?) -> (Token, Int)? {
        if let previous, isWordByte(previous) || previous == 0x2D { return nil }
        var i = start
        var negative = false
        if bytes[i] == 0x2D || bytes[i] == 0x20 {
            negative = bytes[i] == 0x2D
            i += 1
        }
        let integerStart = i
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        let integerDigits = i - integerStart
        guard integerDigits > 0, i + 1 < bytes.count, bytes[i] == 0x2E, isDigit(bytes[i + 1]) else { return nil }
        i += 1
        let fractionStart = i
        while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        let fractionDigits = i - fractionStart
        var exponent = ""
        if i + 1 < bytes.count, bytes[i] == 0x65 || bytes[i] == 0x45 {
            var j = i + 1
            if j < bytes.count, bytes[j] == 0x2B || bytes[j] == 0x2D { j += 1 }
            let exponentDigits = j
            while j < bytes.count, isDigit(bytes[j]) { j += 1 }
            if j > exponentDigits {
                exponent = String(decoding: bytes[i..<j], as: UTF8.self)
                i = j
            }
        }
        guard i == bytes.count || !isWordByte(bytes[i]) else { return nil }
        let mantissa = bytes[integerStart..<(fractionStart - 1)] + bytes[fractionStart..<(fractionStart + fractionDigits)]
        guard mantissa.count <= 18, let magnitude = Int(String(decoding: mantissa, as: UTF8.self)) else {
            let written = Array(bytes[start..<i])
            return (.number(digits: 0, shape: "exact:" + String(decoding: written, as: UTF8.self), written: written), i)
        }
        let shape = "\(integerDigits).\(fractionDigits)\(exponent)"
        return (.number(digits: negative ? -magnitude : magnitude, shape: shape, written: Array(bytes[start..<i])), i)
    }
}

@Suite struct ModelConformanceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let models = root.appendingPathComponent("models")
    static let modelPresent = FileManager.default.fileExists(
        atPath: models.appendingPathComponent("all-MiniLM-L6-v2/config.json").path)
    static let required = ProcessInfo.processInfo.environment["QUILL_REQUIRE_MODEL"] == "1"
    static let folder: URL? = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/conformance")

    /// The programs' file names, NN-topic.py, in order.
    static let programs: [String] = {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".py") }.sorted()
    }()

    @Test func theProgramsAreThere() {
        #expect(Self.programs.count >= 6, "found \(Self.programs.count) programs in \(Self.folder?.path ?? "nil")")
    }

    @Test func lastDigitRule() {
        // One unit in the last printed digit, either way, in any notation torch and numpy use.
        #expect(PrintedNumbers.matches("tensor([0.7035, 0.5272])", "tensor([0.7036, 0.5271])"))
        #expect(PrintedNumbers.matches("[0.47792825 0.47911358]", "[0.47792826 0.47911357]"))
        #expect(PrintedNumbers.matches("Score: 0.9999\n", "Score: 1.0000\n"))
        #expect(PrintedNumbers.matches("1.5e-05", "1.6e-05"))
        #expect(PrintedNumbers.matches("[[ 0.0000, -0.5000]]", "[[-0.0000, -0.5000]]"))
        #expect(PrintedNumbers.matches("[[ 0.0001, -0.5000]]", "[[-0.0000, -0.5000]]"))
        // Two units, another digit count, another exponent, or a change in the text: a mismatch.
        #expect(PrintedNumbers.matches("tensor(0.7035)", "tensor(0.7037)") == false)
        #expect(PrintedNumbers.matches("0.70", "0.700") == false)
        #expect(PrintedNumbers.matches("1.5e-05", "1.5e-06") == false)
        #expect(PrintedNumbers.matches("tensor([0, 1, 3])", "tensor([0, 1, 2])") == false)
        #expect(PrintedNumbers.matches("(3, 384)", "(3, 385)") == false)
        #expect(PrintedNumbers.matches("torch.Size([4, 384])", "torch.Size([4, 384])"))
        #expect(PrintedNumbers.matches("0.5 cat", "0.5 dog") == false)
        #expect(PrintedNumbers.matches("all-MiniLM-L6.2", "all-MiniLM-L6.3") == false)
        #expect(PrintedNumbers.matches("a\n", "a") == false)
    }

    @Test(.enabled(if: modelPresent || required, "models/all-MiniLM-L6-v2 is missing (scripts/fetch-model.sh fetches it)"),
          arguments: programs)
    func printsWhatSentenceTransformersPrints(_ program: String) throws {
        try #require(Self.modelPresent,
                     "QUILL_REQUIRE_MODEL=1 but \(Self.models.path)/all-MiniLM-L6-v2 is missing: run scripts/fetch-model.sh")
        let folder = try #require(Self.folder)
        let expected = try String(contentsOf: folder.appendingPathComponent(String(program.dropLast(3)) + ".out"),
                                  encoding: .utf8)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quill-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // all-MiniLM-L6-v2 resolves through ./models, as from the package root; ce-bert-1 is a folder beside the program.
        let fm = FileManager.default
        try fm.createSymbolicLink(at: dir.appendingPathComponent("models"), withDestinationURL: Self.models)
        try fm.createSymbolicLink(at: dir.appendingPathComponent("ce-bert-1"),
                                  withDestinationURL: Self.root.appendingPathComponent("Tests/ModelsTests/Fixtures/ce-bert-1"))
        try fm.copyItem(at: folder.appendingPathComponent(program), to: dir.appendingPathComponent(program))

        // The real engine (no QUILL_ENGINE), offline, with empty caches: see quill(_:in:engine:).
        let run = try quill(["run", program], in: dir, engine: nil)
        #expect(run.status == 0, "\(program): \(run.stderr)")
        #expect(PrintedNumbers.matches(run.stdout, expected), "\(program) printed:\n\(run.stdout)\nsentence-transformers:\n\(expected)")
    }
}
