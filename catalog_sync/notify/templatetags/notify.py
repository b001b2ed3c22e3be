"""Filters for the notification templates: money in the language being rendered."""

from __future__ import annotations

from typing import Any

from django import template

from catalog_sync.core import formats

register = template.Library()


@register.filter
def money(amount: Any, currency: str = "VND") -> str:
    return formats.money(amount, currency or "VND")
