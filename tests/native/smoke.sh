#!/usr/bin/env bash
# Publishes the CLI as a Native AOT binary and runs its commands next to the JIT build on one generated extract.
# Some outputs must not depend on the build: the generated sample, the scan, the drafted policy, the anonymized CSV
# and Parquet, and the anonymize report without its timings. These must be byte-identical. The other commands must
# succeed.
# Usage: tests/native/smoke.sh [NATIVE_BINARY]. Without an argument the script publishes one first (3 to 5 minutes).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

work=$(mktemp -d)
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT

native=${1:-}
if [ -z "$native" ]; then
  echo "Publishing the native build..."
  dotnet publish src/Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/native" >"$work/publish.log" 2>&1 \
    || { tail -n 30 "$work/publish.log"; exit 1; }
  native=$work/native/synthdata
fi

dotnet build src/Cli -c Release >"$work/build.log" 2>&1 || { tail -n 30 "$work/build.log"; exit 1; }
jit=("dotnet" "$root/artifacts/bin/Cli/release/synthdata.dll")
policy=$root/samples/card_transactions_sample.policy.json
failures=0

# Runs one command with the JIT build, then the native build, each in its own folder. The native folder gets a
# copy of the key file the JIT build created, so pseudonyms and tokens must match.
both() {
  local name=$1
  shift
  for build in jit native; do
    local program=("${jit[@]}")
    if [ "$build" = native ]; then
      program=("$native")
      if [ -f "$work/jit/keys.json" ] && [ ! -f "$work/native/keys.json" ]; then
        cp -p "$work/jit/keys.json" "$work/native/keys.json"
      fi
    fi
    if ! (cd "$work/$build" && SYNTHDATA_KEY_FILE="$work/$build/keys.json" "${program[@]}" "$@" >"$name.out" 2>"$name.err"); then
      echo "FAILED: $build $name (exit code $?)"
      tail -n 5 "$work/$build/$name.err"
      failures=$((failures + 1))
    fi
  done
}

# Compares a file of the two builds, with each build's folder in it written as the same word.
same() {
  if cmp -s <(sed "s|$work/jit|FOLDER|g" "$work/jit/$1") <(sed "s|$work/native|FOLDER|g" "$work/native/$1"); then
    echo "same: $1"
  else
    echo "DIFFERENT: $1"
    failures=$((failures + 1))
  fi
}

mkdir -p "$work/jit" "$work/native"
both generate generate-sample --rows 3000 --seed 42 --out s.csv
same s.csv
both scan scan s.csv --json
same scan.out
both policy-init policy init s.csv --out p.json
same p.json
both policy-check policy check "$policy"
both anonymize anonymize s.csv --policy "$policy" --out o.csv --no-progress
same o.csv
both anonymize-parquet anonymize s.csv --policy "$policy" --out o.parquet --no-progress
same o.parquet
for build in jit native; do
  python3 - "$work/$build/o.csv.report.json" "$work/$build/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for field in ("durationSeconds", "anonymizeSeconds", "rescanSeconds"):
    report.pop(field, None)
json.dump(report, open(sys.argv[2], "w"), indent=1, sort_keys=True)
PY
done
same report.json
both train train --synthesizer tvae --input o.csv --out m.synmodel --epochs 1 --no-progress
both sample sample --model m.synmodel --rows 500 --out syn.csv
head -n 2001 "$work/jit/o.csv" >"$work/jit/train.csv"
(head -n 1 "$work/jit/o.csv" && tail -n +2002 "$work/jit/o.csv") >"$work/jit/holdout.csv"
cp "$work/jit/train.csv" "$work/jit/holdout.csv" "$work/native/"
both evaluate evaluate train.csv syn.csv --holdout holdout.csv --target is_fraud --out report
# ML.NET needs runtime code generation, so only the JIT build computes machine-learning efficacy.
grep -q "ML efficacy (is_fraud" "$work/jit/evaluate.out" || { echo "MISSING: the JIT build's ML efficacy"; failures=$((failures + 1)); }
grep -q "ML efficacy not computed: Machine-learning efficacy needs ML.NET" "$work/native/evaluate.out" \
  || { echo "MISSING: the native build's note on ML efficacy"; failures=$((failures + 1)); }
both run run s.csv --policy "$policy" --workspace ws --no-progress

if [ "$failures" -gt 0 ]; then
  echo "$failures native smoke checks failed."
  exit 1
fi

echo "Native smoke test passed."
