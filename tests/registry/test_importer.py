import datetime
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from catalog_sync.registry.importer import RegistryImporter
from catalog_sync.registry.models import Certificate, ImportBatch, ImportRow, Producer

pytestmark = pytest.mark.django_db

ROWS = [
    ("Mật ong bạc hà", "HTX Ong mật Mèo Vạc", "Hà Giang", "4 sao"),
    ("Chè Shan tuyết", "Công ty TNHH Chè Hà Giang", "Hà Giang", "★★★"),
    ("Cam sành", "Hộ kinh doanh Nguyễn Văn A", "Tuyên Quang", "5"),
]


def run_import(path, *extra) -> dict:
    from io import StringIO

    out = StringIO()
    call_command("registry_import", str(path), "--json", *extra, stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


def test_import_creates_certificates_with_printable_ids_and_36_month_validity(simple_annex):
    # given an annex of decision 2417/QĐ-UBND signed 12/11/2024
    path = simple_annex(ROWS)
    # when it is imported
    result = run_import(path)
    # then every row becomes a certificate of the current province (Hà Giang is now Tuyên Quang)
    assert result["decision_no"] == "2417/QĐ-UBND"
    assert result["decision_date"] == "2024-11-12"
    assert [(a["row"], a["certificate_id"], a["stars"]) for a in result["accepted"]] == [
        (4, "TQ-2024-0001", 4), (5, "TQ-2024-0002", 3), (6, "TQ-2024-0003", 5),
    ]
    honey = Certificate.objects.get(pk="TQ-2024-0001")
    assert honey.valid_until == datetime.date(2027, 11, 12)
    assert honey.province == "tuyen-quang"
    assert honey.province_at_certification == "Hà Giang"
    assert honey.producer.organisation_type == "cooperative"
    assert honey.decision.number == "2417/QĐ-UBND"


def test_json_output_is_exactly_the_documented_object(simple_annex):
    result = run_import(simple_annex(ROWS[:1]))
    assert set(result) == {
        "file", "decision_no", "decision_date", "accepted", "rejected", "skipped", "repeated_rejections"
    }
    assert result["repeated_rejections"] == []
    assert result["file"] == "annex.csv"
    assert result["accepted"] == [{
        "row": 4, "certificate_id": "TQ-2024-0001", "product_name": "Mật ong bạc hà",
        "producer": "HTX Ong mật Mèo Vạc", "stars": 4,
    }]
    assert result["rejected"] == [] and result["skipped"] == []


def test_importing_the_same_file_twice_changes_nothing_and_returns_the_same_ids(simple_annex):
    path = simple_annex(ROWS)
    first = run_import(path)
    before = list(Certificate.objects.order_by("pk").values())
    second = run_import(path)
    assert second["accepted"] == first["accepted"]
    assert list(Certificate.objects.order_by("pk").values()) == before
    assert Producer.objects.count() == 3


def test_dry_run_reports_ids_but_writes_nothing(simple_annex):
    result = run_import(simple_annex(ROWS), "--dry-run")
    assert [a["certificate_id"] for a in result["accepted"]] == ["TQ-2024-0001", "TQ-2024-0002", "TQ-2024-0003"]
    assert Certificate.objects.count() == 0
    assert Producer.objects.count() == 0
    assert ImportBatch.objects.count() == 0


def test_bad_rows_are_rejected_with_row_field_and_reason_and_neighbours_kept(simple_annex):
    path = simple_annex([
        ("Mật ong bạc hà", "HTX Ong mật Mèo Vạc", "Hà Giang", "4 sao"),
        ("", "HTX Ong mật Mèo Vạc", "Hà Giang", "4 sao"),
        ("Chè xanh", "Công ty Chè", "Hà Giang", "2 sao"),
        ("Cam sành", "Hộ Nguyễn Văn A", "Tuyên Quang", "5"),
    ])
    result = run_import(path)
    assert [a["row"] for a in result["accepted"]] == [4, 7]
    assert [(r["row"], r["field"]) for r in result["rejected"]] == [(5, "product_name"), (6, "stars")]
    assert Certificate.objects.count() == 2


def test_a_product_already_certified_by_another_valid_decision_is_rejected_as_duplicate(simple_annex):
    run_import(simple_annex(ROWS[:1]))
    again = simple_annex(ROWS[:1], decision="99/QĐ-UBND", date="01/03/2025", name="later.csv")
    result = run_import(again)
    assert result["accepted"] == []
    assert result["rejected"] == [{
        "row": 4, "field": "row",
        "reason": "duplicate of certificate TQ-2024-0001 under decision 2417/QĐ-UBND of 12/11/2024, "
                  "valid until 12/11/2027",
    }]


def test_a_new_decision_near_expiry_is_a_renewal_that_supersedes_the_old_certificate(simple_annex):
    run_import(simple_annex(ROWS[:1]))
    renewal_file = simple_annex([(*ROWS[0][:3], "5 sao")], decision="88/QĐ-UBND", date="01/09/2027", name="r.csv")
    result = run_import(renewal_file)
    assert [a["certificate_id"] for a in result["accepted"]] == ["TQ-2027-0001"]
    renewal = Certificate.objects.get(pk="TQ-2027-0001")
    assert renewal.supersedes_id == "TQ-2024-0001"
    assert renewal.stars == 5
    assert renewal.valid_until == datetime.date(2030, 9, 1)
    # and importing it again finds the renewal, not a second one
    assert run_import(renewal_file)["accepted"][0]["certificate_id"] == "TQ-2027-0001"
    assert Certificate.objects.count() == 2


def test_committed_import_records_every_row_outcome(simple_annex):
    path = simple_annex([ROWS[0], ("", "X", "Hà Giang", "4")])
    RegistryImporter().import_file(path, filename="annex.csv")
    batch = ImportBatch.objects.get()
    assert batch.state == ImportBatch.State.COMMITTED
    assert (batch.accepted_count, batch.rejected_count) == (1, 1)
    outcomes = list(batch.rows.values_list("row", "outcome", "field"))
    assert outcomes == [(4, ImportRow.Outcome.ACCEPTED, ""), (5, ImportRow.Outcome.REJECTED, "product_name")]


def test_unreadable_file_exits_2_with_the_reason(tmp_path):
    path = tmp_path / "list.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a workbook")
    with pytest.raises(CommandError) as error:
        call_command("registry_import", str(path), "--json")
    assert error.value.returncode == 2
    assert str(error.value).startswith(f"cannot read {path}:")


