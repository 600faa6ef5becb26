# json.load / json.loads and csv.reader / csv.DictReader.
import csv
import json

with open("data/corpus.json", encoding="utf-8") as f:
    config = json.load(f)
print(config["model"], config["dimension"], config["normalized"], config["tags"])
print(sorted(config.keys()))
for doc in config["documents"]:
    print(doc["id"], f"{doc['score']:>6}", doc["text"])
print(config["documents"][2])
print(json.loads('[1, 2.0, "three", null, true, false, {"k": []}]'))
print(json.loads('{"unicode": "\\u00e9\\uc548", "big": 123456789012345678901234567890}'))
print(json.loads("3.5e2"), json.loads('"just a string"'), json.loads("  [ ]  "))

with open("data/pairs.csv", encoding="utf-8") as f:
    reader = csv.reader(f)
    rows = [row for row in reader]
print(len(rows))
for row in rows:
    print(row)

with open("data/pairs.csv", encoding="utf-8") as f:
    for record in csv.DictReader(f):
        print(record["label"], float(record["score"]), "|", record["sentence1"], "|", record["sentence2"])

with open("data/pairs.csv", encoding="utf-8") as f:
    records = list(csv.DictReader(f))
print(records[0])
labels = {}
for r in records:
    labels[r["label"]] = labels.get(r["label"], 0) + 1
print(labels)
