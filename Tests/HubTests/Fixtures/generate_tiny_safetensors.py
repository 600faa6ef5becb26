# Regenerates tiny-model/model.safetensors: one F32 tensor of shape [8, 4] holding 0..31. Standard library only
# (Python 3.8+); no seed needed. Run by hand from this folder: python3 generate_tiny_safetensors.py
import json, struct
data = struct.pack("<32f", *[float(i) for i in range(32)])
header = json.dumps({"embeddings.word_embeddings.weight": {"dtype": "F32", "shape": [8, 4], "data_offsets": [0, len(data)]}}, separators=(",", ":")).encode()
header += b" " * (-len(header) % 8)
open("tiny-model/model.safetensors", "wb").write(struct.pack("<Q", len(header)) + header + data)
