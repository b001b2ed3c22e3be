import io
import unicodedata
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from catalog_sync.importers import (
    NO_DECISION_DATE,
    AnnexReadError,
    AnnexRow,
    Rejection,
    Skip,
    parse_annex,
)

from .builders import GOOD_ROWS, accounted, reasons, skips, xlsx

GOOD = GOOD_ROWS


def test_title_rows_give_decision_number_date_and_issuer(tmp_path):
    result = parse_annex(xlsx(tmp_path / "annex.xlsx", GOOD))

    assert result.file == str(tmp_path / "annex.xlsx")
    assert result.decision_no == "2417/QĐ-UBND"
    assert result.decision_date == date(2024, 11, 12)
    assert result.issuer == "UBND tỉnh Lâm Đồng"
    assert result.rows[0] == AnnexRow(
        row=4,
        product_name="Mật ong rừng U Minh",
        producer="HTX Ong mật U Minh",
        stars=4,
        group_slug="thuc-pham",
        set_slug=None,
        province_as_written="Cà Mau",
        province_slug="ca-mau",
        address="xã Khánh An",
        organisation_type="cooperative",
        score=None,
        decision_no="2417/QĐ-UBND",
        decision_date=date(2024, 11, 12),
        valid_until=None,
        issuer="UBND tỉnh Lâm Đồng",
    )
    assert [(r.row, r.stars, r.group_slug, r.organisation_type) for r in result.rows] == [
        (4, 4, "thuc-pham", "cooperative"),
        (5, 3, "do-uong", "household"),
    ]
    assert result.total_rows == 2
    assert result.rejected == [] and result.skipped == []


def test_options_override_the_title(tmp_path):
    result = parse_annex(
        xlsx(tmp_path / "a.xlsx", GOOD),
        filename="phu-luc.xlsx",
        decision_no="99/QĐ-UBND",
        decision_date=date(2025, 1, 2),
    )
    assert result.file == "phu-luc.xlsx"
    assert (result.decision_no, result.decision_date) == ("99/QĐ-UBND", date(2025, 1, 2))
    assert {(r.decision_no, r.decision_date) for r in result.rows} == {("99/QĐ-UBND", date(2025, 1, 2))}


def test_title_with_date_in_words_and_short_decision_form(tmp_path):
    title = ("PHỤ LỤC", "(Kèm theo QĐ số 2417/QĐ-UBND ngày 12 tháng 11 năm 2024)")
    result = parse_annex(xlsx(tmp_path / "a.xlsx", GOOD, title=title))
    assert (result.decision_no, result.decision_date) == ("2417/QĐ-UBND", date(2024, 11, 12))

    title = ("Danh sách theo Quyết định 2361/QĐ-BNNMT",)
    result = parse_annex(xlsx(tmp_path / "b.xlsx", GOOD, title=title))
    assert (result.decision_no, result.decision_date) == ("2361/QĐ-BNNMT", None)
    assert [(r.row, r.field, r.reason) for r in result.rejected] == [
        (3, "decision_date", NO_DECISION_DATE),
        (4, "decision_date", NO_DECISION_DATE),
    ]


def test_rows_without_any_decision_date_are_rejected_and_the_option_rescues_them(tmp_path):
    path = xlsx(tmp_path / "a.xlsx", GOOD, title=("DANH SÁCH SẢN PHẨM OCOP",))
    result = parse_annex(path)
    assert result.rows == []
    assert reasons(result) == [
        (3, "decision_date", "no decision date in the row, the title or --decision-date"),
        (4, "decision_date", "no decision date in the row, the title or --decision-date"),
    ]
    assert accounted(result)

    rescued = parse_annex(path, decision_date=date(2024, 3, 1))
    assert [(r.row, r.decision_date, r.decision_no) for r in rescued.rows] == [
        (3, date(2024, 3, 1), None),
        (4, date(2024, 3, 1), None),
    ]


