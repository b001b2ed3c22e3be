"""The producer's story (``/portal/story/``): text, location and contact, photos — always their own page."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from catalog_sync.app.clients import app_client
from catalog_sync.saleor import SaleorClient, SaleorError, SaleorMutationError
from catalog_sync.saleor.producer_story import PageState

from ..access import producer_required
from ..forms import PHOTO_FORMATS
from ..models import ProducerAccount
from ..story import (
    MAX_PHOTOS,
    NoPage,
    NotTheirPhoto,
    StoryEdit,
    TooManyPhotos,
    add_photo,
    change_photo,
    change_story,
    editor_html,
    story_text,
    their_page,
)
from ..story_forms import PhotoChangeForm, PhotoForm, StoryForm

FIELD_NAMES = {"story": gettext_lazy("story"), "location": gettext_lazy("location"), "phone": gettext_lazy("phone"),
               "email": gettext_lazy("email"), "photos": gettext_lazy("photos")}


def _account(request: HttpRequest) -> ProducerAccount:
    return request.producer_account  # type: ignore[attr-defined]


def _refused(error: SaleorError) -> str:
    if isinstance(error, SaleorMutationError):
        return _("The sales system refused the change: %(reason)s") % {
            "reason": "; ".join(e.message or e.code or "" for e in error.errors)}
    return _("The sales system did not answer. Nothing was saved; try again in a moment.")


def _page(request: HttpRequest, *, state: PageState | None, story_form: StoryForm | None = None,
          photo_form: PhotoForm | None = None, problem: str | None = None, status: int = 200) -> HttpResponse:
    account = _account(request)
    if state is not None and story_form is None:
        story_form = StoryForm(initial={"story": story_text(state.content), "location": state.location,
                                        "phone": state.phone, "email": state.email})
    photos = [(photo, PhotoChangeForm(initial={"photo": photo.url, "alt": photo.alt}, prefix=None))
              for photo in (state.photos if state else ())]
    return render(request, "portal/story.html", {
        "producer": account.producer, "page": state, "story_form": story_form,
        "photo_form": photo_form or PhotoForm(), "photos": photos, "max_photos": MAX_PHOTOS,
        "editor_html": editor_html(state.content) if state else "", "problem": problem,
        "shop_url": reverse("storefront:producer", kwargs={"slug": state.slug}) if state else None,
    }, status=status)


def _with_page(request: HttpRequest, act: Callable[[SaleorClient, PageState], HttpResponse | None],
               **context: object) -> HttpResponse:
    """Read the producer's own page, then ``act`` on it; Saleor's refusal or silence is shown on the page."""
    account = _account(request)
    state = None
    try:
        with app_client() as client:
            state = their_page(account, client)
            done = act(client, state)
            if done is not None:
                return done
    except NoPage:
        return render(request, "portal/story_missing.html", {"producer": account.producer},
                      status=404 if request.method == "POST" else 200)
    except SaleorError as error:
        return _page(request, state=state, problem=_refused(error), status=503, **context)  # type: ignore[arg-type]
    return _page(request, state=state, status=200 if request.method == "GET" else 400, **context)  # type: ignore[arg-type]


def _saved(request: HttpRequest, fields: list[str]) -> HttpResponse:
    if fields:
        messages.success(request, _("Saved: %(fields)s.") % {"fields": ", ".join(str(FIELD_NAMES[f]) for f in fields)})
    else:
        messages.info(request, _("Nothing changed."))
    return redirect("portal:story")


@producer_required
def story(request: HttpRequest) -> HttpResponse:
    """GET shows the producer's page as Saleor holds it now; POST saves text, location and contact."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    form = StoryForm(request.POST) if request.method == "POST" else None

    def act(client: SaleorClient, state: PageState) -> HttpResponse | None:
        if form is None or not form.is_valid():
            return None
        data = form.cleaned_data
        changes = change_story(_account(request), StoryEdit(data["story"], data["location"], data["phone"],
                                                            data["email"]), client)
        return _saved(request, [change.field for change in changes])

    return _with_page(request, act, story_form=form)


@producer_required
def photos(request: HttpRequest) -> HttpResponse:
    """POST a photo (``photo``, ``alt``): uploaded to Saleor and put last on their page."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = PhotoForm(request.POST, request.FILES)

    def act(client: SaleorClient, state: PageState) -> HttpResponse | None:
        if not form.is_valid():
            return None
        upload = form.cleaned_data["photo"]
        content_type, extension = PHOTO_FORMATS[upload.image.format]
        upload.seek(0)
        try:
            add_photo(_account(request), client, content=upload.read(), content_type=content_type,
                      extension=extension, alt=form.cleaned_data["alt"])
        except TooManyPhotos:
            form.add_error("photo", _("Your page already has %(count)d photos: remove one first.")
                           % {"count": MAX_PHOTOS})
            return None
        return _saved(request, ["photos"])

    return _with_page(request, act, photo_form=form)


@producer_required
def photo_change(request: HttpRequest) -> HttpResponse:
    """POST ``photo`` (its URL on their own page), ``action`` (save, up, down, remove) and ``alt``.
    A photo that is not on their page (another producer's) answers 404 and nothing changes."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = PhotoChangeForm(request.POST)

    def act(client: SaleorClient, state: PageState) -> HttpResponse | None:
        if form.is_valid():
            try:
                change = change_photo(_account(request), client, url=form.cleaned_data["photo"],
                                      action=form.cleaned_data["action"], alt=form.cleaned_data["alt"])
            except NotTheirPhoto:
                raise Http404("no such photo") from None
            return _saved(request, ["photos"] if change else [])
        if form.cleaned_data.get("photo") not in {photo.url for photo in state.photos}:
            raise Http404("no such photo")
        for error in form.errors.get("alt", []):
            messages.error(request, str(error))
        return redirect("portal:story")

    return _with_page(request, act)
