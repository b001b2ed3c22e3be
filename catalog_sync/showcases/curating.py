"""Staff pages that create and edit showcases: permission-checked, every form with CSRF protection and usable
without JavaScript (the order changes with up and down buttons, each a small form)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.forms import model_to_dict
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from catalog_sync.saleor import SaleorClient, SaleorError, SaleorMutationError

from . import connection, curation, rules
from .exports import FORMATS
from .forms import COVER_FORMATS, AddProductForm, ItemForm, MoveForm, ShowcaseForm
from .models import Showcase

log = logging.getLogger(__name__)

VIEW = ("showcases.view_showcase", "showcases.change_showcase")
CHANGE = ("showcases.change_showcase",)
ADD = ("showcases.add_showcase",)


def _check(request: HttpRequest, permissions: tuple[str, ...]) -> None:
    if not any(request.user.has_perm(p) for p in permissions):
        raise PermissionDenied


def _actor(request: HttpRequest) -> str:
    return getattr(request.user, "email", "") or request.user.get_username()


def _saleor_errors(form, error: SaleorError) -> None:
    """Saleor's refusals next to the field they concern (its field names are the form's), the rest above."""
    log.warning("showcase: Saleor: %s", error)
    if isinstance(error, SaleorMutationError):
        for item in error.errors:
            field = item.field if item.field in form.fields else None
            form.add_error(field, _("Saleor refused it: %(message)s") % {"message": item.message or item.code})
    else:
        form.add_error(None, _("Saleor did not answer; nothing was saved. Try again shortly."))


def _cover(form: ShowcaseForm) -> curation.Cover | None:
    upload = form.cleaned_data.get("cover")
    if not upload:
        return None
    upload.seek(0)
    return curation.Cover(upload.name[:200], upload.read(), COVER_FORMATS[upload.image.format])


@staff_member_required(login_url=settings.LOGIN_URL)
@require_http_methods(["GET", "POST"])
def showcase_create(request: HttpRequest) -> HttpResponse:
    _check(request, ADD)
    form = ShowcaseForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            with connection.saleor_client() as client:
                showcase = curation.save(form.save(commit=False), None, _actor(request), client, _cover(form))
        except SaleorError as error:
            _saleor_errors(form, error)
        else:
            messages.success(request, _("Showcase created as a draft: check the preview, then approve it."))
            return redirect("showcases:detail", showcase.pk)
    return render(request, "showcases/form.html", {"form": form, "showcase": None},
                  status=400 if form.errors else 200)


@staff_member_required(login_url=settings.LOGIN_URL)
@require_http_methods(["GET", "POST"])
def showcase_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _check(request, CHANGE)
    showcase = get_object_or_404(Showcase, pk=pk)
    before = model_to_dict(showcase, fields=list(curation.FIELDS))
    form = ShowcaseForm(request.POST or None, request.FILES or None, instance=showcase)
    if request.method == "POST" and form.is_valid():
        try:
            with connection.saleor_client() as client:
                curation.save(form.save(commit=False), before, _actor(request), client, _cover(form))
        except SaleorError as error:
            _saleor_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("showcases:detail", showcase.pk)
    return render(request, "showcases/form.html", {"form": form, "showcase": showcase},
                  status=400 if form.errors else 200)


@staff_member_required(login_url=settings.LOGIN_URL)
@require_http_methods(["GET"])
def showcase_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _check(request, VIEW)
    showcase = get_object_or_404(Showcase, pk=pk)
    items = list(showcase.items.order_by("position", "id"))
    on_sale = rules.for_sale([item.product_id for item in items])
    return render(request, "showcases/detail.html", {
        "showcase": showcase, "items": [(item, item.product_id in on_sale) for item in items],
        "changes": showcase.changes.all()[:200], "add_form": AddProductForm(), "formats": list(FORMATS),
        "can_change": request.user.has_perm("showcases.change_showcase"),
        "live": showcase.live_at(curation.schedule.now()), "rule": _rule(showcase),
    })


def _rule(showcase: Showcase) -> str:
    """The rule as staff read it: "≥ 4★ · Thực phẩm · Lâm Đồng"."""
    parts = [f"≥ {showcase.min_stars}★"] if showcase.min_stars else []
    for value, choices in ((showcase.group, ShowcaseForm.base_fields["group"]),
                           (showcase.product_set, ShowcaseForm.base_fields["product_set"]),
                           (showcase.province, ShowcaseForm.base_fields["province"])):
        if value:
            parts.append(dict(choices.choices).get(value, value))  # type: ignore[attr-defined]
    return " · ".join(str(part) for part in parts)


def _act(request: HttpRequest, pk: int, act: Callable[[Showcase, SaleorClient], str | None]) -> HttpResponse:
    _check(request, CHANGE)
    showcase = get_object_or_404(Showcase, pk=pk)
    try:
        with connection.saleor_client() as client:
            problem = act(showcase, client)
    except SaleorError as error:
        log.warning("showcase %s: Saleor: %s", pk, error)
        problem = _("Saleor did not answer; nothing was changed. Try again shortly.")
    if problem:
        messages.error(request, problem)
    return redirect("showcases:detail", showcase.pk)


@staff_member_required(login_url=settings.LOGIN_URL)
@require_POST
def product_add(request: HttpRequest, pk: int) -> HttpResponse:
    form = AddProductForm(request.POST)

    def act(showcase, client):
        if not form.is_valid():
            return _("product: enter a product's address slug or its certificate id.")
        try:
            curation.add_by_hand(showcase, form.cleaned_data["product"], _actor(request), client)
        except curation.NotForSale:
            return _("product: no product for sale now has the slug or certificate id %(ref)s.") % {
                "ref": form.cleaned_data["product"]}
        return None

    return _act(request, pk, act)


def _item_action(request: HttpRequest, pk: int, form: ItemForm | MoveForm, do) -> HttpResponse:
    """Act on one product of the showcase, named by the form's ``item``; another showcase's item is not found."""

    def act(showcase, client):
        item = showcase.items.filter(pk=form.cleaned_data["item"]).first() if form.is_valid() else None
        if item is None:
            return _("item: no such product in this showcase.")
        do(showcase, item, client)
        return None

    return _act(request, pk, act)


@staff_member_required(login_url=settings.LOGIN_URL)
@require_POST
def product_move(request: HttpRequest, pk: int) -> HttpResponse:
    form = MoveForm(request.POST)
    return _item_action(request, pk, form, lambda showcase, item, client: curation.move(
        showcase, item, -1 if form.cleaned_data["direction"] == "up" else 1, _actor(request), client))


@staff_member_required(login_url=settings.LOGIN_URL)
@require_POST
def product_remove(request: HttpRequest, pk: int) -> HttpResponse:
    return _item_action(request, pk, ItemForm(request.POST), lambda showcase, item, client: curation.remove(
        showcase, item, _actor(request), client))


@staff_member_required(login_url=settings.LOGIN_URL)
@require_POST
def showcase_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda showcase, client: curation.approve(showcase, _actor(request), client))


@staff_member_required(login_url=settings.LOGIN_URL)
@require_POST
def showcase_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, lambda showcase, client: curation.withdraw(showcase, _actor(request), client))
