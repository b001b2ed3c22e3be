from django import template

from catalog_sync.core.formats import money as format_money

register = template.Library()


@register.filter
def dong(amount: int | None) -> str:
    """Whole đồng in the page's language: ``125.000 ₫`` / ``₫125,000``."""
    return format_money(amount, "VND")
