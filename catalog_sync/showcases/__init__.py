"""Showcases for trade-promotion staff: trade catalogues of a showcase for retail buyers (PDF, XLSX, CSV)."""
