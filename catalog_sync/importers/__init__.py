"""Importers for published OCOP recognition lists (plain Python, no database).

``parse_annex`` reads an XLSX or CSV annex and returns accepted rows, rejections with row
numbers and reasons, and skipped non-product rows; another layer turns accepted rows into
certificates.
"""

from .annex import NO_DECISION_DATE, parse_annex
from .model import AnnexReadError, AnnexRow, ParsedAnnex, Rejection, Skip

__all__ = [
    "NO_DECISION_DATE",
    "AnnexReadError",
    "AnnexRow",
    "ParsedAnnex",
    "Rejection",
    "Skip",
    "parse_annex",
]
