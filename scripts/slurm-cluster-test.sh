#!/usr/bin/env bash
# End-to-end test of 'cardsim slurm' on a real one-node Slurm cluster started on this machine.
#
#   1. installs slurmctld, slurmd, slurm-client and munge if missing (apt-get, root or sudo);
#   2. starts munged, slurmctld and slurmd with keys, configuration, state and logs in a fresh
#      temporary folder and free ports, so nothing of the machine's own setup is used or changed;
#   3. submits a small sharded baseline run with 'cardsim slurm' (3 shards), waits for the job
#      array and the merge job, and requires the merged directory to be byte for byte the one
#      'cardsim run' writes in one process (every file);
#   4. makes shard 2 fail (a file in the way of its output), resubmits it with --resubmit 2 and
#      requires the new merge job to be cancelled; submits the merge alone with shard 2 missing
#      and requires it to fail with cardsim's message and leave the output untouched; then
#      clears the obstacle, resubmits shard 2 and requires the result to be identical again;
#   5. submits a small sweep with 'cardsim slurm --sweep' (scenarios/fee-and-cutoff-sweep.yaml,
#      20 points at 2 paths, 3 tasks), waits for the job array and the assembling job, and
#      requires sweep.csv, tornado.csv and optimum.json to be byte for byte those 'cardsim sweep'
#      writes in one process, and every point's run directory too;
#   6. submits a small calibration with 'cardsim slurm --calibrate' (3 starts as 3 tasks) and
#      requires calibration.json, trace.csv and calibrated.yaml to be those of one process;
#   7. stops the daemons it started, by their pid files, whatever happened (trap on EXIT).
#
# Exits 0 when every check passed, 1 otherwise (with the task logs and daemon logs printed).
# CARDSIM_BINARY names the cardsim executable to test (default: a debug build made here);
# CARDSIM_KEEP_CLUSTER_TEST=1 keeps the temporary folder for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s.%N)

# Seconds since the script started, e.g. 12.3.
elapsed() {
  awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
}

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)

# 1. Packages.
scripts/apt-install-missing.sh slurmctld slurmd slurm-client munge

# The binary under test.
if [ -n "${CARDSIM_BINARY:-}" ]; then
  cardsim=$(realpath "$CARDSIM_BINARY")
else
  swift build --product cardsim >/dev/null
  cardsim="$(swift build --show-bin-path)/cardsim"
fi
[ -x "$cardsim" ] || { echo "cluster test: no cardsim binary at $cardsim" >&2; exit 1; }

# 2. A one-node cluster in a temporary folder. munged runs as the munge user, which must be able
# to reach its socket: the folder is world-searchable (0755).
tmp=$(mktemp -d /tmp/cardsim-slurm.XXXXXX)
chmod 755 "$tmp"
trap stop_daemons EXIT
trap "exit 130" INT TERM HUP
mkdir -p "$tmp/munge" "$tmp/state" "$tmp/spool" "$tmp/log"
"${as_root[@]}" chown munge:munge "$tmp/munge"

# Cancels this cluster's jobs still queued (after a failure), then stops the daemons.
stop_daemons() {
  local status=$?
  if [ -s "$tmp/slurmctld.pid" ] && [ -n "${SLURM_CONF:-}" ]; then
    squeue -h -o %A 2>/dev/null | sort -u | xargs -r scancel 2>/dev/null || true
    for _ in $(seq 50); do [ -z "$(squeue -h -o %A 2>/dev/null)" ] && break; sleep 0.1; done
  fi
  for name in slurmd slurmctld munge/munged; do
    local pidfile="$tmp/$name.pid"
    [ -s "$pidfile" ] || continue
    local pid
    pid=$(cat "$pidfile")
    "${as_root[@]}" kill "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do "${as_root[@]}" kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if "${as_root[@]}" kill -0 "$pid" 2>/dev/null; then
      echo "cluster test: $name ($pid) did not stop on SIGTERM; killing it" >&2
      "${as_root[@]}" kill -9 "$pid" 2>/dev/null || true
    fi
  done
  echo "cluster test: daemons stopped after $(elapsed) s" >&2
  if [ "${CARDSIM_KEEP_CLUSTER_TEST:-0}" = 1 ]; then
    echo "cluster test: kept $tmp" >&2
  else
    "${as_root[@]}" rm -rf "$tmp"
  fi
  exit "$status"
}

