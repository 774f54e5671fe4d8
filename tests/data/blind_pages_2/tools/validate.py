#!/usr/bin/env python3
"""Independent check of the written files (does not use the sources): field names/order as in
the example gold file, span offsets/texts/order/overlap, labels, values, body paragraphs found in
the page text once line breaks / column breaks are joined."""
import json, glob, os, re, sys
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EX = "/work/main/tests/data/pages/blind05_county_weekly.gold.jsonl"
keys = list(json.loads(open(EX, encoding="utf-8").readline()).keys())
sys.path.insert(0, os.path.join(ROOT, "tools"))
from build import in_page, squash
bad = 0
for g in sorted(glob.glob(os.path.join(ROOT, "*.gold.jsonl"))):
    page = open(g.replace(".gold.jsonl", ".txt"), encoding="utf-8").read()
    assert "\r" not in page and page.endswith("\n")
    lines = [squash(l) for l in page.split("\n")]
    recs = [json.loads(l) for l in open(g, encoding="utf-8")]
    for i, r in enumerate(recs):
        def err(m):
            global bad; bad += 1; print(os.path.basename(g), i, m)
        if list(r.keys()) != keys: err("keys")
        if r["position"] != i or r["page"] != os.path.basename(g).replace(".gold.jsonl", ".txt"): err("page/position")
        prev = 0
        for s in r["spans"]:
            if r["body"][s["start"]:s["end"]] != s["text"]: err("offset " + s["text"])
            if s["start"] < prev: err("overlap/order " + s["text"])
            prev = s["end"]
            if set(s) != {"start", "end", "label", "text", "value"}: err("span keys")
        for p in r["body"].split("\n"):
            if not in_page(p, lines): err("para not in page " + p[:30])
print("validate:", "OK" if not bad else "%d problems" % bad)
sys.exit(1 if bad else 0)
