#!/usr/bin/env bash
# Makes the report tests' fixture: the results of the default audit of the CIFAR fixture (testdata/cifar),
# as results.json.gz and the pixel size of every figure (figures.tsv), under
# reports/src/test/resources/cifar-fixture/. The tests draw placeholder images of those sizes, so they lay
# out a report of the real shape (sections, tables, charts, figures, captions) without a model.
# Rerun it after a probe changes what it records:  scripts/make-report-fixture.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cd "$root"
./vigil audit --model testdata/cifar/model.pt --data testdata/cifar/images \
    --mean 0.4914,0.4822,0.4465 --std 0.2470,0.2435,0.2616 --out "$out" --no-pdf --quiet >/dev/null || [ $? -eq 1 ]
fixture="$root/reports/src/test/resources/cifar-fixture"
mkdir -p "$fixture"
gzip -9 -n -c "$out/results.json" > "$out/results.json.gz"
/usr/bin/python3 - "$out" "$out/figures.tsv" <<'PY'
import json, struct, sys
out, tsv = sys.argv[1], sys.argv[2]
results = json.load(open(out + "/results.json"))
with open(tsv, "w") as f:
    for section in results["sections"]:
        for figure in section["figures"]:
            with open(out + "/" + figure["file"], "rb") as png:
                header = png.read(24)
            width, height = struct.unpack(">II", header[16:24])
            f.write("%s\t%d\t%d\n" % (figure["file"], width, height))
PY
mv "$out/results.json.gz" "$out/figures.tsv" "$fixture/"
echo "wrote $fixture"
