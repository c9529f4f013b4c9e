#!/usr/bin/env python3
"""The schema and the validator agree on every mutant they both can judge.

Mutates valid scenario files (tests/fixtures/valid, tests/fixtures/lint) at
random positions: deletes a member, changes a value's type, writes numbers
out of range, 0, 2.0 and 2.5, empty, blank and over-long strings, ids that
break their pattern, typo'd and unknown keys, repeated list entries and
unknown framework ids. Each mutant is judged by scenarios/schema.json
(python3-jsonschema) and by `trustdaily validate --format json`.

The schema can only see rules about one value's shape, so the validator's
verdict is taken over the codes that such rules produce (SHAPE_CODES, plus
E209 when the bound is outside 0..100 and W001, since the schema rejects
unknown fields where the validator warns). A mutant the schema rejects must
get one of those from the validator, or an error at a value the schema
rejects; a mutant the schema accepts must get none of those. Rules the schema cannot express (links, speakers, the id against the
file name, scoring, flags read but never set, partners not in `partners`)
are left out of the comparison.

Usage: agreement.py TRUSTDAILY REPO_ROOT [MUTANTS_PER_FILE] [SEED]
Exit 0 when every judged mutant agrees, 1 otherwise (each disagreement is
printed with the mutation and both verdicts).
"""
import copy
import glob
import json
import os
import random
import subprocess
import sys
import tempfile

try:
    from jsonschema import Draft202012Validator
except ImportError:  # Debian: apt-get install python3-jsonschema
    print("agreement: python3-jsonschema is not installed", file=sys.stderr)
    sys.exit(1)

# Validator codes for rules about a single value's shape, which the schema
# expresses too (required, type, const, pattern, length, range, enum, unique
# framework ids, oneOf scene/ending, dependentRequired feedback).
SHAPE_CODES = {
    "E101", "E102", "E103", "E104", "E107", "E108", "E109", "E110", "E111", "E113", "E114",
    "E115", "E116", "E117", "E118", "E119", "E120", "E121", "E122", "E123", "E124", "E125",
    "W001",
}


def shape_reject(diags):
    for d in diags:
        # Unique document titles within a scene: uniqueItems sees whole objects only.
        if d["code"] == "E115" and d["pointer"].endswith("/title"):
            continue
        if d["code"] in SHAPE_CODES and d["severity"] in ("error", "warning"):
            return True
        if d["code"] == "E209" and ("above 100" in d["message"] or "below 0" in d["message"]):
            return True
    return False


def paths(value, prefix=()):
    """Every (path, value) inside a JSON value, the root included."""
    yield prefix, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from paths(v, prefix + (i,))


def get(doc, path):
    for p in path:
        doc = doc[p]
    return doc


def typo(key, rng):
    if len(key) < 2:
        return key + "x"
    i = rng.randrange(len(key) - 1)
    return key[:i] + key[i + 1] + key[i] + key[i + 2:] if key[i] != key[i + 1] else key + "s"


