// swift-tools-version:6.0
// Quill: a notebook-style literate runner for sentence embeddings, with its own inference engine.
// Modules point one way: system-library shims and C kernels -> CommonMark, JSON, Tensors, Tokenizers -> Models, Hub;
// JSON -> QuillPython (the cell language) -> Notebook; CLI joins them (it adapts Models and Hub to QuillPython's
// ModelHost, so that Notebook never sees the engine).
import PackageDescription

let package = Package(
    name: "Quill",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "quill", targets: ["CLI"]),
        .library(name: "QuillModels", targets: ["Models"]),
        .library(name: "QuillNotebook", targets: ["Notebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // System libraries from Debian: libcmark-dev and libopenblas-dev.
        .systemLibrary(name: "CCMark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),

        .target(name: "JSON"),
        .target(name: "CommonMark", dependencies: ["CCMark"]),
        // Hot element-wise kernels in C, optimized even in debug builds so that tests on real models stay quick.
        .target(name: "CKernels", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "Tensors", dependencies: ["CBLAS", "CKernels", "JSON"]),
        .target(name: "Tokenizers", dependencies: ["JSON"]),
        .target(name: "Models", dependencies: ["Tensors", "Tokenizers", "JSON"]),
        // SHA-256 of every downloaded byte comes from swift-crypto (optimized C, so debug builds stay quick).
        .target(name: "Hub", dependencies: ["JSON", "Tensors", .product(name: "Crypto", package: "swift-crypto")]),
        // The cell language: a subset of Python 3.11 and the sentence-transformers API, with no Python at run time.
        .target(
            name: "QuillPython",
            dependencies: ["JSON", .product(name: "BigInt", package: "BigInt"),
                           .product(name: "OrderedCollections", package: "swift-collections")]),
        .target(name: "Notebook", dependencies: ["CommonMark", "QuillPython"]),
        .executableTarget(
            name: "CLI",
            dependencies: ["Notebook", "Models", "Hub", "QuillPython",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "CommonMarkTests", dependencies: ["CommonMark"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TensorsTests", dependencies: ["Tensors"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TokenizersTests", dependencies: ["Tokenizers"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "JSON"], resources: [.copy("Fixtures")]),
        .testTarget(name: "HubTests", dependencies: ["Hub", "Models"], resources: [.copy("Fixtures")]),
        .testTarget(name: "QuillPythonTests", dependencies: ["QuillPython", "JSON"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "QuillPython"], resources: [.copy("Fixtures")]),
        .testTarget(name: "CLITests", dependencies: ["CLI", "JSON", "Models"], resources: [.copy("Fixtures")]),
    ]
)
