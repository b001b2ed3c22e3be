"""When Saleor does not answer, the shop keeps working from its read model and says prices may be stale."""

import socket

import pytest

from catalog_sync.app import health
from catalog_sync.saleor import SaleorClient, SaleorConnectionError
from catalog_sync.saleor.client import RetryingTransport
from catalog_sync.saleor.recording import ReplayTransport
from testkit.catalogue_builders import product_record

from .conftest import FIXTURES

pytestmark = pytest.mark.django_db

NOTICE_VI = "Hệ thống bán hàng tạm thời không phản hồi: giá và tồn kho đang hiển thị có thể chưa cập nhật."
NOTICE_EN = "Our sales system is not answering right now: prices and stock shown may be out of date."


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def shop():
    from catalog_sync.catalogue import store

    store.apply_product(product_record())


def test_while_saleor_is_down_the_catalogue_still_shows_and_says_prices_may_be_stale(client, shop):
    # given Saleor does not answer the worker's check
    down = SaleorClient(f"http://127.0.0.1:{closed_port()}/graphql/", None, transport=RetryingTransport(retries=0))
    assert health.check(down) is False
    # when a shopper opens the catalogue
    vietnamese = client.get("/products/")
    english = client.get("/en/products/")
    # then the products are there, with the notice
    assert vietnamese.status_code == 200 and NOTICE_VI in vietnamese.content.decode()
    assert english.status_code == 200 and NOTICE_EN in english.content.decode()


def test_once_saleor_answers_again_the_notice_goes(client, shop):
    health.record(False)
    # when the check reaches Saleor (its answer as recorded from a real Saleor 3.23)
    answering = SaleorClient("http://127.0.0.1:8000/graphql/", None,
                             transport=ReplayTransport(FIXTURES / "13_saleor_health.json"))
    assert health.check(answering) is True
    # then
    assert NOTICE_VI not in client.get("/products/").content.decode()


def test_a_refresh_that_cannot_reach_saleor_marks_it_unreachable(monkeypatch, settings):
    from catalog_sync.app.tasks import refresh_object

    # given Saleor is down when the worker reads a changed product
    settings.SALEOR_API_URL = f"http://127.0.0.1:{closed_port()}/graphql/"
    monkeypatch.setattr("catalog_sync.saleor.make_transport", lambda: RetryingTransport(retries=0))
    # when the task runs (its body, without Celery's retries)
    with pytest.raises(SaleorConnectionError):
        refresh_object.__wrapped__("product", "UHJvZHVjdDox", "2026-11-28T00:00:00+00:00")
    # then the shop knows Saleor is not answering
    assert health.saleor_unreachable() is True
