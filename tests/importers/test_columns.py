import pytest

from catalog_sync.importers import columns as c


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("TT", c.ROW_NO),
        ("STT", c.ROW_NO),
        ("Số TT", c.ROW_NO),
        ("so tt", c.ROW_NO),
        ("Tên sản phẩm", c.PRODUCT_NAME),
        ("Sản phẩm", c.PRODUCT_NAME),
        ("Tên SP", c.PRODUCT_NAME),
        ("product_name", c.PRODUCT_NAME),
        ("TÊN SẢN PHẨM", c.PRODUCT_NAME),
        ("Ten san pham", c.PRODUCT_NAME),
        ("Tên sản phẩm OCOP (1)", c.PRODUCT_NAME),
        ("Tên\nsản phẩm", c.PRODUCT_NAME),
        ("Chủ thể", c.PRODUCER),
        ("Chủ thể sản xuất", c.PRODUCER),
        ("Tên chủ thể", c.PRODUCER),
        ("Đơn vị", c.PRODUCER),
        ("Cơ sở sản xuất", c.PRODUCER),
        ("producer", c.PRODUCER),
        ("CHU THE", c.PRODUCER),
        ("Chủ thể (HTX, DN, hộ SX)", c.PRODUCER),
        ("Hạng sao", c.STARS),
        ("Số sao", c.STARS),
        ("Xếp hạng", c.STARS),
        ("Kết quả xếp hạng", c.STARS),
        ("Sao", c.STARS),
        ("star_level", c.STARS),
        ("HANG SAO", c.STARS),
        ("Điểm", c.SCORE),
        ("Tổng điểm", c.SCORE),
        ("score", c.SCORE),
        ("Điểm (thang 100)", c.SCORE),
        ("Nhóm", c.GROUP),
        ("Nhóm sản phẩm", c.GROUP),
        ("Phân nhóm", c.GROUP),
        ("product_group_inferred", c.GROUP),
        ("Bộ sản phẩm", c.SET),
        ("Tỉnh", c.PROVINCE),
        ("Tỉnh/thành phố", c.PROVINCE),
        ("province_at_certification", c.PROVINCE),
        ("Tỉnh (sau sáp nhập)", c.PROVINCE_CURRENT),
        ("province_after_2025_merger", c.PROVINCE_CURRENT),
        ("Địa chỉ", c.ADDRESS),
        ("Xã/phường", c.ADDRESS),
        ("commune_or_address", c.ADDRESS),
        ("Huyện", c.DISTRICT),
        ("district_at_certification", c.DISTRICT),
        ("Số quyết định", c.DECISION_NO),
        ("Quyết định", c.DECISION_NO),
        ("decision_no", c.DECISION_NO),
        ("Số, ngày QĐ", c.DECISION_NO),
        ("Ngày quyết định", c.DECISION_DATE),
        ("Ngày ký", c.DECISION_DATE),
        ("Ngày công nhận", c.DECISION_DATE),
        ("decision_date", c.DECISION_DATE),
        ("Ngày hết hạn", c.VALID_UNTIL),
        ("Hiệu lực đến", c.VALID_UNTIL),
        ("Có giá trị đến", c.VALID_UNTIL),
        ("valid_until", c.VALID_UNTIL),
        ("Cơ quan công nhận", c.ISSUER),
        ("Cấp công nhận", c.ISSUER),
        ("certifying_body", c.ISSUER),
        ("Đơn vị công nhận", c.ISSUER),
    ],
)
def test_usual_vietnamese_and_english_column_names_are_understood(label, field):
    assert c.field_for_label(label) == field


@pytest.mark.parametrize("label", ["Đơn vị tính", "Ghi chú", "Tình trạng", "source_url"])
def test_known_unused_columns_do_not_take_a_field(label):
    assert c.field_for_label(label) == c.IGNORED


@pytest.mark.parametrize("label", ["Màu sắc", "Hàng hóa", "Tỉnh trưởng", "Bổ sung", ""])
def test_unknown_columns_are_not_guessed(label):
    assert c.field_for_label(label) is None


def test_header_is_found_below_title_rows():
    rows = [
        (1, ("DANH SÁCH", None, None)),
        (2, ("Kèm theo Quyết định số 1/QĐ-UBND", None, None)),
        (3, ("TT", "Tên sản phẩm", "Hạng sao")),
        (4, (1, "Mật ong", "4 sao")),
    ]
    header = c.find_header(rows)
    assert header is not None
    assert (header.first_row, header.last_row) == (3, 3)
    assert header.columns == {c.ROW_NO: 0, c.PRODUCT_NAME: 1, c.STARS: 2}


def test_a_product_column_alone_is_not_a_header():
    assert c.find_header([(1, ("Sản phẩm", "Giá")), (2, ("Mật ong", "100"))]) is None


def test_two_row_header_adds_the_columns_of_its_second_row():
    rows = [
        (1, ("TT", "Tên sản phẩm", "Chủ thể", "Kết quả đánh giá", None)),
        (2, (None, None, None, "Điểm", "Hạng sao")),
        (3, (1, "Mật ong", "HTX A", 85, "4 sao")),
    ]
    header = c.find_header(rows)
    assert header is not None
    assert (header.first_row, header.last_row) == (1, 2)
    assert header.columns[c.SCORE] == 3
    assert header.columns[c.STARS] == 4


def test_address_parts_read_commune_before_district():
    header = c.find_header([(1, ("Tên sản phẩm", "Chủ thể", "Huyện", "Xã/phường"))])
    assert header is not None
    assert header.address_columns == [3, 2]
