"""The example minutes written as a Typst document, for the benchmark's comparison.

The same texts as Hanji prints (title, schedule, attendance grid, agenda, summary, notes and the
discussion), in a similar A4 form with the same fonts, so both tools set the same characters.
"""
import yaml

FONTS = ["/usr/share/fonts/truetype/nanum", "/usr/share/fonts/truetype/dejavu"]
COMPILE = ("import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], "
           f"font_paths={FONTS!r})")
# The same, writing PDF/A-2a as Hanji does by default (Typst tags its PDFs by default too).
COMPILE_A2A = COMPILE[:-1] + ", pdf_standards=['a-2a'])"


def _texts(record):
    """Every text of a record that the minutes print, in order."""
    out = [record["body"], record["place"]]
    for group in record["attendance"]:
        out.append(group["group"])
        out += [m["role"] + " " + m.get("name", "") for m in group["members"]]
    for item in record["agenda"]:
        out.append(item["title"])
        out += _notes(item.get("notes", []))
        for turn in item.get("transcript", []):
            for speaker, remark in turn.items():
                out.append(speaker)
                out += [line for line in str(remark).split("\n") if line.strip()]
    out += record.get("summary", [])
    return out


def _notes(notes):
    out = []
    for note in notes:
        if isinstance(note, str):
            out.append(note)
        elif "note" in note:
            out.append(note["note"])
        else:
            out.append(note["text"])
            out += _notes(note.get("items", []))
    return out


def characters(path):
    """Characters of text the minutes set (spaces excluded), the unit of throughput."""
    record = yaml.safe_load(open(path, encoding="utf-8"))
    return sum(len(t.replace(" ", "")) for t in _texts(record))


def _esc(text):
    for ch in "\\#*_`$<>@[]~\"'=-+/":
        text = text.replace(ch, "\\" + ch)
    return text


def document(path):
    record = yaml.safe_load(open(path, encoding="utf-8"))
    lines = [
        '#set page(paper: "a4", margin: (top: 20mm, right: 18mm, bottom: 22mm, left: 18mm), '
        'footer: context align(center)[- #counter(page).display() -])',
        '#set text(font: ("NanumMyeongjo", "DejaVu Serif", "NanumGothic"), size: 10.5pt, lang: "ko")',
        "#set par(justify: true, leading: 0.6em)",
        f'#align(center, text(font: "NanumGothic", size: 19pt, weight: "bold")[{_esc(record["body"])} {record["number"]}차 회의록])',
        "#table(columns: (23mm, 1fr), [일정], [" + _esc(f'{record["date"]} {record.get("time", "")}') + "],"
        " [장소], [" + _esc(record["place"]) + "])",
        "#table(columns: (11mm, 29mm, 1fr, 14mm), [순번], [구분], [명단], [참석],",
    ]
    n = 0
    for group in record["attendance"]:
        for m in group["members"]:
            n += 1
            lines.append(f'  [{n}], [{_esc(group["group"])}], [{_esc(m["role"] + " " + m.get("name", ""))}], '
                         f'[{"○" if m["status"] == "참석" else ""}],')
    lines.append(")")
    for i, item in enumerate(record["agenda"], 1):
        lines.append(f"== (안건 {i}) {_esc(item['title'])}")
        for note in _notes(item.get("notes", [])):
            lines.append(f"- {_esc(note)}")
        for turn in item.get("transcript", []):
            for speaker, remark in turn.items():
                paragraphs = [p.strip() for p in str(remark).split("\n") if p.strip()]
                lines.append(f"#par(hanging-indent: 6em)[*▸{_esc(speaker)}:* " + " \\\n".join(_esc(p) for p in paragraphs) + "]")
    lines.append("== 주요 내용")
    for s in record.get("summary", []):
        lines.append(f"- {_esc(s)}")
    return "\n".join(lines) + "\n"
