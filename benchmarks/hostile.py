"""Benchmark: peak memory and time of `ocop registry import --dry-run --json` on hostile files.

    .venv/bin/python -m benchmarks.hostile DIR [OCOP]

builds the files into DIR (once; kept for later runs) and runs OCOP (default: this
checkout's `.venv/bin/ocop`) on each under `/usr/bin/time -v`, with an address-space cap of
BENCH_MEMORY_CAP_GB (default 4) so that an unbounded reader fails instead of exhausting a
shared machine. Prints figures; asserts nothing. Needs DATABASE_URL (and DEBUG=1 or a
SECRET_KEY) as the command does.
"""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import sys
from pathlib import Path

from testkit import hostile

TIMEOUT = int(os.environ.get("BENCH_TIMEOUT", "600"))
FILES = {
    "one 1 GiB shared-string cell": ("bomb-shared-cell.xlsx", hostile.huge_shared_cell),
    "one 1 GiB inline cell": ("bomb-inline-cell.xlsx", hostile.huge_inline_cell),
    "5,000,000 rows with a value in column XFD": ("bomb-wide-rows.xlsx", hostile.wide_rows),
    "2 GiB of sheet whitespace": ("bomb-whitespace.xlsx", hostile.sheet_whitespace),
    "1,000,000 blank rows, then a product": ("blank-rows.xlsx", hostile.blank_rows_then_product),
}


def build(folder: Path) -> list[tuple[str, Path]]:
    from benchmarks.registry import make_annex

    folder.mkdir(parents=True, exist_ok=True)
    built = []
    for label, (name, make) in FILES.items():
        path = folder / name
        if not path.exists():
            make(path)
        built.append((label, path))
    big = folder / "annex-200k.xlsx"
    if not big.exists():
        make_annex(big, 200_000)
    built.append(("200,000-row annex", big))
    return built


def _cap() -> None:
    cap = int(float(os.environ.get("BENCH_MEMORY_CAP_GB", "4")) * 1024**3)
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def measure(ocop: str, path: Path) -> str:
    checkout = Path(ocop).resolve().parents[2]  # .../checkout/.venv/bin/ocop: run that checkout's code
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    with subprocess.Popen(
        ["/usr/bin/time", "-v", ocop, "registry", "import", str(path), "--dry-run", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_cap, cwd=checkout, env=env,
        start_new_session=True,  # a timeout ends the command too, not only /usr/bin/time
    ) as child:
        try:
            stdout, stderr = child.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
            return f"timed out after {TIMEOUT} s (killed)"
    done = subprocess.CompletedProcess(child.args, child.returncode, stdout, stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", done.stderr)
    lines = [line for line in done.stderr.splitlines() if line.strip() and not line.startswith("\t")]
    last = next((line for line in reversed(lines) if "Command exited" not in line), "")
    status = re.search(r"exit status (\d+)", done.stderr)
    code = status.group(1) if status else str(done.returncode)
    peak = f"{int(rss.group(1)) / 1024:.0f} MB" if rss else "?"
    out = f"{len(done.stdout) / 1e6:.1f} MB of JSON" if code == "0" else last[:160]
    return f"exit {code}, {wall.group(1) if wall else '?'} wall, peak RSS {peak}; {out}"


def main() -> None:
    folder = Path(sys.argv[1])
    ocop = sys.argv[2] if len(sys.argv) > 2 else ".venv/bin/ocop"
    ocop = str(Path(ocop).absolute())
    for label, path in build(folder):
        print(f"{label} ({path.stat().st_size / 1e6:.2f} MB file): {measure(ocop, path)}", flush=True)


if __name__ == "__main__":
    main()
