import csv
import datetime
import io
import os
import re
import subprocess
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from catalog_sync.catalogue.records import Image
from testkit.catalogue_builders import producer_record, producer_ref, product_record, variant_record
from tests.pdf_reading import page_size_mm, pdf_fonts, pdf_text, qr_codes_by_page
from tests.showcases.conftest import put_showcase

pytestmark = pytest.mark.django_db
BASE = "https://ocop.example.vn"
HEADER = [
    "certificate_id", "name_vi", "name_en", "stars", "producer", "province", "group", "product_set",
    "last_valid_day", "verify_url", "price_min_vnd", "price_max_vnd", "packaging", "photo_url", "product_url",
    "producer_url",
]


@pytest.fixture
def tet_showcase(media_host):
    """A Tết showcase of two products for sale, in the order staff chose, and one no longer for sale."""
    fish_sauce = product_record(
        name="Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", certificate_id="AG-2024-0001", stars=5,
        thumbnail=Image(url=f"{media_host}/media/nuoc-mam.png", alt="Nước mắm"),
    )
    tea = product_record(
        name="Chè Tân Cương Hoàng Bình", name_en="Hoang Binh Tan Cuong tea", certificate_id="TN-2025-0042",
        stars=4, province="thai-nguyen", group="thuc-pham", product_set="che-tuoi-che-bien",
        valid_until=datetime.date(2028, 3, 31),
        producer=producer_ref(producer_record(title="Hợp tác xã Chè Tân Cương Hoàng Bình")),
        variants=(variant_record(name="Hộp 200 g", price=Decimal(260_000), quantity_available=5),),
        thumbnail=Image(url="https://elsewhere.example/tra.png", alt="Chè"),  # not Saleor's media host
    )
    return put_showcase([tea, fish_sauce], extra_ids=["UHJvZHVjdDo5OTk5"], name="Đặc sản Tết 2026",
                        slug="dac-san-tet-2026"), tea, fish_sauce


def export(slug, file_format, path):
    out = StringIO()
    call_command("showcase_export", slug, "--format", file_format, "-o", str(path), "--base-url", BASE, stdout=out)
    return out.getvalue()


def expected_rows(tea, fish_sauce, media_host):
    return [
        ["TN-2025-0042", "Chè Tân Cương Hoàng Bình", "Hoang Binh Tan Cuong tea", 4,
         "Hợp tác xã Chè Tân Cương Hoàng Bình", "Thái Nguyên", "Thực phẩm", "Chè tươi, chế biến",
         datetime.date(2028, 3, 31), f"{BASE}/verify/TN-2025-0042/", 260000, 260000, "Hộp 200 g",
         "https://elsewhere.example/tra.png", f"{BASE}/products/{tea.slug}/",
         f"{BASE}/producers/{tea.producer.slug}/"],
        ["AG-2024-0001", "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", "Khai Hoan Phu Quoc fish sauce, 40° protein", 5,
         "Công ty Cổ phần thương mại Khải Hoàn", "An Giang", "Thực phẩm", "Tương, nước mắm, gia vị dạng lỏng khác",
         datetime.date(2027, 11, 12), f"{BASE}/verify/AG-2024-0001/", 125000, 230000, "Chai 500 ml; Chai 1 lít",
         f"{media_host}/media/nuoc-mam.png", f"{BASE}/products/{fish_sauce.slug}/",
         f"{BASE}/producers/{fish_sauce.producer.slug}/"],
    ]


def test_xlsx_has_one_row_per_product_for_sale_in_the_showcases_order(tet_showcase, media_host, tmp_path):
    _, tea, fish_sauce = tet_showcase
    path = tmp_path / "catalogue.xlsx"
    out = export("dac-san-tet-2026", "xlsx", path)
    assert out == f"showcase export: 2 products written to {path} ({path.stat().st_size} bytes)\n"
    sheet = load_workbook(path).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADER
    # dates come back as datetimes from openpyxl
    body = [[v.date() if isinstance(v, datetime.datetime) else v for v in r] for r in rows[1:]]
    assert body == expected_rows(tea, fish_sauce, media_host)


def test_csv_has_the_same_rows_in_utf8_that_excel_reads(tet_showcase, media_host, tmp_path):
    _, tea, fish_sauce = tet_showcase
    path = tmp_path / "catalogue.csv"
    export("dac-san-tet-2026", "csv", path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0] == HEADER
    assert rows[1:] == [[v.isoformat() if isinstance(v, datetime.date) else str(v) for v in r]
                        for r in expected_rows(tea, fish_sauce, media_host)]


