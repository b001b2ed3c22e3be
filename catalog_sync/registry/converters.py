"""The URL converter for certificate ids.

Ids are matched loosely (lower case and stray spaces are tolerated by the views), but a
control character such as NUL never names a certificate: such a path does not resolve
(404) instead of reaching PostgreSQL, which refuses NUL in text.
"""

from __future__ import annotations

import re

from django.urls import register_converter

CERTIFICATE_ID_PATTERN = r"[^/\x00-\x1f\x7f]{1,64}"
_CERTIFICATE_ID = re.compile(CERTIFICATE_ID_PATTERN)


def looks_like_certificate_id(text: str) -> bool:
    """Whether ``text`` may be put in a certificate's URL (not whether it exists)."""
    return _CERTIFICATE_ID.fullmatch(text) is not None


class CertificateIdConverter:
    regex = CERTIFICATE_ID_PATTERN

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(CertificateIdConverter, "certificate_id")