def mutate(doc, rng):
    """One random mutation; returns (mutant, description) or None."""
    doc = copy.deepcopy(doc)
    spots = [p for p, _ in paths(doc) if p]
    path = rng.choice(spots)
    parent, last = get(doc, path[:-1]), path[-1]
    value = parent[last]
    where = "/" + "/".join(str(p) for p in path)
    kind = rng.randrange(12)
    if kind == 0 and isinstance(parent, dict):
        del parent[last]
        return doc, "delete " + where
    if kind == 1:
        parent[last] = rng.choice([None, True, "x", 7, 2.5, [], {}])
        return doc, "retype %s to %r" % (where, parent[last])
    if kind == 2 and isinstance(value, int) and not isinstance(value, bool):
        parent[last] = rng.choice([0, -4, 4, 31, -31, 101, -1, 1000000, float(value), value + 0.5])
        return doc, "number %s = %r" % (where, parent[last])
    if kind == 3 and isinstance(value, str):
        parent[last] = rng.choice(["", "   ", "x" * 301, "x" * 1501, "Bad Id", "a--b", "é" * 81,
                                   "narrator", "success", "engineering", "context"])
        return doc, "string %s = %r" % (where, parent[last][:20])
    if kind == 4 and isinstance(parent, dict):
        parent[typo(last, rng)] = parent.pop(last)
        return doc, "typo of key " + where
    if kind == 5 and isinstance(value, dict):
        value[rng.choice(["zzz", "choises", "feedbak", "trust_minimum", "flag"])] = 1
        return doc, "unknown key in " + where
    if kind == 6 and isinstance(value, list) and value:
        value.append(copy.deepcopy(value[0]))
        return doc, "repeat first entry of " + where
    if kind == 7 and isinstance(value, dict) and value:
        k = rng.choice(list(value))
        value[k.upper() + "x"] = value.pop(k)
        return doc, "bad key %s in %s" % (k.upper() + "x", where)
    if kind == 8 and isinstance(value, list):
        value.extend(copy.deepcopy(value[:1]) * 7)
        return doc, "too many entries in " + where
    if kind == 9 and isinstance(value, list):
        value.clear()
        return doc, "empty list " + where
    if kind == 10 and isinstance(value, dict) and "requires" not in value and "next" in value:
        value["requires"] = rng.choice([{"trust_min": {"engineering": rng.choice([50, 100, 101, 160])}},
                                        {"trust_max": {"engineering": rng.choice([-1, 0, 40])}},
                                        {"flags": ["Not A Flag"]}, {"not_flags": []}])
        return doc, "requires %r on %s" % (value["requires"], where)
    if kind == 11 and isinstance(value, dict) and "next" in value:
        value["score"] = {rng.choice(["context", "contxt", "influence"]): rng.choice([0, 1, 3, 4])}
        if rng.random() < 0.5:
            value.pop("feedback", None)
        return doc, "score %r on %s" % (value["score"], where)
    return None


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, root = sys.argv[1], sys.argv[2]
    per_file = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    schema = json.load(open(os.path.join(root, "scenarios", "schema.json"), encoding="utf-8"))
    validator = Draft202012Validator(schema)
    sources = sorted(glob.glob(os.path.join(root, "tests", "fixtures", "valid", "*.json")))
    sources += sorted(glob.glob(os.path.join(root, "tests", "fixtures", "lint", "*.json")))

    with tempfile.TemporaryDirectory(prefix="trustdaily-agreement-") as tmp:
        mutants = {}  # file name -> (source, description, schema verdict)
        for src in sources:
            doc = json.load(open(src, encoding="utf-8-sig"))
            made = 0
            while made < per_file:
                m = mutate(doc, rng)
                if m is None:
                    continue
                mutant, what = m
                # The file is named after its id when the id is still a good
                # name, so E105 does not hide the rule under test.
                ident = mutant.get("id") if isinstance(mutant, dict) else None
                stem = "m%05d" % len(mutants)
                mutants_dir = os.path.join(tmp, stem)
                os.mkdir(mutants_dir)
                name = ident if isinstance(ident, str) and ident.replace("-", "").isalnum() \
                    and ident == ident.lower() and 0 < len(ident) <= 64 else "x"
                path = os.path.join(mutants_dir, name + ".json")
                with open(path, "w", encoding="utf-8") as f:
                    json.dump(mutant, f, ensure_ascii=False, indent=1)
                spots = {"/" + "/".join(str(p) for p in e.path)
                         for e in validator.iter_errors(mutant)}
                mutants[path] = (src, what, spots)
                made += 1
        out = subprocess.run([binary, "validate", "--format", "json"] + list(mutants),
                             capture_output=True, text=True, check=False)
        diags = json.loads(out.stdout)
    by_file = {}
    for d in diags:
        by_file.setdefault(d["file"], []).append(d)
    disagreements = 0
    rejected = 0
    for path, (src, what, spots) in mutants.items():
        schema_ok = not spots
        found = by_file.get(path, [])
        # Both reject the same value (the schema's pattern for `start`, the
        # validator's "names no node") counts as agreement too.
        same_spot = any(d["severity"] == "error" and d["pointer"] in spots for d in found)
        ours = shape_reject(found) or (not schema_ok and same_spot)
        rejected += ours
        if schema_ok == (not ours):
            continue
        disagreements += 1
        print("disagree: %s, %s: schema %s, validator %s" %
              (os.path.basename(src), what, "accepts" if schema_ok else "rejects",
               [(d["code"], d["pointer"]) for d in by_file.get(path, [])] or "accepts"))
    print("agreement: %d mutants of %d files, %d rejected by both, %d disagreements" %
          (len(mutants), len(sources), rejected - disagreements if rejected >= disagreements else 0,
           disagreements))
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
