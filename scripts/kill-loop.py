#!/usr/bin/env python3
"""Row D4 of the reliability catalogue: `quill update` killed with SIGKILL at random points, RUNS times. After each
kill the notebook must be exactly its old text or exactly its new one (never a mix, never missing), at most one temp
file of a killed writer may be beside it (each update sweeps the ones before it), and at the end one clean update
leaves nothing behind.

    python3 scripts/kill-loop.py [--runs 1000] [--quill PATH] [--seed 4]

The notebook is 3 MB of prose and one cell that prints a data file, which alternates between two texts, so every
update has a new version to write. Kills fall uniformly over 1.3 times an update's duration (measured first), so some
land before the write, some during it, some after; every other kill is aimed at the write itself (a few
milliseconds after the temp file appears). The hash engine is used (no model needed). Prints how the kills
fell; exit 1 on the first violation."""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROSE = "Some prose that makes the notebook large enough to take a while to write.\n\n" * 40_000
SOURCE = "# Killed\n\n```quill\nprint(open('data.txt').read().strip())\n```\n\n" + PROSE
DATA = ["first version of the data", "second version of the data"]


def fail(message):
    print(f"kill-loop: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--quill", default=os.path.join(ROOT, ".build", "debug", "quill"))
    ap.add_argument("--seed", type=int, default=4)
    args = ap.parse_args()
    quill = os.path.abspath(args.quill)
    env = dict(os.environ, QUILL_ENGINE="hash", HF_HUB_OFFLINE="1")
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="quill-kill-loop-")
    notebook, data = os.path.join(work, "n.md"), os.path.join(work, "data.txt")

    def read():
        try:
            with open(notebook, encoding="utf-8") as f:
                return f.read()
        except FileNotFoundError:
            fail("the notebook is gone")

    def set_data(i):
        with open(data, "w", encoding="utf-8") as f:
            f.write(DATA[i % 2] + "\n")

    def update():
        done = subprocess.run([quill, "update", "n.md"], cwd=work, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            fail(f"a clean update failed ({done.returncode}): {done.stderr}")

    def litter():
        return [n for n in os.listdir(work) if n not in ("n.md", "data.txt")]

    try:
        with open(notebook, "w", encoding="utf-8") as f:
            f.write(SOURCE)
        # The two versions an update can write, and how long one takes.
        versions, seconds = [], []
        for i in range(2):
            set_data(i)
            start = time.perf_counter()
            update()
            seconds.append(time.perf_counter() - start)
            versions.append(read())
        if versions[0] == versions[1] or DATA[0] not in versions[0]:
            fail("the two versions are not what the cell prints")
        span = 1.3 * max(seconds)
        outcomes = {"old": 0, "new": 0}
        most_litter = mid_write = 0
        for i in range(args.runs):
            old = read()
            target = 1 - versions.index(old)   # always a change to write (the notebook is always one of the two)
            set_data(target)
            new = versions[target]
            process = subprocess.Popen([quill, "update", "n.md"], cwd=work, env=env,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if i % 2 == 0:
                time.sleep(rng.uniform(0, span))
            else:
                # Aimed at the write: from the moment the temp file appears, a few milliseconds at most.
                deadline = time.perf_counter() + span
                mine = f"-{process.pid}-"
                while process.poll() is None and not any(mine in n for n in litter()) and time.perf_counter() < deadline:
                    time.sleep(0.0002)
                time.sleep(rng.uniform(0, 0.005))
            process.send_signal(signal.SIGKILL)
            process.wait()
            text = read()
            if text == old:
                outcomes["old"] += 1
            elif text == new:
                outcomes["new"] += 1
            else:
                fail(f"run {i + 1}: the notebook is neither its old nor its new text ({len(text)} bytes)")
            left = litter()
            most_litter = max(most_litter, len(left))
            # A temp file of this run's writer: killed between creating its new version and the rename.
            mid_write += any(f"-{process.pid}-" in n for n in left)
            if len(left) > 1 or any(not n.startswith(".n.md.quill-") for n in left):
                fail(f"run {i + 1}: left beside the notebook: {left}")
        target = 1 - versions.index(read())
        set_data(target)
        update()
        if read() != versions[target]:
            fail("the final clean update did not write the new version")
        if litter():
            fail(f"a clean update left: {litter()}")
        print(f"kill-loop: {args.runs} kills of `quill update` (half at any time in {span:.2f} s, half aimed at the "
              f"write; an update takes "
              f"{max(seconds):.2f} s): {outcomes['old']} left the old text, {outcomes['new']} the new one, none a mix; "
              f"{mid_write} killed mid-write; "
              f"at most {most_litter} temp file at a time, none after a clean update")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
