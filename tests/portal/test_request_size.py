"""Request bodies: 1 MB for visitors and customers, refused with 413 before they are read; staff and
producers in their portal keep the upload size."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def padded(size: int) -> bytes:
    return b"pad=" + b"x" * (size - 4)


@pytest.mark.parametrize("path", ["/account/sign-in/", "/portal/sign-in/", "/en/portal/password-reset/",
                                  "/admin/login/", "/checkout/"])
def test_an_anonymous_form_over_1_mb_is_refused_with_413_before_its_body_is_read(path):
    # given a visitor's form that says it is 50 MB long but brings a few bytes (reading it would fail)
    client = Client()
    # when it is posted
    response = client.post(path, data=b"pad=x", content_type="application/x-www-form-urlencoded",
                           CONTENT_LENGTH=str(50 * MB))
    # then it is refused from its length alone, in Vietnamese (English under /en/)
    assert response.status_code == 413
    assert response.content.decode() == ("The request is too large: at most 1 MB." if path.startswith("/en/")
                                         else "Yêu cầu quá lớn: tối đa 1 MB.")
    # and one just under 1 MB goes through to the page
    assert client.post(path, data=padded(MB - 1024), content_type="application/x-www-form-urlencoded"
                       ).status_code != 413


def test_staff_and_producers_in_their_portal_keep_the_upload_size(two_producers, producer_person, admin_client):
    # given a staff member and a producer's person, each signed in
    person = producer_person(two_producers[0], "lan@example.vn")
    body = padded(2 * MB)
    # when each posts a 2 MB form where they upload
    staff = admin_client.post("/staff/security/", data=body, content_type="application/x-www-form-urlencoded")
    producer = person.post("/portal/story/photos/", data=body, content_type="application/x-www-form-urlencoded")
    # then neither is refused for its size
    assert staff.status_code == 200
    assert producer.status_code != 413
    # but the same producer outside the portal is a shop visitor like any other
    assert person.post("/account/sign-in/", data=body, content_type="application/x-www-form-urlencoded"
                       ).status_code == 413
