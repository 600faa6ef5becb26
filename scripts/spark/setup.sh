#!/usr/bin/env bash
# Sets up what the Spark job (scripts/spark/) needs, idempotently: a Java runtime (Debian's
# openjdk-17-jre-headless, installed only when `java` is missing; needs root or sudo) and a virtual environment
# outside the repository with pyspark and pyarrow.
#   bash scripts/spark/setup.sh
# Env: QUILL_SPARK_VENV (default ~/.venvs/quill-spark), PYTHON (default python3, 3.10 or newer).
# Prints the venv's path on its last line. A second run with everything in place installs nothing.
set -euo pipefail
venv="${QUILL_SPARK_VENV:-$HOME/.venvs/quill-spark}"
python="${PYTHON:-python3}"

if ! command -v java >/dev/null 2>&1; then
    echo "installing: openjdk-17-jre-headless" >&2
    sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi

if [[ ! -x "$venv/bin/python" ]]; then
    echo "creating venv: $venv" >&2
    "$python" -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import pyspark, pyarrow' >/dev/null 2>&1; then
    echo "installing into $venv: pyspark pyarrow" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pyspark>=3.5" "pyarrow>=14"
fi
"$venv/bin/python" -c 'import pyspark, pyarrow; print("pyspark", pyspark.__version__, "pyarrow", pyarrow.__version__)' >&2
echo "$venv"