fail() {
  echo "cluster test: FAILED: $*" >&2
  for f in "$tmp"/*.slurm/logs/* "$tmp"/log/*; do
    [ -f "$f" ] || continue
    echo "---- $f (last 40 lines)" >&2
    tail -n 40 "$f" >&2
  done
  exit 1
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

"${as_root[@]}" runuser -u munge -- mungekey --create --keyfile "$tmp/munge/munge.key"
"${as_root[@]}" chmod 400 "$tmp/munge/munge.key"
"${as_root[@]}" runuser -u munge -- munged --socket="$tmp/munge/munge.socket" --key-file="$tmp/munge/munge.key" \
  --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/munge/munged.log" --seed-file="$tmp/munge/munged.seed" \
  || fail "munged did not start"

host=$(hostname -s)
ctld_port=$(free_port)
slurmd_port=$(free_port)
[ "$ctld_port" != "$slurmd_port" ] || slurmd_port=$(free_port)
cat > "$tmp/slurm.conf" <<EOF
ClusterName=cardsimtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$tmp/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=batch_sched_delay=0
MpiDefault=none
ReturnToService=2
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$tmp/slurm.conf"
"${as_root[@]}" env SLURM_CONF="$SLURM_CONF" slurmctld -f "$SLURM_CONF" -c -i || fail "slurmctld did not start"
"${as_root[@]}" env SLURM_CONF="$SLURM_CONF" slurmd -f "$SLURM_CONF" || fail "slurmd did not start"

for _ in $(seq 100); do
  state=$(sinfo -h -n "$host" -o %t 2>/dev/null || true)
  case "$state" in idle*|mix*|alloc*) break ;; esac
  sleep 0.1
done
case "$state" in idle*|mix*|alloc*) ;; *) fail "the node did not come up (sinfo state '$state')" ;; esac
echo "cluster test: one-node cluster up after $(elapsed) s (node $host, $(nproc) CPUs, ports $ctld_port and $slurmd_port)"

# Waits until the jobs given leave the queue (timeout 300 s).
wait_jobs() {
  local ids
  ids=$(IFS=,; echo "$*")
  for _ in $(seq 3000); do
    [ -z "$(squeue -h -j "$ids" -o %i 2>/dev/null)" ] && return 0
    sleep 0.1
  done
  squeue -j "$ids" >&2 || true
  fail "jobs $ids still queued after 300 s"
}

# The states of a job (one per array task), e.g. "COMPLETED COMPLETED FAILED".
job_states() {
  scontrol -o show job "$1" | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 | tr '\n' ' ' | sed 's/ $//'
}

# Submits $scenario with 'cardsim slurm' and sets array_id and merge_id from what it prints.
submit() {
  local printed
  printed=$("$cardsim" slurm "$scenario" "${size[@]}" --shards 3 --out "$out" "$@") \
    || fail "cardsim slurm $* failed"
  echo "$printed" | sed 's/^/  | /'
  array_id=$(echo "$printed" | sed -n 's/^Submitted job array \([0-9]*\) .* job \([0-9]*\) (.*/\1/p')
  merge_id=$(echo "$printed" | sed -n 's/^Submitted job array \([0-9]*\) .* job \([0-9]*\) (.*/\2/p')
  [ -n "$array_id" ] && [ -n "$merge_id" ] || fail "no job ids in the output of cardsim slurm"
}

