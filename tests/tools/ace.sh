#!/usr/bin/env bash
# Check an EPUB with DAISY Ace (accessibility: axe rules on every XHTML + package metadata).
# usage: tests/tools/ace.sh BOOK.epub [OUTDIR]     (report in OUTDIR/report.json, default a temp dir)
# exit: 0 = no critical/serious violation, 1 = violations (listed), 3 = Ace or Chromium not installed,
#       4 = Ace itself failed.
#
# Install (Debian + npm; the downloads of Electron and Puppeteer's own browser must be skipped,
# Ace runs on Debian's chromium instead):
#   apt-get install -y chromium nodejs npm
#   ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm install -g @daisy/ace@1.4.6
set -euo pipefail
epub=${1:?usage: ace.sh BOOK.epub [OUTDIR]}
out=${2:-$(mktemp -d)}

ace=${ACE_BIN:-}
if [[ -z $ace ]]; then
  if command -v ace-puppeteer >/dev/null; then ace=$(command -v ace-puppeteer)
  elif [[ -n ${ACE_HOME:-} && -x $ACE_HOME/node_modules/.bin/ace-puppeteer ]]; then ace=$ACE_HOME/node_modules/.bin/ace-puppeteer
  else echo "ace.sh: ace-puppeteer not found (npm install -g @daisy/ace, see the header of this script)" >&2; exit 3
  fi
fi
browser=${PUPPETEER_EXECUTABLE_PATH:-$(command -v chromium || command -v chromium-browser || true)}
if [[ -z $browser ]]; then
  echo "ace.sh: chromium not found (apt-get install -y chromium)" >&2; exit 3
fi

mkdir -p "$out"
# -s silent, -f overwrite the report, -E skip copying the EPUB's files into the HTML report.
# Ace exits 2 when it found violations (the report is still written): the summary below judges.
rc=0
PUPPETEER_EXECUTABLE_PATH=$browser "$ace" -s -f -E -o "$out" "$epub" || rc=$?
if [[ $rc -ne 0 && $rc -ne 2 || ! -f $out/report.json ]]; then
  echo "ace.sh: Ace failed (exit $rc) on $epub" >&2; exit 4
fi

python3 - "$out/report.json" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
bad = 0
for doc in report.get("assertions", []):
    for test in doc.get("assertions", []):
        impact = test["earl:test"]["earl:impact"]
        where = doc["earl:testSubject"]["url"]
        title = test["earl:test"]["dct:title"]
        what = test["earl:result"].get("dct:description", "").replace("\n", " ")[:200]
        print(f"{impact}: {where}: {title}: {what}")
        bad += impact in ("critical", "serious")
meta = report.get("a11y-metadata", {})
print("a11y metadata present:", ", ".join(meta.get("present", [])))
print(f"ace: {bad} critical/serious violation(s)")
sys.exit(1 if bad else 0)
EOF