def test_pdf_has_a_cover_contents_and_every_qr_code_reads_back_to_its_verify_page(tet_showcase, tmp_path):
    path = tmp_path / "catalogue.pdf"
    export("dac-san-tet-2026", "pdf", path)
    pages = qr_codes_by_page(path)
    # cover and contents carry no code; the products' page carries one per product
    assert pages[:2] == [[], []]
    assert sorted(code for page in pages[2:] for code in page) == [
        f"{BASE}/verify/AG-2024-0001/", f"{BASE}/verify/TN-2025-0042/"]
    text = pdf_text(path)
    cover, contents, products = text.split("\f")[:3]
    assert "Catalogue sản phẩm OCOP" in cover and "Đặc sản Tết 2026" in cover and "2 sản phẩm" in cover
    lines = [line.strip() for line in contents.splitlines() if line.strip()]
    assert lines[0] == "Mục lục" and len(lines) == 3  # heading, one product group, the footer
    assert re.fullmatch(r"Thực phẩm \(2\)[ .]+3", lines[1])  # the group starts on page 3
    assert products.lstrip().startswith("Thực phẩm (2)")
    for words in ("Chè Tân Cương Hoàng Bình", "Hoang Binh Tan Cuong tea", "★★★★ OCOP 4 sao",
                  "Chủ thể: Hợp tác xã Chè Tân Cương Hoàng Bình", "Thái Nguyên · Thực phẩm · Chè tươi, chế biến",
                  "Giấy chứng nhận TN-2025-0042, hiệu lực đến 31/03/2028", "Hộp 200 g: 260.000 ₫",
                  "Nước mắm Phú Quốc Khải Hoàn 40 độ đạm", "★★★★★ OCOP 5 sao", "Chai 1 lít: 230.000 ₫"):
        assert words in products
    # the product off sale is not there, the tea (photo not on Saleor's media host) has a placeholder
    assert "Chưa có ảnh" in products
    assert page_size_mm(path) == (210, 297)
    fonts = [line for line in pdf_fonts(path).splitlines()[2:] if line.strip()]
    assert fonts and all(" yes " in line for line in fonts)
    # the fish sauce's photo, fetched from the media host, is printed
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert [line.split()[3:5] for line in images.splitlines()[2:]] == [["280", "280"]]


def test_unknown_showcase_is_named_with_the_known_ones(tet_showcase, tmp_path):
    with pytest.raises(CommandError) as raised:
        export("tet-2025", "csv", tmp_path / "x.csv")
    assert raised.value.returncode == 2
    assert str(raised.value) == (
        "showcase export: no showcase with slug 'tet-2025' (showcases on show: dac-san-tet-2026)")
    assert not (tmp_path / "x.csv").exists()


def test_ocop_showcase_export_runs_from_the_console_script(settings, tmp_path):
    from tests.test_cli_and_settings import OCOP, _test_database_url, run

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "DATABASE_URL": _test_database_url(settings)}
    result = run([OCOP, "showcase", "export", "tet-2025", "--format", "pdf", "-o", str(tmp_path / "c.pdf"),
                  "--base-url", BASE], env)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "CommandError: showcase export: no showcase with slug 'tet-2025' (showcases on show: none)")


def test_a_showcase_with_nothing_for_sale_exports_an_empty_catalogue(db, tmp_path):
    put_showcase([], extra_ids=["UHJvZHVjdDo5OTk5"], name="Hội chợ mùa thu", slug="hoi-cho-mua-thu")
    pdf = tmp_path / "c.pdf"
    assert export("hoi-cho-mua-thu", "pdf", pdf).startswith("showcase export: 0 products written to")
    assert "Trưng bày này hiện không có sản phẩm nào đang bán." in pdf_text(pdf)
    assert qr_codes_by_page(pdf) == [[], [], []]
    xlsx = tmp_path / "c.xlsx"
    export("hoi-cho-mua-thu", "xlsx", xlsx)
    assert [list(r) for r in load_workbook(xlsx).active.iter_rows(values_only=True)] == [HEADER]


def test_an_ended_showcase_is_not_exported_even_before_the_worker_unpublishes_it(tet_showcase, tmp_path, monkeypatch):
    # given the Tết showcase, curated to end at 00:00 on 1 March 2026 Vietnam time, still published in Saleor
    from catalog_sync.catalogue import cache
    from catalog_sync.showcases.models import Showcase

    record, _, _ = tet_showcase
    ends = datetime.datetime(2026, 3, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=7)))
    Showcase.objects.create(slug=record.slug, name=record.name, saleor_id=record.id, ends_at=ends, published=True,
                            status=Showcase.Status.SCHEDULED)
    cache.changed()
    # when staff export it one second before its end, then at its end
    monkeypatch.setattr("catalog_sync.showcases.schedule.now", lambda: ends - datetime.timedelta(seconds=1))
    export("dac-san-tet-2026", "csv", tmp_path / "before.csv")
    monkeypatch.setattr("catalog_sync.showcases.schedule.now", lambda: ends)
    with pytest.raises(CommandError) as raised:
        export("dac-san-tet-2026", "csv", tmp_path / "after.csv")
    # then the first is written and the second refused, naming the showcase, and no file is written
    assert len(list(csv.reader((tmp_path / "before.csv").open(encoding="utf-8-sig")))) == 3
    assert str(raised.value) == (
        "showcase export: no showcase on show now with slug 'dac-san-tet-2026' (showcases on show: none)")
    assert not (tmp_path / "after.csv").exists()