def test_missing_file_exits_2(tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("registry_import", str(tmp_path / "nope.csv"))
    assert error.value.returncode == 2
    assert "no such file" in str(error.value)


def test_decision_options_fill_in_what_the_file_lacks(annex_csv):
    path = annex_csv([["Tên sản phẩm", "Chủ thể", "Hạng sao"], ["Bánh chưng", "HTX Tranh Khúc", "4"]])
    result = run_import(path, "--decision-no", "15/QĐ-UBND", "--decision-date", "31/05/2023")
    assert result["decision_no"] == "15/QĐ-UBND"
    assert Certificate.objects.get().valid_until == datetime.date(2026, 5, 31)
    assert Certificate.objects.get().pk == "VN-2023-0001"


def test_real_annex_sample_imports_24_products(shared_data):
    result = run_import(shared_data / "registry-annex-sample.xlsx")
    assert result["decision_no"] == "1180/QĐ-UBND"
    assert result["decision_date"] == "2026-06-14"
    assert len(result["accepted"]) == 24
    assert result["accepted"][0]["certificate_id"] == "LD-2026-0001"
    assert result["rejected"] == []
    assert Certificate.objects.filter(province="ca-mau").count() == 8


def test_producers_with_the_same_name_in_different_provinces_stay_apart(simple_annex):
    # given two cooperatives called the same, one in Bến Tre (now Vĩnh Long), one in Phú Thọ
    path = simple_annex([
        ("Bưởi da xanh", "HTX Nông nghiệp Tân Phú", "Bến Tre", "4 sao"),
        ("Chè xanh", "HTX Nông nghiệp Tân Phú", "Phú Thọ", "3 sao"),
        ("Sầu riêng", "HTX Nông nghiệp Tân Phú", "Vĩnh Long", "4 sao"),
    ])
    # when imported
    run_import(path)
    # then there are two producers, and the Vĩnh Long rows share one
    assert sorted(Producer.objects.values_list("province", flat=True)) == ["phu-tho", "vinh-long"]
    by_province = {c.product_name: c.producer.province for c in Certificate.objects.select_related("producer")}
    assert by_province == {"Bưởi da xanh": "vinh-long", "Chè xanh": "phu-tho", "Sầu riêng": "vinh-long"}
