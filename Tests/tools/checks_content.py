"""Marked-content rules (PDF/UA-1 7.1-1..3, ISO 32000 14.7.4): everything painted is either an
/Artifact or marked content whose /MCID the parent tree maps to an element that lists it."""
import pikepdf
from pikepdf import Array, Dictionary, Name, Stream

PAINT = {'Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'Do', 'sh', 'INLINE IMAGE', 'BI'}


def number_tree(node, out=None):
    """A number tree (/Nums, /Kids) as {number: value}."""
    out = {} if out is None else out
    nums = node.get('/Nums', [])
    for i in range(0, len(nums) - 1, 2):
        out[int(nums[i])] = nums[i + 1]
    for kid in node.get('/Kids', []):
        number_tree(kid, out)
    return out


def parent_tree(pdf):
    """The structure tree's parent tree as {number: value}, empty without one."""
    root = pdf.Root.get('/StructTreeRoot')
    return number_tree(root.ParentTree) if root is not None and '/ParentTree' in root else {}


def listed_mcids(elem, page):
    """The MCIDs an element's /K lists for `page`."""
    k = elem.get('/K')
    out = set()
    for kid in [] if k is None else list(k) if isinstance(k, Array) else [k]:
        if isinstance(kid, int) and not isinstance(kid, bool):
            if elem.get('/Pg') is not None and elem.Pg.objgen == page.objgen:
                out.add(kid)
        elif isinstance(kid, Dictionary) and kid.get('/Type') == Name.MCR:
            pg = kid.get('/Pg', elem.get('/Pg'))
            if pg is not None and pg.objgen == page.objgen:
                out.add(int(kid.MCID))
    return out


class Walker:
    """Walks one content stream (a page's or a form's), with the marked content open around it."""

    def __init__(self, report, where, page, tree, owner, resources):
        parents = owner.get('/StructParents')
        self.report, self.where, self.page, self.tree = report, where, page, tree
        self.mapping = tree.get(int(parents)) if parents is not None else None
        self.resources, self.used = resources, set()

    def run(self, stream_owner, outer, seen_forms):
        stack, in_text = list(outer), False
        for instruction in pikepdf.parse_content_stream(stream_owner):
            op = str(instruction.operator)
            if op == 'BT':
                in_text = True
            elif op == 'ET':
                in_text = False
            elif op in ('BDC', 'BMC'):
                stack.append(self.open(instruction.operands, op, stack, in_text))
            elif op == 'EMC':
                if len(stack) == len(outer):
                    self.report.fail(self.where, 'BDC/BMC and EMC balance', 'EMC without BDC')
                elif stack.pop()[2] != in_text:
                    self.report.fail(self.where, 'no marked content crosses BT/ET')
            if op in PAINT and not any(tag == '/Artifact' or mcid is not None for tag, mcid, _ in stack):
                self.report.fail(self.where, 'painting only inside an Artifact or tagged content', op)
            if op == 'Do':
                self.form(instruction.operands, stack, seen_forms)
        if len(stack) != len(outer):
            self.report.fail(self.where, 'BDC/BMC and EMC balance', f'{len(stack) - len(outer)} left open')

    def open(self, operands, op, stack, in_text):
        tag = str(operands[0])
        props = operands[1] if op == 'BDC' and len(operands) > 1 else None
        if isinstance(props, Name) and self.resources is not None:
            props = self.resources.get('/Properties', Dictionary()).get(str(props))
        mcid = int(props.MCID) if isinstance(props, Dictionary) and '/MCID' in props else None
        artifact = any(t == '/Artifact' for t, _, _ in stack)
        tagged = any(m is not None for _, m, _ in stack)
        if tag == '/Artifact' and tagged:
            self.report.fail(self.where, 'no Artifact inside tagged content')
        if mcid is not None:
            if artifact:
                self.report.fail(self.where, 'no MCID inside an Artifact', f'MCID {mcid}')
            self.map(mcid)
        return (tag, mcid, in_text)

    def map(self, mcid):
        if mcid in self.used:
            self.report.fail(self.where, 'each MCID once per content stream', f'MCID {mcid}')
        self.used.add(mcid)
        elem = self.mapping[mcid] if isinstance(self.mapping, Array) and mcid < len(self.mapping) else None
        if not isinstance(elem, Dictionary):
            self.report.fail(self.where, 'every MCID is in the parent tree', f'MCID {mcid}')
        elif mcid not in listed_mcids(elem, self.page):
            self.report.fail(self.where, "an MCID's element lists it in /K (no orphan)",
                             f'MCID {mcid} -> {elem.get("/S", "")} {elem.objgen[0]}')

    def form(self, operands, stack, seen_forms):
        xobject = (self.resources or Dictionary()).get('/XObject', Dictionary()).get(str(operands[0]))
        if not isinstance(xobject, Stream) or xobject.get('/Subtype') != Name.Form or xobject.objgen in seen_forms:
            return
        walker = Walker(self.report, f'{self.where}: form {xobject.objgen[0]}', self.page, self.tree, xobject,
                        xobject.get('/Resources', self.resources))
        walker.run(xobject, stack, seen_forms | {xobject.objgen})


def check_content(pdf, level, report):
    tree = parent_tree(pdf)
    for number, page in enumerate(pdf.pages, 1):
        walker = Walker(report, f'page {number}', page.obj, tree, page.obj, page.obj.get('/Resources', Dictionary()))
        walker.run(page, [], frozenset())
