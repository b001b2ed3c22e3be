"""Printed documents: PDF fonts that cover Vietnamese, QR codes, and the public links they carry."""
