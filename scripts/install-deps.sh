#!/usr/bin/env bash
# Installs the system libraries Quill links (Debian packages) when they are missing. Needs root or sudo.
set -euo pipefail
need=()
for pkg in libopenblas-dev libcmark-dev pkg-config; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if ((${#need[@]})); then
    echo "installing: ${need[*]}"
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
