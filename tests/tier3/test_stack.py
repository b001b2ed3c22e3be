"""``scripts/run-stack --demo`` for real, then what a customer and the staff see through the proxy:
the shop lists the demo's products, a revoked certificate takes its product out of the shop, and a
photo uploaded in Saleor shows on the product's page from the public media address."""

from __future__ import annotations

import base64
import json
import os
import re
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = "http://localhost"
# a 1x1 PNG
PHOTO = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQ"
                         "AAAABJRU5ErkJggg==")


def get(url: str, *, headers: dict[str, str] | None = None, timeout: float = 60) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - the local stack
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - the local stack
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError):  # the stack (re)starting
        return 0, {}, b""


def graphql(query: str, variables: dict | None = None, token: str | None = None) -> dict:
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    headers = {"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    request = urllib.request.Request(f"{SITE}/graphql/", data=body, headers=headers)  # noqa: S310
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - the local stack
        reply = json.loads(response.read())
    assert not reply.get("errors"), reply["errors"]
    return reply["data"]


def upload_photo(token: str, product_id: str) -> dict:
    """productMediaCreate with a file (the GraphQL multipart request spec), as the Dashboard sends it."""
    boundary = uuid.uuid4().hex
    operations = json.dumps({
        "query": "mutation($product: ID!, $image: Upload!) { productMediaCreate(input: {product: $product, "
                 "image: $image, alt: \"Ảnh thử\"}) { media { id url } errors { field message } } }",
        "variables": {"product": product_id, "image": None},
    })
    parts = [("operations", None, operations.encode()), ("map", None, b'{"0": ["variables.image"]}'),
             ("0", "photo.png", PHOTO)]
    body = b""
    for name, filename, content in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename else "")
        kind = "Content-Type: image/png\r\n" if filename else ""
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n{kind}\r\n".encode() + content + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", "Authorization": f"Bearer {token}"}
    request = urllib.request.Request(f"{SITE}/graphql/", data=body, headers=headers)  # noqa: S310
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - the local stack
        reply = json.loads(response.read())
    assert not reply.get("errors") and not reply["data"]["productMediaCreate"]["errors"], reply
    return reply["data"]["productMediaCreate"]["media"]


