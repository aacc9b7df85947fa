#!/usr/bin/env bash
# Cluster throughput on this machine: the whole shipped suite for one candidate, in-process and across 1, 2 and 3
# loopback silos (aveval silo --cluster localhost:<port>), wall time of `aveval run` each. Usage (from the repository root,
# after `dotnet build src/AvEval.Cli -c Release`):  bash tests/AvEval.Cluster.Benchmarks/throughput.sh [batch-size]
set -euo pipefail
AVEVAL=${AVEVAL:-src/AvEval.Cli/bin/Release/net10.0/aveval}
BATCH=${1:-8}
PORT=$((24000 + RANDOM % 1000 * 4))
WORK=$(mktemp -d)
export AVEVAL_DEVICE=cpu
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
time_run() { local start end; start=$(date +%s.%N); "$AVEVAL" run --suite scenarios --no-progress --store "$WORK/$1.duckdb" "${@:2}" > "$WORK/$1.out" 2>&1 || true; end=$(date +%s.%N); echo "$1: $(echo "$end - $start" | bc) s; $(head -1 "$WORK/$1.out" | sed 's/^run [^ ]* //')"; grep '^cluster:' "$WORK/$1.out" || true; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), load $(cut -d' ' -f1-3 /proc/loadavg)"
time_run in-process
for n in 1 2 3; do
  port=$((PORT + 2 * (n - 1)))
  "$AVEVAL" silo --cluster "localhost:$PORT" --endpoint "127.0.0.1:$port" > "$WORK/silo$n.out" 2> "$WORK/silo$n.err" &
  pids+=($!)
  until grep -q "silo joined" "$WORK/silo$n.out" 2>/dev/null; do sleep 0.2; done
  time_run "cluster-$n-silos" --cluster "localhost:$PORT" --batch-size "$BATCH"
  time_run "cluster-$n-silos-warm" --cluster "localhost:$PORT" --batch-size "$BATCH"
done
