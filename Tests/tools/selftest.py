#!/usr/bin/python3
"""Shows that pdfcheck.py can pass and can fail: builds, with pikepdf alone, a small tagged PDF that
keeps every rule, then copies of it that each break one rule, and checks that pdfcheck finds exactly
that rule (and nothing on the good file). Exit 0 when every case behaves; run with /usr/bin/python3."""
import os
import sys
import tempfile

import pikepdf
from pikepdf import Array, Dictionary, Name, String

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdfcheck import check  # noqa: E402

XMP = '''<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">시험 회의록</rdf:li></rdf:Alt></dc:title>
<xmp:CreateDate>2018-11-22T10:00:00+09:00</xmp:CreateDate>
<pdf:Producer xmlns:pdf="http://ns.adobe.com/pdf/1.3/">Hanji</pdf:Producer>
<pdfaid:part>2</pdfaid:part><pdfaid:conformance>{level}</pdfaid:conformance>{extra}
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'''
CMAP = b'''/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0001> <D55C> <0002> <AE00> endbfchar
1 beginbfrange <0003> <0004> <0041> endbfrange endcmap'''
# Leaves in MCID order; the tree below lists them in this order too.
CONTENT = '''/Artifact BMC 0 0 595 2 re f EMC
/H1 <</MCID 0>> BDC BT /F1 12 Tf 10 800 Td <0001> Tj ET EMC
/Figure <</MCID 1>> BDC 0 0 5 5 re f EMC
/TH <</MCID 2>> BDC BT /F1 12 Tf 10 700 Td [<0002> -10 <0003>] TJ ET EMC
/TD <</MCID 3>> BDC BT /F1 12 Tf 10 690 Td <0004> Tj ET EMC
/Lbl <</MCID 4>> BDC BT /F1 12 Tf 10 680 Td <0001> Tj ET EMC
/LBody <</MCID 5>> BDC BT /F1 12 Tf 20 680 Td <0002> Tj ET EMC
/Link <</MCID 6>> BDC BT /F1 12 Tf 10 660 Td <0003> Tj ET EMC
/H2 <</MCID 7>> BDC BT /F1 12 Tf 10 640 Td <0004> Tj ET EMC
'''


