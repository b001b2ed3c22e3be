"""What the payouts tell producers, through ``catalog_sync.notify``: the confirmation link of new bank
details, and the monthly statement (its PDF attached). Whom to tell is the portal's to say: it registers
``people_of`` (producer -> emails of the people who may use its portal now) when it starts."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings

from catalog_sync import notify
from catalog_sync.registry.models import Producer

from .statement_pdf import pdf_bytes
from .statements import Statement

_people: list[Callable[[Producer], tuple[str, ...]]] = []


def register_people(finder: Callable[[Producer], tuple[str, ...]]) -> None:
    _people[:] = [finder]


def people_of(producer: Producer) -> tuple[str, ...]:
    return _people[0](producer) if _people else ()


def statement_url(month: str) -> str:
    return settings.PUBLIC_URL.rstrip("/") + f"/portal/payouts/{month}/"


def send_statement(statement: Statement, recipients: tuple[str, ...]) -> list[str]:
    """Email ``statement`` with its PDF to ``recipients`` (Vietnamese and English); the channels used."""
    event = notify.events.PayoutStatement(
        recipients=notify.events.recipients(list(recipients), ("vi", "en")),
        attachments=(notify.events.Attachment(f"bang-ke-{statement.month}.pdf", pdf_bytes(statement),
                                              "application/pdf"),),
        producer_name=statement.producer.name, month=statement.first,
        line_count=sum(1 for line in statement.lines if line.quantity > 0), gross=statement.gross,
        commission=statement.commission, refunds=statement.refunds, net=statement.net, paid=statement.paid,
        due=statement.due, statement_url=statement_url(statement.month))
    return notify.send(event)


def send_monthly(month: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each producer's statement of ``month`` (those with entries or transfers in it), emailed once to their
    people; a producer with nobody to tell is tried again at the next run. Returns [(producer name, to)]."""
    from django.db import IntegrityError, transaction

    from .models import Entry, StatementSent, Transfer
    from .producers import producers_by_slug
    from .statements import parse_month, statement

    first, last = parse_month(month)
    slugs = set(Entry.objects.filter(on__gte=first, on__lte=last).values_list("producer_slug", flat=True).distinct())
    producers = {producer.pk: producer for producer in producers_by_slug(slugs).values()}
    for transfer in Transfer.objects.filter(on__gte=first, on__lte=last).select_related("producer"):
        producers.setdefault(transfer.producer_id, transfer.producer)
    done = set(StatementSent.objects.filter(month=month).values_list("producer_id", flat=True))
    sent = []
    for producer in sorted(producers.values(), key=lambda p: p.pk):
        recipients = people_of(producer)
        if producer.pk in done or not recipients:
            continue
        try:
            with transaction.atomic():
                StatementSent.objects.create(producer=producer, month=month, sent_to=", ".join(recipients))
                send_statement(statement(producer, month), recipients)
        except IntegrityError:
            continue
        sent.append((producer.name, recipients))
    return sent
