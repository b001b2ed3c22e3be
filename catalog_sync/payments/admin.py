"""Staff pages of the payments app: each gateway's own (imported here so Django's admin finds them)."""

from .payos import admin as payos_admin  # noqa: F401
from .stripe import admin as stripe_admin  # noqa: F401
