"""The staff page for Stripe keys: keys are set there, the secrets never shown back."""

import pytest
from django.contrib.auth.models import Permission, User

from catalog_sync.payments.models import StripeAccount

pytestmark = pytest.mark.django_db

SECRET = "sk_test_51Secret0nlyForTheServer"
WEBHOOK = "whsec_SigningSecretOfTheEndpoint"


@pytest.fixture
def staff(client):
    user = User.objects.create_user("ke-toan", password="mat-khau-dai-12345", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="payments",
                                                         codename__endswith="stripeaccount"))
    client.force_login(user)
    return client


def test_staff_set_a_channels_keys_and_never_see_the_secrets_again(staff):
    # when staff add ocop-vn's keys on the page
    response = staff.post("/admin/payments/stripeaccount/add/", {
        "channel_slug": "ocop-vn", "publishable_key": "pk_test_51Public", "secret_key": SECRET,
        "webhook_secret": WEBHOOK})
    assert response.status_code == 302
    account = StripeAccount.objects.get()
    assert (account.secret_key, account.webhook_secret) == (SECRET, WEBHOOK)
    # then neither the list nor the account's page shows a secret
    pages = staff.get("/admin/payments/stripeaccount/").content + staff.get(
        f"/admin/payments/stripeaccount/{account.pk}/change/").content
    assert b"pk_test_51Public" in pages
    assert SECRET.encode() not in pages and WEBHOOK.encode() not in pages
    # and saving the page without typing them again keeps them
    response = staff.post(f"/admin/payments/stripeaccount/{account.pk}/change/", {
        "channel_slug": "ocop-vn", "publishable_key": "pk_test_51Rotated", "secret_key": "", "webhook_secret": ""})
    assert response.status_code == 302
    account.refresh_from_db()
    assert (account.publishable_key, account.secret_key, account.webhook_secret) == (
        "pk_test_51Rotated", SECRET, WEBHOOK)


def test_a_key_that_cannot_be_right_is_refused_next_to_its_field(staff):
    response = staff.post("/admin/payments/stripeaccount/add/", {
        "channel_slug": "ocop-vn", "publishable_key": SECRET, "secret_key": SECRET, "webhook_secret": ""})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["publishable_key"]
    assert errors["publishable_key"] == ["not a Stripe publishable key (pk_test_… or pk_live_…)"]
    assert StripeAccount.objects.count() == 0
