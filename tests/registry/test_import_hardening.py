"""One bad row never loses a file; bombs are refused; results stay small (CLI and upload page)."""

import json
from io import StringIO

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.core.management.base import CommandError

from catalog_sync.domain.limits import PRODUCER_NAME_MAX_LENGTH, PRODUCT_NAME_MAX_LENGTH
from catalog_sync.registry.models import Certificate, Decision, ImportBatch, ImportRow, Producer
from testkit import hostile

pytestmark = pytest.mark.django_db

GOOD = ("Mật ong bạc hà", "HTX Ong mật Mèo Vạc", "Hà Giang", "4 sao")
LATER = ("Cam sành", "Hộ kinh doanh Nguyễn Văn A", "Tuyên Quang", "5")


def run_import(path, *extra) -> tuple[dict, str]:
    out, err = StringIO(), StringIO()
    call_command("registry_import", str(path), "--json", *extra, stdout=out, stderr=err)
    return json.loads(out.getvalue()), err.getvalue()


def refusal(path, *extra) -> tuple[int, str]:
    with pytest.raises(CommandError) as caught:
        call_command("registry_import", str(path), "--json", *extra, stdout=StringIO(), stderr=StringIO())
    return caught.value.returncode, str(caught.value)


@pytest.fixture
def staff_client(client):
    user = User.objects.create_user("can-bo", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_importbatch"))
    client.force_login(user)
    return client


def upload(client, path):
    with path.open("rb") as handle:
        return client.post("/registry/import/", {"file": handle})


# --- defect 1: one bad row --------------------------------------------------------------


def test_names_longer_than_the_registry_holds_reject_their_rows_and_keep_the_rest(simple_annex):
    # given a product name and a producer name one character over the limit, and one at it
    long_product = "Mật ong " + "x" * (PRODUCT_NAME_MAX_LENGTH - 7)
    long_producer = "HTX " + "y" * (PRODUCER_NAME_MAX_LENGTH - 3)
    at_limit = "Trà " + "z" * (PRODUCT_NAME_MAX_LENGTH - 4)
    path = simple_annex([GOOD, (long_product, "HTX A", "Hà Giang", "4"), ("Chè", long_producer, "Hà Giang", "4"),
                         (at_limit, "HTX B", "Hà Giang", "3"), LATER])
    # when imported with the CLI
    result, _ = run_import(path)
    # then the two rows are rejected naming row, field and reason, and the three others are stored
    assert result["rejected"] == [
        {"row": 5, "field": "product_name",
         "reason": f"product name is {PRODUCT_NAME_MAX_LENGTH + 1} characters long; the registry holds at most 300"},
        {"row": 6, "field": "producer",
         "reason": f"producer name is {PRODUCER_NAME_MAX_LENGTH + 1} characters long; the registry holds at most 300"},
    ]
    assert [a["row"] for a in result["accepted"]] == [4, 7, 8]
    assert Certificate.objects.filter(product_name=at_limit).exists()
    assert Certificate.objects.count() == 3


def test_model_columns_take_their_length_from_the_domain():
    assert Certificate._meta.get_field("product_name").max_length == PRODUCT_NAME_MAX_LENGTH
    assert Certificate._meta.get_field("product_key").max_length == PRODUCT_NAME_MAX_LENGTH
    assert Producer._meta.get_field("name").max_length == PRODUCER_NAME_MAX_LENGTH
    assert Producer._meta.get_field("name_key").max_length == PRODUCER_NAME_MAX_LENGTH
    assert ImportRow._meta.get_field("product_name").max_length == PRODUCT_NAME_MAX_LENGTH


def test_a_nul_byte_past_the_first_64_kib_of_a_csv_rejects_only_its_row(annex_csv, tmp_path):
    # given 1,500 good rows (well past 64 KiB), then a product name holding a NUL, then a good row
    rows = [["TT", "Tên sản phẩm", "Chủ thể", "Tỉnh", "Hạng sao"]]
    rows += [[i, f"Sản phẩm đặc sản số {i} của vùng cao", f"HTX số {i}", "Lâm Đồng", "4"] for i in range(1, 1501)]
    rows += [[1501, "Mật\x00ong", "HTX Ong", "Lâm Đồng", "4"], [1502, "Cà phê Cầu Đất", "HTX Cầu Đất", "Lâm Đồng", "3"]]
    path = annex_csv(rows, title=["Kèm theo Quyết định số 2417/QĐ-UBND ngày 12/11/2024"])
    assert path.read_bytes().index(b"\x00") > 64 * 1024
    # when imported
    result, _ = run_import(path)
    # then that row alone is rejected, naming its field; the 1,501 others are certificates
    assert result["rejected"] == [{
        "row": 1503, "field": "product_name",
        "reason": "holds a NUL character (binary data, never part of a text): the row cannot be stored",
    }]
    assert len(result["accepted"]) == 1501
    assert Certificate.objects.filter(product_name="Cà phê Cầu Đất").exists()


def test_a_decision_date_whose_term_ends_past_the_calendar_rejects_only_its_row(annex_csv):
    # given a row dated 31/12/9999 between two good rows of another date
    rows = [["TT", "Tên sản phẩm", "Chủ thể", "Tỉnh", "Hạng sao", "Ngày quyết định"],
            [1, *GOOD, "12/11/2024"], [2, "Chè", "HTX Chè", "Hà Giang", "4", "31/12/9999"], [3, *LATER, "12/11/2024"]]
    path = annex_csv(rows, title=["Kèm theo Quyết định số 2417/QĐ-UBND"])
    # when imported
    result, _ = run_import(path)
    # then it is rejected naming the field; the others are imported
    assert result["rejected"] == [{
        "row": 4, "field": "decision_date",
        "reason": "31/12/9999 is too far ahead: the certificate's term would end after the year 9999",
    }]
    assert [a["row"] for a in result["accepted"]] == [3, 5]


def test_upload_page_keeps_valid_rows_of_a_file_with_bad_rows(staff_client, simple_annex):
    # given a file with an over-long product name
    path = simple_annex([GOOD, ("x" * 400, "HTX A", "Hà Giang", "4")])
    # when uploaded
    response = upload(staff_client, path)
    # then the preview shows one accepted and one rejected row, no error page
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert (batch.accepted_count, batch.rejected_count) == (1, 1)
    rejected = batch.rows.get(outcome=ImportRow.Outcome.REJECTED)
    assert (rejected.row, rejected.field) == (5, "product_name")


# --- defect 2: bombs ---------------------------------------------------------------------


def test_cli_refuses_a_decompression_bomb_with_exit_2_and_the_reason(tmp_path):
    # given a 1 MB workbook holding one 1 GiB cell
    path = hostile.huge_shared_cell(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 1.1e6
    # when imported
    code, message = refusal(path)
    # then exit 2 and the reason
    assert code == 2
    assert message == (
        f"cannot read {path}: the shared texts (sharedStrings.xml) unpacks to 1024.1 MB; at most 64 MB is read"
    )


def test_upload_page_shows_a_bomb_as_a_form_error(staff_client, tmp_path):
    path = hostile.sheet_whitespace(tmp_path / "spaces.xlsx", size=300 * hostile.MIB)
    response = upload(staff_client, path)
    assert response.status_code == 200
    assert "sheet &#x27;Phụ lục&#x27; unpacks to 300.1 MB; at most 256 MB is read" in response.content.decode()
    assert ImportBatch.objects.count() == 0


def test_cli_refuses_a_file_over_the_size_limit_without_rounding_it_down(simple_annex, settings):
    settings.OCOP_IMPORT_MAX_BYTES = 1024 * 1024
    path = simple_annex([GOOD])
    content = path.read_bytes()
    path.write_bytes(content + b"\n" * (1024 * 1024 + 100 - len(content)))  # 100 bytes over 1 MB
    code, message = refusal(path)
    assert code == 2
    assert message.endswith("the file is 1.1 MB; the limit is 1 MB (OCOP_IMPORT_MAX_BYTES)")


def test_upload_page_says_a_file_over_the_limit_is_over_it(staff_client, simple_annex, settings):
    settings.OCOP_IMPORT_MAX_BYTES = 1024 * 1024
    path = simple_annex([GOOD])
    content = path.read_bytes()
    path.write_bytes(content + b"\n" * (1024 * 1024 + 100 - len(content)))  # 100 bytes over 1 MB
    response = upload(staff_client, path)
    assert response.status_code == 200
    assert "Tệp nặng 1,1 MB; giới hạn là 1 MB." in response.content.decode()


# --- defect 3: small results ---------------------------------------------------------------


def test_a_million_blank_rows_are_one_skipped_entry(tmp_path):
    # given a product after 1,000,000 stored blank rows
    path = hostile.blank_rows_then_product(tmp_path / "blank.xlsx")
    # when imported
    result, _ = run_import(path, "--dry-run")
    # then one skipped entry names the first and last blank row, and both products are read
    assert result["skipped"] == [{"row": 4, "reason": "blank rows 4-1000003 (1,000,000 rows)"}]
    assert [a["row"] for a in result["accepted"]] == [3, 1000004]


def test_upload_page_stores_a_run_of_blank_rows_as_one_row(staff_client, tmp_path):
    path = hostile.blank_rows_then_product(tmp_path / "blank.xlsx", blanks=5000)
    upload(staff_client, path)
    batch = ImportBatch.objects.get()
    skipped = list(batch.rows.filter(outcome=ImportRow.Outcome.SKIPPED).values_list("row", "reason"))
    assert skipped == [(4, "blank rows 4-5003 (5,000 rows)")]
    assert batch.skipped_count == 5000


def test_json_lists_the_first_identical_rejections_and_counts_the_rest(simple_annex):
    # given 25 rows without a star level and one with a bad one
    path = simple_annex([(f"Sản phẩm {i}", f"HTX {i}", "Hà Giang", "") for i in range(25)]
                        + [("Chè", "HTX Chè", "Hà Giang", "9")])
    # when imported with --json
    result, _ = run_import(path, "--dry-run")
    # then the first 10 identical rejections are listed, the rest counted, the odd one listed
    missing = [r for r in result["rejected"] if r["reason"] == "star level is missing"]
    assert [r["row"] for r in missing] == list(range(4, 14))
    assert {"row": 29, "field": "stars", "reason": "stars must be 1 to 5, got 9"} in result["rejected"]
    assert result["repeated_rejections"] == [
        {"field": "stars", "reason": "star level is missing", "count": 25, "first_rows": list(range(4, 14))}
    ]


def test_text_report_counts_identical_rejections_beyond_the_first(simple_annex):
    path = simple_annex([(f"Sản phẩm {i}", f"HTX {i}", "Hà Giang", "") for i in range(12)])
    out = StringIO()
    call_command("registry_import", str(path), "--dry-run", stdout=out, stderr=StringIO())
    lines = out.getvalue().splitlines()
    assert lines[-1] == "  … and 2 more rows: stars: star level is missing"
    assert len([line for line in lines if line.startswith("  row ")]) == 10


# --- defects 6, 9, 10 ---------------------------------------------------------------------


def test_bidi_overrides_are_stripped_from_names_and_the_row_notes_say_so(staff_client, simple_annex):
    # given a producer name that would display reversed
    path = simple_annex([("Mật ong\u200b rừng", "HTX \u202egnohT\u202c", "Hà Giang", "4")])
    # when uploaded and previewed
    upload(staff_client, path)
    row = ImportBatch.objects.get().rows.get(outcome=ImportRow.Outcome.ACCEPTED)
    # then the stored names hold no invisible characters and the note lists what was removed
    assert (row.product_name, row.producer) == ("Mật ong rừng", "HTX gnohT")
    assert row.reason == (
        "new certificate; invisible formatting characters removed from the product name: U+200B ZERO WIDTH SPACE; "
        "invisible formatting characters removed from the producer name: "
        "U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING"
    )


@pytest.mark.parametrize(
    ("issuer", "level"),
    [
        ("UBND huyện Bố Trạch", "district"),
        ("Bộ NN&PTNT", "central"),
        ("Bộ Nông nghiệp và Môi trường", "central"),
        ("UBND tỉnh Bình Định", "province"),
    ],
)
def test_decision_level_follows_the_issuing_authority(annex_csv, issuer, level):
    rows = [["TT", "Tên sản phẩm", "Chủ thể", "Tỉnh", "Hạng sao", "Cơ quan ban hành"], [1, *GOOD, issuer]]
    run_import(annex_csv(rows, title=["Kèm theo Quyết định số 12/QĐ-UBND ngày 12/11/2024"]))
    assert Decision.objects.get().level == level


def test_same_named_producers_in_two_provinces_are_not_duplicates_within_a_file(simple_annex):
    # given the same product name from same-named producers in two provinces
    path = simple_annex([("Gạo tám thơm", "HTX Nông nghiệp Tân Phú", "Hà Giang", "3"),
                         ("Gạo tám thơm", "HTX Nông nghiệp Tân Phú", "Đồng Tháp", "3")])
    # when imported
    result, _ = run_import(path)
    # then both are certificates, of two producers
    assert result["rejected"] == []
    assert sorted(Producer.objects.values_list("province", flat=True)) == ["dong-thap", "tuyen-quang"]
    # and the same producer twice in one province is still a duplicate
    again = simple_annex([("Chè", "HTX Chè", "Hà Giang", "3"), ("Chè", "HTX Chè", "Tuyên Quang", "3")], name="b.csv")
    assert run_import(again)[0]["rejected"] == [{"row": 5, "field": "row", "reason": "duplicate of row 4"}]


def test_a_decision_number_longer_than_the_registry_holds_rejects_rows_without_crashing(simple_annex):
    # given a title whose decision number is 70 characters long
    number = "12/QĐ-" + "X" * 64
    path = simple_annex([GOOD], decision=number)
    # when imported
    result, _ = run_import(path)
    # then the row is rejected naming the field, and the batch is recorded
    assert result["rejected"] == [{
        "row": 4, "field": "decision_no",
        "reason": "decision number is 70 characters long; the registry holds at most 60",
    }]
    assert ImportBatch.objects.get().rejected_count == 1


def test_a_nul_byte_early_in_a_csv_also_rejects_only_its_row(simple_annex):
    path = simple_annex([GOOD, ("Chè\x00", "HTX Chè", "Hà Giang", "4"), LATER])
    result, _ = run_import(path)
    assert [(r["row"], r["field"]) for r in result["rejected"]] == [(5, "product_name")]
    assert [a["row"] for a in result["accepted"]] == [4, 6]


def test_json_written_in_pieces_is_the_documented_object(simple_annex):
    from catalog_sync.registry.importer import RegistryImporter

    path = simple_annex([(f"Sản phẩm \"{i}\"", f"HTX {i}", "Hà Giang", "4" if i % 3 else "") for i in range(40)])
    result = RegistryImporter(dry_run=True).import_file(path)
    assert json.loads("".join(result.json_chunks(size=7))) == result.as_json()
    assert len(result.as_json()["accepted"]) == 26
