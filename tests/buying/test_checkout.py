"""The one-page checkout (cash on delivery) and the confirmation page, with JavaScript off."""

import pytest

from catalog_sync.domain.provinces import province_by_slug
from catalog_sync.saleor import SaleorClient
from catalog_sync.saleor.shopping import AddressInput, CheckoutRefused, Shop
from storefront.buying.forms import saleor_province, vietnamese_phone
from storefront.buying.refusals import place

from . import journeys
from .conftest import REPLAY_URL

pytestmark = pytest.mark.django_db


def test_goods_are_bought_cash_on_delivery_and_a_withdrawn_product_never(client, replayed):
    # given the demo's goods, as Saleor answered (recorded)
    products, _ = replayed("15_buying_cod")
    # when / then: the journey (tests/buying/journeys.py)
    journeys.cod_journey(client, products, withdraw=journeys.leave_read_model)


def test_a_service_is_bought_without_an_address_and_a_mixed_cart_ships_only_the_goods(client, replayed):
    # given a tourism service and goods, as Saleor answered (recorded)
    products, _ = replayed("16_buying_service")
    # when / then: the journey (tests/buying/journeys.py)
    journeys.service_journey(client, products)


def test_saleor_refuses_hue_by_its_current_name_so_the_form_sends_the_name_saleor_knows(replayed):
    # given a checkout in Saleor (recorded: Saleor 3.23's address data for VN predates the 2025 provinces)
    products, transport = replayed("17_buying_address_rules")
    shop = Shop(SaleorClient(REPLAY_URL, None, transport=transport))
    cart = shop.create(products.goods.variants[0].id, 1)
    address = AddressInput("Trần Thị Bình", vietnamese_phone("0234 3822 123"), "3 Lê Lợi", "Phường Thuận Hóa", "Huế")
    # when the address names the province Huế as it is called now
    with pytest.raises(CheckoutRefused) as refused:
        shop.set_shipping_address(cart.id, address)
    # then Saleor refuses its countryArea, and the page would say so next to the province
    assert [(r.field, r.code) for r in refused.value.refusals] == [("countryArea", "INVALID")]
    assert place(refused.value.refusals, cart).fields == {"province": ["Chọn tỉnh/thành phố của bạn."]}
    # and the form's name for it is the one Saleor accepts
    accepted = shop.set_shipping_address(cart.id, AddressInput(
        address.name, address.phone, address.street, address.ward, saleor_province(province_by_slug("hue"))))
    assert accepted.shipping_address.province == "Thừa Thiên–Huế"
    assert accepted.shipping_address.ward == "PHƯỜNG THUẬN HÓA"  # Saleor writes VN cities in capitals


@pytest.mark.parametrize(("typed", "sent"), [
    ("0912 345 678", "+84912345678"), ("+84 912 345 678", "+84912345678"), ("0912.345.678", "+84912345678"),
    ("0234 3822 123", "+842343822123"),
])
def test_vietnamese_phone_numbers_are_sent_to_saleor_in_international_form(typed, sent):
    assert vietnamese_phone(typed) == sent


@pytest.mark.parametrize("typed", ["12345", "0912 345", "+1 415 555 0100", "091234567890", "số điện thoại"])
def test_phone_numbers_that_are_not_vietnamese_are_refused(typed):
    from django import forms

    with pytest.raises(forms.ValidationError):
        vietnamese_phone(typed)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("posted", [None, {"province": "hue", "payment_method": "card"}, {"province": ""},
                                    {"province": "<script>", "payment_method": "<b>"}])
def test_the_province_list_and_payment_choices_are_exactly_djangos_with_the_shoppers_choices_kept(language, posted):
    from django import forms
    from django.utils import translation

    from storefront.buying.forms import CheckoutForm

    # given the checkout form in either language, fresh or sent back with choices (or none, or nonsense)
    def field_html(name: str, plain: type[forms.Widget] | None = None) -> str:
        form = CheckoutForm(posted, ships=True, language=language)
        if posted is not None:
            form.is_valid()
        if plain is not None:
            form.fields[name].widget.__class__ = plain
        return str(form[name])

    with translation.override(language):
        # when each list is shown twice (the second time from what was rendered once)
        province, payment = field_html("province"), field_html("payment_method")
        # then each is Django's own widget, option for option
        assert province == field_html("province") == field_html("province", forms.Select)
        assert payment == field_html("payment_method") == field_html("payment_method", forms.RadioSelect)
    # and the shopper's choices are the ones selected
    if (posted or {}).get("province") == "hue":
        assert f'<option value="hue" selected>{"Hue" if language == "en" else "Huế"}</option>' in province
        assert 'value="card" required id="id_payment_method_2" checked' in payment
    else:
        assert " selected" not in province.replace('<option value="" selected>', "")
        cod_checked = 'value="cod" required id="id_payment_method_0" checked' in payment
        assert cod_checked if posted is None else " checked" not in payment
    assert "<script>" not in province and "<b>" not in payment
    assert ("Choose…" if language == "en" else "Chọn…") in province
    assert ("Cash on delivery" if language == "en" else "Thanh toán khi nhận hàng") in payment
