import io
import unicodedata
from datetime import date

import pytest

from catalog_sync.importers import AnnexReadError, parse_annex

from .builders import accounted, cp1258, csv_bytes, reasons, skips

LINES = [
    "TT,Tên sản phẩm,Chủ thể sản xuất,Tỉnh,Hạng sao,Ngày quyết định",
    "1,Mật ong rừng U Minh,HTX Ong mật U Minh,Cà Mau,4 sao,12/11/2024",
    '2,"Bánh phồng tôm","HTX chế biến, thương mại Cái Bát",Cà Mau,3,05/8/2025',
]
EXPECTED = [
    (2, "Mật ong rừng U Minh", "HTX Ong mật U Minh", 4, date(2024, 11, 12), "ca-mau"),
    (3, "Bánh phồng tôm", "HTX chế biến, thương mại Cái Bát", 3, date(2025, 8, 5), "ca-mau"),
]


def summary(result):
    return [(r.row, r.product_name, r.producer, r.stars, r.decision_date, r.province_slug) for r in result.rows]


def write(tmp_path, data: bytes, name: str = "annex.csv"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        csv_bytes(LINES),
        b"\xef\xbb\xbf" + csv_bytes(LINES),
        csv_bytes(LINES, newline="\n"),
        cp1258("\r\n".join(LINES) + "\r\n"),
        "\r\n".join(LINES).encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-8-lf", "windows-1258", "utf-16"],
)
def test_csv_in_each_encoding_gives_the_same_nfc_rows(tmp_path, data):
    result = parse_annex(write(tmp_path, data))
    assert summary(result) == EXPECTED
    assert all(unicodedata.is_normalized("NFC", r.producer) for r in result.rows)


def test_windows_1258_text_with_combining_tone_marks_is_normalised_to_nfc(tmp_path):
    data = cp1258("\r\n".join(LINES))
    assert "\u0323".encode("cp1258") in data  # a tone mark written as a separate byte
    result = parse_annex(write(tmp_path, data))
    assert result.rows[0].product_name == "Mật ong rừng U Minh"
    assert result.rows[0].province_as_written == "Cà Mau"


@pytest.mark.parametrize("delimiter", [";", "\t", ","])
def test_delimiter_is_recognised(tmp_path, delimiter):
    lines = [
        delimiter.join(["TT", "Tên sản phẩm", "Chủ thể sản xuất", "Tỉnh", "Hạng sao", "Ngày quyết định"]),
        delimiter.join(["1", "Mật ong rừng U Minh", "HTX Ong mật U Minh", "Cà Mau", "4 sao", "12/11/2024"]),
        delimiter.join(["2", "Bánh phồng tôm", '"HTX chế biến, thương mại Cái Bát"', "Cà Mau", "3", "05/8/2025"]),
    ]
    assert summary(parse_annex(write(tmp_path, csv_bytes(lines)))) == EXPECTED


def test_decomposed_unicode_in_cells_and_header_is_read_and_normalised(tmp_path):
    data = unicodedata.normalize("NFD", "\n".join(LINES)).encode("utf-8")
    result = parse_annex(write(tmp_path, data))
    assert summary(result) == EXPECTED
    assert unicodedata.is_normalized("NFC", result.rows[1].producer)


def test_csv_row_numbers_are_physical_lines_even_with_multiline_cells(tmp_path):
    lines = [
        "Tên sản phẩm,Chủ thể,Số sao,Ngày ký",
        '"Mật ong\nrừng",HTX A,4,12/11/2024',
        "Trà,HTX B,sao,12/11/2024",
        "",
        "Cà phê,HTX C,5,12/11/2024",
    ]
    result = parse_annex(write(tmp_path, csv_bytes(lines, newline="\n")))
    assert [(r.row, r.product_name) for r in result.rows] == [(2, "Mật ong rừng"), (6, "Cà phê")]
    assert reasons(result) == [(4, "stars", "cannot read a star level from 'sao'")]
    assert skips(result) == [(5, "blank row")]
    assert accounted(result)


