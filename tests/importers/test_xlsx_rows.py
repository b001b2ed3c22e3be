"""The fast worksheet reader against hand-written workbook XML as Excel writes it (shared
strings, rich text, phonetic runs, date styles, formulas with cached values, prefixes), and
against openpyxl's own reader."""

import zipfile
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from catalog_sync.importers import Skip, parse_annex
from catalog_sync.importers.bounds import DEFAULT_BOUNDS
from catalog_sync.importers.xlsx_rows import Workbook

from .builders import GOOD_ROWS, xlsx

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/styles.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>
<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="{MAIN}">
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""
SHARED = f"""<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="{MAIN}" count="7" uniqueCount="7">
<si><t>TT</t></si><si><t>Tên sản phẩm</t></si><si><t>Chủ thể</t></si>
<si><t>Ngày ký</t></si><si><r><rPr><b/></rPr><t>Mật ong </t></r><r><t>rừng</t></r>
<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si><si><t xml:space="preserve">HTX  A &amp; B</t></si>
<si><t>Hạng sao</t></si></sst>"""


def handmade(path: Path, sheet_data: str, *, date1904: bool = False, prefix: str = "") -> Path:
    pr = '<workbookPr date1904="1"/>' if date1904 else "<workbookPr/>"
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}'
        '<sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    ns = f'xmlns:{prefix[:-1]}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><{prefix}worksheet {ns}>'
        f"<{prefix}sheetData>{sheet_data}</{prefix}sheetData>"
        f'<{prefix}mergeCells count="1"><{prefix}mergeCell ref="C3:C4"/></{prefix}mergeCells>'
        f"</{prefix}worksheet>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", STYLES)
        archive.writestr("xl/sharedStrings.xml", SHARED)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def excel_like_rows(p: str = "") -> str:
    return (
        f'<{p}row r="1"><{p}c r="A1" t="s"><{p}v>0</{p}v></{p}c><{p}c r="B1" t="s"><{p}v>1</{p}v>'
        f'</{p}c><{p}c r="C1" t="s"><{p}v>2</{p}v></{p}c><{p}c r="D1" t="s"><{p}v>3</{p}v></{p}c>'
        f'<{p}c r="E1" t="s"><{p}v>6</{p}v></{p}c></{p}row>'
        # row 2 is not stored at all
        f'<{p}row r="3"><{p}c r="A3"><{p}f>ROW()-2</{p}f><{p}v>1</{p}v></{p}c>'
        f'<{p}c r="B3" t="s"><{p}v>4</{p}v></{p}c><{p}c r="C3" t="s"><{p}v>5</{p}v></{p}c>'
        f'<{p}c r="D3" s="1"><{p}v>45608</{p}v></{p}c><{p}c r="E3" t="e"><{p}v>#N/A</{p}v>'
        f"</{p}c></{p}row>"
        # no r attributes at all: positions follow on
        f"<{p}row><{p}c><{p}v>2</{p}v></{p}c>"
        f'<{p}c t="inlineStr"><{p}is><{p}t>Trà &lt;xanh&gt;</{p}t></{p}is></{p}c><{p}c/>'
        f'<{p}c t="str"><{p}f>TODAY()</{p}f><{p}v>12/11/2024</{p}v></{p}c>'
        f"<{p}c><{p}v>4</{p}v></{p}c>"
        f'<{p}c t="b"><{p}v>1</{p}v></{p}c></{p}row>'
    )


EXPECTED = [
    (1, ("TT", "Tên sản phẩm", "Chủ thể", "Ngày ký", "Hạng sao")),
    (2, ()),
    (3, (1, "Mật ong rừng", "HTX  A & B", datetime(2024, 11, 12), "#N/A")),
    (4, (2, "Trà <xanh>", None, "12/11/2024", 4, True)),
]


def fast_rows(path: Path) -> list:
    with zipfile.ZipFile(path) as archive:
        workbook = Workbook(archive, DEFAULT_BOUNDS)
        return list(workbook.rows(workbook.sheets[0]))


def slow_rows(path: Path) -> list:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        rows = list(enumerate(sheet.iter_rows(values_only=True), start=1))
    finally:
        workbook.close()
    return [(n, tuple(v for v in cells)) for n, cells in rows]


def _trim(rows: list) -> list:
    out = []
    for number, cells in rows:
        cells = list(cells)
        while cells and cells[-1] is None:
            cells.pop()
        out.append((number, tuple(cells)))
    return out


def test_fast_reader_reads_excel_style_xml(tmp_path):
    assert fast_rows(handmade(tmp_path / "a.xlsx", excel_like_rows())) == EXPECTED


def test_fast_reader_reads_prefixed_elements(tmp_path):
    path = handmade(tmp_path / "a.xlsx", excel_like_rows("x:"), prefix="x:")
    assert fast_rows(path) == EXPECTED


def test_fast_reader_uses_the_1904_epoch(tmp_path):
    rows = fast_rows(handmade(tmp_path / "a.xlsx", excel_like_rows(), date1904=True))
    assert rows[2][1][3] == datetime(2024, 11, 12) + (datetime(1904, 1, 1) - datetime(1899, 12, 30))


def test_fast_reader_gives_what_openpyxl_gives(tmp_path):
    path = handmade(tmp_path / "a.xlsx", excel_like_rows())
    assert _trim(fast_rows(path)) == _trim(slow_rows(path))
    built = xlsx(tmp_path / "b.xlsx", [*GOOD_ROWS, (3, 4.5, date(2024, 1, 2), None, True)])
    assert _trim(fast_rows(built)) == _trim(slow_rows(built))


def test_handmade_excel_workbook_parses_end_to_end(tmp_path):
    path = handmade(tmp_path / "a.xlsx", excel_like_rows())
    result = parse_annex(path)
    assert result.skipped == [Skip(2, "blank row")]
    assert [(r.row, r.field, r.reason) for r in result.rejected] == [
        (3, "stars", "cannot read a star level from '#N/A'")
    ]
    row = result.rows[0]
    # the producer cell C3 is merged down over C4
    assert (row.row, row.product_name, row.producer, row.stars, row.decision_date) == (
        4,
        "Trà <xanh>",
        "HTX A & B",
        4,
        date(2024, 11, 12),
    )
    assert result.total_rows == 3
