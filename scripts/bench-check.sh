#!/usr/bin/env bash
# Checks the catalog benchmarks against bench/budget.txt. A budget is a
# ratio to BenchmarkCalibrate, fixed work of the same kind that no change
# here touches: each of BENCH_ROUNDS rounds (default 7) runs every budgeted
# benchmark and the calibration once, for BENCH_TIME each (default 200ms),
# and the check compares the median of the rounds' ratios. A loaded machine
# slows the benchmark and the calibration alike, so it does not fail a
# budget; a regression of the code slows the benchmark alone, and a 20% one
# fails (budgets sit 12% above the measured ratio; BENCHMARKS.md has the
# spread they were set from). Allocations are compared as they are. A
# budgeted benchmark that no longer runs fails too.
#   scripts/bench-check.sh          BENCH_ROUNDS=15 scripts/bench-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
budget="${BENCH_BUDGET:-bench/budget.txt}"
rounds="${BENCH_ROUNDS:-7}"
benchtime="${BENCH_TIME:-200ms}"

names="$(awk '!/^#/ && NF { print $1 }' "$budget" | paste -sd'|' -)"
[ -n "$names" ] || { echo "bench-check: $budget names no benchmark" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
go test -c -o "$work/catalog.test" ./internal/catalog/
for round in $(seq "$rounds"); do
  (cd internal/catalog && "$work/catalog.test" -test.run '^$' -test.bench "^($names|BenchmarkCalibrate)\$" \
    -test.benchmem -test.benchtime "$benchtime" -test.count 1) | sed "s/^/round$round /" >> "$work/out"
done
grep '^round[0-9]* Benchmark' "$work/out" | sed 's/^round[0-9]* //'

awk -v budget="$budget" -v rounds="$rounds" '
  FNR == NR {
    if ($0 ~ /^#/ || NF == 0) next
    order[++n] = $1; maxratio[$1] = $2; maxallocs[$1] = $3
    next
  }
  $2 ~ /^Benchmark/ {
    r = $1; name = $2; sub(/-[0-9]+$/, "", name)
    for (i = 3; i < NF; i++) {
      if ($(i + 1) == "ns/op") ns[r, name] = $i + 0
      if ($(i + 1) == "allocs/op") allocs[r, name] = $i + 0
    }
    seen[r] = 1
  }
  function median(list, k,    i, j, t) {
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (list[j] < list[i]) { t = list[i]; list[i] = list[j]; list[j] = t }
    return (k % 2) ? list[(k + 1) / 2] : (list[k / 2] + list[k / 2 + 1]) / 2
  }
  END {
    failed = 0
    printf "\n%-40s %12s %12s %10s %10s\n", "benchmark (median of " rounds " rounds)", "ratio", "budget", "allocs/op", "budget"
    for (i = 1; i <= n; i++) {
      b = order[i]; k = 0; fewest = -1
      for (r in seen) {
        if (((r, b) in ns) && ((r, "BenchmarkCalibrate") in ns)) {
          ratios[++k] = ns[r, b] / ns[r, "BenchmarkCalibrate"]
          if (fewest < 0 || allocs[r, b] < fewest) fewest = allocs[r, b]
        }
      }
      if (k == 0) {
        printf "%-40s did not run: renamed or removed? update %s\n", b, budget
        failed = 1
        continue
      }
      ratio = median(ratios, k)
      verdict = "ok"
      if (ratio > maxratio[b] + 0) verdict = "OVER ratio"
      if (maxallocs[b] != "-" && fewest > maxallocs[b] + 0) verdict = (verdict == "ok" ? "" : verdict ", ") "OVER allocs/op"
      if (verdict != "ok") failed = 1
      printf "%-40s %12.6f %12s %10d %10s  %s\n", b, ratio, maxratio[b], fewest, maxallocs[b], verdict
    }
    if (failed) {
      print "\nbench-check: a benchmark missed its budget (" budget "); see BENCHMARKS.md" > "/dev/stderr"
      exit 1
    }
  }
' "$budget" "$work/out"
