#!/usr/bin/env python3
"""Hanji benchmark: whole-process timings (median of several runs) and peak memory, with Typst
beside it on the same content in the same run, so the ratio holds on a noisy machine.

Rows:
  1. the example minutes, cold (a new process each run);
  2. minutes of about 1000 pages (the discussion of agenda item 2 repeated);
  3. 1000 certificates from a generated roster;
  4. the example booklet.
For rows 1 and 2 the same content is written as a Typst document (bench/typst_source.py makes it
from the record) and compiled by Typst (the PyPI package `typst`), and the throughput of both is
given in characters of text per second. Typst's document has no photos, so row 1 is also run
without them, and beside it bench/floor.c, which draws the same text with Cairo and Pango alone
(no layout engine): the floor any program on these libraries stands on.
Run through `make bench`; BENCH_RUNS sets the runs.
"""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import typst_source  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HANJI = os.path.join(ROOT, ".build/release/hanji")
FOLDER = os.path.join(ROOT, "examples/yeongdeungpo-2018")
EXAMPLE = os.path.join(FOLDER, "minutes-14.yaml")
YEAR = os.path.join(FOLDER, "year.yaml")
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TARGETS = {"cold_ms": 60, "ratio": 1.5, "peak_mib": 80, "certs_s": 2.0, "certs_mib": 100,
           "archival_ratio": 2.0}  # issue 18: the finished PDF keeps 2x Typst at ~1000 pages
# The cold target was set beside Typst's 107 ms for the same three pages; on a slower or
# busier machine the same target is this fraction of Typst's time in the same run.
COLD_OF_TYPST = 60 / 107


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


def measure(command, pages_from=None):
    """Median wall time (s), peak RSS (MiB) and the page count over RUNS runs of `command`."""
    walls, peaks, pages = [], [], 0
    for _ in range(RUNS):
        # Output goes to files, not pipes: a process that prints more than a pipe holds would
        # wait for a reader while we wait for it to end (wait4 gives the peak memory).
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            begin = time.perf_counter()
            proc = subprocess.Popen(command, stdout=out, stderr=err)
            _, status, usage = os.wait4(proc.pid, 0)
            walls.append(time.perf_counter() - begin)
            out.seek(0)
            err.seek(0)
            output = out.read().decode()
            if status != 0:
                sys.exit(f"{' '.join(command)} failed: {err.read().decode()}")
        peaks.append(usage.ru_maxrss / 1024)
        found = re.search(r"(\d+) pages", output)
        pages = int(found.group(1)) if found else pages_from or 0
    return statistics.median(walls), max(peaks), pages


def without_photos():
    """The example with its photo list emptied (Typst's document has none)."""
    text = open(EXAMPLE, encoding="utf-8").read()
    start, end = text.index("\nphotos:") + 1, text.index("\nremarks:") + 1
    return text[:start] + "photos: []\n" + text[end:]


