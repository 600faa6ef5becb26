// swift-tools-version:6.0
// Quill: a notebook-style literate runner for sentence embeddings, with its own inference engine.
// Modules point one way: system-library shims and C kernels -> QuillCommonMark, QuillJSON, QuillTensors,
// QuillTokenizers -> QuillModels, QuillHub; QuillJSON -> QuillPython (the cell language) -> QuillNotebook;
// QuillCLI joins them (it adapts QuillModels and QuillHub to QuillPython's ModelHost, so that QuillNotebook never sees
// the engine).
// Every module name starts with Quill, so that none clashes in a consumer's dependency graph. Every target declares
// each module it imports (checked by scripts/consumer-test.sh's import scan).
import PackageDescription

let package = Package(
    name: "Quill",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quill", targets: ["QuillCLI"]),
        .library(name: "QuillModels", targets: ["QuillModels"]),
        .library(name: "QuillNotebook", targets: ["QuillNotebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // System libraries from Debian: libcmark-dev and libopenblas-dev.
        .systemLibrary(name: "QuillCMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "QuillCBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),

        .target(name: "QuillJSON"),
        .target(name: "QuillCommonMark", dependencies: ["QuillCMark"]),
        // Hot kernels in C. The project's debug builds pass `-Xcc -O2` (scripts/test.sh) so that tests on real models
        // stay quick; the manifest itself carries no unsafe flags, so the package works as a versioned dependency.
        .target(name: "QuillKernels"),
        .target(name: "QuillTensors", dependencies: ["QuillCBLAS", "QuillKernels", "QuillJSON"]),
        .target(name: "QuillTokenizers", dependencies: ["QuillJSON"]),
        .target(name: "QuillModels", dependencies: ["QuillTensors", "QuillTokenizers", "QuillJSON"]),
        // SHA-256 of every downloaded byte comes from swift-crypto (optimized C, so debug builds stay quick).
        .target(
            name: "QuillHub",
            dependencies: ["QuillJSON", "QuillTensors", .product(name: "Crypto", package: "swift-crypto")]),
        // The cell language: a subset of Python 3.11 and the sentence-transformers API, with no Python at run time.
        .target(
            name: "QuillPython",
            dependencies: ["QuillJSON", .product(name: "BigInt", package: "BigInt"),
                           .product(name: "OrderedCollections", package: "swift-collections")]),
        .target(name: "QuillNotebook", dependencies: ["QuillCommonMark", "QuillJSON", "QuillPython"]),
        .executableTarget(
            name: "QuillCLI",
            dependencies: ["QuillNotebook", "QuillCommonMark", "QuillModels", "QuillHub", "QuillPython", "QuillJSON",
                           "QuillTensors",
                           .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "Crypto", package: "swift-crypto")]),

        .testTarget(name: "JSONTests", dependencies: ["QuillJSON"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CommonMarkTests", dependencies: ["QuillCommonMark"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TensorsTests", dependencies: ["QuillTensors"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "TokenizersTests", dependencies: ["QuillTokenizers", "QuillJSON"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "ModelsTests", dependencies: ["QuillModels", "QuillTensors", "QuillJSON"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "HubTests", dependencies: ["QuillHub", "QuillModels"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "QuillPythonTests",
            dependencies: ["QuillPython", "QuillJSON", .product(name: "BigInt", package: "BigInt")],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "NotebookTests", dependencies: ["QuillNotebook", "QuillCommonMark", "QuillPython"],
            resources: [.copy("Fixtures")]),
        .testTarget(
            name: "CLITests", dependencies: ["QuillCLI", "QuillJSON", "QuillModels", "QuillNotebook", "QuillPython"],
            resources: [.copy("Fixtures")]),
    ]
)