def build(level='A', extra='', content=CONTENT):
    """The good file, and its parts by name for the cases to break."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0].obj
    new = lambda d: pdf.make_indirect(Dictionary(d))
    descriptor = new({'/Type': Name.FontDescriptor, '/FontName': Name('/T'),
                      '/FontFile2': pdf.make_stream(b'not a real font: the rules look at keys')})
    cid = new({'/Type': Name.Font, '/Subtype': Name.CIDFontType2, '/BaseFont': Name('/T'),
               '/FontDescriptor': descriptor, '/CIDToGIDMap': Name.Identity})
    font = new({'/Type': Name.Font, '/Subtype': Name.Type0, '/BaseFont': Name('/T'), '/Encoding': Name('/Identity-H'),
                '/DescendantFonts': Array([cid]), '/ToUnicode': pdf.make_stream(CMAP)})
    page.Resources = Dictionary({'/Font': Dictionary({'/F1': font})})
    page.Contents = pdf.make_stream(content.encode())
    page.StructParents = 0
    elem = lambda s, k, **more: new(dict({'/Type': Name.StructElem, '/S': Name(s), '/K': k, '/Pg': page}, **more))
    h1, figure = elem('/H1', 0), elem('/Figure', 1, **{'/Alt': String('직인')})
    th, td = elem('/TH', 2, **{'/A': Dictionary({'/O': Name.Table, '/Scope': Name.Column})}), elem('/TD', 3)
    tr = elem('/TR', Array([th, td]))
    table = elem('/Table', Array([tr]))
    lbl, lbody = elem('/Lbl', 4), elem('/LBody', 5)
    li = elem('/LI', Array([lbl, lbody]))
    lst = elem('/L', Array([li]))
    annot = new({'/Type': Name.Annot, '/Subtype': Name.Link, '/Rect': Array([10, 660, 50, 672]), '/F': 4,
                 '/Contents': String('링크'), '/StructParent': 1,
                 '/A': Dictionary({'/S': Name.URI, '/URI': String('x')})})
    link = elem('/Link', Array([6, Dictionary({'/Type': Name.OBJR, '/Obj': annot})]))
    h2 = elem('/H2', 7)
    doc = elem('/Document', Array([h1, figure, table, lst, link, h2]))
    root = new({'/Type': Name.StructTreeRoot, '/K': doc,
                '/ParentTree': Dictionary({'/Nums': Array([0, Array([h1, figure, th, td, lbl, lbody, link, h2]),
                                                           1, link])})})
    for e in (doc, tr, table, li, lst, link):
        for k in e.K if isinstance(e.K, Array) else []:
            if isinstance(k, Dictionary) and k.get('/Type') == Name.StructElem:
                k.P = e
    doc.P = root
    page.Annots = Array([annot])
    page.Tabs = Name.S
    catalog = pdf.Root
    catalog.Lang = String('ko-KR')
    catalog.MarkInfo = Dictionary({'/Marked': True})
    catalog.ViewerPreferences = Dictionary({'/DisplayDocTitle': True})
    catalog.StructTreeRoot = root
    metadata = pdf.make_stream(XMP.format(level=level, extra=extra).encode())
    metadata.Type, metadata.Subtype = Name.Metadata, Name.XML
    catalog.Metadata = metadata
    profile = pdf.make_stream(b'icc')
    profile.N = 3
    catalog.OutputIntents = Array([Dictionary({'/Type': Name.OutputIntent, '/S': Name.GTS_PDFA1,
                                               '/DestOutputProfile': profile})])
    pdf.docinfo.Title = String('시험 회의록')
    pdf.docinfo.CreationDate = String("D:20181122100000+09'00'")
    pdf.docinfo.Producer = String('Hanji')
    parts = dict(page=page, font=font, cid=cid, descriptor=descriptor, annot=annot, root=root, doc=doc, h1=h1, h2=h2,
                 figure=figure, th=th, td=td, tr=tr, table=table, li=li, lst=lst, lbl=lbl, link=link, catalog=catalog)
    return pdf, parts


def content(old, new):
    return lambda pdf, p: setattr(p['page'], 'Contents', pdf.make_stream(CONTENT.replace(old, new).encode()))


def put(part, key, value):
    return lambda pdf, p: p[part].__setitem__(key, value(pdf, p) if callable(value) else value)


def drop(part, key):
    return lambda pdf, p: p[part].__delitem__(key)


def xmp(text):
    def apply(pdf, p):
        p['catalog'].Metadata.write(text.encode())
    return apply


P = '/Type /StructElem'
CASES = [  # (name, how to break the good file, the rule pdfcheck must report [, others it may report too])
    ('no /Lang', drop('catalog', '/Lang'), '/Lang is Korean'),
    ('English /Lang', put('catalog', '/Lang', String('en-US')), '/Lang is Korean'),
    ('malformed /Lang', put('catalog', '/Lang', String('ko_KR')), '/Lang is Korean'),
    ('not marked', put('catalog', '/MarkInfo', Dictionary({'/Marked': False})), '/MarkInfo /Marked true'),
    ('no DisplayDocTitle', drop('catalog', '/ViewerPreferences'), '/DisplayDocTitle true'),
    ('no XMP', drop('catalog', '/Metadata'), 'an XMP /Metadata stream'),
    ('XMP not XML', xmp('<x:xmpmeta'), 'XMP is well-formed XML'),
    ('XMP part 1', xmp(XMP.format(level='A', extra='').replace('<pdfaid:part>2', '<pdfaid:part>1')),
     'pdfaid:part is 2'),
    ('XMP claims B', xmp(XMP.format(level='B', extra='')), 'pdfaid:conformance is A'),
    ('XMP other title', xmp(XMP.format(level='A', extra='').replace('시험 회의록', '회의록')), 'dc:title equals Info'),
    ('XMP other date', xmp(XMP.format(level='A', extra='').replace('T10:00', 'T11:00')), 'Info /CreationDate equals'),
    ('Cairo as Producer', lambda pdf, p: setattr(pdf.docinfo, 'Producer', String('cairo 1.16.0')),
     'Info /Producer equals pdf:Producer'),
    ('pdfuaid without schema', xmp(XMP.format(level='A', extra='<pdfuaid:part xmlns:pdfuaid='
                                              '"http://www.aiim.org/pdfua/ns/id/">1</pdfuaid:part>')),
     'pdfuaid:part only with'),
    ('xpacket with encoding', xmp(XMP.format(level='A', extra='').replace('id=', 'encoding="UTF-8" id=', 1)),
     'no bytes or encoding'),
    ('header without binary comment', lambda pdf, p: text_comment, '%PDF-1.n then a comment'),
    ('no output intent', drop('catalog', '/OutputIntents'), '/OutputIntents has /GTS_PDFA1'),
    ('font not embedded', drop('descriptor', '/FontFile2'), 'every font is embedded'),
    ('font without ToUnicode', drop('font', '/ToUnicode'), 'every font has /ToUnicode'),
    ('CIDFontType2 without map', drop('cid', '/CIDToGIDMap'), 'every CIDFontType2 has /CIDToGIDMap'),
    ('annotation not printed', put('annot', '/F', 0), 'annotations print'),
    ('annotation hidden', put('annot', '/F', 6), 'annotations print'),
    ('Link without Contents', drop('annot', '/Contents'), 'a Link has /Contents'),
    ('Link not in tree', drop('annot', '/StructParent'), 'a Link has /StructParent'),
    ('Link annotation not its element', lambda pdf, p: p['root'].ParentTree.Nums.__setitem__(3, p['h1']),
     'maps to a Link element'),
    ('no /Tabs', drop('page', '/Tabs'), '/Tabs /S'),
    ('root is Sect', put('doc', '/S', Name.Sect), 'one root element, Document'),
    ('content in Document', put('doc', '/K', lambda pdf, p: Array(list(p['doc'].K) + [8])),
     'the Document holds elements'),
    ('Figure without Alt', drop('figure', '/Alt'), 'a Figure has non-empty /Alt'),
    ('Figure with blank Alt', put('figure', '/Alt', String(' ')), 'a Figure has non-empty /Alt'),
    ('TH without Scope', drop('th', '/A'), 'a TH has /Scope'),
    ('TH with bad Scope', put('th', '/A', Dictionary({'/Scope': Name.Up})), 'a TH has /Scope'),
    ('Table without TH', put('th', '/S', Name.TD), 'a Table has TH cells'),
    ('rows of unequal width', lambda pdf, p: second_row(pdf, p, {}), 'equally wide'),
    ('TR holds a P', put('td', '/S', Name.P), 'TR holds only'),
    ('H1 then H3', put('h2', '/S', Name.H3), 'skip no level'),
    ('first heading H2', put('h1', '/S', Name.H2), 'skip no level'),
    ('LI outside L', put('lst', '/S', Name.Div), 'LI sits in L'),
    ('Lbl outside LI', put('li', '/S', Name.Div), ('Lbl sits in LI', 'LBody sits in LI', 'L holds only')),
    ('LI holds a P', put('lbl', '/S', Name.P), 'LI holds only'),
    ('rule painted untagged', content('/Artifact BMC 0 0 595 2 re f EMC', '0 0 595 2 re f'), 'painting only inside'),
    ('text drawn untagged', content('/H2 <</MCID 7>> BDC BT /F1 12 Tf 10 640 Td <0004> Tj ET EMC',
                                    'BT /F1 12 Tf 10 640 Td <0004> Tj ET'), 'painting only inside'),
    ('MCID not in parent tree', content('/H2 <</MCID 7>>', '/H2 <</MCID 9>>'), 'every MCID is in the parent tree'),
    ('orphaned MCID', put('h2', '/K', Array([])), 'lists it in /K (no orphan)'),
    ('MCID twice', content('/H2 <</MCID 7>>', '/H2 <</MCID 0>>'), 'each MCID once'),
    ('crosses BT/ET', content('BT /F1 12 Tf 10 640 Td <0004> Tj ET EMC', 'BT /F1 12 Tf 10 640 Td <0004> Tj EMC ET'),
     'no marked content crosses BT/ET'),
    ('Artifact in tagged', content('0 0 5 5 re f EMC', '/Artifact BMC 0 0 5 5 re f EMC EMC'), 'no Artifact inside'),
    ('MCID in Artifact', content('/Artifact BMC 0 0 595 2 re f EMC\n/H1 <</MCID 0>> BDC BT /F1 12 Tf 10 800 Td <0001> '
                                 'Tj ET EMC', '/Artifact BMC 0 0 595 2 re f /H1 <</MCID 0>> BDC BT /F1 12 Tf 10 800 '
                                 'Td <0001> Tj ET EMC EMC'), 'no MCID inside an Artifact'),
    ('EMC left open', content('/Figure <</MCID 1>> BDC 0 0 5 5 re f EMC', '/Figure <</MCID 1>> BDC 0 0 5 5 re f'),
     'BDC/BMC and EMC balance'),
    ('form painted untagged', lambda pdf, p: form(pdf, p, 'q /Fm Do Q'), 'painting only inside'),
    ('form font without map', lambda pdf, p: form(pdf, p, '/Artifact BMC /Fm Do EMC', font=True),
     'every CIDFontType2 has /CIDToGIDMap'),
]


def text_comment(path):
    """Replaces the binary comment after the header by one of plain letters, as long."""
    with open(path, 'r+b') as file:
        data = file.read()
        at = data.index(b'\n%') + 2
        file.seek(at)
        file.write(b'abcd')


# Changes that keep every rule: the good file with them must still pass.
GOOD = [
    ('a second row spanning two columns', lambda pdf, p: second_row(pdf, p, {'/ColSpan': 2})),
    ('a header spanning two rows', lambda pdf, p: (second_row(pdf, p, {}), p['th'].A.__setitem__('/RowSpan', 2))),
]


def second_row(pdf, p, spans):
    """A second row of one data cell (with `spans` in its attributes) under the table's first."""
    cell = pdf.make_indirect(Dictionary({'/Type': Name.StructElem, '/S': Name.TD, '/K': Array([]),
                                         '/A': Dictionary(dict({'/O': Name.Table}, **spans))}))
    row = pdf.make_indirect(Dictionary({'/Type': Name.StructElem, '/S': Name.TR, '/K': Array([cell]),
                                        '/P': p['table']}))
    cell.P = row
    p['table'].K = Array([p['tr'], row])


