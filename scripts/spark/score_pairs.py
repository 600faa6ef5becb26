"""Scores (query, passage) pairs with Spark: each partition of (id, query, passage) streamed through `quill score`.

    python scripts/spark/score_pairs.py --input IN --output OUT --model PATH_OR_NAME
        [--master local[2]] [--partitions N] [--quill PATH] [--installed] [--overwrite]

IN is JSON Lines ({"id": ..., "query": "...", "passage": "..."} per line) or Parquet (a .parquet file or folder)
with columns id, query and passage; OUT is a Parquet folder with id (the input's type) and score (float32), every
id exactly once. The model is a cross-encoder folder or name; shipping works as in embed_corpus.py.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quill_spark import main  # noqa: E402

if __name__ == "__main__":
    from pyspark.sql.types import FloatType
    main(__doc__.splitlines()[0], "score", ["query", "passage"], "score", FloatType(), "quill-score")
