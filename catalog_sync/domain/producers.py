"""The kind of organisation an OCOP producer (chủ thể) is, read from its registered name.

Vietnamese producer names open with their legal form: "Hợp tác xã ..." / "HTX ...",
"Công ty TNHH ...", "Doanh nghiệp tư nhân ...", "Hộ kinh doanh ...", "Cơ sở ...".

"Tổ hợp tác" (cooperative group) is classed as a COOPERATIVE: the Law on Cooperatives 2023
(17/2023/QH15) governs tổ hợp tác alongside hợp tác xã as collective economic
organisations, and like an HTX it is a group of members producing together, not a family
business.
"""

import enum

from . import _phrases
from ._phrases import Phrase


class OrganisationType(enum.StrEnum):
    COOPERATIVE = "cooperative"
    COMPANY = "company"
    HOUSEHOLD = "household"
    OTHER = "other"


def _folded(*texts: str) -> tuple[Phrase, ...]:
    return tuple(Phrase.folded(text) for text in texts)


# Leading words -> type. "Hộ" must keep its diacritics: folded "ho" is also the common
# surname Hồ. Checked longest phrase first, so "Hộ kinh doanh cơ sở ..." is a household
# and "Chi nhánh Công ty ..." a company.
_LEADING: tuple[tuple[Phrase, OrganisationType], ...] = (
    *(
        (phrase, OrganisationType.COOPERATIVE)
        for phrase in _folded(
            "hợp tác xã", "htx", "liên hiệp hợp tác xã", "liên hiệp htx", "tổ hợp tác", "tht"
        )
    ),
    *(
        (phrase, OrganisationType.COMPANY)
        for phrase in _folded(
            "công ty",
            "cty",
            "ctcp",
            "cty cp",
            "tổng công ty",
            "chi nhánh công ty",
            "doanh nghiệp",
            "dntn",
        )
    ),
    *(
        (phrase, OrganisationType.HOUSEHOLD)
        for phrase in (
            *_folded("hộ kinh doanh", "hkd", "hộ gia đình", "hộ sản xuất", "cơ sở"),
            Phrase.exact("hộ"),
        )
    ),
)

# Words anywhere in the name that settle it when no leading form does (English names).
_ANYWHERE: tuple[tuple[Phrase, OrganisationType], ...] = (
    *((phrase, OrganisationType.COOPERATIVE) for phrase in _folded("cooperative", "co op")),
    *(
        (phrase, OrganisationType.COMPANY)
        for phrase in _folded("company", "co ltd", "jsc", "joint stock", "corporation")
    ),
)


def organisation_type_from_name(name: str) -> OrganisationType:
    """COOPERATIVE, COMPANY, HOUSEHOLD or OTHER from a producer's name (diacritics optional)."""
    words = _phrases.words(name)
    leading = [hit for hit in _phrases.find(words, _LEADING) if hit.start == 0]
    found = _phrases.best(leading) or _phrases.best(_phrases.find(words, _ANYWHERE))
    return found or OrganisationType.OTHER
