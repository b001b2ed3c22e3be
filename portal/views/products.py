"""A producer's product page: description, photos (upload, order, alt text, delete) and variants.

One address, ``/portal/products/<product_id>/``: GET shows the product as Saleor holds it now; each small
form on it posts back there with ``form`` naming which (``description``, ``photo``, ``photo-edit``,
``variant``). Ownership comes first, whatever the method: another producer's product is 404 to GET, POST
and the rest, and so is a photo id that is not one of this product's photos in Saleor.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from catalog_sync.app.clients import app_client
from catalog_sync.catalogue.models import Product
from catalog_sync.domain.groups import group_by_slug
from catalog_sync.domain.provinces import province_by_slug
from catalog_sync.saleor import SaleorClient, SaleorError, SaleorMutationError
from catalog_sync.saleor.product_edits import ProductState

from .. import description as rich
from .. import products as logic
from ..access import producer_required
from ..forms import PHOTO_MAX_BYTES, DescriptionForm, NewVariantForm, PhotoEditForm, PhotoForm
from ..listings import NotTheirs
from ..models import ProducerAccount

# A request larger than this is refused before its body is read (the photo's bound plus the other fields).
MAX_REQUEST_BYTES = PHOTO_MAX_BYTES + 256 * 1024

FORMS: dict[str, type[forms.Form]] = {
    "description": DescriptionForm, "photo": PhotoForm, "photo-edit": PhotoEditForm, "variant": NewVariantForm}

MAIN_FIELD = {"description": "description", "photo": "photo", "photo-edit": "alt", "variant": "name"}


def _account(request: HttpRequest) -> ProducerAccount:
    return request.producer_account  # type: ignore[attr-defined]


def _facts(product: Product) -> dict[str, Any]:
    """Certificate, stars, last valid day, group and province: from the registry and the plugin, read-only."""
    try:
        group = group_by_slug(product.group_slug)
        group_name = group.name_en if (get_language() or "").startswith("en") else group.name_vi
    except (KeyError, LookupError):
        group_name = product.group_slug
    try:
        province = province_by_slug(product.province_slug) if product.province_slug else None
        province_name = (province.name_en if (get_language() or "").startswith("en") else province.name) \
            if province else ""
    except (KeyError, LookupError):
        province_name = product.province_slug or ""
    return {"certificate_id": product.certificate_id, "stars": product.stars, "valid_until": product.valid_until,
            "group": group_name, "province": province_name}


@csrf_exempt  # checked below, once the request's size is known to be bounded
@producer_required
def product_edit(request: HttpRequest, product_id: str) -> HttpResponse:
    account = _account(request)
    try:
        product = logic.their_product(account, product_id)
    except NotTheirs:
        raise Http404("no such product") from None
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "POST" and int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES:
        # refused unread: nothing of the body is parsed or stored
        return _render(request, account, product, None, {"photo": PhotoForm()},
                       problem=_("Photo: the photo is larger than 5 MB. Nothing was saved."), status=413)
    return _product_edit(request, account, product)


@csrf_protect
def _product_edit(request: HttpRequest, account: ProducerAccount, product: Product) -> HttpResponse:
    bound: dict[str, forms.Form] = {}
    problem = None
    try:
        with app_client() as client:
            if request.method == "POST":
                kind = request.POST.get("form", "")
                form_class = FORMS.get(kind)
                if form_class is None:
                    problem = _("This form is not known. Reload the page and try again.")
                else:
                    if kind == "photo-edit":  # another product's photo id is 404, whatever else the form holds
                        state = logic.current_product(account, product.id, client)
                        if state.photo(request.POST.get("media_id", "")) is None:
                            raise NotTheirs(request.POST.get("media_id", ""))
                    form = form_class(request.POST, request.FILES)
                    bound[kind] = form
                    if form.is_valid():
                        try:
                            _save(kind, form.cleaned_data, account, product.id, client, request)
                        except logic.Refused as refused:
                            form.add_error(refused.field, refused.message)
                        except SaleorMutationError as error:  # shown next to the field it concerns
                            form.add_error(MAIN_FIELD[kind], _("The sales system refused the change: %(reason)s") % {
                                "reason": "; ".join(e.message or e.code or "" for e in error.errors)})
                        else:
                            return redirect("portal:product", product_id=product.id)
            state = logic.current_product(account, product.id, client)
    except NotTheirs:
        raise Http404("no such product") from None
    except SaleorError:
        problem = _("The sales system did not answer. Nothing was saved; try again in a moment.")
        state = None
    status = 503 if problem and state is None else (400 if bound or problem else 200)
    return _render(request, account, product, state, bound, problem=problem, status=status)


def _save(kind: str, data: dict[str, Any], account: ProducerAccount, product_id: str, client: SaleorClient,
          request: HttpRequest) -> None:
    if kind == "description":
        change = logic.change_description(account, product_id, data["description"], client)
        _saved(request, _("description") if change else None)
    elif kind == "photo":
        photo = data["photo"]
        photo.seek(0)
        upload = logic.Upload(photo.name[:200], photo.read(), photo.content_type)
        logic.add_photo(account, product_id, upload, data["alt"].strip(), client)
        _saved(request, _("new photo"))
    elif kind == "photo-edit":
        action, media = data["action"], data["media_id"]
        if action == "alt":
            change = logic.change_alt(account, product_id, media, data["alt"].strip(), client)
            _saved(request, _("photo description") if change else None)
        elif action == "delete":
            logic.delete_photo(account, product_id, media, client)
            _saved(request, _("photo deleted"))
        else:
            change = logic.move_photo(account, product_id, media, action, client)
            _saved(request, _("photo order") if change else None)
    elif kind == "variant":
        logic.add_variant(account, product_id, name=data["name"], price=data["price"], stock=data["stock"],
                          client=client)
        _saved(request, _("new variant %(name)s") % {"name": data["name"]})


def _saved(request: HttpRequest, what: str | None) -> None:
    if what:
        messages.success(request, _("Saved: %(fields)s.") % {"fields": what})
    else:
        messages.info(request, _("Nothing changed."))


def _render(request: HttpRequest, account: ProducerAccount, product: Product, state: ProductState | None,
            bound: dict[str, forms.Form], *, problem: str | None, status: int) -> HttpResponse:
    description = bound.get("description") or DescriptionForm(
        initial={"description": rich.from_editorjs(state.description) if state else ""})
    photos = []
    for position, photo in enumerate(state.photos if state else (), start=1):
        edit = bound.get("photo-edit")
        mine = edit is not None and edit.data.get("media_id") == photo.id
        photos.append({"photo": photo, "position": position, "first": position == 1,
                       "last": position == len(state.photos) if state else True,
                       "form": edit if mine else PhotoEditForm(initial={"media_id": photo.id, "alt": photo.alt})})
    return render(request, "portal/product.html", {
        "producer": account.producer, "product": product, "state": state, "facts": _facts(product),
        "description_form": description, "photo_form": bound.get("photo") or PhotoForm(),
        "photos": photos, "variant_form": bound.get("variant") or NewVariantForm(), "problem": problem,
        "max_photos": logic.MAX_PHOTOS,
    }, status=status)
