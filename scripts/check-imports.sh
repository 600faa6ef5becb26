#!/usr/bin/env bash
# Fails when a target imports a module of this package (or a product of a dependency) that Package.swift does not
# declare as that target's dependency. System modules (Foundation, Glibc, Testing, ...) need no declaration.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package dump-package > "${TMPDIR:-/tmp}/quill-dump-$$.json"
trap 'rm -f "${TMPDIR:-/tmp}/quill-dump-$$.json"' EXIT
python3 - "${TMPDIR:-/tmp}/quill-dump-$$.json" <<'PY'
import json, os, re, sys
package = json.load(open(sys.argv[1]))
targets = {t["name"]: t for t in package["targets"]}
products = {"ArgumentParser", "BigInt", "OrderedCollections", "Crypto"}
bad = []
for name, target in targets.items():
    declared = set()
    for dep in target.get("dependencies", []):
        for kind in ("byName", "target", "product"):
            if kind in dep:
                declared.add(dep[kind][0])
    folder = target.get("path") or ("Tests/" if target["type"] == "test" else "Sources/") + name
    for root, _, files in os.walk(folder):
        for file in files:
            if not file.endswith(".swift"):
                continue
            for line in open(os.path.join(root, file), encoding="utf-8"):
                m = re.match(r"\s*(?:@testable\s+)?import\s+(\w+)", line)
                if m and m.group(1) != name and (m.group(1) in targets or m.group(1) in products) \
                        and m.group(1) not in declared:
                    bad.append(f"{os.path.join(root, file)}: imports {m.group(1)}, not declared by target {name}")
print("\n".join(sorted(set(bad))) or "check-imports: every imported module is declared")
sys.exit(1 if bad else 0)
PY