def test_group_section_rows_set_the_group_and_are_skipped_not_rejected(tmp_path):
    rows = [
        ("I. NHÓM THỰC PHẨM",),
        (1, "Mật ong", "HTX A", None, "Cà Mau", "4 sao", None),
        (2, "Nước mắm Phan Thiết", "Công ty B", None, "Bình Thuận", "3 sao", None),
        (None, "Nhóm Đồ uống"),
        (3, "Rượu cần", "Hộ kinh doanh C", None, "Lâm Đồng", "3 sao", None),
        ("III", "Dược liệu và sản phẩm từ dược liệu"),
        (4, "Cao atiso", "Công ty D", None, "Lâm Đồng", "4 sao", None),
        ("1. Bộ sản phẩm tinh dầu và dược liệu khác",),
        (5, "Tinh dầu sả", "Cơ sở E", None, "Lâm Đồng", "3 sao", None),
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows, merges=["A4:G4"]))

    assert skips(result) == [
        (4, "group section: Thực phẩm"),
        (7, "group section: Đồ uống"),
        (9, "group section: Dược liệu và sản phẩm từ dược liệu"),
        (11, "product set section: Tinh dầu và dược liệu khác"),
    ]
    assert [(r.row, r.group_slug, r.set_slug) for r in result.rows] == [
        (5, "thuc-pham", None),
        (6, "thuc-pham", None),
        (8, "do-uong", None),
        (10, "duoc-lieu", None),
        (12, "duoc-lieu", "tinh-dau-duoc-lieu-khac"),
    ]
    assert result.rejected == []
    assert result.total_rows == 9 and accounted(result)


def test_a_group_column_wins_over_the_section_and_names_the_set(tmp_path):
    rows = [
        ("I. NHÓM THỰC PHẨM",),
        (1, "Trà xanh Tân Cương", "HTX Trà", None, "Thái Nguyên", "4 sao", "Thực phẩm (chè)"),
        (2, "Rượu mơ", "HTX Mơ", None, "Thái Nguyên", "3 sao", "Đồ uống"),
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows))
    assert [(r.group_slug, r.set_slug) for r in result.rows] == [
        ("thuc-pham", "che-tuoi-che-bien"),
        ("do-uong", None),
    ]


def test_subtotal_blank_and_note_rows_are_skipped(tmp_path):
    rows = [
        (1, "Mật ong", "HTX A", None, "Cà Mau", "4 sao", None),
        (None,) * 7,
        (2, "Cộng đồng du lịch Cù Lao", "HTX Du lịch", None, "Vĩnh Long", "3 sao", None),
        (None, "Cộng", None, None, None, 2),
        (None, "Tổng cộng: 2 sản phẩm", "2 chủ thể"),
        ("Tổng",),
        ("Total",),
        ("Ghi chú: danh sách gồm 2 sản phẩm",),
        (None, None, None, None, "KT. CHỦ TỊCH"),
        (None, None, None, None, "Nguyễn Văn A"),
        (None,) * 7,
        (None,) * 7,
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows))
    assert [r.row for r in result.rows] == [4, 6]
    assert result.rows[1].product_name == "Cộng đồng du lịch Cù Lao"
    assert skips(result) == [
        (5, "blank row"),
        (7, "subtotal row 'Cộng 2'"),
        (8, "subtotal row 'Tổng cộng: 2 sản phẩm 2 chủ thể'"),
        (9, "subtotal row 'Tổng'"),
        (10, "subtotal row 'Total'"),
        (11, "note row 'Ghi chú: danh sách gồm 2 sản phẩm'"),
        (12, "not a product row: 'KT. CHỦ TỊCH'"),
        (13, "not a product row: 'Nguyễn Văn A'"),
    ]
    # the two blank rows at the very end are not data rows
    assert result.total_rows == 10 and accounted(result)


