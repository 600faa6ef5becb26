"""Runs a `quill` worker command (embed, score) over a Spark DataFrame, one process per partition.

Shared by embed_corpus.py and score_pairs.py. Each partition's rows go to one `quill` process as JSON Lines
objects {"id": LOCAL_INDEX, ...} and come back in order as {"id": LOCAL_INDEX, KEY: value}; the local index maps
each output line back to the row's own id, so ids of any Spark type travel unchanged and a line that comes back out
of place is an error, never a silent mix-up. The binary and the model folder reach the executors through
SparkContext.addFile (SparkFiles), unless --installed says both are at the same paths on every node.
"""

import argparse
import collections
import functools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading


class JobError(Exception):
    """An error the job reports in one line and exits 1 for."""


def arguments(description, input_columns):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--input", required=True,
                   help="JSON Lines, or Parquet (a .parquet file or folder), with columns id, " + ", ".join(input_columns))
    p.add_argument("--output", required=True, help="Parquet output folder")
    p.add_argument("--model", required=True, help="model folder, or a name quill resolves on the driver")
    p.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[2])")
    p.add_argument("--partitions", type=int, default=None, help="repartition the input into N partitions")
    p.add_argument("--quill", default=None, help="quill binary (default: quill on PATH)")
    p.add_argument("--installed", action="store_true",
                   help="quill and the model are at these same paths on every node: ship nothing")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output folder")
    args = p.parse_args()
    if args.partitions is not None and args.partitions < 1:
        p.error("--partitions must be positive")
    return args


def find_quill(path):
    found = path or shutil.which("quill")
    if not found:
        raise JobError("quill not found on PATH: build it (swift build -c release --product quill) or pass --quill PATH")
    if not (os.path.isfile(found) and os.access(found, os.X_OK)):
        raise JobError(f"--quill {found}: not an executable file")
    return os.path.abspath(found)


def resolve_model(quill, model):
    """The model's folder on the driver: MODEL itself when it is a folder, else what `quill models` lists for it."""
    if os.path.isdir(model):
        return os.path.abspath(model)
    if model.startswith((".", "/", "~")) or os.path.exists(model):
        raise JobError(f"--model {model}: no such folder")
    listing = subprocess.run([quill, "models", "--paths"], capture_output=True, text=True)
    lines = listing.stdout.splitlines()
    for name_line, path_line in zip(lines, lines[1:]):
        name = name_line.split()[0] if name_line.strip() else ""
        if name in (model, model.split("/")[-1]) or name.endswith("/" + model):
            folder = path_line.strip()
            if os.path.isdir(folder):
                return folder
    raise JobError(f"--model {model}: not a folder, and quill does not find it without the network "
                   f"(`{quill} models` lists what it finds; `{quill} fetch {model}` downloads it)")