# Compares two directories file by file, byte for byte; sets compared to the number of files.
same_bytes() {
  local a=$1 b=$2 list_a list_b
  list_a=$(cd "$a" && find . -type f | sort)
  list_b=$(cd "$b" && find . -type f | sort)
  [ "$list_a" = "$list_b" ] || fail "$a and $b hold different files: $(diff <(echo "$list_a") <(echo "$list_b") | tr '\n' ' ')"
  compared=0
  while read -r f; do
    cmp -s "$a/$f" "$b/$f" || fail "$f differs between $a and $b: $(diff "$a/$f" "$b/$f" | head -5 | cut -c1-160 | tr '\n' ' ')"
    compared=$((compared + 1))
  done <<< "$list_a"
  [ "$compared" -gt 1 ] || fail "$a holds no files"
}

scenario=scenarios/baseline.yaml
size=(--paths 6 --agents 2000 --months 12)
out="$tmp/cluster"
work="$tmp/cluster.slurm"

# 3. The whole run, sharded, against one process.
echo "cluster test: submitting 3 shards and a merge"
submit
wait_jobs "$array_id" "$merge_id"
[ "$(job_states "$array_id")" = "COMPLETED COMPLETED COMPLETED" ] || fail "array $array_id ended $(job_states "$array_id")"
[ "$(job_states "$merge_id")" = "COMPLETED" ] || fail "merge job $merge_id ended $(job_states "$merge_id")"
logs=$(find "$work/logs" -name "shard-*.$array_id.log" | wc -l)
[ "$logs" -eq 3 ] || fail "expected 3 task logs of array $array_id, found $logs"
"$cardsim" run scenarios/baseline.yaml "${size[@]}" --out "$tmp/single" >/dev/null 2>&1 || fail "cardsim run failed"
same_bytes "$tmp/single" "$out"
echo "cluster test: merged run byte-identical to one process ($compared files)"

# 4. A failing shard: its merge job is cancelled and the output stays as it was.
rm -rf "$work/shards/shard-2-of-3"
echo "in the way" > "$work/shards/shard-2-of-3"
submit --resubmit 2
wait_jobs "$array_id" "$merge_id"
[ "$(job_states "$array_id")" = "FAILED" ] || fail "resubmitted shard 2 (job $array_id) should have failed, ended $(job_states "$array_id")"
[ "$(job_states "$merge_id")" = "CANCELLED" ] || fail "merge job $merge_id after a failed shard should be cancelled, ended $(job_states "$merge_id")"
grep -q "a file of that name is in the way" "$work/logs/shard-2.$array_id.log" || fail "shard 2's log does not say why it failed"
same_bytes "$tmp/single" "$out"

# The merge alone, with shard 2 missing, refuses and leaves the output untouched.
rm -f "$work/shards/shard-2-of-3"
lone=$(sbatch --parsable "$work/merge.sbatch") || fail "sbatch of merge.sbatch failed"
wait_jobs "$lone"
[ "$(job_states "$lone")" = "FAILED" ] || fail "merge job $lone with shard 2 missing should have failed, ended $(job_states "$lone")"
grep -qx "Error: $work/shards/shard-2-of-3 is not a directory" "$work/logs/merge.$lone.log" \
  || fail "merge log does not name the missing shard: $(cat "$work/logs/merge.$lone.log")"
same_bytes "$tmp/single" "$out"
echo "cluster test: a failed shard cancels its merge job; the merge refuses a missing shard: $(head -1 "$work/logs/merge.$lone.log")"

# Resubmitted, shard 2 completes the run again, byte for byte.
rm -rf "$out"
submit --resubmit 2
wait_jobs "$array_id" "$merge_id"
[ "$(job_states "$array_id")" = "COMPLETED" ] || fail "resubmitted shard 2 (job $array_id) ended $(job_states "$array_id")"
[ "$(job_states "$merge_id")" = "COMPLETED" ] || fail "merge job $merge_id ended $(job_states "$merge_id")"
same_bytes "$tmp/single" "$out"
echo "cluster test: after --resubmit 2, merged run byte-identical to one process ($compared files)"

