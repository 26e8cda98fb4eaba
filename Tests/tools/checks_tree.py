"""Structure-tree rules (PDF/UA-1 7.2, 7.3, 7.4, 7.5 as veraPDF words them), walked in pre-order."""
import re

from pikepdf import Array, Dictionary, Name

SCOPES = {'/Row', '/Column', '/Both'}
# A child's structure type -> the parent types it may have; a parent type -> the child types it may hold.
PARENTS = {'/TR': {'/Table', '/THead', '/TBody', '/TFoot'}, '/TH': {'/TR'}, '/TD': {'/TR'},
           '/LI': {'/L'}, '/Lbl': {'/LI'}, '/LBody': {'/LI'}}
CHILDREN = {'/TR': {'/TH', '/TD'}, '/L': {'/LI', '/L', '/Caption'}, '/LI': {'/Lbl', '/LBody'}}


def kids(elem):
    k = elem.get('/K')
    return [] if k is None else list(k) if isinstance(k, Array) else [k]


def elements(elem):
    """The structure-element children of an element (not MCIDs, MCRs or OBJRs)."""
    return [k for k in kids(elem) if isinstance(k, Dictionary) and k.get('/Type') not in (Name.MCR, Name.OBJR)]


def check_tree(pdf, level, report):
    root = pdf.Root.get('/StructTreeRoot')
    if root is None:
        return   # reported by the catalog rules
    roles = root.get('/RoleMap', Dictionary())
    kind = lambda e: str(roles.get(str(e.get('/S', '')), e.get('/S', '')))
    top = elements(root)
    if len(top) != 1 or kind(top[0]) != '/Document':
        report.fail('structure', 'the tree has one root element, Document', ' '.join(kind(e) for e in top))
    elif len(elements(top[0])) < len(kids(top[0])) or not elements(top[0]):
        report.fail('structure', 'the Document holds elements, no content of its own (text is tagged by kind)')
    headings, seen = [], set()

    def walk(elem, parent):
        if elem.objgen in seen:
            report.fail(f'element {elem.objgen[0]}', 'each element once in the tree')
            return
        seen.add(elem.objgen)
        s, where = kind(elem), f'element {elem.objgen[0]} {kind(elem)}'
        if s in PARENTS and parent not in PARENTS[s]:
            report.fail(where, f'{s[1:]} sits in {"/".join(sorted(p[1:] for p in PARENTS[s]))}', f'parent {parent}')
        for child in elements(elem):
            if s in CHILDREN and kind(child) not in CHILDREN[s]:
                report.fail(where, f'{s[1:]} holds only {"/".join(sorted(c[1:] for c in CHILDREN[s]))}', kind(child))
        if s == '/Figure' and not str(elem.get('/Alt', '')).strip():
            report.fail(where, 'a Figure has non-empty /Alt')
        if s == '/TH':
            check_scope(elem, where, report)
        if s == '/Table' and not has_header(elem, kind):
            report.fail(where, 'a Table has TH cells')
        if s == '/Table':
            widths = row_widths(elem, kind)
            if len(set(widths)) > 1:
                report.fail(where, 'the rows of a Table are equally wide (counting RowSpan/ColSpan)', str(widths))
        if re.fullmatch(r'/H[1-6]', s):
            headings.append((int(s[2]), where))
        for child in elements(elem):
            walk(child, s)

    for elem in top:
        walk(elem, '/StructTreeRoot')
    previous = 0
    for level, where in headings:
        if level > previous + 1:
            report.fail(where, 'headings start at H1 and skip no level', f'H{level} after H{previous}' if previous else
                        f'first heading is H{level}')
        previous = level


def check_scope(elem, where, report):
    attributes = elem.get('/A')
    attributes = list(attributes) if isinstance(attributes, Array) else [attributes] if attributes is not None else []
    scopes = [str(a.get('/Scope')) for a in attributes if isinstance(a, Dictionary) and '/Scope' in a]
    if not scopes or any(s not in SCOPES for s in scopes):
        report.fail(where, 'a TH has /Scope Row, Column or Both in /A', ' '.join(scopes))


def has_header(table, kind):
    """Whether a table holds a TH outside any table nested in it."""
    for child in elements(table):
        if kind(child) == '/TH' or (kind(child) != '/Table' and has_header(child, kind)):
            return True
    return False


def spans(cell):
    """A cell's (RowSpan, ColSpan) from its attributes, 1 when not given."""
    attributes = cell.get('/A')
    attributes = list(attributes) if isinstance(attributes, Array) else [attributes] if attributes is not None else []
    found = {key: int(a[key]) for a in attributes if isinstance(a, Dictionary) for key in ('/RowSpan', '/ColSpan')
             if key in a}
    return found.get('/RowSpan', 1), found.get('/ColSpan', 1)


def row_widths(table, kind):
    """Each row's width in columns: its cells' ColSpans and the cells above that span into it."""
    rows = []
    for child in elements(table):
        if kind(child) == '/TR':
            rows.append(child)
        elif kind(child) in ('/THead', '/TBody', '/TFoot'):
            rows += [r for r in elements(child) if kind(r) == '/TR']
    widths, carried = [], []
    for row in rows:
        width, below = sum(columns for _, columns in carried), [(r - 1, c) for r, c in carried if r > 1]
        for cell in elements(row):
            down, columns = spans(cell)
            width += columns
            if down > 1:
                below.append((down - 1, columns))
        widths.append(width)
        carried = below
    return widths