def test_bad_rows_are_rejected_with_row_field_and_reason_and_neighbours_survive(tmp_path):
    rows = [
        (1, None, "HTX A", None, "Cà Mau", "4 sao", None),
        (2, "Mật ong", None, None, "Cà Mau", "4 sao", None),
        (3, "Trà", "HTX B", None, "Cà Mau", "nhiều sao", None),
        (4, "Cà phê", "HTX C", None, "Cà Mau", 7, None),
        (5, "Chè", "HTX D", None, "Cà Mau", "2 sao", None),
        (6, "Bánh pía", "Cơ sở E", None, "Cà Mau", "5*", None),
        (7, "Bánh pía", "Co so E", None, "Cà Mau", "4 sao", None),
        (8, "Nước mắm", "(producer not named in source)", None, "Atlantis", "4 sao", None),
        (9, "Nước mắm", "(producer not named in source)", None, "Cà Mau", "4 sao", None),
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows))

    assert reasons(result) == [
        (4, "product_name", "product name is missing"),
        (5, "producer", "producer is missing"),
        (6, "stars", "cannot read a star level from 'nhiều sao'"),
        (7, "stars", "stars must be 1 to 5, got 7"),
        (8, "stars", "2★ is not certified: OCOP certifies 3★ and above"),
        (10, "row", "duplicate of row 9"),
        (11, "province", "unknown province 'Atlantis'"),
    ]
    assert [(r.row, r.product_name, r.producer, r.stars) for r in result.rows] == [
        (9, "Bánh pía", "Cơ sở E", 5),
        (12, "Nước mắm", "(producer not named in source)", 4),
    ]
    assert result.rows[1].organisation_type == "other"
    assert accounted(result)


def test_a_row_with_several_problems_gets_one_rejection_per_field_and_counts_once(tmp_path):
    header = ("TT", "Tên sản phẩm", "Chủ thể", "Hạng sao", "Ngày quyết định", "Ngày hết hạn")
    rows = [
        (1, None, None, "9 sao", "31/02/2024", "hôm nay"),
        (2, "Mật ong", "HTX A", "4 sao", "12/11/2024", "12/11/2027"),
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows, header=header, title=()))
    assert reasons(result) == [
        (2, "product_name", "product name is missing"),
        (2, "producer", "producer is missing"),
        (2, "stars", "stars must be 1 to 5, got 9"),
        (2, "decision_date", "not a real date: '31/02/2024'"),
        (2, "valid_until", "cannot read a date from 'hôm nay'"),
    ]
    assert result.rejected_row_numbers == [2]
    assert result.rejections_for(2)[0] == Rejection(2, "product_name", "product name is missing")
    assert result.total_rows == 2
    assert result.total_rows == len(result.rows) + len(result.rejected_row_numbers) + len(result.skipped)
    assert result.rows[0].valid_until == date(2027, 11, 12)


def test_a_duplicate_of_a_rejected_row_is_accepted(tmp_path):
    rows = [
        (1, "Mật ong", "HTX A", None, "Cà Mau", "sao", None),
        (2, "MẬT ONG", "htx a", None, "Cà Mau", "4 sao", None),
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows))
    assert reasons(result) == [(4, "stars", "cannot read a star level from 'sao'")]
    assert [r.row for r in result.rows] == [5]


def test_date_cells_serial_numbers_and_text_dates_in_date_columns(tmp_path):
    header = ("STT", "Sản phẩm", "Chủ thể", "Số sao", "Ngày ký", "Hiệu lực đến", "Số quyết định")
    rows = [
        (1, "A", "HTX A", 4, datetime(2024, 11, 12), datetime(2027, 11, 12), "2417/QĐ-UBND"),
        (2, "B", "HTX B", 4.0, 45608, None, None),
        (3, "C", "HTX C", "4", "05/8/2025", "05/08/2028", None),
        (4, "D", "HTX D", "★★★★", "ngày 12 tháng 11 năm 2024", None, None),
        (5, "E", "HTX E", "4 Sao", "2024-11-12", "2023-01-01", None),
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows, header=header, title=()))
    assert [(r.row, r.stars, r.decision_date, r.valid_until, r.decision_no) for r in result.rows] == [
        (2, 4, date(2024, 11, 12), date(2027, 11, 12), "2417/QĐ-UBND"),
        (3, 4, date(2024, 11, 12), None, None),
        (4, 4, date(2025, 8, 5), date(2028, 8, 5), None),
        (5, 4, date(2024, 11, 12), None, None),
    ]
    assert reasons(result) == [(6, "valid_until", "last valid day 01/01/2023 is before the decision date 12/11/2024")]