# 5. A sweep as a job array: its assembled tables and points against one process.
scenario=scenarios/fee-and-cutoff-sweep.yaml
size=(--paths 2 --agents 2000 --months 12)
out="$tmp/sweep"
work="$tmp/sweep.slurm"
echo "cluster test: submitting a sweep in 3 tasks and its assembly"
submit --sweep
wait_jobs "$array_id" "$merge_id"
[ "$(job_states "$array_id")" = "COMPLETED COMPLETED COMPLETED" ] || fail "sweep array $array_id ended $(job_states "$array_id")"
[ "$(job_states "$merge_id")" = "COMPLETED" ] || fail "sweep assembly job $merge_id ended $(job_states "$merge_id")"
"$cardsim" sweep "$scenario" "${size[@]}" --out "$tmp/sweep-single" --no-chart >/dev/null 2>&1 || fail "cardsim sweep failed"
for f in sweep.csv tornado.csv optimum.json; do
  [ -s "$out/$f" ] || fail "the sweep assembled on the cluster has no $f"
  cmp -s "$tmp/sweep-single/$f" "$out/$f" \
    || fail "$f differs between the cluster's sweep and one process: $(diff "$tmp/sweep-single/$f" "$out/$f" | head -5 | cut -c1-160 | tr '\n' ' ')"
done
[ -s "$out/tornado.png" ] || fail "the sweep's assembly job drew no tornado.png"
points=0
for p in "$tmp/sweep-single/points"/*; do
  same_bytes "$p" "$out/points/$(basename "$p")"
  points=$((points + 1))
done
# Every point of the one-process sweep (one sweep.csv row each, one strategy), and no other.
expected=$(( $(wc -l < "$tmp/sweep-single/sweep.csv") - 1 ))
cluster_points=$(ls "$out/points" | wc -l)
[ "$points" -eq "$expected" ] && [ "$cluster_points" -eq "$expected" ] && [ "$expected" -gt 0 ] \
  || fail "expected $expected sweep points, found $points in one process and $cluster_points on the cluster"
echo "cluster test: sweep of $points points byte-identical to one process (sweep.csv, tornado.csv, optimum.json, every point)"

# 6. A calibration as a job array: one task per start, the last job replays them and finishes.
cat > "$tmp/targets.yaml" <<EOF_TARGETS
scenario: $PWD/scenarios/baseline.yaml
parameters:
  market.behaviour.activation_probability: {low: 0.1, high: 0.35}
  bank.risk.limit_income_multiple: {low: 2.0, high: 3.2}
targets:
  - {kpi: active_rate, month: 12, value: 0.6, tolerance: 0.02}
  - {kpi: utilization, months: 7-12, value: 0.35, tolerance: 0.02}
run: {paths: 2, agents: 1000, months: 12, starts: 3, max_evaluations: 30}
EOF_TARGETS
scenario="$tmp/targets.yaml"
size=(--threads 1)
out="$tmp/calibration"
work="$tmp/calibration.slurm"
echo "cluster test: submitting a calibration's 3 starts and its completion"
submit --calibrate
wait_jobs "$array_id" "$merge_id"
[ "$(job_states "$array_id")" = "COMPLETED COMPLETED COMPLETED" ] || fail "calibration array $array_id ended $(job_states "$array_id")"
[ "$(job_states "$merge_id")" = "COMPLETED" ] || fail "calibration completion job $merge_id ended $(job_states "$merge_id")"
grep -q "30 resumed" "$work/logs/merge.$merge_id.log" || fail "the completion job did not replay the starts: $(tail -3 "$work/logs/merge.$merge_id.log")"
"$cardsim" calibrate "$scenario" --out "$tmp/calibration-single" --starts 3 >/dev/null 2>&1 || fail "cardsim calibrate failed"
for f in calibration.json trace.csv calibrated.yaml manifest.json; do
  cmp -s "$tmp/calibration-single/$f" "$out/$f" \
    || fail "$f differs between the cluster's calibration and one process: $(diff "$tmp/calibration-single/$f" "$out/$f" | head -5 | cut -c1-160 | tr '\n' ' ')"
done
ls "$tmp"/calibration.partial-trace-*.csv >/dev/null 2>&1 && fail "the finished calibration left its partial traces"
echo "cluster test: calibration of 3 starts byte-identical to one process (calibration.json, trace.csv, calibrated.yaml, manifest.json)"

echo "cluster test: passed in $(elapsed) s"
