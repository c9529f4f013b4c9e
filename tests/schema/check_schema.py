#!/usr/bin/env python3
"""Checks scenarios/schema.json (JSON Schema draft 2020-12) against the data.

- The schema is itself a valid draft 2020-12 schema.
- Every property it declares carries a "description" (editors show it on hover).
- Its enums of principle, partner and behaviour ids equal scenarios/framework.json.
- Every shipped scenario and every tests/fixtures/valid/*.json validates.
- docs/authoring.md names every field the schema declares (as `field`).
- Every fixture in SCHEMA_CATCHES (tests/fixtures/invalid/) fails it. The other
  invalid fixtures break rules a schema cannot express: JSON syntax, BOMs,
  duplicate keys (parsers keep one), the id against the file name, speakers
  against the cast, links, cycles, reachability and scoring. `trustdaily
  validate` catches those. tests/schema/agreement.py checks that the two
  agree on mutants of valid files wherever the schema can judge.

Usage: check_schema.py [REPO_ROOT] [EXTRA_SCENARIO.json ...]
Exit 0 when all checks pass, 1 otherwise.
"""
import glob
import json
import os
import sys

try:
    from jsonschema import Draft202012Validator
except ImportError:  # Debian: apt-get install python3-jsonschema
    print("check_schema: python3-jsonschema is not installed", file=sys.stderr)
    sys.exit(1)

# Invalid fixtures that the schema alone must reject, each for the rule in its name.
SCHEMA_CATCHES = [
    "e007-top-level-array",
    "e101-missing-field",
    "e101-missing-next",
    "e102-not-integer",
    "e102-wrong-type",
    "e103-format-version",
    "e104-bad-id",
    "e107-blank-choice-text",
    "e107-empty-text",
    "e107-multibyte",
    "e107-string-length",
    "e108-out-of-range",
    "e108-score-trust",
    "e109-unknown-principle",
    "e110-unknown-partner",
    "e110-unknown-partner-keys",
    "e111-unknown-behaviour",
    "e113-bad-node-id",
    "e114-bad-flag",
    "e115-duplicate-entry",
    "e116-scene-and-ending",
    "e117-neither-scene-nor-ending",
    "e118-bad-ending-kind",
    "e119-zero-value",
    "e120-feedback-required",
    "e121-bad-situation",
    "e122-empty-nodes",
    "e122-empty-partners",
    "e122-too-many-choices",
    "e125-unknown-condition-key",
    "e101-choises-typo",
    "w001-unknown-fields",
    "e101-document-missing-text",
    "e102-documents-wrong-type",
    "e107-document-text-length",
    "e114-document-bad-flag",
    "e122-too-many-documents",
    "e123-documents-on-ending",
    "e124-bad-document-kind",
    "w001-document-unknown-field",
]


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)


def undescribed(node, where, out):
    """Pointers of declared properties without a description."""
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            if not isinstance(sub, dict) or "description" not in sub:
                out.append(where + "/properties/" + name)
        for key, sub in node.items():
            undescribed(sub, where + "/" + key, out)
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            undescribed(sub, where + "/" + str(i), out)
    return out


def declared(node, out):
    """Every property name the schema declares, anywhere."""
    if isinstance(node, dict):
        out.update(node.get("properties", {}).keys())
        for sub in node.values():
            declared(sub, out)
    elif isinstance(node, list):
        for sub in node:
            declared(sub, out)
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    extra = sys.argv[2:]
    failures = []
    schema = load(os.path.join(root, "scenarios", "schema.json"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)

    for ptr in undescribed(schema, "", []):
        failures.append("schema: property without description: " + ptr)

    guide_path = os.path.join(root, "docs", "authoring.md")
    guide = open(guide_path, encoding="utf-8").read() if os.path.exists(guide_path) else ""
    for name in sorted(declared(schema, set())):
        if "`%s`" % name not in guide:
            failures.append("docs/authoring.md: schema field `%s` is not documented" % name)

    fw = load(os.path.join(root, "scenarios", "framework.json"))
    for key, group in (("principleId", "principles"), ("partnerId", "partners"),
                       ("behaviourId", "behaviours")):
        want = [e["id"] for e in fw[group]]
        if schema["$defs"][key]["enum"] != want:
            failures.append("schema: $defs/%s differs from framework.json %s" % (key, group))

    good = sorted(glob.glob(os.path.join(root, "scenarios", "*.json")))
    good = [p for p in good if os.path.basename(p) not in ("framework.json", "schema.json",
                                                           "schedule.json")]
    good += sorted(glob.glob(os.path.join(root, "tests", "fixtures", "valid", "*.json")))
    good += extra
    for path in good:
        errors = sorted(validator.iter_errors(load(path)), key=lambda e: list(e.path))
        for e in errors[:3]:
            failures.append("%s: should pass but fails at /%s: %s" %
                            (path, "/".join(str(p) for p in e.path), e.message[:200]))

    invalid = os.path.join(root, "tests", "fixtures", "invalid")
    for stem in SCHEMA_CATCHES:
        path = os.path.join(invalid, stem + ".json")
        if not os.path.exists(path):
            failures.append("%s: listed in SCHEMA_CATCHES but missing" % path)
            continue
        if validator.is_valid(load(path)):
            failures.append("%s: should fail the schema but passes" % path)

    for f in failures:
        print(f)
    checked = len(good) + len(SCHEMA_CATCHES)
    print("check_schema: %d files, %d failure%s" % (checked, len(failures),
                                                     "" if len(failures) == 1 else "s"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