def form(pdf, p, use, font=False):
    """A Form XObject that paints, drawn by `use`; with `font`, its own font lacks /CIDToGIDMap."""
    xobject = pdf.make_stream(b'0 0 1 1 re f' if not font else b'BT /G 9 Tf <0001> Tj ET')
    xobject.Type, xobject.Subtype, xobject.BBox = Name.XObject, Name.Form, Array([0, 0, 10, 10])
    if font:
        cid = pdf.make_indirect(Dictionary(p['cid']))
        del cid['/CIDToGIDMap']
        other = pdf.make_indirect(Dictionary(p['font']))
        other.DescendantFonts = Array([cid])
        xobject.Resources = Dictionary({'/Font': Dictionary({'/G': other})})
    p['page'].Resources.XObject = Dictionary({'/Fm': xobject})
    p['page'].Contents = pdf.make_stream((CONTENT + use + '\n').encode())


def verdict(folder, name, breaker, level='A'):
    pdf, parts = build(level)
    after = breaker(pdf, parts) if breaker else None
    path = os.path.join(folder, name.replace(' ', '_').replace('/', '') + '.pdf')
    pdf.save(path, fix_metadata_version=False)
    if callable(after):   # a change to the written bytes
        after(path)
    return check(path, level.lower())


def main():
    bad = []
    with tempfile.TemporaryDirectory() as folder:
        for level in ('A', 'B'):
            found = verdict(folder, f'good-{level}', None, level)
            if found:
                bad.append(f'the good file (level {level}) fails:\n  ' + '\n  '.join(found))
        for name, change in GOOD:
            found = verdict(folder, name, change)
            if found:
                bad.append(f'{name}: should pass, fails: {found}')
        for name, breaker, rule in CASES:
            found, rules = verdict(folder, name, breaker), rule if isinstance(rule, tuple) else (rule,)
            if not any(rules[0] in line for line in found):
                bad.append(f'{name}: expected "{rules[0]}", got {found or "no failure"}')
            elif any(not any(r in line for r in rules) for line in found):
                bad.append(f'{name}: more than the one rule failed: {found}')
    print('\n'.join(bad) if bad else f'pdfcheck selftest: the good file and {len(GOOD)} variants pass, '
                                      f'all {len(CASES)} broken files fail')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
