from urllib.parse import urlencode

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .models import Certificate, Decision, ImportBatch, ImportRow, Producer
from .offices import DigestSent, ProvinceOffice

# What the page of a batch shows of its rows; the rest are a click away, paginated.
BATCH_PAGE_REJECTED_ROWS = 20


@admin.register(Producer)
class ProducerAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation_type", "province"]
    list_filter = ["organisation_type", "province"]
    search_fields = ["name", "name_key"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["number", "signed_on", "issuer", "level"]
    list_filter = ["level"]
    search_fields = ["number", "issuer"]
    date_hierarchy = "signed_on"


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["id", "product_name", "producer", "stars", "province", "valid_until", "revoked_on"]
    list_filter = ["stars", "group", "province", "revoked_on"]
    search_fields = ["id", "product_name", "product_key", "producer__name"]
    list_select_related = ["producer"]
    raw_id_fields = ["producer", "decision", "supersedes"]
    readonly_fields = ["id", "created_at", "updated_at"]
    date_hierarchy = "valid_until"


def rows_of(batch: ImportBatch, outcome: str) -> str:
    """The admin's paginated list of a batch's rows with one outcome."""
    query = urlencode({"batch__id__exact": batch.pk, "outcome__exact": outcome})
    return f"{reverse('admin:registry_importrow_changelist')}?{query}"


@admin.register(ImportRow)
class ImportRowAdmin(admin.ModelAdmin):
    """Every row outcome of every import, 100 to a page (a batch may hold 100,000 rows)."""

    list_display = ["batch_id", "rows", "outcome", "field", "reason", "product_name", "producer", "certificate_id"]
    list_filter = ["outcome"]
    ordering = ["batch_id", "row", "id"]  # in index order, without joining the batch
    list_per_page = 100
    show_full_result_count = False
    search_fields = ["product_name", "producer", "certificate_id"]

    @admin.display(description=_("Row"), ordering="row")
    def rows(self, obj: ImportRow) -> str:
        last = getattr(obj, "last_row", None)  # a run of blank rows is one outcome
        return f"{obj.row}–{last}" if last and last != obj.row else str(obj.row)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["file_name", "state", "accepted_count", "rejected_count", "skipped_count", "created_at"]
    list_filter = ["state"]
    exclude = ["file"]
    readonly_fields = [
        "file_name", "file_sha256", "decision_no", "decision_date", "state", "created_by",
        "created_at", "committed_at", "accepted_count", "rejected_count", "skipped_count", "row_outcomes",
    ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[ImportBatch]:
        return super().get_queryset(request).defer("file")  # an upload may be 50 MB

    @admin.display(description=_("Row outcomes"))
    def row_outcomes(self, batch: ImportBatch) -> str:
        """Links to the rows of each outcome, and the first rejected rows."""
        links = format_html_join(
            " · ",
            '<a href="{}">{} ({})</a>',
            (
                (rows_of(batch, outcome), label, count)
                for outcome, label, count in (
                    (ImportRow.Outcome.REJECTED, _("Rejected rows"), batch.rejected_count),
                    (ImportRow.Outcome.SKIPPED, _("Skipped rows"), batch.skipped_count),
                    (ImportRow.Outcome.ACCEPTED, _("Accepted rows"), batch.accepted_count),
                )
            ),
        )
        first = batch.rows.filter(outcome=ImportRow.Outcome.REJECTED).order_by("row", "id")[:BATCH_PAGE_REJECTED_ROWS]
        table = format_html_join(
            "", "<tr><td>{}</td><td>{}</td><td>{}</td></tr>", ((r.row, r.field, r.reason) for r in first)
        )
        if not table:
            return links
        return format_html("<p>{}</p><table><tbody>{}</tbody></table>", links, table)


@admin.register(ProvinceOffice)
class ProvinceOfficeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "emails", "active"]
    list_filter = ["active"]
    search_fields = ["province", "emails"]


@admin.register(DigestSent)
class DigestSentAdmin(admin.ModelAdmin):
    list_display = ["office", "week", "sent_at", "recipients", "expiring_count", "withdrawn_count"]
    list_filter = ["week"]
    readonly_fields = ["office", "week", "sent_at", "recipients", "expiring_count", "withdrawn_count"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
