from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, get_language_info

register = template.Library()


@register.simple_tag(takes_context=True)
def portal_language_links(context: template.Context) -> SafeString:
    """This page in the other languages (its path only: nothing of the query string is echoed back)."""
    request = context.get("request")
    if request is None:
        return SafeString("")
    items = [(translate_url(request.path, code), code, code, get_language_info(code)["name_local"])
             for code, _name in settings.LANGUAGES if code != get_language()]
    return format_html_join("", '<a href="{}" lang="{}" hreflang="{}">{}</a>', items)
