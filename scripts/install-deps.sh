#!/usr/bin/env bash
# Installs the Debian packages Quill needs when they are missing (idempotent, quiet). Needs root or sudo.
#  - libopenblas-dev, libcmark-dev, pkg-config: the system libraries Quill links.
#  - chromium, fonts-noto-cjk: the browser test (scripts/browser-test.sh) opens the rendered HTML page headless;
#    the CJK fonts let it draw the quickstart's Korean text.
set -euo pipefail
need=()
for pkg in libopenblas-dev libcmark-dev pkg-config chromium fonts-noto-cjk; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if ((${#need[@]})); then
    echo "installing: ${need[*]}"
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
