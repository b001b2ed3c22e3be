"""A newcomer follows the README: a clean clone of this commit, the README's commands to run the whole
store with the demo, then the shop lists products and a producer's invitation link printed by
``scripts/ocop`` opens, without a variable copied by hand.

Runs in a clone (``git clone`` of HEAD: what is committed, nothing else of this checkout) with its own
``.local/`` state, free ports, a fresh web database, a Saleor database copied from the migrated template
and Redis databases 8-10 of its own. Needs the demo rows: ``DEMO_DATA`` (as ``scripts/run-local`` reads
it), else ``../shared/data`` next to this checkout. A few minutes: uv builds the clone's environment
from its cache, then the store starts, loads the demo and reindexes.
"""

from __future__ import annotations

import csv
import html
import os
import re
import shlex
import shutil
import signal
import subprocess
import unicodedata
import urllib.request
from pathlib import Path

import openpyxl
import pytest
import redis

from testkit import saleor_harness as harness
from tests.pdf_reading import qr_codes_by_page
from tests.run_local_runner import ROOT, RunLocal, alive

REDIS = harness.local_store_redis(slot=0, default_first=8)
# What the store's scripts read; a newcomer's shell sets none of them (the test's own shell may).
STORE_VARIABLES = {"PORT", "SALEOR_PORT", "DATABASE_URL", "SALEOR_DATABASE_URL", "REDIS_URL",
                   "SALEOR_CELERY_BROKER_URL", "SALEOR_CACHE_URL", "SECRET_KEY", "APP_TOKEN_KEY", "SALEOR_API_URL",
                   "SALEOR_APP_TOKEN", "PUBLIC_URL", "SITE_PUBLIC_URL", "APP_PUBLIC_URL", "CELERY_BROKER_URL",
                   "LOCAL_STATE_DIR", "DJANGO_SETTINGS_MODULE", "OCOP_FEED_TOKEN", "DEBUG", "VIRTUAL_ENV"}
# The README's placeholder for the interpreter of Saleor's environment.
README_SALEOR_PYTHON = "/path/to/saleor/python"
SHARED_DATA = ROOT.parent / "shared" / "data"


def readme_commands(section: str) -> list[str]:
    """The command lines of the README's ``sh`` blocks under the heading ``## <section>``."""
    readme = (ROOT / "README.md").read_text()
    assert f"\n## {section}\n" in readme, f"the README has no section {section!r}"
    body = readme.split(f"\n## {section}\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", body, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def as_command(line: str, saleor_python: str) -> tuple[dict[str, str], list[str]]:
    """A README line (``NAME=value ... command args``) as the variables it sets and the command."""
    words = shlex.split(line.replace(README_SALEOR_PYTHON, saleor_python))
    variables: dict[str, str] = {}
    while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", words[0]):
        name, value = words.pop(0).split("=", 1)
        variables[name] = value
    return variables, words


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def demo_product_names(data: Path) -> set[str]:
    """The product names of the demo's rows: the CSV list and the annex (its second column)."""
    with (data / "ocop-certified-products.csv").open(newline="", encoding="utf-8-sig") as file:
        names = {nfc(row["product_name"]) for row in csv.DictReader(file)}
    sheet = openpyxl.load_workbook(data / "registry-annex-sample.xlsx", read_only=True).active
    assert sheet is not None
    names |= {nfc(str(row[1])) for row in sheet.iter_rows(values_only=True) if isinstance(row[0], int)}
    return names


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - the local store
        return response.status, response.read().decode()


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def flush_redis() -> None:
    for url in REDIS.values():
        redis.Redis.from_url(url).flushdb()


@pytest.fixture
def newcomer(tmp_path, saleor_python, saleor_template_db):
    """A clean clone of HEAD and a shell without the store's variables, but for the isolation the
    shared machine needs (ports, databases, Redis) on run-local's command line alone."""
    data = Path(os.environ.get("DEMO_DATA") or SHARED_DATA)
    if not (data / "ocop-certified-products.csv").is_file():
        pytest.skip(f"the demo rows are not at {data} (set DEMO_DATA=DIR)")
    clone = tmp_path / "ocop-market"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True, timeout=120)
    saleor_db = harness.copy_database(saleor_template_db, "newcomer")
    web_db = f"ocop_web_newcomer_t2_{os.getpid()}"
    flush_redis()
    shell = {key: value for key, value in os.environ.items() if key not in STORE_VARIABLES and
             not key.startswith("PYTEST")}
    isolation = {"PORT": str(harness.free_port()), "SALEOR_PORT": str(harness.free_port()),
                 "DATABASE_URL": harness.database_url(web_db), "SALEOR_DATABASE_URL": harness.database_url(saleor_db),
                 "DEMO_DATA": str(data), **REDIS}
    try:
        yield clone, shell, isolation
    finally:
        harness.drop_database(saleor_db)
        harness.drop_database(web_db)
        flush_redis()


