"""Producer accounts: invitations (one-time, expiring links sent by email), activation, suspension.

An invitation link carries the account and a fingerprint of its state (producer, invitation time,
password, activation), signed with a timestamp: it stops working after ``PORTAL_INVITATION_DAYS``,
once the password is set (used), when the person is invited again (a newer link) and when the account
is moved to another producer.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac

from catalog_sync import notify
from catalog_sync.registry.models import Certificate, Producer

from .models import ProducerAccount

SALT = "portal.invitation"


class InvitationError(Exception):
    """An invitation that cannot be sent, or a link that cannot be used; the message says why."""


@dataclass(frozen=True)
class Invitation:
    producer: Producer
    email: str
    invite_url: str

    def as_json(self) -> dict[str, str]:
        return {"producer": self.producer.name, "email": self.email, "invite_url": self.invite_url}


def invitation_lifetime() -> datetime.timedelta:
    return datetime.timedelta(days=settings.PORTAL_INVITATION_DAYS)


def _fingerprint(account: ProducerAccount) -> str:
    user = account.user
    state = (f"{user.pk}|{account.producer_id}|{account.invited_at.isoformat()}|{user.password}|"
             f"{account.activated_at.isoformat() if account.activated_at else ''}")
    return salted_hmac(SALT, state).hexdigest()[:32]


def invitation_token(account: ProducerAccount) -> str:
    return signing.dumps({"u": account.user_id, "f": _fingerprint(account)}, salt=SALT, compress=True)


def invitation_path(account: ProducerAccount) -> str:
    with translation.override(settings.LANGUAGE_CODE):  # Vietnamese first
        return reverse("portal:invitation", args=[invitation_token(account)])


def _normalise_email(email: str) -> str:
    email = (email or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise InvitationError(f"email: {email!r} is not an email address") from None
    local, _, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


def invite(certificate_id: str, email: str, *, base_url: str, invited_by: User | None = None) -> Invitation:
    """Invite ``email`` to the portal for the producer holding ``certificate_id``, and send the link."""
    email = _normalise_email(email)
    certificate = Certificate.objects.select_related("producer").filter(pk=certificate_id.strip()).first()
    if certificate is None:
        raise InvitationError(f"certificate: no certificate {certificate_id!r} in the registry")
    producer = certificate.producer
    now = timezone.now()
    with transaction.atomic():
        user = User.objects.select_for_update().filter(username__iexact=email).first() or \
            User.objects.select_for_update().filter(email__iexact=email).first()
        if user is not None and (user.is_staff or user.is_superuser):
            raise InvitationError(f"email: {email} belongs to a staff account; producers' accounts are never staff")
        account = ProducerAccount.objects.filter(user=user).select_related("producer").first() if user else None
        if user is not None and account is None:
            raise InvitationError(f"email: {email} already belongs to another kind of account")
        if account is not None and account.producer_id != producer.pk:
            raise InvitationError(
                f"email: {email} already belongs to producer {account.producer.name!r}; "
                "a person belongs to one producer")
        if account is not None and account.activated_at is not None:
            raise InvitationError(f"email: {email} already has an account for {producer.name!r}; "
                                  "they can reset their password from the sign-in page")
        if account is None:
            user = User(username=email, email=email, is_staff=False, is_superuser=False, is_active=True)
            user.set_unusable_password()
            user.save()
            account = ProducerAccount.objects.create(user=user, producer=producer, invited_by=invited_by,
                                                     invited_at=now)
        else:  # invited again before the password was set: a new link, the old one stops working
            account.invited_at, account.invited_by, account.suspended_at = now, invited_by, None
            account.save(update_fields=["invited_at", "invited_by", "suspended_at"])
        url = base_url.rstrip("/") + invitation_path(account)
        _send_invitation(account, url)
    return Invitation(producer=producer, email=email, invite_url=url)


def _send_invitation(account: ProducerAccount, url: str) -> None:
    notify.send(notify.events.Invitation(
        recipients=(notify.Recipient(account.user.email, (settings.LANGUAGE_CODE,)),),
        producer_name=account.producer.name, url=url, days=settings.PORTAL_INVITATION_DAYS))


def account_for_invitation(token: str) -> ProducerAccount:
    """The account an invitation link opens, or ``InvitationError`` saying why it cannot be used."""
    try:
        data = signing.loads(token, salt=SALT, max_age=invitation_lifetime())
    except signing.SignatureExpired:
        raise InvitationError("expired") from None
    except signing.BadSignature:
        raise InvitationError("invalid") from None
    account = ProducerAccount.objects.select_related("user", "producer").filter(user_id=data.get("u")).first()
    if account is None:
        raise InvitationError("invalid")
    if account.activated_at is not None:
        raise InvitationError("used")
    if account.suspended:
        raise InvitationError("suspended")
    if not constant_time_compare(str(data.get("f")), _fingerprint(account)):
        raise InvitationError("replaced")  # invited again, or moved to another producer
    return account


def activate(account: ProducerAccount, password: str) -> None:
    """Set the password from the invitation page: the link is used up."""
    with transaction.atomic():
        account.user.set_password(password)
        account.user.save(update_fields=["password"])
        account.activated_at = timezone.now()
        account.save(update_fields=["activated_at"])


def suspend(account: ProducerAccount) -> None:
    """Staff suspend an account: every later request of that person is refused."""
    if account.suspended_at is None:
        account.suspended_at = timezone.now()
        account.save(update_fields=["suspended_at"])


def reinstate(account: ProducerAccount) -> None:
    account.suspended_at = None
    account.save(update_fields=["suspended_at"])