def test_a_combined_number_and_date_column_gives_both(tmp_path):
    header = ("TT", "Tên sản phẩm", "Chủ thể", "Hạng sao", "Số, ngày QĐ", "Cơ quan công nhận")
    rows = [(1, "Mật ong", "HTX A", "4 sao", "4894/QĐ-UBND ngày 12/11/2024", "UBND huyện X")]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows, header=header, title=()))
    row = result.rows[0]
    assert (row.decision_no, row.decision_date, row.issuer) == (
        "4894/QĐ-UBND",
        date(2024, 11, 12),
        "UBND huyện X",
    )


def test_score_column_is_read_and_gives_stars_when_no_star_column(tmp_path):
    header = ("TT", "Tên sản phẩm", "Chủ thể", "Tổng điểm")
    rows = [
        (1, "Mật ong", "HTX A", 91),
        (2, "Trà", "HTX B", "72,5"),
        (3, "Bánh", "HTX C", 45),
        (4, "Kẹo", "HTX D", "cao"),
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows, header=header, title=()), decision_date=date(2024, 1, 1))
    assert [(r.row, r.stars, r.score) for r in result.rows] == [(2, 5, 91.0), (3, 4, 72.5)]
    assert reasons(result) == [
        (4, "stars", "2★ is not certified: OCOP certifies 3★ and above"),
        (5, "stars", "star level is missing"),
        (5, "score", "cannot read a score from 'cao'"),
    ]


def test_stars_that_contradict_the_score_are_rejected(tmp_path):
    header = ("TT", "Tên sản phẩm", "Chủ thể", "Điểm", "Hạng sao")
    rows = [(1, "Mật ong", "HTX A", 85, "5 sao"), (2, "Trà", "HTX B", 85, "4 sao")]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows, header=header, title=()), decision_date=date(2024, 1, 1))
    assert reasons(result) == [(2, "stars", "5★ does not match the score 85, which is 4★")]
    assert [r.row for r in result.rows] == [3]


def test_star_and_province_sections_fill_rows_without_those_columns(tmp_path):
    header = ("TT", "Tên sản phẩm", "Chủ thể")
    rows = [
        ("A", "SẢN PHẨM ĐẠT 5 SAO"),
        ("I", "Tỉnh Kiên Giang"),
        (1, "Nước mắm Phú Quốc", "Công ty Khải Hoàn"),
        ("B", "SẢN PHẨM ĐẠT 4 SAO"),
        (2, "Hồ tiêu Phú Quốc", "HTX Tiêu"),
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows, header=header, title=()), decision_date=date(2024, 1, 1))
    assert skips(result) == [
        (2, "star section: 5★"),
        (3, "province section: An Giang"),
        (5, "star section: 4★"),
    ]
    assert [(r.row, r.stars, r.province_as_written, r.province_slug) for r in result.rows] == [
        (4, 5, "Tỉnh Kiên Giang", "an-giang"),
        (6, 4, "Tỉnh Kiên Giang", "an-giang"),
    ]


def test_current_province_column_wins_and_address_parts_are_joined(tmp_path):
    header = ("TT", "Tên sản phẩm", "Chủ thể", "Tỉnh", "Tỉnh (sau sáp nhập)", "Huyện", "Xã/phường", "Số sao")
    rows = [
        (1, "Mật hoa dừa", "Công ty TNHH Trà Vinh FARM", "Trà Vinh", "Vĩnh Long", "huyện Tiểu Cần", "xã Phú Cần", 5)
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows, header=header, title=()), decision_date=date(2024, 1, 1))
    row = result.rows[0]
    assert (row.province_as_written, row.province_slug, row.address) == (
        "Trà Vinh",
        "vinh-long",
        "xã Phú Cần, huyện Tiểu Cần",
    )