def preflight(quill, command, model, record):
    """Runs the worker on one record on the driver, so a broken binary or model fails before Spark starts."""
    run = subprocess.run([quill, command, "--model", model], input=json.dumps(record) + "\n",
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise JobError(f"quill {command} --model {model} failed on the driver (exit {run.returncode}): "
                       + run.stderr.strip())


def read_input(spark, path, columns):
    """A DataFrame of id + columns; Parquet for a .parquet name, JSON Lines otherwise."""
    if not os.path.exists(path) and "://" not in path:
        raise JobError(f"--input {path}: no such file or folder")
    is_parquet = path.rstrip("/").endswith(".parquet")
    df = spark.read.parquet(path) if is_parquet else spark.read.json(path)
    missing = [c for c in ["id"] + columns if c not in df.columns]
    if missing:
        raise JobError(f"--input {path}: no column {', '.join(missing)} (found: {', '.join(df.columns) or 'none'})")
    return df.select("id", *columns)


def check_records(df, columns, path):
    """Refuses null ids or texts and duplicate ids, naming a few of them."""
    from pyspark.sql import functions as F
    any_null = functools.reduce(lambda a, b: a | b, [F.col(c).isNull() for c in ["id"] + columns])
    nulls = df.filter(any_null).limit(3).collect()
    if nulls:
        raise JobError(f"--input {path}: null id or {'/'.join(columns)} in rows such as {[r.asDict() for r in nulls]}")
    dups = df.groupBy("id").count().filter("count > 1").limit(5).collect()
    if dups:
        raise JobError(f"--input {path}: duplicate ids, e.g. " + ", ".join(f"{r['id']!r} ({r['count']} times)" for r in dups))


def executable(path):
    """SparkFiles keeps the bytes; if it lost the exec bit, use a private executable copy."""
    if os.access(path, os.X_OK):
        return path
    copy = os.path.join(tempfile.mkdtemp(prefix="quill-bin-"), os.path.basename(path))
    shutil.copy(path, copy)
    os.chmod(copy, 0o755)
    return copy


def partition_worker(command, quill_ref, model_ref, shipped, columns, key):
    """The function each partition runs: rows (id, *columns) in, (id, value) out, streamed through one quill."""

    def run(rows):
        from pyspark import SparkFiles, TaskContext
        quill = executable(SparkFiles.get(quill_ref)) if shipped else quill_ref
        model = SparkFiles.get(model_ref) if shipped else model_ref
        env = dict(os.environ)
        # One quill thread per core the task holds (spark.task.cpus), not one per core of the node.
        context = TaskContext.get()
        env.setdefault("QUILL_THREADS", str(context.cpus() if context else 1))
        stderr = tempfile.TemporaryFile()
        proc = subprocess.Popen([quill, command, "--model", model], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=stderr, env=env)
        pending = collections.deque()   # ids written, not yet read back: bounded by the pipes and one batch
        failure = []

        def feed():
            try:
                for i, row in enumerate(rows):
                    pending.append(row[0])
                    record = {"id": i}
                    record.update(zip(columns, row[1:]))
                    proc.stdin.write((json.dumps(record, ensure_ascii=False) + "\n").encode())
            except BrokenPipeError:
                pass   # quill stopped; its exit status and stderr say why
            except BaseException as e:  # noqa: BLE001 - reported by the reading side
                failure.append(e)
            finally:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass

        writer = threading.Thread(target=feed, daemon=True)
        writer.start()
        expected = 0
        for line in proc.stdout:
            out = json.loads(line)
            if out.get("id") != expected or not pending:
                proc.kill()
                raise RuntimeError(f"quill {command}: output line {expected + 1} has id {out.get('id')!r}, expected {expected}")
            yield (pending.popleft(), out[key])
            expected += 1
        writer.join()
        status = proc.wait()
        if failure:
            raise failure[0]
        if status != 0 or pending:
            stderr.seek(0)
            message = stderr.read().decode(errors="replace").strip()
            raise RuntimeError(f"quill {command} failed (exit {status}) after {expected} of this partition's records: "
                               + (message or "no message"))

    return run


def run_job(args, command, columns, key, value_type, app_name):
    from pyspark import SparkConf
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StructField, StructType
    # --installed: the paths are the executors'; they are used as given (relative ones in each task's folder).
    quill = (args.quill or "quill") if args.installed else find_quill(args.quill)
    model = args.model if args.installed else resolve_model(quill, args.model)
    if not args.installed:
        preflight(quill, command, model, {"id": 0, **{c: "preflight" for c in columns}})
    builder = SparkSession.builder.appName(app_name)
    if args.master or not SparkConf().contains("spark.master"):   # spark-submit's --master wins over the default
        builder = builder.master(args.master or "local[2]")
    spark = builder.getOrCreate()
    spark.sparkContext.addPyFile(os.path.abspath(__file__))   # the executors' Python imports this module
    try:
        df = read_input(spark, args.input, columns)
        check_records(df, columns, args.input)
        if args.partitions:
            df = df.repartition(args.partitions)
        if args.installed:
            quill_ref, model_ref = quill, model
        else:
            spark.sparkContext.addFile(quill)
            spark.sparkContext.addFile(model, recursive=True)
            quill_ref, model_ref = os.path.basename(quill), os.path.basename(model.rstrip("/"))
        worker = partition_worker(command, quill_ref, model_ref, not args.installed, columns, key)
        schema = StructType([df.schema["id"], StructField(key, value_type, False)])
        out = spark.createDataFrame(df.rdd.map(tuple).mapPartitions(worker), schema)
        out.write.mode("overwrite" if args.overwrite else "errorifexists").parquet(args.output)
    except Exception as e:  # noqa: BLE001 - one readable line instead of a JVM stack
        text = str(e)
        for marker in ("RuntimeError: quill", "AnalysisException"):
            if marker in text:
                line = text[text.index(marker):].splitlines()[0]
                raise JobError(line.replace("RuntimeError: ", "")) from None
        raise
    finally:
        spark.stop()


def main(description, command, columns, key, value_type, app_name):
    args = arguments(description, columns)
    try:
        run_job(args, command, columns, key, value_type, app_name)
    except JobError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
