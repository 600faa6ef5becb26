#!/usr/bin/env bash
# Proves that Quill works as a versioned dependency (issue 17 item 7): clones this repository's HEAD into a temp
# folder, tags it with Quill's version, and builds a small consumer package that depends on it by
# `.package(url: "file://...", from: VERSION)` and embeds a sentence with QuillModels, compared with
# sentence-transformers' embedding of it (Tests/ModelsTests/Fixtures/minilm-expected.json, max |diff| <= 1e-5).
#
# Offline: Quill's own dependencies are resolved from SwiftPM's shared repository cache (~/.swiftpm/cache/
# repositories, filled by the main build) through mirrors set in the consumer package, and git is given a proxy
# that does not exist, so the build fails instead of touching the network. A dependency missing from the cache
# is an error that says to build Quill once first (or set QUILL_CONSUMER_ONLINE=1 to allow the network).
#
# Also checks that every module a target imports is declared in Package.swift (a consumer's build sees only the
# declared graph). Usage: bash scripts/consumer-test.sh   (needs models/all-MiniLM-L6-v2; prints its phases' times)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
START=$(date +%s)
phase() { echo "consumer-test: $1 ($(( $(date +%s) - START )) s)"; }

bash scripts/check-imports.sh

MODEL="$ROOT/models/all-MiniLM-L6-v2"
[[ -f "$MODEL/model.safetensors" ]] || { echo "consumer-test: no model at $MODEL (bash scripts/fetch-model.sh)" >&2; exit 1; }
VERSION=$(sed -n 's/.*static let string = "\([0-9.]*\)".*/\1/p' Sources/QuillCLI/Version.swift)
[[ -n "$VERSION" ]] || { echo "consumer-test: no version in Sources/QuillCLI/Version.swift" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/quill-consumer.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
git clone --quiet --no-hardlinks "$ROOT" "$WORK/quill"
git -C "$WORK/quill" tag -f "$VERSION" >/dev/null
phase "cloned HEAD $(git -C "$WORK/quill" rev-parse --short HEAD) as $VERSION"

mkdir -p "$WORK/consumer/Sources/Consumer"
cat > "$WORK/consumer/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Consumer",
    platforms: [.macOS(.v14)],
    dependencies: [.package(url: "file://$WORK/quill", from: "$VERSION")],
    targets: [
        .executableTarget(name: "Consumer", dependencies: [.product(name: "QuillModels", package: "quill")]),
    ]
)
SWIFT
cat > "$WORK/consumer/Sources/Consumer/main.swift" <<'SWIFT'
// Embeds the reference's first sentence with QuillModels and compares it with sentence-transformers' embedding.
import Foundation
import QuillModels

struct Expected: Decodable {
    var sentences: [String]
    var embeddings: [[Float]]
}

let arguments = CommandLine.arguments
let model = try BiEncoder(directory: URL(fileURLWithPath: arguments[1]))
let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[2])))
let embedding = try model.encode([expected.sentences[0]])[0]
let difference = zip(embedding, expected.embeddings[0]).map { abs($0 - $1) }.max() ?? .infinity
print("embedded \"\(expected.sentences[0])\": \(embedding.count) dimensions, max |diff| \(difference)")
exit(embedding.count == expected.embeddings[0].count && difference <= 1e-5 ? 0 : 1)
SWIFT

cd "$WORK/consumer"
if [[ "${QUILL_CONSUMER_ONLINE:-0}" != 1 ]]; then
    CACHE="${SWIFTPM_CACHE:-$HOME/.swiftpm/cache/repositories}"
    while read -r url name; do
        mirror=$(ls -d "$CACHE/$name"-* 2>/dev/null | head -1 || true)
        [[ -n "$mirror" ]] || { echo "consumer-test: $url is not in $CACHE; build Quill once first" >&2; exit 1; }
        swift package config set-mirror --original "$url" --mirror "file://$mirror"
    done <<LIST
https://github.com/apple/swift-argument-parser swift-argument-parser
https://github.com/attaswift/BigInt BigInt
https://github.com/apple/swift-collections swift-collections
https://github.com/apple/swift-crypto swift-crypto
https://github.com/apple/swift-asn1.git swift-asn1
LIST
    export http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9 HTTP_PROXY=http://127.0.0.1:9 \
        HTTPS_PROXY=http://127.0.0.1:9 ALL_PROXY=http://127.0.0.1:9 GIT_TERMINAL_PROMPT=0
fi
swift package resolve
phase "resolved quill $VERSION by its versioned URL"
swift build -Xcc -O2 --product Consumer
phase "built the consumer"
.build/debug/Consumer "$MODEL" "$WORK/quill/Tests/ModelsTests/Fixtures/minilm-expected.json"
phase "passed"
