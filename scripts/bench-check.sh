#!/usr/bin/env bash
# Checks the catalog benchmarks against bench/budget.txt: runs each budgeted
# benchmark BENCH_COUNT times (default 5) for BENCH_TIME each (default
# 200ms), keeps the fastest run, and fails when it is over its ns/op or
# allocs/op budget, or when a budgeted benchmark no longer exists. Taking
# the fastest of several short runs keeps the check honest on a busy CI
# machine without loosening the targets: noise only ever slows a run down.
#   scripts/bench-check.sh                 BENCH_COUNT=10 scripts/bench-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
budget="${BENCH_BUDGET:-bench/budget.txt}"
count="${BENCH_COUNT:-5}"
benchtime="${BENCH_TIME:-200ms}"

names="$(awk '!/^#/ && NF { print $1 }' "$budget" | paste -sd'|' -)"
[ -n "$names" ] || { echo "bench-check: $budget names no benchmark" >&2; exit 1; }

out="$(mktemp)"
trap 'rm -f "$out"' EXIT
go test -run '^$' -bench "^($names)\$" -benchmem -benchtime "$benchtime" -count "$count" ./internal/catalog/ | tee "$out"

# Best run per benchmark (the -N GOMAXPROCS suffix stripped), then the
# budget's verdict on each.
awk -v budget="$budget" -v count="$count" '
  FNR == NR {
    if ($0 ~ /^#/ || NF == 0) next
    order[++n] = $1; maxns[$1] = $2; maxallocs[$1] = $3
    next
  }
  /^Benchmark/ {
    name = $1; sub(/-[0-9]+$/, "", name)
    ns = ""; allocs = ""
    for (i = 2; i < NF; i++) {
      if ($(i + 1) == "ns/op") ns = $i
      if ($(i + 1) == "allocs/op") allocs = $i
    }
    if (ns == "") next
    if (!(name in bestns) || ns + 0 < bestns[name]) bestns[name] = ns + 0
    if (!(name in bestallocs) || allocs + 0 < bestallocs[name]) bestallocs[name] = allocs + 0
  }
  END {
    failed = 0
    printf "\n%-40s %14s %12s %12s %12s\n", "benchmark (best of " count ")", "ns/op", "budget", "allocs/op", "budget"
    for (i = 1; i <= n; i++) {
      b = order[i]
      if (!(b in bestns)) {
        printf "%-40s did not run: renamed or removed? update %s\n", b, budget
        failed = 1
        continue
      }
      verdict = "ok"
      if (maxns[b] != "-" && bestns[b] > maxns[b] + 0) verdict = "OVER ns/op"
      if (maxallocs[b] != "-" && bestallocs[b] > maxallocs[b] + 0) verdict = (verdict == "ok" ? "" : verdict ", ") "OVER allocs/op"
      if (verdict != "ok") failed = 1
      printf "%-40s %14.1f %12s %12d %12s  %s\n", b, bestns[b], maxns[b], bestallocs[b], maxallocs[b], verdict
    }
    if (failed) {
      print "\nbench-check: a benchmark missed its budget (" budget "); see BENCHMARKS.md for the targets" > "/dev/stderr"
      exit 1
    }
  }
' "$budget" "$out"
