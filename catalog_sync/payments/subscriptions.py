"""Saleor's synchronous payment webhooks the app answers, with their subscription queries.

Each payload carries what its handler needs and nothing more: the transaction (its id and PSP
reference), the amount and currency asked for, the channel (from the checkout or order paid), and
the storefront's ``data``.
"""

from __future__ import annotations

from dataclasses import dataclass

_SOURCE = """sourceObject {
        __typename
        ... on Checkout { id channel { slug } }
        ... on Order { id channel { slug } }
      }"""


@dataclass(frozen=True)
class PaymentWebhook:
    name: str
    event: str
    query: str


def _session(name: str, typename: str, extra: str = "") -> str:
    return f"""subscription {name} {{
  event {{
    __typename
    ... on {typename} {{
      issuedAt
      transaction {{ id pspReference }}
      action {{ amount currency actionType }}
      data
      merchantReference{extra}
      {_SOURCE}
    }}
  }}
}}"""


def _action(name: str, typename: str) -> str:
    return f"""subscription {name} {{
  event {{
    __typename
    ... on {typename} {{
      issuedAt
      transaction {{ id pspReference }}
      action {{ amount currency actionType }}
    }}
  }}
}}"""


GATEWAY_INITIALIZE = PaymentWebhook(
    name="OCOP payments: gateway initialize",
    event="PAYMENT_GATEWAY_INITIALIZE_SESSION",
    query=f"""subscription OcopPaymentGatewayInitialize {{
  event {{
    __typename
    ... on PaymentGatewayInitializeSession {{
      issuedAt
      amount
      data
      {_SOURCE}
    }}
  }}
}}""",
)
INITIALIZE = PaymentWebhook(
    name="OCOP payments: transaction initialize",
    event="TRANSACTION_INITIALIZE_SESSION",
    query=_session("OcopTransactionInitialize", "TransactionInitializeSession", "\n      idempotencyKey"),
)
PROCESS = PaymentWebhook(
    name="OCOP payments: transaction process",
    event="TRANSACTION_PROCESS_SESSION",
    query=_session("OcopTransactionProcess", "TransactionProcessSession"),
)
CHARGE = PaymentWebhook(
    name="OCOP payments: charge requested",
    event="TRANSACTION_CHARGE_REQUESTED",
    query=_action("OcopTransactionCharge", "TransactionChargeRequested"),
)
REFUND = PaymentWebhook(
    name="OCOP payments: refund requested",
    event="TRANSACTION_REFUND_REQUESTED",
    query=_action("OcopTransactionRefund", "TransactionRefundRequested"),
)
CANCEL = PaymentWebhook(
    name="OCOP payments: cancel requested",
    event="TRANSACTION_CANCELATION_REQUESTED",
    query=_action("OcopTransactionCancel", "TransactionCancelationRequested"),
)

PAYMENT_WEBHOOKS = (GATEWAY_INITIALIZE, INITIALIZE, PROCESS, CHARGE, REFUND, CANCEL)
