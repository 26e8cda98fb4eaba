#!/usr/bin/python3
"""Checks PDFs against Hanji's accessibility and archiving rules (issue 18), independently of Hanji.

usage: /usr/bin/python3 Tests/tools/pdfcheck.py [--level a|b] [--struct-text] FILE.pdf ...

Prints one line per failure, `FILE: page N: object: rule: detail`, and exits 1 if there is any.
--level a (default) checks PDF/A-2a with tagged structure (PDF/UA-style rules); --level b only
what PDF/A-2b needs (catalog, XMP, output intent, fonts, annotations, no structure rules).
--struct-text prints, instead, each file's structure tree text in tree order, one element a line
(`TYPE<tab>text`), files separated by a line `# FILE`.
Needs Debian's python3-pikepdf (6.0); run with /usr/bin/python3.
"""
import argparse
import sys

import pikepdf

from checks_catalog import check_catalog
from checks_content import check_content
from checks_pages import check_pages
from checks_tree import check_tree
from structtext import tree_text


class Report:
    """Failures of one file, each once."""

    def __init__(self, path):
        self.path, self.lines = path, []

    def fail(self, where, rule, detail=''):
        line = f'{self.path}: {where}: {rule}' + (f': {detail}' if detail else '')
        if line not in self.lines:
            self.lines.append(line)


def check(path, level):
    report = Report(path)
    try:
        pdf = pikepdf.open(path)
    except Exception as error:   # a file that does not open is one failure, not a crash
        report.fail('file', 'opens', str(error))
        return report.lines
    rules = [check_catalog, check_pages] + ([check_tree, check_content] if level == 'a' else [])
    with pdf:
        for rule in rules:
            try:
                rule(pdf, level, report)
            except Exception as error:   # a structure the rules did not expect fails, loudly
                report.fail('file', f'{rule.__name__} could read the file', f'{type(error).__name__}: {error}')
    return report.lines


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--level', choices=['a', 'b'], default='a', help='the claimed PDF/A-2 level')
    parser.add_argument('--struct-text', action='store_true', help='print the structure tree text')
    parser.add_argument('files', nargs='+')
    args = parser.parse_args(argv)
    if args.struct_text:
        for path in args.files:
            print(f'# {path}')
            with pikepdf.open(path) as pdf:
                for kind, text in tree_text(pdf):
                    print(f'{kind}\t' + ' '.join(text.split()))
        return 0
    failures = [line for path in args.files for line in check(path, args.level)]
    for line in failures:
        print(line)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