def test_a_producer_merged_down_several_rows_reaches_each_row(tmp_path):
    rows = [
        (1, "Kẹo dừa ca cao", "Công ty Đông Á", None, "Bến Tre", "5 sao", None),
        (2, "Kẹo dừa gừng", None, None, "Bến Tre", "5 sao", None),
        (3, "Kẹo dừa sầu riêng", None, None, "Bến Tre", "5 sao", None),
        (4, "Bưởi da xanh", "HTX Giồng Trôm", None, "Bến Tre", "4 sao", None),
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows, merges=["C4:C6", "E4:E7"]))
    assert [(r.row, r.producer, r.province_slug) for r in result.rows] == [
        (4, "Công ty Đông Á", "vinh-long"),
        (5, "Công ty Đông Á", "vinh-long"),
        (6, "Công ty Đông Á", "vinh-long"),
        (7, "HTX Giồng Trôm", "vinh-long"),
    ]


def test_repeated_header_and_column_numbering_rows_are_skipped(tmp_path):
    rows = [
        ("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"),
        GOOD[0],
        ("TT", "Tên sản phẩm", "Chủ thể sản xuất", "Xã/phường", "Tỉnh", "Hạng sao", "Nhóm"),
        GOOD[1],
        (3,),
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows))
    assert skips(result) == [
        (4, "column numbering row"),
        (6, "repeated header row"),
        (8, "no product data in the row (numbers only)"),
    ]
    assert [r.row for r in result.rows] == [5, 7]


def test_decomposed_unicode_cells_come_out_nfc(tmp_path):
    nfd = [(unicodedata.normalize("NFD", str(v)) if isinstance(v, str) else v) for v in GOOD[0]]
    header = [
        unicodedata.normalize("NFD", h)
        for h in ("TT", "Tên sản phẩm", "Chủ thể sản xuất", "Xã/phường", "Tỉnh", "Hạng sao", "Nhóm")
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", [nfd], header=header))
    row = result.rows[0]
    assert row.product_name == "Mật ong rừng U Minh"
    assert unicodedata.is_normalized("NFC", row.product_name)
    assert unicodedata.is_normalized("NFC", row.producer)
    assert row.province_slug == "ca-mau"


def test_only_the_first_sheet_with_a_header_is_read(tmp_path):
    notes = ("Hướng dẫn", [("Hướng dẫn điền danh sách",), ("Không có bảng ở đây",)])
    other = ("Khác", [("Tên sản phẩm", "Chủ thể", "Hạng sao"), ("X", "Y", "5 sao")])
    path = xlsx(tmp_path / "a.xlsx", GOOD, extra_sheets_before=[notes])
    result = parse_annex(path)
    assert [r.product_name for r in result.rows] == ["Mật ong rừng U Minh", "Rượu cần Lạc Dương"]

    path = xlsx(tmp_path / "b.xlsx", GOOD, extra_sheets_before=[notes, other])
    result = parse_annex(path, decision_date=date(2024, 1, 1))
    assert [(r.row, r.product_name) for r in result.rows] == [(2, "X")]


def test_format_is_detected_by_content_not_extension(tmp_path):
    path = xlsx(tmp_path / "annex.csv", GOOD)
    assert len(parse_annex(path).rows) == 2
    misnamed = tmp_path / "annex.xls"
    misnamed.write_bytes(path.read_bytes())
    assert len(parse_annex(misnamed).rows) == 2
    data = path.read_bytes()
    assert len(parse_annex(io.BytesIO(data), filename="upload.bin").rows) == 2


class _OneWayStream(io.RawIOBase):
    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def readinto(self, buffer) -> int:  # type: ignore[override]
        chunk = self._data.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def test_a_stream_that_cannot_seek_is_read(tmp_path):
    data = xlsx(tmp_path / "a.xlsx", GOOD).read_bytes()
    result = parse_annex(_OneWayStream(data))  # type: ignore[arg-type]
    assert result.file == "<upload>"
    assert len(result.rows) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \r\n", "the file is empty"),
        (b"\xef\xbb\xbf\r\n", "the file is empty"),
        (b"\xff\xfe", "the file is empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "save it as .xlsx"),
        (b"%PDF-1.7\n...", "this is a PDF"),
        (b"<html><table><tr><td>TT</td></tr></table></html>", "web page"),
        (b"PK\x03\x04garbage", "damaged"),
        (b"\x00\x01\x02binary", "binary data"),
    ],
)
def test_files_that_cannot_be_read_raise_a_plain_words_error(tmp_path, content, message):
    path = tmp_path / "annex.xls"
    path.write_bytes(content)
    with pytest.raises(AnnexReadError, match=message):
        parse_annex(path)


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "annex.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(AnnexReadError, match="not an Excel workbook"):
        parse_annex(path)


