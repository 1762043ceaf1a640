#!/usr/bin/env python3
"""Checks postmortems.json and recurrence-pairs.json (see README.md) and prints their statistics.

Run from anywhere: python3 check-corpus.py   (exit status 1 on any problem)
"""
import collections
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[4]
ENUM = ROOT / "core/src/main/java/dev/failforward/core/incident/FailureCategory.java"
PROJECTS = {"OPS", "APP", "SALES", "SUP", "FIN", "HR", "MKT", "DATA", "LOG", "CLIN", "MFG"}
FIELDS = {"key", "group", "kind", "project", "component", "category", "reported", "summary", "description",
          "hypothesis", "whys", "contributingFactors", "learnings"}
problems = []


def problem(msg):
    problems.append(msg)


def words(text):
    return re.findall(r"[A-Za-z0-9][A-Za-z0-9'./-]*", text)


categories = set(re.findall(r"^\s*([A-Z_]+)[,;]", ENUM.read_text(), re.M)) if ENUM.exists() else None
records = json.loads((HERE / "postmortems.json").read_text())
pairs = json.loads((HERE / "recurrence-pairs.json").read_text())

keys = [r["key"] for r in records]
for k, n in collections.Counter(keys).items():
    if n > 1:
        problem(f"duplicate key {k}")
key_re = re.compile(r"\b(?:%s)-\d+\b" % "|".join(sorted(PROJECTS)))

groups = collections.defaultdict(list)
for r in records:
    k = r["key"]
    if set(r) - FIELDS:
        problem(f"{k}: unknown fields {sorted(set(r) - FIELDS)}")
    if r["project"] not in PROJECTS or not re.fullmatch(re.escape(r["project"]) + r"-\d+", k):
        problem(f"{k}: bad key/project")
    if r["kind"] not in ("INCIDENT", "EXPERIMENT"):
        problem(f"{k}: bad kind")
    if categories is not None and r.get("category") is not None and r["category"] not in categories:
        problem(f"{k}: category {r['category']} not in FailureCategory {sorted(categories)}")
    hyp = r.get("hypothesis")
    if r["kind"] == "EXPERIMENT":
        if not hyp or not re.match(r"If .+, then .+", hyp):
            problem(f"{k}: experiment without 'If ..., then ...' hypothesis")
    elif hyp:
        problem(f"{k}: incident with hypothesis")
    if "\n" in r["summary"] or not r["summary"].strip():
        problem(f"{k}: summary must be one line")
    if not 0 <= len(r["whys"]) <= 5:
        problem(f"{k}: {len(r['whys'])} whys")
    if not 0 <= len(r["contributingFactors"]) <= 4:
        problem(f"{k}: {len(r['contributingFactors'])} contributing factors")
    if not 1 <= len(r["learnings"]) <= 4:
        problem(f"{k}: {len(r['learnings'])} learnings")
    text = " ".join([r["summary"], r["description"], hyp or ""] + r["whys"] + r["contributingFactors"] + r["learnings"])
    r["_words"] = len(words(text))
    if not 40 <= r["_words"] <= 300:
        problem(f"{k}: {r['_words']} words (want 40-300)")
    for other in key_re.findall(text):
        problem(f"{k}: mentions record key {other}")
    if r["group"] is not None:
        groups[r["group"]].append(r)

for g, members in groups.items():
    if not 2 <= len(members) <= 4:
        problem(f"{g}: {len(members)} records (want 2-4)")
    dates = [m["reported"] for m in members]
    if len(set(dates)) != len(dates):
        problem(f"{g}: records share a date")

for p in pairs:
    if p["expected"] is not None and p["expected"] not in groups:
        problem(f"{p['id']}: unknown group {p['expected']}")
    if len(words(p["summary"] + " " + p["description"])) > 80:
        problem(f"{p['id']}: too long for a first report")
if len({p["id"] for p in pairs}) != len(pairs):
    problem("duplicate pair ids")

singletons = [r for r in records if r["group"] is None]
kinds = collections.Counter(r["kind"] for r in records)
by_project = collections.Counter(r["project"] for r in records)
sizes = collections.Counter(len(m) for m in groups.values())
cross = [g for g, m in groups.items() if len({x["project"] for x in m}) > 1]
positive = [p for p in pairs if p["expected"] is not None]
wc = sorted(r["_words"] for r in records)

if len(records) < 60: problem("fewer than 60 records")
if len(groups) < 18: problem("fewer than 18 groups")
if len(singletons) < 15: problem("fewer than 15 singletons")
if len({p["expected"] for p in positive}) < 10: problem("recurrence pairs cover fewer than 10 groups")
if len(pairs) - len(positive) < 8: problem("fewer than 8 no-match reports")

print(f"records: {len(records)}  ({kinds['INCIDENT']} INCIDENT / {kinds['EXPERIMENT']} EXPERIMENT = "
      f"{100 * kinds['INCIDENT'] // len(records)}/{100 - 100 * kinds['INCIDENT'] // len(records)})")
print(f"groups: {len(groups)}  sizes {dict(sorted(sizes.items()))}  records in groups: {len(records) - len(singletons)}"
      f"  cross-project groups: {len(cross)}")
print(f"singletons: {len(singletons)}")
print("per project: " + ", ".join(f"{p} {n}" for p, n in by_project.most_common()))
print(f"words per record: min {wc[0]}, median {wc[len(wc) // 2]}, max {wc[-1]}")
print(f"categories used: {dict(collections.Counter(r.get('category') for r in records))}")
print(f"recurrence pairs: {len(pairs)}  ({len(positive)} expecting a group, covering "
      f"{len({p['expected'] for p in positive})} groups; {len(pairs) - len(positive)} expecting none)")
for msg in problems:
    print("PROBLEM:", msg)
sys.exit(1 if problems else 0)