def compose(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run(["docker", "compose", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)


def listed_slugs() -> list[str]:
    status, _, body = get(f"{SITE}/products/")
    if status != 200:
        return []
    return list(dict.fromkeys(re.findall(r'href="/products/([a-z0-9-]+)/"', body.decode())))


def wait_for(what: str, check, timeout: float = 180, every: float = 3):
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {timeout:.0f} s")
        time.sleep(every)


def dotenv() -> dict[str, str]:
    return dict(re.findall(r"^([A-Z_]+)=([^\n\"]*)$", (ROOT / ".env").read_text(), re.MULTILINE))


@pytest.fixture(scope="module")
def stack(tmp_path_factory) -> str:
    # Image builds need the host's network where containers have none (the Docker stand-ins): harmless elsewhere.
    override = tmp_path_factory.mktemp("compose") / "build-host-network.yml"
    override.write_text("services:\n  saleor-migrate: {build: {network: host}}\n"
                        "  web-migrate: {build: {network: host}}\n")
    env = {**os.environ, "COMPOSE_FILE": f"{ROOT / 'docker-compose.yml'}:{override}"}
    started = time.monotonic()
    run = subprocess.run([str(ROOT / "scripts" / "run-stack"), "--demo"], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=3600)
    print(f"scripts/run-stack --demo: exit {run.returncode} after {time.monotonic() - started:.0f} s")
    print("\n".join(line for line in run.stdout.splitlines() if "password:" not in line)[-4000:])
    assert run.returncode == 0, run.stderr[-4000:]
    assert f"ready: web {SITE}/  dashboard {SITE}/dashboard/  graphql {SITE}/graphql/" in run.stdout
    return run.stdout


def test_the_shop_lists_the_demo_products_through_the_proxy(stack):
    # when a customer opens the catalogue, then the demo's products are listed
    slugs = wait_for("the shop lists products", listed_slugs)
    print(f"the shop lists {len(slugs)} products on its first page")
    assert len(slugs) >= 5
    # and Saleor's API and the Dashboard answer behind the same door
    assert graphql("{ shop { defaultCountry { code } } }")["shop"]["defaultCountry"]["code"] == "VN"
    assert get(f"{SITE}/dashboard/")[0] == 200


def test_a_revoked_certificate_takes_its_product_out_of_the_shop(stack):
    # given a listed product and its certificate (its page links to the certificate's verify page)
    slug = wait_for("the shop lists products", listed_slugs)[0]
    status, _, page = get(f"{SITE}/products/{slug}/")
    assert status == 200
    certificate = re.search(r'href="/verify/([^"/]+)/"', page.decode()).group(1)
    # when the staff revoke it and Saleor's sync runs (as its beat would)
    revoked = compose("exec", "-T", "web", "ocop", "registry", "revoke", certificate, "--reason",
                      "Tier 3: thu hồi thử", "--decision-no", "T3-1")
    assert revoked.returncode == 0, revoked.stderr
    synced = compose("exec", "-T", "worker", "python3", "manage.py", "ocop_sync", "--json")
    assert synced.returncode == 0, synced.stderr[-3000:]
    print(f"revoked {certificate}; ocop_sync: {synced.stdout.strip().splitlines()[-1][:300]}")
    # then the product leaves the shop's catalogue and its page
    wait_for(f"{slug} leaves the catalogue", lambda: slug not in listed_slugs())
    assert get(f"{SITE}/products/{slug}/")[0] == 404


def test_a_photo_uploaded_in_saleor_shows_on_the_product_page_from_the_public_media_address(stack):
    # given the staff account signs in to Saleor through the proxy and a listed product
    env = dotenv()
    token = graphql("mutation($e: String!, $p: String!) { tokenCreate(email: $e, password: $p) { token } }",
                    {"e": env["DASHBOARD_STAFF_EMAIL"], "p": env["DASHBOARD_STAFF_PASSWORD"]})["tokenCreate"]["token"]
    slug = wait_for("the shop lists products", listed_slugs)[-1]
    product = graphql("query($s: String!) { product(slug: $s, channel: \"ocop-vn\") { id } }", {"s": slug})["product"]
    # when a photo is uploaded (after the demo was indexed)
    media = upload_photo(token, product["id"])
    print(f"uploaded to {slug}: Saleor names it {media['url']}")

    def photo_src() -> str | None:
        page = get(f"{SITE}/products/{slug}/")[2].decode()
        found = re.search(r'<img[^>]+src="(http[^"]+/media/[^"]+)"', page)
        return found.group(1) if found else None

    # then the product's page shows it from the public media address (not Saleor's private API host)...
    src = wait_for("the photo on the product page", photo_src)
    print(f"the product page shows {src}")
    assert src.startswith(f"{SITE}/media/") and "ocop.internal" not in src
    # ...which the browser can load, and the page's Content-Security-Policy allows
    status, headers, body = get(src)
    assert status == 200 and headers["Content-Type"].startswith("image/") and body
    csp = get(f"{SITE}/products/{slug}/")[1]["Content-Security-Policy"]
    assert SITE in re.search(r"img-src ([^;]+)", csp).group(1).split()


def test_the_services_hold_only_their_own_rights(stack):
    # PostgreSQL: each service's role owns its database only and is no superuser
    roles = compose("exec", "-T", "db", "psql", "-U", "postgres", "-Atc",
                    "SELECT d.datname || ':' || r.rolname || ':' || r.rolsuper FROM pg_database d "
                    "JOIN pg_roles r ON r.oid = d.datdba WHERE d.datname IN ('saleor', 'ocop_web') ORDER BY 1")
    assert roles.stdout.split() == ["ocop_web:ocop_web:false", "saleor:saleor:false"], roles.stderr
    # Redis: nothing without the password
    anonymous = compose("exec", "-T", "-e", "REDISCLI_AUTH=", "redis", "redis-cli", "ping")
    assert "NOAUTH" in anonymous.stdout + anonymous.stderr
    # published: the proxy's 80 and 443 only
    published = {}
    for line in compose("ps", "--format", "json").stdout.splitlines():
        container = json.loads(line)
        ports = {(p["URL"], p["PublishedPort"]) for p in container.get("Publishers") or [] if p["PublishedPort"]}
        if ports:
            published[container["Service"]] = sorted(port for _, port in ports)
    print(f"published: {published}")
    assert published == {"proxy": [80, 80, 443, 443]} or published == {"proxy": [80, 443]}


def test_a_restart_brings_the_store_back_and_the_one_shots_succeed(stack):
    # when every container restarts at once (the one-shots too, while Saleor's API is still starting)
    restarted = compose("restart", timeout=900)
    assert restarted.returncode == 0, restarted.stderr[-3000:]
    waited = compose("wait", "app-install", timeout=900)
    # then the app installation waited for the API and succeeded, as did every other one-shot
    exits = compose("ps", "--all", "--format", "{{.Service}} {{.ExitCode}}",
                    "saleor-migrate", "saleor-setup", "web-migrate", "app-install")
    print(f"after docker compose restart: {' | '.join(exits.stdout.splitlines())}")
    assert waited.returncode == 0, compose("logs", "--tail", "30", "app-install").stdout
    assert sorted(exits.stdout.split()) == sorted(
        ["saleor-migrate", "0", "saleor-setup", "0", "web-migrate", "0", "app-install", "0"])
    # and the shop answers again
    assert wait_for("the shop lists products again", listed_slugs)