def test_a_newcomer_runs_the_store_with_the_demo_and_invites_a_producer_from_the_readme(newcomer, saleor_python):
    clone, shell, isolation = newcomer
    # given the README's commands for running the whole store
    commands = readme_commands("Run the whole store")
    run_line = f"SALEOR_PYTHON={README_SALEOR_PYTHON} scripts/run-local --demo"
    invite_line = "scripts/ocop producers invite AG-2025-0001 --email you@example.com"
    labels_line = "scripts/ocop labels AG-2025-0001 -o labels.pdf"
    assert run_line in commands and invite_line in commands, commands
    variables, argv = as_command(run_line, saleor_python)
    assert argv == ["scripts/run-local", "--demo"]
    web = f"http://127.0.0.1:{isolation['PORT']}/"
    # when the newcomer runs the store with the demo in the clean clone
    runner = RunLocal({**shell, **isolation, **variables}, root=clone, args=tuple(argv[1:]))
    try:
        ready = runner.wait_for("ready:", timeout=1200)
        # then it says ready once the demo is in the shop
        assert ready == f"ready: web {web} saleor http://127.0.0.1:{isolation['SALEOR_PORT']}/graphql/"
        assert "==> loading the demo from " + isolation["DEMO_DATA"] + " (ocop demo)" in runner.lines
        assert "==> reindexing the catalogue (ocop search reindex)" in runner.lines
        # and the shop's home page lists the demo's 5-star products, each opening its page
        status, home = get(web)
        assert status == 200 and "Sản phẩm 5 sao" in home
        cards = re.findall(r'<li class="product-card"><a class="product-link" href="(/products/[^"]+/)">'
                           r'.*?<span class="product-name">([^<]+)</span>', home)
        assert len(cards) >= 3, home[-3000:]
        demo = demo_product_names(Path(isolation["DEMO_DATA"]))
        assert [name for _, name in cards if nfc(html.unescape(name)) not in demo] == []
        for link, name in cards[:3]:
            status, product = get(web.rstrip("/") + link)
            assert status == 200 and html.unescape(name) in html.unescape(product)
            assert 'id="certificate-badge" href="/verify/' in product
        # when the newcomer invites a producer from another terminal, setting nothing
        variables, argv = as_command(invite_line, saleor_python)
        invited = subprocess.run(argv, cwd=clone, env={**shell, **variables}, capture_output=True, text=True,
                                 timeout=300)
        assert invited.returncode == 0, invited.stderr[-3000:]
        # then it prints a link to this store's port, and the link opens the invitation's page
        last = invited.stdout.strip().splitlines()[-1]
        match = re.fullmatch(r"invited you@example\.com for (.+): (http://\S+)", last)
        assert match, invited.stdout[-3000:]
        assert match.group(2).startswith(f"{web}portal/invitation/")
        status, page = get(match.group(2))
        assert status == 200 and 'autocomplete="new-password"' in page
        # and the invitation's email went out with the same link
        assert match.group(2) in invited.stdout.replace("=\n", "")
        # when the newcomer prints a label from the README's line, then its QR code names this store's port
        assert labels_line in commands, commands
        variables, argv = as_command(labels_line, saleor_python)
        labels = subprocess.run(argv, cwd=clone, env={**shell, **variables}, capture_output=True, text=True,
                                timeout=300)
        assert labels.returncode == 0 and (clone / "labels.pdf").is_file(), labels.stderr[-3000:]
        if shutil.which("pdftoppm") and shutil.which("zbarimg"):
            assert qr_codes_by_page(clone / "labels.pdf") == [[f"{web}verify/AG-2025-0001/"]]
        # when the newcomer loads the demo again through scripts/ocop, then the app's sealed token opens
        # with the store's key, and nothing new is created
        again = subprocess.run(["scripts/ocop", "demo", "--data", isolation["DEMO_DATA"]], cwd=clone,
                               env={**shell}, capture_output=True, text=True, timeout=900)
        assert again.returncode == 0, again.stderr[-3000:]
        assert re.search(r"^products: 0 created, \d+ updated, \d+ unchanged, \d+ failed", again.stdout, re.M), \
            again.stdout[-3000:]
        # when the newcomer stops the store, then nothing it started is left
        started = runner.started()
        assert runner.stop(signal.SIGTERM, timeout=120) == 0
        assert [command_line(pid) for pid in started if alive(pid)] == []
    finally:
        runner.kill_leftovers()
