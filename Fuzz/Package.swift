// swift-tools-version:6.0
// Quill's fuzz targets (libFuzzer), a package of their own so that the main package never needs fuzzer flags.
// (QuillJSON is no product of its own: FuzzJSON and FuzzJSONLines reach it through QuillModels.)
// Build and run through scripts/fuzz.sh, which passes:
//   -c release --sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library -Xswiftc -enable-testing -Xcc -O2
// (`-enable-testing` lets the targets reach the internal parsers with `@testable import`).
import PackageDescription

let quill = "Quill"

func fuzzTarget(_ name: String, _ products: [String]) -> Target {
    .executableTarget(name: name, dependencies: products.map { .product(name: $0, package: quill) }, path: "Sources/\(name)")
}

let package = Package(
    name: "QuillFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: quill, path: "..")],
    targets: [
        fuzzTarget("FuzzJSON", ["QuillModels"]),
        fuzzTarget("FuzzSafetensors", ["QuillModels"]),
        fuzzTarget("FuzzTokenizerFile", ["QuillModels"]),
        fuzzTarget("FuzzTokenize", ["QuillModels"]),
        fuzzTarget("FuzzNotebook", ["QuillNotebook"]),
        fuzzTarget("FuzzPython", ["QuillNotebook"]),
        fuzzTarget("FuzzJSONLines", ["QuillModels"]),
    ]
)