def test_csv_title_lines_above_the_header_give_the_decision(tmp_path):
    lines = [
        "DANH SÁCH SẢN PHẨM OCOP,,,",
        '"Kèm theo Quyết định số 1978/QĐ-UBND ngày 06/8/2024 của UBND tỉnh Nghệ An",,,',
        ",,,",
        "STT;Tên SP;Tên chủ thể;Số sao".replace(";", ","),
        "1,Trà liên tu,HTX Nông nghiệp Sen Quê Bác,4 sao",
    ]
    result = parse_annex(write(tmp_path, csv_bytes(lines)))
    assert (result.decision_no, result.decision_date, result.issuer) == (
        "1978/QĐ-UBND",
        date(2024, 8, 6),
        "UBND tỉnh Nghệ An",
    )
    assert [(r.row, r.decision_no, r.decision_date, r.issuer) for r in result.rows] == [
        (5, "1978/QĐ-UBND", date(2024, 8, 6), "UBND tỉnh Nghệ An")
    ]


def test_english_column_names_of_the_shared_csv_work(tmp_path):
    lines = [
        "id,product_name,producer,province_at_certification,province_after_2025_merger,"
        "district_at_certification,commune_or_address,star_level,star_inferred,certifying_body,"
        "decision_no,decision_date,product_group_inferred,notes",
        "95,Trà liên tu,HTX Nông nghiệp Sen Quê Bác,Nghệ An,Nghệ An,huyện Nam Đàn,"
        '"xóm Mậu 2, xã Kim Liên",4,no,UBND tỉnh Nghệ An,1978/QĐ-UBND,2024-08-06,'
        "Thực phẩm (chè),re-recognition",
    ]
    result = parse_annex(write(tmp_path, csv_bytes(lines)))
    row = result.rows[0]
    assert (row.row, row.stars, row.decision_no, row.decision_date) == (
        2,
        4,
        "1978/QĐ-UBND",
        date(2024, 8, 6),
    )
    assert (row.group_slug, row.set_slug, row.province_slug, row.address, row.issuer) == (
        "thuc-pham",
        "che-tuoi-che-bien",
        "nghe-an",
        "xóm Mậu 2, xã Kim Liên, huyện Nam Đàn",
        "UBND tỉnh Nghệ An",
    )


def test_csv_content_is_detected_even_with_an_xlsx_name(tmp_path):
    result = parse_annex(write(tmp_path, csv_bytes(LINES), name="annex.xlsx"))
    assert summary(result) == EXPECTED


def test_csv_from_an_in_memory_upload(tmp_path):
    upload = io.BytesIO(csv_bytes(LINES))
    result = parse_annex(upload, filename="danh-sach.csv")
    assert result.file == "danh-sach.csv"
    assert summary(result) == EXPECTED
    assert not upload.closed


def test_text_in_no_known_encoding_is_a_read_error(tmp_path):
    data = csv_bytes(LINES) + b"\x81\x8a\x8d bad bytes\r\n"
    with pytest.raises(AnnexReadError, match="neither UTF-8 nor Windows-1258"):
        parse_annex(write(tmp_path, data))


def test_csv_without_a_header_is_a_read_error(tmp_path):
    with pytest.raises(AnnexReadError, match="no header row found in the first 30 rows"):
        parse_annex(write(tmp_path, csv_bytes(["a,b,c", "1,2,3"])))


def test_a_bad_csv_row_does_not_lose_its_neighbours(tmp_path):
    lines = [
        *LINES,
        "3,,HTX X,Cà Mau,4,12/11/2024",
        "4,Tôm khô,HTX Sông Đầm,Cà Mau,3 sao,31/02/2024",
        "5,Chả tôm,Hộ kinh doanh Ngọc Giàu,Cà Mau,3 sao,",
        "6,Mật ong rừng U Minh,HTX Ong mật U Minh,Cà Mau,4 sao,12/11/2024",
    ]
    result = parse_annex(write(tmp_path, csv_bytes(lines)), decision_date=date(2023, 1, 1))
    assert reasons(result) == [
        (4, "product_name", "product name is missing"),
        (5, "decision_date", "not a real date: '31/02/2024'"),
        (7, "row", "duplicate of row 2"),
    ]
    assert [(r.row, r.decision_date) for r in result.rows] == [
        (2, date(2024, 11, 12)),
        (3, date(2025, 8, 5)),
        (6, date(2023, 1, 1)),
    ]
    assert result.total_rows == 6 and accounted(result)
