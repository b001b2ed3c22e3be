"""Install the app in Saleor (``appInstall`` from our manifest) and wait until Saleor registered it here.

Saleor fetches the manifest, creates the app and posts its token to /saleor/register/; we are
installed once that token is stored. While it waits, and only then, /saleor/register/ accepts a token
(a ``PendingRegistration``). Safe to run again: an app that is installed in Saleor and
registered here is left alone; one Saleor still has but we lost (a fresh web database) is
deleted and installed again, so its token reaches us.
"""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from catalog_sync.saleor import SaleorClient, SaleorError
from catalog_sync.saleor.client import returned
from catalog_sync.saleor.generated import Client, PermissionEnum

from .manifest import APP_ID, PERMISSIONS
from .models import Installation, PendingRegistration, normalise_api_url


class InstallFailed(SaleorError):
    pass


@dataclass(frozen=True)
class InstallResult:
    outcome: str  # "installed" or "already installed"
    app_id: str


def staff_token(client: SaleorClient, email: str, password: str) -> str:
    """A staff user's token (``tokenCreate``; wrong credentials raise ``SaleorMutationError`` naming it)."""
    reply = client.operations().staff_token_create(email=email, password=password).token_create
    return returned(reply.token if reply else None, "tokenCreate")


def _in_saleor(operations: Client) -> tuple[Any | None, list[Any]]:
    """Our app as Saleor has it (or None), and Saleor's installation jobs: one query."""
    state = operations.installed_apps()
    ours = next((edge.node for edge in (state.apps.edges if state.apps else [])
                 if edge.node.identifier == APP_ID), None)
    return ours, state.apps_installations


@contextmanager
def registration_pending(api_url: str, timeout: float, replacing_app_id: str = "") -> Iterator[None]:
    """/saleor/register/ accepts the app's token for this Saleor while the block runs (at most ``timeout`` s
    and a minute more: Saleor posts the token before its installation job ends)."""
    url = normalise_api_url(api_url)
    until = datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=timeout + 60)
    PendingRegistration.objects.update_or_create(saleor_api_url=url, defaults={
        "open_until": until, "replacing_app_id": replacing_app_id})
    try:
        yield
    finally:
        PendingRegistration.objects.filter(saleor_api_url=url).delete()


def install_app(client: SaleorClient, manifest_url: str, *, timeout: float = 120, poll: float = 1.0,
                sleep: Callable[[float], None] = time.sleep,
                on_step: Callable[[str], None] | None = None) -> InstallResult:
    """``client`` carries a token with MANAGE_APPS (a staff user's, or an app's)."""
    say = on_step or (lambda _message: None)
    operations = client.operations()
    existing, _jobs = _in_saleor(operations)
    registered = Installation.objects.for_api_url(client.url)
    if existing is not None and registered is not None and registered.app_id == existing.id:
        return InstallResult("already installed", existing.id)
    with registration_pending(client.url, timeout, existing.id if existing is not None else ""):
        return _install(client, operations, existing, manifest_url, timeout, poll, sleep, say)


def _install(client: SaleorClient, operations: Client, existing: Any | None, manifest_url: str, timeout: float,
             poll: float, sleep: Callable[[float], None], say: Callable[[str], None]) -> InstallResult:
    if existing is not None:
        say(f"Saleor has app {existing.id} but its token never reached this service: installing it again")
        operations.ocop_app_delete(id=existing.id)  # Saleor's errors raise SaleorMutationError("appDelete", ...)
    say(f"asking Saleor to install the app from {manifest_url}")
    reply = operations.ocop_app_install(manifest_url=manifest_url,
                                        permissions=[PermissionEnum(p) for p in PERMISSIONS]).app_install
    job_id = reply.app_installation.id if reply and reply.app_installation else None
    deadline = time.monotonic() + timeout
    while True:
        registered = Installation.objects.for_api_url(client.url)
        app, jobs = _in_saleor(operations)
        if registered is not None and app is not None and registered.app_id == app.id:
            say(f"installed: app {app.id}")
            return InstallResult("installed", app.id)
        job = next((j for j in jobs if j.id == job_id), None)
        if job is not None and job.status.value == "FAILED":
            raise InstallFailed(f"Saleor could not install the app: {job.message or 'no reason given'}")
        if time.monotonic() > deadline:
            state = job.status.value.lower() if job else "finished in Saleor, but no token reached this service"
            raise InstallFailed(f"the app was not installed within {timeout:.0f} s ({state}); is Saleor's worker "
                                f"running, and can Saleor reach {manifest_url}?")
        sleep(poll)
