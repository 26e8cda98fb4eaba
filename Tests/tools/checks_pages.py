"""Font and annotation rules, page by page (PDF/A-2 6.2.11, 6.3.2; PDF/UA 7.18)."""
from pikepdf import Array, Dictionary, Name, Stream

from checks_content import parent_tree

HIDDEN = 1 | 2 | 32 | 256   # invisible, hidden, noview, togglenoview


def forms(resources, seen):
    """Form XObjects reachable from a resource dictionary (each once)."""
    for _, xobject in resources.get('/XObject', Dictionary()).items():
        if isinstance(xobject, Stream) and xobject.get('/Subtype') == Name.Form and xobject.objgen not in seen:
            seen.add(xobject.objgen)
            yield xobject
            yield from forms(xobject.get('/Resources', Dictionary()), seen)


def check_fonts(resources, where, level, report, done):
    """Each font object once, at the first page that uses it."""
    for name, font in resources.get('/Font', Dictionary()).items():
        if font.objgen in done:
            continue
        done.add(font.objgen)
        label = f'font {name} {font.get("/BaseFont", "")}'.strip()
        if level == 'a' and '/ToUnicode' not in font:
            report.fail(where, 'every font has /ToUnicode', label)
        if font.get('/Subtype') == Name.Type3:
            continue
        descendant = font.DescendantFonts[0] if font.get('/Subtype') == Name.Type0 else font
        descriptor = descendant.get('/FontDescriptor', Dictionary())
        if not any(key in descriptor for key in ('/FontFile', '/FontFile2', '/FontFile3')):
            report.fail(where, 'every font is embedded', label)
        if descendant.get('/Subtype') == Name.CIDFontType2 and '/CIDToGIDMap' not in descendant:
            report.fail(where, 'every CIDFontType2 has /CIDToGIDMap', label)


def tagged_as_link(annot, tree):
    """Whether the parent tree maps the annotation's /StructParent to a Link element with an OBJR to it."""
    elem = tree.get(int(annot.StructParent))
    if not isinstance(elem, Dictionary) or elem.get('/S') != Name.Link:
        return False
    kids = elem.get('/K')
    kids = list(kids) if isinstance(kids, Array) else [kids]
    return any(isinstance(k, Dictionary) and k.get('/Type') == Name.OBJR and k.get('/Obj') is not None
               and k.Obj.objgen == annot.objgen for k in kids)


def check_annotations(page, where, level, report, tree):
    annots = page.obj.get('/Annots', [])
    for annot in annots:
        label = f'annotation {annot.get("/Subtype", "")}'
        flags = int(annot.get('/F', 0))
        if not flags & 4 or flags & HIDDEN:
            report.fail(where, 'annotations print and are not hidden (/F)', f'{label} F={flags}')
        if level == 'a' and annot.get('/Subtype') == Name.Link:
            if not str(annot.get('/Contents', '')).strip():
                report.fail(where, 'a Link has /Contents', label)
            if '/StructParent' not in annot:
                report.fail(where, 'a Link has /StructParent', label)
            elif not tagged_as_link(annot, tree):
                report.fail(where, "a Link's /StructParent maps to a Link element with an OBJR to it", label)
    if level == 'a' and len(annots) and page.obj.get('/Tabs') != Name.S:
        report.fail(where, 'a page with annotations has /Tabs /S')


def check_pages(pdf, level, report):
    seen, done = set(), set()
    tree = parent_tree(pdf)
    for number, page in enumerate(pdf.pages, 1):
        where = f'page {number}'
        resources = page.obj.get('/Resources', Dictionary())
        check_fonts(resources, where, level, report, done)
        for form in forms(resources, seen):
            check_fonts(form.get('/Resources', Dictionary()), f'{where}: form {form.objgen[0]}', level, report, done)
        check_annotations(page, where, level, report, tree)
