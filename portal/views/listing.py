"""List a certified product from the portal: ``/portal/listings/new/`` (field ``certificate``, ``price``, ``stock``).

Ownership first, whatever the method: a certificate that is not the signed-in producer's answers 404 and
nothing is sent to Saleor. Then the registry says whether it may be listed today (Vietnam time) and Saleor,
asked at the time of the request, whether its product is already for sale.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from catalog_sync.app.clients import app_client
from catalog_sync.core.formats import money
from catalog_sync.domain.validity import vietnam_today
from catalog_sync.registry.models import Certificate
from catalog_sync.saleor import SaleorError, SaleorMutationError
from catalog_sync.saleor.catalogue import CertificateNotImported
from catalog_sync.saleor.portal_listing import AlreadyListed, Listing, list_certificate

from ..access import producer_required
from ..forms import ListingForm
from ..models import PortalChange, ProducerAccount
from ..new_listings import LISTING_FIELD, already_listed_message, refusal


def listing_form(certificate_id: str, data: object = None) -> ListingForm:
    """A form per certificate on one page: the fields keep their names, the ids name the certificate."""
    return ListingForm(data or None, initial={"certificate": certificate_id},  # type: ignore[arg-type]
                       auto_id=f"id_%s_{certificate_id}")


@producer_required
def new_listing(request: HttpRequest) -> HttpResponse:
    account: ProducerAccount = request.producer_account  # type: ignore[attr-defined]
    wanted = (request.POST if request.method == "POST" else request.GET).get("certificate", "").strip()
    certificate = (Certificate.objects.select_related("decision", "producer")
                   .filter(pk=wanted, producer_id=account.producer_id).first() if wanted else None)
    if certificate is None:
        raise Http404("no such certificate")
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    problem, pair = refusal(account, certificate, vietnam_today())
    form = listing_form(certificate.id, request.POST if request.method == "POST" else None)
    status, retry = 200, False
    if problem:
        status = 409 if request.method == "POST" else 200
    elif request.method == "POST" and form.is_valid():
        assert pair is not None
        try:
            with app_client() as client:
                listing = list_certificate(client, pair, price=form.cleaned_data["price"],
                                           stock=form.cleaned_data["stock"])
        except AlreadyListed as already:
            problem, status = already_listed_message(already.product_name), 409
        except SaleorMutationError as error:
            problem, status = _("The sales system refused the listing: %(reason)s") % {
                "reason": "; ".join(e.message or e.code or "" for e in error.errors)}, 503
            retry = True
        except CertificateNotImported as error:
            problem = _("The sales system refused the listing: %(reason)s") % {"reason": error}
            status, retry = 503, True
        except SaleorError:
            problem, status, retry = _("The sales system did not answer. Try again in a moment."), 503, True
        else:
            _record(account, certificate, listing)
            messages.success(request, _(
                "Listed: %(product)s at %(price)s, %(stock)s in stock. It shows in the store within a minute.") % {
                "product": listing.product_name, "price": money(listing.price), "stock": listing.stock})
            return redirect("portal:products")
    elif request.method == "POST":
        status = 400
    return render(request, "portal/listing_new.html", {
        "producer": account.producer, "certificate": certificate, "form": form, "problem": problem, "retry": retry},
        status=status)


def _record(account: ProducerAccount, certificate: Certificate, listing: Listing) -> None:
    variant = listing.variant
    name = f"{listing.product_name} · {variant.name}" if variant.name else listing.product_name
    PortalChange.objects.bulk_create([
        PortalChange.by(account, object_type="product", object_id=listing.product_id, name=listing.product_name,
                        field=LISTING_FIELD, before="", after=certificate.id),
        PortalChange.by(account, object_type="variant", object_id=variant.id, name=name, field="price",
                        before=variant.price, after=listing.price),
        PortalChange.by(account, object_type="variant", object_id=variant.id, name=name, field="stock",
                        before=variant.stock, after=listing.stock),
    ])
