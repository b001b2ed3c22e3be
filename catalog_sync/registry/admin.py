from django.contrib import admin

from .models import Certificate, Decision, ImportBatch, ImportRow, Producer


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


class ImportRowInline(admin.TabularInline):
    model = ImportRow
    extra = 0
    can_delete = False
    fields = ("row", "outcome", "field", "reason", "certificate_id")
    readonly_fields = fields


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["file_name", "state", "accepted_count", "rejected_count", "skipped_count", "created_at"]
    list_filter = ["state"]
    exclude = ["file"]
    readonly_fields = [
        "file_name", "file_sha256", "decision_no", "decision_date", "state", "created_by",
        "created_at", "committed_at", "accepted_count", "rejected_count", "skipped_count",
    ]
    inlines = [ImportRowInline]
