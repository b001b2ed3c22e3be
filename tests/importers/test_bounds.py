"""What is read is bounded: decompression bombs and oversized sheets are refused with a reason,
in little memory; files within the bounds read as before."""

import tracemalloc
import zipfile

import pytest

from catalog_sync.importers import AnnexReadError, Skip, parse_annex
from catalog_sync.importers.bounds import FileTooLarge, ReadBounds
from testkit import hostile

from .builders import accounted, csv_bytes


def refused(path, **bounds) -> tuple[str, int]:
    """The reason a file is refused, and the peak memory traced while reading it."""
    tracemalloc.start()
    try:
        with pytest.raises(FileTooLarge) as caught:
            parse_annex(path, bounds=ReadBounds(**bounds))
        return str(caught.value), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_1_gib_shared_text_is_refused_before_it_is_read(tmp_path):
    # given a 1 MB workbook whose shared strings unpack to 1 GiB (one cell)
    path = hostile.huge_shared_cell(tmp_path / "bomb.xlsx")
    # when read, then refused, having read next to nothing
    reason, peak = refused(path)
    assert reason == "the shared texts (sharedStrings.xml) unpacks to 1024.1 MB; at most 64 MB is read"
    assert peak < 5 * hostile.MIB


def test_2_gib_of_sheet_whitespace_is_refused_before_it_is_read(tmp_path):
    path = hostile.sheet_whitespace(tmp_path / "spaces.xlsx")
    assert path.stat().st_size < 2.2e6
    reason, peak = refused(path)
    assert reason == "sheet 'Phụ lục' unpacks to 2048.1 MB; at most 256 MB is read"
    assert peak < 5 * hostile.MIB


def test_a_cell_longer_than_excel_allows_is_refused_while_it_is_read(tmp_path):
    path = hostile.huge_inline_cell(tmp_path / "cell.xlsx", size=200 * hostile.MIB)
    reason, peak = refused(path)
    assert reason == "cell B4 of sheet 'Phụ lục' is longer than 32,767 characters, the most a spreadsheet cell holds"
    assert peak < 10 * hostile.MIB


def test_a_long_shared_text_is_refused(tmp_path):
    path = hostile.huge_shared_cell(tmp_path / "cell.xlsx", size=40_000)
    reason, _ = refused(path)
    assert reason == "shared text 1 is longer than 32,767 characters, the most a spreadsheet cell holds"


def test_rows_with_a_value_in_a_far_column_are_refused(tmp_path):
    # given 5,000,000 rows each holding one value in column XFD (0.5 MB compressed)
    path = hostile.wide_rows(tmp_path / "wide.xlsx")
    reason, peak = refused(path)
    assert reason == "sheet 'Phụ lục' has a value in cell XFD4; at most 256 columns (IV) are read"
    assert peak < 10 * hostile.MIB


def test_a_row_number_past_excels_last_row_is_refused(tmp_path):
    row = hostile.inline_row(1_048_577, ["2", "Chè", "HTX Chè", "Hà Giang", "4"])
    path = hostile.workbook(tmp_path / "far.xlsx", [(hostile._sheet_start() + row + hostile._SHEET_END).encode()])
    reason, _ = refused(path)
    assert reason == "sheet 'Phụ lục' has more than 1,048,576 rows, the most a sheet holds"


def test_cells_archive_parts_and_csv_lines_are_bounded(tmp_path):
    path = hostile.blank_rows_then_product(tmp_path / "a.xlsx", blanks=10)
    assert refused(path, cells=8)[0] == "sheet 'Phụ lục' holds more than 8 cells"
    assert refused(path, parts=5)[0] == "the workbook holds 6 parts; at most 5 are read"
    lines = tmp_path / "lines.csv"
    lines.write_bytes(csv_bytes(["TT,Tên sản phẩm,Chủ thể,Tỉnh,Hạng sao", *[""] * 20, "1,Chè,HTX,Hà Giang,4"]))
    assert refused(lines, rows=20)[0] == "the text has 23 lines; at most 20 are read"