def floor_program(tmp):
    """bench/floor.c built with the system's C compiler, or None when there is none."""
    exe = os.path.join(tmp, "floor")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "pangocairo", "pangoft2", "fontconfig"],
                           capture_output=True, text=True)
    if flags.returncode != 0 or not shutil.which("cc"):
        return None
    built = subprocess.run(["cc", "-O2", os.path.join(ROOT, "bench/floor.c"), "-o", exe] + flags.stdout.split())
    return exe if built.returncode == 0 else None


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def main():
    if not os.access(HANJI, os.X_OK):
        sys.exit("build first: make build")
    with tempfile.TemporaryDirectory() as tmp:
        # The long record sits in tmp; its photos are copied beside it (a record's files stay in its folder).
        shutil.copytree(os.path.join(FOLDER, "photos"), os.path.join(tmp, "photos"))
        long_record = os.path.join(tmp, "minutes-long.yaml")
        open(long_record, "w", encoding="utf-8").write(repeated(700))
        csv = os.path.join(tmp, "roster-1000.csv")
        open(csv, "w", encoding="utf-8").write(roster(1000))
        out = os.path.join(tmp, "out.pdf")

        rows = []
        def row(name, command, chars=None, typst=None):
            wall, peak, pages = measure(command)
            rows.append((name, "hanji", pages, wall, peak, chars))
            if typst:
                source = os.path.join(tmp, name.replace(" ", "-") + ".typ")
                open(source, "w", encoding="utf-8").write(typst)
                tout = os.path.join(tmp, "typst.pdf")
                wall, peak, _ = measure([sys.executable, "-c", typst_source.COMPILE, source, tout])
                rows.append((name, "typst", pdf_pages(tout), wall, peak, chars))

        row("example minutes", [HANJI, "minutes", EXAMPLE, "-o", out],
            typst_source.characters(EXAMPLE), typst_source.document(EXAMPLE))
        plain = os.path.join(tmp, "minutes-no-photos.yaml")
        open(plain, "w", encoding="utf-8").write(without_photos())
        row("  without photos", [HANJI, "minutes", plain, "-o", out], typst_source.characters(plain))
        floor = floor_program(tmp)
        if floor:
            text = os.path.join(tmp, "minutes.txt")
            subprocess.run([HANJI, "minutes", plain, "-o", out], capture_output=True, check=True)
            subprocess.run(["pdftotext", out, text], check=True)
            wall, peak, _ = measure([floor, text, os.path.join(tmp, "floor.pdf")])
            rows.append(("  same text, floor", "C", pdf_pages(os.path.join(tmp, "floor.pdf")), wall, peak,
                         typst_source.characters(plain)))
        row("minutes ~1000 pages", [HANJI, "minutes", long_record, "-o", out],
            typst_source.characters(long_record), typst_source.document(long_record))
        # Both as PDF/A-2a (Hanji's default) and both without it: the finishing pass, measured.
        source = os.path.join(tmp, "minutes-~1000-pages.typ")
        wall, peak, _ = measure([sys.executable, "-c", typst_source.COMPILE_A2A, source, os.path.join(tmp, "t.pdf")])
        rows.append(("  PDF/A-2a", "typst", pdf_pages(os.path.join(tmp, "t.pdf")), wall, peak,
                     typst_source.characters(long_record)))
        wall, peak, pages = measure([HANJI, "minutes", long_record, "-o", out, "--pdf-standard", "none"])
        rows.append(("  --pdf-standard none", "hanji", pages, wall, peak, typst_source.characters(long_record)))
        row("1000 certificates", [HANJI, "certificates", YEAR, "--roster", csv, "-o", out])
        row("example booklet", [HANJI, "booklet", YEAR, "-o", out])

        print(f"{'document':<22} {'tool':<6} {'pages':>6} {'median ms':>10} {'peak MiB':>9} {'chars/s':>10}")
        for name, tool, pages, wall, peak, chars in rows:
            rate = f"{chars / wall:>10.0f}" if chars else f"{'':>10}"
            print(f"{name:<22} {tool:<6} {pages:>6} {wall * 1000:>10.1f} {peak:>9.1f} {rate}")

        def find(name, tool):
            return next(r for r in rows if r[0] == name and r[1] == tool)
        cold, typst_cold = find("example minutes", "hanji"), find("example minutes", "typst")
        long_h, long_t = find("minutes ~1000 pages", "hanji"), find("minutes ~1000 pages", "typst")
        certs = find("1000 certificates", "hanji")
        ratio = long_t[3] / long_h[3]
        archival = find("  PDF/A-2a", "typst")[3] / long_h[3]
        plain_ratio = long_t[3] / find("  --pdf-standard none", "hanji")[3]
        checks = [
            (f"example minutes cold < {TARGETS['cold_ms']} ms", cold[3] * 1000 < TARGETS["cold_ms"], f"{cold[3] * 1000:.0f} ms"),
            (f"example minutes cold <= {COLD_OF_TYPST:.2f}x Typst's time in this run",
             cold[3] <= COLD_OF_TYPST * typst_cold[3], f"{cold[3] / typst_cold[3]:.2f}x"),
            (f"~1000 pages: throughput >= {TARGETS['archival_ratio']}x Typst (Hanji PDF/A-2a, Typst's default)",
             ratio >= TARGETS["archival_ratio"], f"{ratio:.2f}x"),
            (f"~1000 pages, both PDF/A-2a: throughput >= {TARGETS['archival_ratio']}x Typst",
             archival >= TARGETS["archival_ratio"],
             f"{archival:.2f}x"),
            (f"~1000 pages, --pdf-standard none: throughput >= {TARGETS['ratio']}x Typst",
             plain_ratio >= TARGETS["ratio"], f"{plain_ratio:.2f}x"),
            (f"~1000 pages: peak < {TARGETS['peak_mib']} MiB", long_h[4] < TARGETS["peak_mib"], f"{long_h[4]:.0f} MiB"),
            (f"1000 certificates < {TARGETS['certs_s']} s, < {TARGETS['certs_mib']} MiB",
             certs[3] < TARGETS["certs_s"] and certs[4] < TARGETS["certs_mib"], f"{certs[3]:.2f} s, {certs[4]:.0f} MiB"),
        ]
        for label, ok, figure in checks:
            print(f"target {label}: {figure}: {'met' if ok else 'MISSED'}")


if __name__ == "__main__":
    main()
