"""Catalog, trailer, XMP and output-intent rules (PDF/A-2 6.1.3, 6.2.2, 6.6, 6.7; PDF/UA 7.1)."""
import re
import xml.etree.ElementTree as ET

from pikepdf import Dictionary, Name, Stream

NS = {
    'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
    'dc': 'http://purl.org/dc/elements/1.1/',
    'xmp': 'http://ns.adobe.com/xap/1.0/',
    'pdfaid': 'http://www.aiim.org/pdfa/ns/id/',
    'pdfuaid': 'http://www.aiim.org/pdfua/ns/id/',
    'pdfaSchema': 'http://www.aiim.org/pdfa/ns/schema#',
    'pdf': 'http://ns.adobe.com/pdf/1.3/',
}
# Info keys and the XMP properties that say the same (kept equal where both are written).
SAME = [('/Producer', 'pdf', 'Producer'), ('/Creator', 'xmp', 'CreatorTool'), ('/Author', 'dc', 'creator'),
        ('/Subject', 'dc', 'description'), ('/Keywords', 'pdf', 'Keywords')]
BCP47 = re.compile(r'^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$')


def check_file(pdf, report):
    """The header (PDF/A-2 6.1.2: a comment of four bytes above 127 follows it) and no encryption (6.1.3)."""
    with open(pdf.filename, 'rb') as file:
        head = file.read(64)
    if not re.match(rb'%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}', head):
        report.fail('header', '%PDF-1.n then a comment of four bytes above 127', repr(head[:16]))
    if '/Encrypt' in pdf.trailer:
        report.fail('trailer', 'no /Encrypt')


def check_catalog(pdf, level, report):
    check_file(pdf, report)
    root = pdf.Root
    lang = str(root.get('/Lang', ''))
    if not lang.lower().startswith('ko') or not BCP47.match(lang):
        report.fail('catalog', '/Lang is Korean (ko…) and BCP-47', repr(lang))
    if level == 'a':
        mark = root.get('/MarkInfo', Dictionary())
        if mark.get('/Marked') is not True:
            report.fail('catalog', '/MarkInfo /Marked true')
        if '/StructTreeRoot' not in root:
            report.fail('catalog', 'a /StructTreeRoot')
    prefs = root.get('/ViewerPreferences', Dictionary())
    if prefs.get('/DisplayDocTitle') is not True:
        report.fail('catalog', '/ViewerPreferences /DisplayDocTitle true')
    if '/ID' not in pdf.trailer:
        report.fail('trailer', 'a trailer /ID')
    check_intent(root, report)
    check_xmp(pdf, level, report)


def check_intent(root, report):
    intents = [i for i in root.get('/OutputIntents', []) if i.get('/S') == Name.GTS_PDFA1]
    profile = intents[0].get('/DestOutputProfile') if intents else None
    if not isinstance(profile, Stream) or profile.get('/N') != 3:
        report.fail('catalog', '/OutputIntents has /GTS_PDFA1 with an RGB (/N 3) DestOutputProfile')


def _property(desc, prefix, name):
    """An XMP simple property, written as an element or as an attribute of rdf:Description."""
    key = f'{{{NS[prefix]}}}{name}'
    for d in desc:
        if key in d.attrib:
            return d.attrib[key].strip()
        element = d.find(f'{prefix}:{name}', NS)
        if element is not None:
            items = element.findall('.//rdf:li', NS)
            return (items[0].text if items else element.text or '').strip()
    return None


def check_xmp(pdf, level, report):
    stream = pdf.Root.get('/Metadata')
    if not isinstance(stream, Stream):
        report.fail('catalog', 'an XMP /Metadata stream')
        return
    if stream.get('/Type') != Name.Metadata or stream.get('/Subtype') != Name.XML:
        report.fail('/Metadata', '/Type /Metadata /Subtype /XML')
    data = bytes(stream.read_bytes())
    packet = re.match(rb'\s*<\?xpacket[^>]*\?>', data)
    if packet and (b'bytes=' in packet.group(0) or b'encoding=' in packet.group(0)):
        report.fail('/Metadata', 'the xpacket header has no bytes or encoding attribute')
    try:
        tree = ET.fromstring(data)
    except ET.ParseError as error:
        report.fail('/Metadata', 'XMP is well-formed XML', str(error))
        return
    desc = tree.findall('.//rdf:Description', NS)
    if _property(desc, 'pdfaid', 'part') != '2':
        report.fail('/Metadata', 'pdfaid:part is 2', repr(_property(desc, 'pdfaid', 'part')))
    conformance = _property(desc, 'pdfaid', 'conformance')
    if conformance != level.upper():
        report.fail('/Metadata', f'pdfaid:conformance is {level.upper()}', repr(conformance))
    if _property(desc, 'pdfuaid', 'part') is not None and b'<pdfaSchema:prefix>pdfuaid<' not in data:
        report.fail('/Metadata', 'pdfuaid:part only with its pdfaExtension schema')
    title = _property(desc, 'dc', 'title')
    info = pdf.trailer.get('/Info', Dictionary())
    if not title:
        report.fail('/Metadata', 'dc:title present')
    elif title != str(info.get('/Title', '')):
        report.fail('/Metadata', 'dc:title equals Info /Title', f'{title!r} vs {str(info.get("/Title", ""))!r}')
    for key, prefix, name in SAME:
        xmp_value, info_value = _property(desc, prefix, name), info.get(key)
        if xmp_value is not None and info_value is not None and xmp_value != str(info_value):
            report.fail('/Metadata', f'Info {key} equals {prefix}:{name}', f'{str(info_value)!r} vs {xmp_value!r}')
    for key, name in (('/CreationDate', 'CreateDate'), ('/ModDate', 'ModifyDate')):
        xmp_date, info_date = _property(desc, 'xmp', name), info.get(key)
        if info_date is not None and (xmp_date is None or same_date(str(info_date), xmp_date) is False):
            report.fail('/Metadata', f'Info {key} equals xmp:{name}', f'{str(info_date)!r} vs {xmp_date!r}')


def same_date(info, xmp):
    """Whether a PDF date (D:YYYYMMDDHHmmSS+hh'mm') and an XMP date name the same instant;
    False also when the PDF date lacks D: or its zone (Cairo 1.16's form)."""
    m = re.fullmatch(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'\d{2}'?)", info)
    x = re.fullmatch(r'(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})', xmp)
    if not m or not x:
        return False
    zone = lambda z: 'Z' if z in ('Z', '+00:00', "+00'00'", "+00'00") else z.replace("'", ':').rstrip(':')
    return m.groups()[:6] == x.groups()[:6] and zone(m.group(7)) == zone(x.group(7))
