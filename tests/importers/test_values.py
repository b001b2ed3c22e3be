from datetime import date, datetime

import pytest

from catalog_sync.importers.values import (
    find_decision,
    parse_date,
    parse_score,
    parse_stars,
)


@pytest.mark.parametrize(
    "value",
    [
        "4 sao",
        "4",
        "04 sao",
        "★★★★",
        "⭐⭐⭐⭐",
        "★ ★ ★ ★",
        "4*",
        "4 *",
        "4 Sao",
        "4SAO",
        4,
        4.0,
        "4.0",
        "4,0",
        "4★",
        "hạng 4 sao",
        "4 sao (cấp tỉnh)",
        "Bốn sao",
        "bon sao",
        "★★★★☆",
    ],
)
def test_stars_are_read_in_every_published_form(value):
    assert parse_stars(value) == 4


def test_stars_five_and_three():
    assert parse_stars("5 sao") == 5
    assert parse_stars("★★★") == 3
    assert parse_stars("năm sao") == 5


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("7", "stars must be 1 to 5, got 7"),
        (7, "stars must be 1 to 5, got 7"),
        ("0 sao", "stars must be 1 to 5, got 0"),
        ("2 sao", "2★ is not certified: OCOP certifies 3★ and above"),
        (1, "1★ is not certified: OCOP certifies 3★ and above"),
        ("★★", "2★ is not certified: OCOP certifies 3★ and above"),
        ("bốn", "cannot read a star level from 'bốn'"),
        ("4 abc", "cannot read a star level from '4 abc'"),
        ("3-4", "cannot read a star level from '3-4'"),
        ("☆☆☆", "cannot read a star level from '☆☆☆'"),
        (4.5, "stars must be a whole number 1 to 5, got '4.5'"),
        (True, "cannot read a star level from 'TRUE'"),
    ],
)
def test_stars_that_are_out_of_range_uncertified_or_unreadable_say_why(value, reason):
    with pytest.raises(ValueError) as error:
        parse_stars(value)
    assert str(error.value) == reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("12/11/2024", date(2024, 11, 12)),
        ("05/8/2025", date(2025, 8, 5)),
        ("5/8/2025", date(2025, 8, 5)),
        ("2024-11-12", date(2024, 11, 12)),
        ("2024-11-12 00:00:00", date(2024, 11, 12)),
        ("ngày 12 tháng 11 năm 2024", date(2024, 11, 12)),
        ("Ngày 12 tháng 11, năm 2024", date(2024, 11, 12)),
        ("ngay 12 thang 11 nam 2024", date(2024, 11, 12)),
        ("12-11-2024", date(2024, 11, 12)),
        ("12.11.2024", date(2024, 11, 12)),
        (" 12 / 11 / 2024 ", date(2024, 11, 12)),
        (datetime(2024, 11, 12, 0, 0), date(2024, 11, 12)),
        (date(2024, 11, 12), date(2024, 11, 12)),
        (45608, date(2024, 11, 12)),
        (45608.0, date(2024, 11, 12)),
        ("45608", date(2024, 11, 12)),
    ],
)
def test_dates_are_read_day_first_in_vietnamese_forms(value, expected):
    assert parse_date(value) == expected


def test_excel_serial_uses_the_workbook_epoch_1904():
    assert parse_date(44146, datetime(1904, 1, 1)) == date(2024, 11, 12)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("31/02/2024", "not a real date: '31/02/2024'"),
        ("29/02/2023", "not a real date: '29/02/2023'"),
        ("2024-13-01", "not a real date: '2024-13-01'"),
        ("hôm qua", "cannot read a date from 'hôm qua'"),
        ("12/11", "cannot read a date from '12/11'"),
        (12, "cannot read a date from '12'"),
    ],
)
def test_impossible_or_unreadable_dates_quote_the_value(value, reason):
    with pytest.raises(ValueError) as error:
        parse_date(value)
    assert str(error.value) == reason


def test_scores_accept_comma_decimals_and_reject_out_of_range():
    assert parse_score("85,5") == 85.5
    assert parse_score(92) == 92.0
    assert parse_score("71 điểm") == 71.0
    with pytest.raises(ValueError, match="score must be 0 to 100, got '120'"):
        parse_score("120")
    with pytest.raises(ValueError, match="cannot read a score from 'cao'"):
        parse_score("cao")


@pytest.mark.parametrize(
    ("text", "number", "signed", "issuer"),
    [
        ("Ban hành kèm theo Quyết định số 1180/QĐ-UBND ngày 14/6/2026", "1180/QĐ-UBND", date(2026, 6, 14), None),
        (
            "QĐ số 2417/QĐ-UBND ngày 12 tháng 11 năm 2024 của UBND tỉnh Lâm Đồng",
            "2417/QĐ-UBND",
            date(2024, 11, 12),
            "UBND tỉnh Lâm Đồng",
        ),
        ("Quyết định 2361/QĐ-BNNMT", "2361/QĐ-BNNMT", None, None),
        (
            "Kèm theo Quyết định số 123/2024/QĐ-UBND ngày 05/8/2025 của Ủy ban nhân dân tỉnh Nghệ An)",
            "123/2024/QĐ-UBND",
            date(2025, 8, 5),
            "Ủy ban nhân dân tỉnh Nghệ An",
        ),
        ("Quyet dinh so 77/QD-UBND ngay 5-8-2025", "77/QD-UBND", date(2025, 8, 5), None),
        (
            "Theo Bộ tiêu chí tại Quyết định 148/QĐ-TTg; Quyết định số 9/QĐ-UBND ngày 1/2/2025",
            "9/QĐ-UBND",
            date(2025, 2, 1),
            None,
        ),
        ("DANH SÁCH SẢN PHẨM OCOP NĂM 2024", None, None, None),
    ],
)
def test_decision_number_date_and_issuer_come_from_title_text(text, number, signed, issuer):
    assert find_decision(text) == (number, signed, issuer)


def test_decision_number_keeps_its_vietnamese_form_in_nfc():
    decomposed = "Quyết định số 1180/QĐ-UBND ngày 14/6/2026".replace("ế", "e\u0302\u0301")
    number, signed, _ = find_decision(decomposed)
    assert number == "1180/QĐ-UBND"
    assert signed == date(2026, 6, 14)
