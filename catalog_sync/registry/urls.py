from django.urls import path

from . import converters as _converters  # noqa: F401  (registers <certificate_id:>)
from . import views

app_name = "registry"

urlpatterns = [
    path("feed.json", views.feed, name="feed"),
    path("import/", views.import_upload, name="import-upload"),
    path("import/<int:batch_id>/", views.import_preview, name="import-preview"),
    path("import/<int:batch_id>/confirm/", views.import_confirm, name="import-confirm"),
    path("import/<int:batch_id>/discard/", views.import_discard, name="import-discard"),
    path("reports/", views.report, name="report"),
    path("reports/withdrawals/", views.withdrawal_log, name="withdrawals"),
    path("reports/<slug:table>.<str:file_format>", views.report_download, name="report-download"),
    path("certificates/<certificate_id:certificate_id>/", views.certificate_detail, name="certificate"),
    path("certificates/<certificate_id:certificate_id>/labels.pdf", views.certificate_labels, name="labels"),
]
