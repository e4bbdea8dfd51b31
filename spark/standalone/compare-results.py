#!/usr/bin/env python3
"""Says whether two Vigil audits agree: results.json with provenance (times, command line, paths) aside,
and samples.csv as the same rows in any order (a sharded audit groups an attack's rows per shard).
   compare-results.py REFERENCE-OUT OTHER-OUT      exit 0 identical, 1 different, 2 unreadable"""
import json
import sys
from pathlib import Path


def results(folder):
    data = json.loads((folder / "results.json").read_text(encoding="utf-8"))
    data.pop("provenance", None)
    return data


def differences(a, b, path="$"):
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                yield f"{path}.{key}: only in {'the reference' if key in a else 'the other'}"
            else:
                yield from differences(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b)):
            yield from differences(x, y, f"{path}[{i}]")
    elif a != b:
        yield f"{path}: {json.dumps(a)[:80]} vs {json.dumps(b)[:80]}"


def main(reference, other):
    try:
        found = list(differences(results(reference), results(other)))
        rows_a = (reference / "samples.csv").read_text(encoding="utf-8").splitlines()
        rows_b = (other / "samples.csv").read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError) as e:
        print(f"compare: cannot read the audits: {e}", file=sys.stderr)
        return 2
    if rows_a[:1] != rows_b[:1]:
        found.append("samples.csv: different headers")
    elif sorted(rows_a[1:]) != sorted(rows_b[1:]):
        only_a = len(set(rows_a[1:]) - set(rows_b[1:]))
        found.append(f"samples.csv: {only_a} of {len(rows_a) - 1} reference rows are not in the other")
    if found:
        print(f"different: {len(found)} difference(s)")
        for line in found[:20]:
            print("  " + line)
        return 1
    print(f"identical: results.json (provenance aside) and samples.csv ({len(rows_a) - 1} rows, sorted)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
