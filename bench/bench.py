#!/usr/bin/env python3
"""Hanji benchmark: whole-process timings (median of several runs) and peak memory.

Rows: the example minutes, then the same minutes with the discussion repeated so that the
document doubles in length, to show layout stays linear. Run through `make bench`.
"""
import os, re, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HANJI = os.path.join(ROOT, ".build/release/hanji")
EXAMPLE = os.path.join(ROOT, "examples/yeongdeungpo-2018/minutes-14.yaml")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def repeated(times):
    """The example with agenda 2's transcript written `times` times."""
    text = open(EXAMPLE, encoding="utf-8").read()
    start = text.index("    transcript:", text.index("- title: 2019년도 분과 운영계획 관련 논의"))
    end = text.index("  - title: 2018 영등포 협치분과 성과공유회")
    turns = text[start:end].split("\n", 1)[1]
    return text[:start] + "    transcript:\n" + turns * times + text[end:]


def measure(record, out):
    """Median wall time (s), peak RSS (MiB) and page count over RUNS runs."""
    walls, peaks, pages = [], [], 0
    for _ in range(RUNS):
        begin = time.perf_counter()
        proc = subprocess.Popen([HANJI, "minutes", record, "-o", out], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - begin)
        output = proc.stdout.read().decode()
        if status != 0:
            sys.exit(f"hanji failed on {record}: {proc.stderr.read().decode()}")
        peaks.append(usage.ru_maxrss / 1024)
        pages = int(re.search(r"(\d+) pages", output).group(1))
    return statistics.median(walls), max(peaks), pages


def main():
    if not os.access(HANJI, os.X_OK):
        sys.exit("build first: make build")
    with tempfile.TemporaryDirectory() as tmp:
        rows = [("example minutes", EXAMPLE)]
        for times in (10, 20, 40):
            path = os.path.join(tmp, f"minutes-x{times}.yaml")
            open(path, "w", encoding="utf-8").write(repeated(times))
            rows.append((f"transcript x{times}", path))
        print(f"{'document':<20} {'pages':>6} {'median ms':>10} {'ms/page':>8} {'peak MiB':>9}")
        results = []
        for name, path in rows:
            wall, peak, pages = measure(path, os.path.join(tmp, "out.pdf"))
            results.append((name, pages, wall, peak))
            print(f"{name:<20} {pages:>6} {wall * 1000:>10.1f} {wall * 1000 / pages:>8.2f} {peak:>9.1f}")
        # Linearity: doubling the transcript should about double the time (after start-up).
        base = results[0][2]
        for (n1, p1, w1, _), (n2, p2, w2, _) in zip(results[1:], results[2:]):
            ratio = (w2 - base) / max(w1 - base, 1e-9)
            print(f"{n1} -> {n2}: pages x{p2 / p1:.2f}, time beyond start-up x{ratio:.2f}")


if __name__ == "__main__":
    main()