def test_a_missing_file_is_a_read_error(tmp_path):
    with pytest.raises(AnnexReadError, match="file not found"):
        parse_annex(tmp_path / "nope.xlsx")


def test_a_workbook_without_a_header_row_names_the_sheets_looked_at(tmp_path):
    path = tmp_path / "a.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Tờ 1"
    for index in range(40):
        sheet.append([f"dòng {index}", "Tên sản phẩm" if index == 35 else None, "Hạng sao"])
    workbook.save(path)
    with pytest.raises(AnnexReadError) as error:
        parse_annex(path)
    assert str(error.value) == (
        "no header row found in the first 30 rows of any sheet ('Tờ 1'): expected a product "
        "name column (e.g. 'Tên sản phẩm') and a producer ('Chủ thể') or star level "
        "('Hạng sao') column"
    )


def test_a_header_with_no_rows_below_gives_an_empty_result(tmp_path):
    result = parse_annex(xlsx(tmp_path / "a.xlsx", []))
    assert (result.rows, result.rejected, result.skipped, result.total_rows) == ([], [], [], 0)


def test_progress_is_reported_every_500_rows_and_at_the_end(tmp_path):
    rows = [(i, f"Sản phẩm {i}", f"HTX {i}", None, "Cà Mau", "3 sao", None) for i in range(1, 1201)]
    calls: list[tuple[int, int]] = []
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows), progress=lambda d, t: calls.append((d, t)))
    assert len(result.rows) == 1200
    assert calls == [(500, 1200), (1000, 1200), (1200, 1200)]


def test_skip_and_row_values_are_plain_dataclasses(tmp_path):
    result = parse_annex(xlsx(tmp_path / "a.xlsx", [("Tổng cộng",)]))
    assert result.skipped == [Skip(4, "subtotal row 'Tổng cộng'")]


def test_numbered_rows_are_products_unless_they_open_a_product_set(tmp_path):
    rows = [
        ("I", "NHÓM THỰC PHẨM"),
        (1, "Bộ sản phẩm mật ong, mật khác và nông sản thực phẩm khác"),
        (1, "Mật ong"),
        (2, "Sản phẩm 4 sao", "HTX Bốn Sao", None, "Cà Mau", "4 sao"),
        (None, "* Sản phẩm được công nhận có hiệu lực 36 tháng"),
    ]
    result = parse_annex(xlsx(tmp_path / "a.xlsx", rows))
    assert skips(result) == [
        (4, "group section: Thực phẩm"),
        (5, "product set section: Mật ong, mật khác và nông sản thực phẩm khác"),
        (8, "note row '* Sản phẩm được công nhận có hiệu lực 36 tháng'"),
    ]
    assert reasons(result) == [
        (6, "producer", "producer is missing"),
        (6, "stars", "star level is missing"),
    ]
    assert [(r.row, r.product_name, r.group_slug, r.set_slug) for r in result.rows] == [
        (7, "Sản phẩm 4 sao", "thuc-pham", "mat-ong-nong-san-khac")
    ]
    assert accounted(result)
