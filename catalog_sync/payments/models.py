"""The payments app's models: each gateway's own (imported here so Django finds them) and the answers given
to Saleor's charge, refund and cancel requests, whichever gateway gave them."""

from __future__ import annotations

from django.db import models

from .payos.models import PayosAccount, PayosPayment, PayosTransfer, VietQRRefund
from .stripe.models import Payment, StripeAccount, StripeEvent

__all__ = [
    "ActionAnswer",
    "Payment",
    "PayosAccount",
    "PayosPayment",
    "PayosTransfer",
    "StripeAccount",
    "StripeEvent",
    "VietQRRefund",
]


class ActionAnswer(models.Model):
    """The answer given to a charge, refund or cancel request: a redelivery gets it again, no gateway is asked twice."""

    digest = models.CharField(max_length=64, unique=True)
    transaction_id = models.CharField(max_length=255)
    answer = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.transaction_id} {self.answer.get('result', '')}"
