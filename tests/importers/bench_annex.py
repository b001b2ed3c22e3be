"""Quick timing of parse_annex on a national-scale list (not a test; prints figures).

.venv/bin/python -m tests.importers.bench_annex [ROWS]
"""

import csv
import sys
import tempfile
import time
import tracemalloc
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook, load_workbook

from catalog_sync.importers import parse_annex

PROVINCES = ("Lâm Đồng", "Cà Mau", "Kiên Giang", "Bình Thuận", "Nghệ An", "TP. Hồ Chí Minh")
GROUPS = ("Thực phẩm", "Đồ uống", "Thực phẩm (chè)", "Dược liệu", "Hàng thủ công mỹ nghệ")
PRODUCERS = ("HTX Nông nghiệp", "Công ty TNHH", "Hộ kinh doanh", "Cơ sở sản xuất")


def build(path: Path, rows: int) -> None:
    workbook = Workbook()  # not write-only: Excel and LibreOffice store the sheet's size
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Phụ lục"
    sheet.append(["DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN"])
    sheet.append(["Ban hành kèm theo Quyết định số 1180/QĐ-UBND ngày 14/6/2026"])
    sheet.append(
        [
            "TT",
            "Tên sản phẩm",
            "Chủ thể sản xuất",
            "Xã/phường",
            "Tỉnh",
            "Hạng sao",
            "Nhóm sản phẩm",
            "Ngày quyết định",
            "Điểm",
        ]
    )
    for index in range(1, rows + 1):
        if index % 1000 == 1:
            sheet.append([f"{index // 1000 + 1}. Nhóm {GROUPS[index % len(GROUPS)]}"])
        stars = 3 + index % 3
        producer = index * 5 // 11  # ~2.2 products per producer, as nationally (18,243 / ~8,500)
        sheet.append(
            [
                index,
                f"Sản phẩm số {index}",
                f"{PRODUCERS[producer % 4]} số {producer}",
                f"xã {index % 700}",
                PROVINCES[index % len(PROVINCES)],
                f"{stars} sao",
                GROUPS[index % len(GROUPS)],
                datetime(2025, 1 + index % 12, 1 + index % 28),
                {3: 60, 4: 80, 5: 95}[stars],
            ]
        )
    sheet.append([None, "Cộng", None, None, None, rows])
    sheet.merge_cells("A1:I1")
    sheet.merge_cells("A2:I2")
    workbook.save(path)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "annex.xlsx"
        start = time.perf_counter()
        build(path, rows)
        print(f"built {rows} rows ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - start:.2f} s")
        tracemalloc.start()
        start = time.perf_counter()
        result = parse_annex(path, decision_date=date(2025, 1, 1))
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"parsed: {len(result.rows)} accepted, {len(result.rejected_row_numbers)} rejected, "
            f"{len(result.skipped)} skipped of {result.total_rows} in {elapsed:.2f} s "
            f"(traced peak {peak / 1e6:.1f} MB, tracing slows the run)"
        )
        wall, cpu = time.perf_counter(), time.process_time()
        parse_annex(path, decision_date=date(2025, 1, 1))
        print(
            f"parsed again without tracing in {time.perf_counter() - wall:.2f} s "
            f"({time.process_time() - cpu:.2f} s CPU)"
        )
        csv_path = Path(folder) / "annex.csv"
        with csv_path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            for cells in load_workbook(path, read_only=True).worksheets[0].values:
                writer.writerow(["" if value is None else value for value in cells])
        wall, cpu = time.perf_counter(), time.process_time()
        result = parse_annex(csv_path, decision_date=date(2025, 1, 1))
        print(
            f"same list as CSV: {len(result.rows)} accepted in {time.perf_counter() - wall:.2f} s "
            f"({time.process_time() - cpu:.2f} s CPU)"
        )


if __name__ == "__main__":
    main()
