#!/usr/bin/env python3
"""Expected outputs of the conformance programs that use models, from sentence-transformers itself.

Run by humans, never by tests (CI needs no torch), with the reference venv:
    python3 -m venv ~/.venvs/ref && ~/.venvs/ref/bin/pip install sentence-transformers
    bash scripts/fetch-model.sh      # puts all-MiniLM-L6-v2 in <package root>/models
    ~/.venvs/ref/bin/python Tests/Fixtures/generate/conformance_models.py [--models DIR] [NN-topic.py ...]

Reference stack used for the committed outputs: sentence-transformers 6.2.0, transformers 5.24.0, torch 2.15.0
(CPU, float32), numpy 2.4.6.

For every program Tests/CLITests/Fixtures/conformance/NN-topic.py it writes NN-topic.out, the program's stdout.
The programs name their models as users do: "all-MiniLM-L6-v2" and the tiny cross-encoder "ce-bert-1". Each runs
with its current directory set to a scratch folder holding two links, so that both names are local folders to
sentence-transformers (which loads a name that is an existing path from that path):
    all-MiniLM-L6-v2 -> DIR/all-MiniLM-L6-v2 (DIR: --models, default <package root>/models)
    ce-bert-1        -> Tests/ModelsTests/Fixtures/ce-bert-1
Quill's test (Tests/CLITests/ModelConformanceTests.swift) runs `quill run NN-topic.py` in a scratch folder holding
`models -> <package root>/models` (Quill resolves a bare name through ./models) and the same ce-bert-1 link.
Offline, on the CPU. Stderr (progress bars, deprecation warnings) is not part of the output.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
PROGRAMS = os.path.join(ROOT, "Tests", "CLITests", "Fixtures", "conformance")
CROSS_ENCODER = os.path.join(ROOT, "Tests", "ModelsTests", "Fixtures", "ce-bert-1")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default=os.path.join(ROOT, "models"),
                        help="folder holding all-MiniLM-L6-v2 (default: <package root>/models)")
    parser.add_argument("programs", nargs="*", help="only these programs (file names); default: all")
    args = parser.parse_args()
    # Asked of a child process: this folder's safetensors.py would shadow the package here.
    versions = subprocess.run(
        [sys.executable, "-c", "import sentence_transformers as s, torch; print(s.__version__, torch.__version__)"],
        cwd=tempfile.gettempdir(), capture_output=True, text=True, check=True).stdout.split()
    if not versions[0].startswith("6.2."):
        sys.exit(f"the reference is sentence-transformers 6.2; this is {versions[0]}")
    model = os.path.abspath(os.path.join(args.models, "all-MiniLM-L6-v2"))
    if not os.path.exists(os.path.join(model, "config.json")):
        sys.exit(f"{model} is missing: run scripts/fetch-model.sh, or pass --models")
    print(f"sentence-transformers {versions[0]}, torch {versions[1]}, model {model}")

    environment = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", CUDA_VISIBLE_DEVICES="",
                       TOKENIZERS_PARALLELISM="false", PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8",
                       PYTHONDONTWRITEBYTECODE="1")
    programs = sorted(name for name in os.listdir(PROGRAMS) if name.endswith(".py"))
    scratch = tempfile.mkdtemp(prefix="quill-conformance-models-")
    try:
        os.symlink(model, os.path.join(scratch, "all-MiniLM-L6-v2"))
        os.symlink(CROSS_ENCODER, os.path.join(scratch, "ce-bert-1"))
        for program in args.programs or programs:
            if program not in programs:
                sys.exit(f"no program {program} in {PROGRAMS}")
            shutil.copyfile(os.path.join(PROGRAMS, program), os.path.join(scratch, program))
            done = subprocess.run([sys.executable, program], cwd=scratch, env=environment, capture_output=True,
                                  timeout=600)
            if done.returncode != 0:
                sys.exit(f"{program} failed:\n{done.stderr.decode('utf-8', 'replace')}")
            with open(os.path.join(PROGRAMS, program[:-3] + ".out"), "wb") as f:
                f.write(done.stdout)
            print(f"{program}: {len(done.stdout.splitlines())} lines")
    finally:
        shutil.rmtree(scratch)
    stems = {name[:-3] for name in programs}
    for name in os.listdir(PROGRAMS):
        if name.endswith(".out") and name[:-4] not in stems:
            os.remove(os.path.join(PROGRAMS, name))


if __name__ == "__main__":
    main()
