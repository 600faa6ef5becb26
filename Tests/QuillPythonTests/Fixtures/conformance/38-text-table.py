# Formatting a table of model results with widths computed from the data.
results = [
    {"model": "all-MiniLM-L6-v2", "dim": 384, "ms": 12.3456, "score": 0.8203},
    {"model": "all-mpnet-base-v2", "dim": 768, "ms": 48.1, "score": 0.8681},
    {"model": "bge-small", "dim": 384, "ms": 9.99, "score": 0.80005},
]
width = max(len(r["model"]) for r in results)
header = f"{'model':<{width}} | {'dim':>4} | {'ms':>8} | {'score':>6}"
print(header)
print("-" * len(header))
for r in results:
    print(f"{r['model']:<{width}} | {r['dim']:>4d} | {r['ms']:>8.2f} | {r['score']:>6.3f}")
print("=" * len(header))
fastest = min(results, key=lambda r: r["ms"])
best = max(results, key=lambda r: r["score"])
print("fastest: {model} ({ms:.1f} ms)".format(model=fastest["model"], ms=fastest["ms"]))
print("best:    %s (%.2f%%)" % (best["model"], best["score"] * 100))
speedup = max(r["ms"] for r in results) / fastest["ms"]
print(f"speed-up {speedup:.2f}x, {speedup:e}, {speedup:g}")
print(f"{'total dims':>12}: {sum(r['dim'] for r in results):,}")
print(f"{'share':>12}: {results[0]['dim'] / sum(r['dim'] for r in results):.2%}")
for r in results:
    stars = "*" * round(r["score"] * 10)
    print(f"{r['model'][:10]:10} {stars:<10}|")
