"""Embeds a corpus with Spark: each partition of (id, text) streamed through `quill embed`.

    python scripts/spark/embed_corpus.py --input IN --output OUT --model PATH_OR_NAME
        [--master local[2]] [--partitions N] [--quill PATH] [--installed] [--overwrite]

IN is JSON Lines ({"id": ..., "text": "..."} per line) or Parquet (a .parquet file or folder) with columns id and
text; OUT is a Parquet folder with id (the input's type) and embedding (array<float32>), every id exactly once.
The quill binary and the model folder are shipped to the executors with SparkContext.addFile; --installed uses
them where they are on every node instead. See docs/scale.md.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quill_spark import main  # noqa: E402

if __name__ == "__main__":
    from pyspark.sql.types import ArrayType, FloatType
    main(__doc__.splitlines()[0], "embed", ["text"], "embedding", ArrayType(FloatType(), False), "quill-embed")
