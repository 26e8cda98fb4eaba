#!/bin/sh
# The command line's cold start against an older commit's: both release programs built as
# `make build` builds them (the older one in a clone under /tmp with its own .build), then
# hyperfine runs the example minutes with each, alternating, on a warm page cache.
#   bench/cold_compare.sh [COMMIT (d3f768b, before the server)] [ROUNDS (6)] [RUNS a round (10)]
set -eu
base=${1:-d3f768b}
rounds=${2:-6}
runs=${3:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
clone=/tmp/hanji-cold-$base
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install -y hyperfine)" >&2; exit 1; }

[ -d "$clone" ] || git clone -q "$root" "$clone"
git -C "$clone" checkout -q "$base"
(cd "$clone" && swift build -c release --product hanji --static-swift-stdlib)
(cd "$root" && swift build -c release --product hanji --static-swift-stdlib)

old=$clone/.build/release/hanji new=$root/.build/release/hanji
record=$root/examples/yeongdeungpo-2018/minutes-14.yaml
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# hyperfine runs one command's runs, then the other's: so several short rounds, alternating
# which goes first, and the means of all runs together.
for round in $(seq "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then first=$old second=$new; else first=$new second=$old; fi
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/$round.json" \
    "$first minutes $record -o $out/x.pdf" "$second minutes $record -o $out/x.pdf" >/dev/null
done
python3 - "$base" "$old" "$new" "$out"/*.json <<'EOF'
import json, os, statistics, sys
base, old, new, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
times, cpu = {old: [], new: []}, {old: [], new: []}
for name in files:
    for result in json.load(open(name))["results"]:
        exe = result["command"].split(" ")[0]
        times[exe] += result["times"]
        cpu[exe].append(result["user"] + result["system"])  # a round's mean (rounds have equal runs)
for label, exe in ((f"{base} (base)", old), ("this tree", new)):
    t = times[exe]
    print(f"{label:<16} {len(t):>4} runs  mean {statistics.mean(t) * 1000:6.1f} ms  "
          f"median {statistics.median(t) * 1000:6.1f}  min {min(t) * 1000:6.1f}  sd {statistics.stdev(t) * 1000:5.1f}  "
          f"CPU (user+sys) {statistics.mean(cpu[exe]) * 1000:6.1f} ms  binary {os.path.getsize(exe) / 2**20:5.1f} MiB")
ratio = statistics.mean(times[new]) / statistics.mean(times[old])
cpu_ratio = statistics.mean(cpu[new]) / statistics.mean(cpu[old])
print(f"target cold start grows <= 5% with the server linked in: {ratio:.3f}x wall, {cpu_ratio:.3f}x CPU: "
      f"{'met' if ratio <= 1.05 else 'MISSED'}")
EOF
