#!/usr/bin/env python3
"""Hanji benchmark: whole-process timings (median of several runs) and peak memory.

Rows: the example minutes, then the same minutes with the discussion repeated so that the
document doubles in length, to show layout stays linear; then the showcase programme, and
certificates for rosters of 100 and 1000 generated rows (target: 1000 pages in under 2 s of
wall time with peak memory under 100 MiB). Run through `make bench`.
"""
import os, re, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HANJI = os.path.join(ROOT, ".build/release/hanji")
EXAMPLE = os.path.join(ROOT, "examples/yeongdeungpo-2018/minutes-14.yaml")
YEAR = os.path.join(ROOT, "examples/yeongdeungpo-2018/year.yaml")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))


def repeated(times):
    """The example with agenda 2's transcript written `times` times."""
    text = open(EXAMPLE, encoding="utf-8").read()
    start = text.index("    transcript:", text.index("- title: 2019년도 분과 운영계획 관련 논의"))
    end = text.index("  - title: 2018 영등포 협치분과 성과공유회")
    turns = text[start:end].split("\n", 1)[1]
    return text[:start] + "    transcript:\n" + turns * times + text[end:]


def roster(rows):
    """A roster CSV of `rows` made-up members (deterministic)."""
    families, given = "김이박최정강조윤장임한오서신권황안송류홍", "가나다라마바사아자차카타파하온누리솔빛별샘결봄"
    groups = ["도시재생분과", "지역특화분과", "생활밀착분과", "복지분과"]
    roles = ["분과위원", "분과장", "부분과장"]
    lines = ["성명,소속,직위"]
    for i in range(rows):
        name = families[i % len(families)] + given[(i * 7) % len(given)] + given[(i * 13 + 5) % len(given)]
        lines.append(f"{name},{groups[i % 4]},{roles[(i // 4) % 3]}")
    return "\n".join(lines) + "\n"


def measure(args, out):
    """Median wall time (s), peak RSS (MiB) and page count over RUNS runs of `hanji ARGS -o OUT`."""
    walls, peaks, pages = [], [], 0
    for _ in range(RUNS):
        begin = time.perf_counter()
        proc = subprocess.Popen([HANJI] + args + ["-o", out], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - begin)
        output = proc.stdout.read().decode()
        if status != 0:
            sys.exit(f"hanji {' '.join(args)} failed: {proc.stderr.read().decode()}")
        peaks.append(usage.ru_maxrss / 1024)
        pages = int(re.search(r"(\d+) pages", output).group(1))
    return statistics.median(walls), max(peaks), pages


def main():
    if not os.access(HANJI, os.X_OK):
        sys.exit("build first: make build")
    with tempfile.TemporaryDirectory() as tmp:
        # The repeated records sit in tmp; their photos are the example's.
        os.symlink(os.path.join(os.path.dirname(EXAMPLE), "photos"), os.path.join(tmp, "photos"))
        rows = [("example minutes", ["minutes", EXAMPLE])]
        for times in (10, 20, 40):
            path = os.path.join(tmp, f"minutes-x{times}.yaml")
            open(path, "w", encoding="utf-8").write(repeated(times))
            rows.append((f"transcript x{times}", ["minutes", path]))
        rows.append(("programme", ["program", YEAR]))
        for count in (100, 1000):
            path = os.path.join(tmp, f"roster-{count}.csv")
            open(path, "w", encoding="utf-8").write(roster(count))
            rows.append((f"certificates x{count}", ["certificates", YEAR, "--roster", path]))
        print(f"{'document':<20} {'pages':>6} {'median ms':>10} {'ms/page':>8} {'peak MiB':>9}")
        results = []
        for name, args in rows:
            wall, peak, pages = measure(args, os.path.join(tmp, "out.pdf"))
            results.append((name, pages, wall, peak))
            print(f"{name:<20} {pages:>6} {wall * 1000:>10.1f} {wall * 1000 / pages:>8.2f} {peak:>9.1f}")
        # Linearity: doubling the transcript should about double the time (after start-up).
        base = results[0][2]
        minutes = results[1:4]
        for (n1, p1, w1, _), (n2, p2, w2, _) in zip(minutes, minutes[1:]):
            ratio = (w2 - base) / max(w1 - base, 1e-9)
            print(f"{n1} -> {n2}: pages x{p2 / p1:.2f}, time beyond start-up x{ratio:.2f}")
        name, pages, wall, peak = results[-1]
        verdict = "met" if pages == 1000 and wall < 2 and peak < 100 else "MISSED"
        print(f"target 1000 certificates < 2 s, < 100 MiB: {wall:.2f} s, {peak:.0f} MiB: {verdict}")


if __name__ == "__main__":
    main()
