#!/usr/bin/env python3
"""Expected outputs of Quill's Python conformance corpus, produced by CPython 3.11.

Run by humans after adding or changing a program, never by tests:
    python3 Tests/Fixtures/generate/conformance.py

For every program Tests/QuillPythonTests/Fixtures/conformance/NN-topic.py it runs CPython with the current
directory set to that folder (so `open("data/story.txt")` reads the corpus's data files, as a Quill session with
`dataDirectory` = that folder does), and writes next to it:
  NN-topic.out  everything the program printed on stdout, byte for byte;
  NN-topic.err  only for programs that end in an exception:
                    line 1: the last line of the traceback, e.g. `ZeroDivisionError: division by zero`, without the
                            ` Did you mean: 'x'?` suggestion that CPython 3.11's traceback printer appends to NameError
                            and AttributeError (it is not part of the exception's message; Quill gives it as a hint);
                    line 2: `line N`, the line of the innermost frame in the program;
                    line 3: `suggestion: x`, only when CPython suggested a name.
Programs whose name contains `-error-` must end in an exception, and no other program may.
Stale .out/.err files of removed programs are deleted. Refuses to run on a Python other than 3.11.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CORPUS = os.path.join(ROOT, "Tests", "QuillPythonTests", "Fixtures", "conformance")
SUGGESTION = re.compile(r"^(.*)\. Did you mean: '([^']*)'\?$")


def run(program):
    """(stdout bytes, stderr text, exit status) of one program under this interpreter."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LC_ALL": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    done = subprocess.run([sys.executable, "-I", program], cwd=CORPUS, env=environment, capture_output=True,
                          timeout=60)
    return done.stdout, done.stderr.decode("utf-8"), done.returncode


def error_record(program, stderr):
    """The .err text for a traceback: the exception line, the line number, and CPython's suggestion if any."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    if not lines or not lines[0].startswith("Traceback"):
        sys.exit(f"{program}: no traceback on stderr:\n{stderr}")
    exception = lines[-1]
    suggestion = None
    match = SUGGESTION.match(exception)
    if match:
        exception, suggestion = match.group(1), match.group(2)
    frame = re.compile(r'^  File "(?:.*/)?' + re.escape(program) + r'", line (\d+)')
    numbers = [m.group(1) for m in map(frame.match, lines) if m]
    if not numbers:
        sys.exit(f"{program}: no frame of the program in the traceback:\n{stderr}")
    record = f"{exception}\nline {numbers[-1]}\n"
    if suggestion is not None:
        record += f"suggestion: {suggestion}\n"
    return record


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"the expected outputs come from CPython 3.11; this is {sys.version.split()[0]}")
    programs = sorted(name for name in os.listdir(CORPUS) if name.endswith(".py"))
    stems = {name[:-3] for name in programs}
    for name in sorted(os.listdir(CORPUS)):
        stem, extension = os.path.splitext(name)
        if extension in (".out", ".err") and stem not in stems:
            os.remove(os.path.join(CORPUS, name))
    for program in programs:
        stem = program[:-3]
        stdout, stderr, status = run(program)
        with open(os.path.join(CORPUS, stem + ".out"), "wb") as f:
            f.write(stdout)
        err_path = os.path.join(CORPUS, stem + ".err")
        expects_error = "-error-" in stem
        if status == 0:
            if expects_error:
                sys.exit(f"{program} should end in an exception but exited normally")
            if stderr:
                sys.exit(f"{program} wrote to stderr:\n{stderr}")
            if os.path.exists(err_path):
                os.remove(err_path)
        else:
            if not expects_error:
                sys.exit(f"{program} failed:\n{stderr}")
            with open(err_path, "w", encoding="utf-8") as f:
                f.write(error_record(program, stderr))
    lines = sum(len(open(os.path.join(CORPUS, p), encoding="utf-8").read().splitlines()) for p in programs)
    print(f"{len(programs)} programs ({lines} lines) in {os.path.relpath(CORPUS, ROOT)}")


if __name__ == "__main__":
    main()
