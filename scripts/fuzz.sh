#!/usr/bin/env bash
# Fuzzes cardsim's scenario and targets-file loaders with libFuzzer for a bounded time
# (docs/fuzzing.md). Usage: scripts/fuzz.sh [SECONDS]. The seed corpus is the shipped scenarios
# and the broken-input corpus (read, never written); new inputs and any crash go to a
# temporary folder, which is kept (and named) only when a crash was found.
set -euo pipefail
seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/Fuzz"
swift build -c release --sanitize fuzzer --product LoaderFuzz
work="$(mktemp -d "${TMPDIR:-/tmp}/cardsim-fuzz.XXXXXX")"
mkdir "$work/corpus" "$work/artifacts"
status=0
.build/release/LoaderFuzz -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
    "$work/corpus" "$root/Tests/BrokenInputs" "$root/scenarios" > "$work/log.txt" 2>&1 || status=$?
grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^Done " "$work/log.txt" || true
if [ "$status" -ne 0 ] || [ -n "$(ls -A "$work/artifacts")" ]; then
    echo "fuzz: the loaders crashed or hung (exit $status); inputs and log kept in $work" >&2
    tail -40 "$work/log.txt" >&2
    exit 1
fi
echo "fuzz: no crash in ${seconds} s"
rm -rf "$work"
