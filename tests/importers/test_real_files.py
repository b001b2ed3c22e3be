"""The shared real data, read in place (never copied)."""

from datetime import date
from pathlib import Path

import pytest

from catalog_sync.importers import NO_DECISION_DATE, AnnexRow, Skip, parse_annex

from .builders import accounted

DATA = Path("/work/shared/data")
ANNEX = DATA / "registry-annex-sample.xlsx"
LIST = DATA / "ocop-certified-products.csv"

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="shared data not present")


def test_real_annex_sample_gives_its_decision_24_rows_and_skips_the_total():
    result = parse_annex(ANNEX)

    assert (result.decision_no, result.decision_date) == ("1180/QĐ-UBND", date(2026, 6, 14))
    assert len(result.rows) == 24
    assert result.rejected == []
    assert result.skipped == [Skip(28, "subtotal row 'Cộng'")]
    assert result.total_rows == 25 and accounted(result)
    assert [r.row for r in result.rows] == list(range(4, 28))
    assert result.rows[6] == AnnexRow(
        row=10,
        product_name="Nước ép thanh long Bảo Long",
        producer="Hộ kinh doanh Nguyễn Ngọc Bảo",
        stars=4,
        group_slug="do-uong",
        set_slug=None,
        province_as_written="Lâm Đồng",
        province_slug="lam-dong",
        address="thị trấn Phú Long",
        organisation_type="household",
        score=None,
        decision_no="1180/QĐ-UBND",
        decision_date=date(2026, 6, 14),
        valid_until=None,
        issuer=None,
    )
    last = result.rows[-1]
    assert (last.row, last.product_name, last.producer, last.stars, last.province_slug) == (
        27,
        "Tôm sú – thẻ ép",
        "HTX Sông Đầm",
        3,
        "ca-mau",
    )
    first = result.rows[0]
    assert (first.product_name, first.stars) == ("Rong nho tươi", 5)
    # "(producer not named in source)" is kept as written
    assert result.rows[3].producer == "(producer not named in source)"


def test_real_csv_rejects_rows_without_a_decision_date():
    result = parse_annex(LIST)

    assert result.decision_no is None and result.decision_date is None
    assert result.total_rows == 85 and accounted(result)
    assert [(r.row, r.decision_no, r.decision_date) for r in result.rows] == [
        (13, "2361/QĐ-BNNMT", date(2025, 6, 26)),
        (22, "4894/QĐ-UBND", date(2024, 11, 12)),
        (65, "1978/QĐ-UBND", date(2024, 8, 6)),
        (66, "1978/QĐ-UBND", date(2024, 8, 6)),
        (67, "1978/QĐ-UBND", date(2024, 8, 6)),
    ]
    assert len(result.rejected) == 80
    assert {(r.field, r.reason) for r in result.rejected} == {("decision_date", NO_DECISION_DATE)}
    assert result.rejected[0].row == 2
    assert result.skipped == []


def test_real_csv_with_a_decision_date_accepts_every_row_with_readable_stars():
    result = parse_annex(LIST, decision_date=date(2021, 12, 1))

    assert len(result.rows) == 85
    assert result.rejected == [] and result.skipped == []
    by_row = {r.row: r for r in result.rows}

    first = by_row[2]
    assert (first.product_name, first.producer, first.stars) == (
        "Mật hoa dừa",
        "Công ty TNHH Trà Vinh FARM",
        5,
    )
    assert (first.province_as_written, first.province_slug, first.address) == (
        "Trà Vinh",
        "vinh-long",
        "xã Phú Cần, huyện Tiểu Cần",
    )
    assert (first.decision_date, first.decision_no, first.issuer) == (
        date(2021, 12, 1),
        None,
        "Bộ NN&PTNT (OCOP cấp quốc gia)",
    )
    assert (first.group_slug, first.organisation_type) == ("thuc-pham", "company")

    # a row's own decision date wins over the option
    own = by_row[13]
    assert (own.product_name, own.decision_no, own.decision_date, own.set_slug) == (
        "Trà tôm nõn hương quê",
        "2361/QĐ-BNNMT",
        date(2025, 6, 26),
        "che-tuoi-che-bien",
    )
    # Kiên Giang has no current-province value in the file: resolved from the old name
    fish_sauce = by_row[4]
    assert (fish_sauce.province_as_written, fish_sauce.province_slug) == ("Kiên Giang", "an-giang")
    assert fish_sauce.set_slug == "gia-vi-khac"
    # the producer with a comma inside quotes, and a cooperative
    assert by_row[50].producer == "HTX chế biến, thương mại, dịch vụ nuôi trồng thủy sản Cái Bát"
    assert by_row[50].organisation_type == "cooperative"
    assert {r.stars for r in result.rows} == {3, 4, 5}