def test_whitespace_within_the_bounds_is_read_in_little_memory(tmp_path):
    # given 100 MB of whitespace between the rows of a valid annex
    path = hostile.sheet_whitespace(tmp_path / "spaces.xlsx", size=100 * hostile.MIB)
    tracemalloc.start()
    try:
        result = parse_annex(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [row.product_name for row in result.rows] == ["Mật ong rừng U Minh"]
    assert peak < 10 * hostile.MIB


def test_a_run_of_blank_rows_is_one_skip_naming_its_first_and_last_row(tmp_path):
    path = hostile.blank_rows_then_product(tmp_path / "blank.xlsx", blanks=3000)
    result = parse_annex(path)
    assert result.skipped == [Skip(4, "blank rows 4-3003 (3,000 rows)", last_row=3003)]
    assert [row.row for row in result.rows] == [3, 3004]
    assert result.total_rows == 3002 and accounted(result)


def test_a_single_blank_row_is_still_a_blank_row(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(["TT,Tên sản phẩm,Chủ thể,Tỉnh,Hạng sao", "1,Chè,HTX A,Hà Giang,4", "",
                                "2,Cam,HTX B,Hà Giang,4", ",,,,", "", "3,Bưởi,HTX C,Hà Giang,4"]))
    result = parse_annex(path, decision_date=None)
    assert result.skipped == [Skip(3, "blank row"), Skip(5, "blank rows 5-6 (2 rows)", last_row=6)]
    assert accounted(result)


def test_utf16_without_a_byte_order_mark_is_named(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes("TT,Tên sản phẩm,Chủ thể\r\n1,Mật ong,HTX Ong\r\n".encode("utf-16-le"))
    with pytest.raises(AnnexReadError) as caught:
        parse_annex(path)
    assert str(caught.value) == (
        "the text looks like UTF-16 without a byte-order mark (UTF-16LE): save it again as CSV UTF-8 "
        "(or as UTF-16 with a byte-order mark, which Excel's \"Unicode Text\" writes)"
    )


def test_binary_data_is_still_called_binary(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(AnnexReadError, match=r"holds binary data"):
        parse_annex(path)


def test_a_workbook_with_a_lying_size_is_refused_as_damaged(tmp_path):
    # given a workbook whose sheet says, in the archive's directory, that it unpacks to 1,000 bytes
    path = hostile.sheet_whitespace(tmp_path / "spaces.xlsx", size=hostile.MIB)
    with zipfile.ZipFile(path) as archive:
        declared = archive.getinfo("xl/worksheets/sheet1.xml").file_size
    data = bytearray(path.read_bytes())
    entry = data.rindex(b"PK\x01\x02", 0, data.rindex(b"xl/worksheets/sheet1.xml"))
    assert int.from_bytes(data[entry + 24 : entry + 28], "little") in (declared, 0xFFFFFFFF)
    data[entry + 24 : entry + 28] = (1000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    # when read, then it is refused as damaged, never read past the size it states
    with pytest.raises(AnnexReadError, match=r"cannot be read"):
        parse_annex(path)


def test_the_parts_read_across_sheets_are_bounded_together(tmp_path):
    # given three sheets of 1 MiB whitespace without a header, then the annex
    path = tmp_path / "sheets.xlsx"
    sheets = "".join(f'<sheet name="Trống {n}" sheetId="{n}" r:id="rId{n}"/>' for n in (1, 2, 3))
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{hostile.REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
        for n in (1, 2, 3)
    )
    empty = f'<worksheet xmlns="{hostile.MAIN}"><sheetData>{" " * hostile.MIB}</sheetData></worksheet>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{hostile.MAIN}" xmlns:r="{hostile.REL}">'
                                            f"<sheets>{sheets}</sheets></workbook>")
        archive.writestr("xl/_rels/workbook.xml.rels",
                         f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                         f"{rels}</Relationships>")
        for n in (1, 2, 3):
            archive.writestr(f"xl/worksheets/sheet{n}.xml", empty)
    # when read with room for two of them, then the third is refused
    reason, _ = refused(path, total_bytes=int(2.5 * hostile.MIB))
    assert reason == "the workbook's parts read up to sheet 'Trống 3' unpack to 3.1 MB; at most 2.5 MB is read"
