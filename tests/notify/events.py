"""One example of each notification event, as the rooms build them (factories for the tests)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from catalog_sync.notify import Recipient, events

VIETNAM = datetime.timezone(datetime.timedelta(hours=7))


def to(*emails: str, languages: tuple[str, ...] = ("vi",)) -> tuple[Recipient, ...]:
    return tuple(Recipient(email, languages) for email in emails)


def order_lines(**changes) -> events.ProducerOrderLines:
    return events.ProducerOrderLines(**{
        "recipients": to("lan@example.vn", languages=("vi", "en")), "number": 42,
        "created": datetime.datetime(2026, 11, 20, 9, 30, tzinfo=VIETNAM),
        "lines": (events.OrderLine(2, "Mật ong bạc hà", "Hũ 500 g", Decimal("185000"), "VND"),
                  events.OrderLine(1, "Chè Shan tuyết", "", Decimal("120000"), "VND")),
        "portal_url": "https://ocop.example.vn/portal/orders/42/", **changes})


def reminder(**changes) -> events.CertificateReminder:
    return events.CertificateReminder(**{
        "recipients": to("hoa@example.vn"), "certificate_id": "TQ-2023-0100", "product_name": "Miến dong Bình Lư",
        "valid_until": datetime.date(2026, 5, 30), "days_left": 30,
        "portal_url": "https://ocop.example.vn/portal/certificates/", **changes})


def invitation(**changes) -> events.Invitation:
    return events.Invitation(**{
        "recipients": to("lan@example.vn"), "producer_name": "HTX Ong mật Mèo Vạc",
        "url": "https://ocop.example.vn/portal/invitation/abc/", "days": 7, **changes})


def second_step_locked(**changes) -> events.SecondStepLocked:
    return events.SecondStepLocked(**{
        "recipients": to("lan@example.vn"), "email": "lan@example.vn", "failures": 5, "minutes": 15,
        "until": datetime.datetime(2026, 11, 20, 3, 15, tzinfo=datetime.UTC),
        "reset_url": "https://ocop.example.vn/portal/password-reset/", **changes})


def account(**changes) -> events.AccountEmail:
    return events.AccountEmail(**{
        "recipients": to("mai.tran@example.com"), "purpose": "confirm", "name": "Trần Thị Mai",
        "link": "https://ocop.example.vn/account/confirm/?email=mai.tran%40example.com&token=t", **changes})


def service_cancelled(**changes) -> events.ServiceLineCancelled:
    return events.ServiceLineCancelled(**{
        "recipients": to("mai.tran@example.com"), "number": 57, "product_name": "Tour trải nghiệm làng chè",
        "variant_label": "Người lớn", "quantity": 2, "total": Decimal("700000"), "currency": "VND",
        "refund_owed": True, "order_url": "https://ocop.example.vn/account/orders/57/", **changes})


def digest(**changes) -> events.Digest:
    return events.Digest(**{
        "recipients": to("vp.ocop@tuyenquang.gov.vn", "so.nn@tuyenquang.gov.vn"), "province_name": "Tuyên Quang",
        "week": datetime.date(2026, 11, 16), "week_end": datetime.date(2026, 11, 22),
        "sent_on": datetime.date(2026, 11, 23), "days": 60,
        "expiring": (events.DigestCertificate("TQ-2023-0001", "Mật ong bạc hà", "HTX Ong mật Mèo Vạc", 4,
                                              datetime.date(2026, 12, 23), "https://ocop.example.vn/verify/TQ-2023-0001/"),),
        "withdrawn": (events.DigestWithdrawal(
            "TQ-2024-0002", "Chè Shan tuyết", "HTX Ong mật Mèo Vạc",
            datetime.datetime(2026, 11, 18, 17, 0, tzinfo=datetime.UTC), "bị thu hồi",
            "revoked on 2026-11-19 (TQ-2024-0002)", "Vi phạm chất lượng",
            "https://ocop.example.vn/verify/TQ-2024-0002/"),),
        "reports_url": "https://ocop.example.vn/registry/reports/?province=tuyen-quang&days=60", **changes})


def payout_statement(**changes) -> events.PayoutStatement:
    return events.PayoutStatement(**{
        "recipients": to("lan@example.vn"), "producer_name": "HTX Ong mật Mèo Vạc",
        "month": datetime.date(2026, 11, 1), "line_count": 3, "gross": 1_250_000, "commission": 100_000,
        "refunds": 185_000, "net": 965_000, "paid": 500_000, "due": 465_000,
        "statement_url": "https://ocop.example.vn/portal/payouts/2026-11/",
        "attachments": (events.Attachment("bang-ke-2026-11.pdf", b"%PDF-1.7 statement", "application/pdf"),),
        **changes})


def payout_bank_confirmation(**changes) -> events.PayoutBankConfirmation:
    return events.PayoutBankConfirmation(**{
        "recipients": to("lan@example.vn"), "producer_name": "HTX Ong mật Mèo Vạc", "asked_by": "lan@example.vn",
        "bank_name": "Vietcombank — Ngân hàng TMCP Ngoại Thương Việt Nam", "account_number": "0071001234567",
        "account_name": "HTX ONG MAT MEO VAC", "hours": 48,
        "url": "https://ocop.example.vn/portal/payouts/bank/confirm/abc/", **changes})
