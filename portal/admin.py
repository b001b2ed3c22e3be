"""Staff see producers' accounts (and suspend them) and every change producers made."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .accounts import reinstate, suspend
from .models import CertificateReminder, PortalChange, ProducerAccount, ProducerOrderLine


@admin.register(ProducerAccount)
class ProducerAccountAdmin(admin.ModelAdmin):
    list_display = ("user", "producer", "invited_at", "activated_at", "suspended_at")
    list_filter = ("suspended_at", "activated_at")
    search_fields = ("user__email", "producer__name")
    readonly_fields = ("user", "producer", "invited_by", "invited_at", "activated_at", "suspended_at")
    actions = ["suspend_accounts", "reinstate_accounts"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # accounts are created by invitation

    @admin.action(description=_("Suspend the selected accounts"), permissions=["change"])
    def suspend_accounts(self, request: HttpRequest, queryset: QuerySet[ProducerAccount]) -> None:
        for account in queryset:
            suspend(account)
        self.message_user(request, _("%(count)d accounts suspended.") % {"count": queryset.count()})

    @admin.action(description=_("Reinstate the selected accounts"), permissions=["change"])
    def reinstate_accounts(self, request: HttpRequest, queryset: QuerySet[ProducerAccount]) -> None:
        for account in queryset:
            reinstate(account)
        self.message_user(request, _("%(count)d accounts reinstated.") % {"count": queryset.count()})


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(PortalChange)
class PortalChangeAdmin(ReadOnly):
    list_display = ("changed_at", "email", "producer", "object_name", "field", "before_short", "after_short")
    list_filter = ("field",)
    search_fields = ("email", "producer__name", "object_name", "object_id")
    date_hierarchy = "changed_at"

    @admin.display(description=_("before"))
    def before_short(self, change: PortalChange) -> str:
        return _short(change.before)

    @admin.display(description=_("after"))
    def after_short(self, change: PortalChange) -> str:
        return _short(change.after)


def _short(value: str, limit: int = 120) -> str:
    """A story is long: the list shows its start, the change's own page all of it."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


@admin.register(CertificateReminder)
class CertificateReminderAdmin(ReadOnly):
    list_display = ("certificate", "valid_until", "days_before", "sent_on", "recipients")


@admin.register(ProducerOrderLine)
class ProducerOrderLineAdmin(ReadOnly):
    """Which order lines reached which producer, and who was emailed (once per line)."""

    list_display = ("order_number", "ordered_at", "producer_page_slug", "line_id", "recipients", "recorded_at")
    search_fields = ("producer_page_slug", "line_id", "order_id", "recipients")
