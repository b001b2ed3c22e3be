"""VietQR codes: the EMVCo payload payOS returns as ``qrCode``, read and checked, and drawn as SVG on the server.

A payload is EMVCo tag-length-value text: 00 format "01"; 01 "11" static or "12" dynamic; 38 NAPAS
(00 GUID A000000727, 01 beneficiary: 00 bank BIN, 01 account number; 02 service QRIBFTTA to an
account or QRIBFTTC to a card); 53 currency 704; 54 amount; 58 country VN; 62 additional data (08 the
transfer note); 63 CRC16-CCITT (0x1021, initial 0xFFFF) of all before it including "6304".
"""

from __future__ import annotations

from dataclasses import dataclass

import segno

NAPAS_GUID = "A000000727"
SERVICES = {"QRIBFTTA": "account", "QRIBFTTC": "card"}


class InvalidVietQR(ValueError):
    pass


@dataclass(frozen=True)
class VietQR:
    bank_bin: str
    account_number: str
    service: str
    amount: int | None
    note: str
    dynamic: bool


def crc16(text: str) -> str:
    crc = 0xFFFF
    for byte in text.encode():
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return f"{crc:04X}"


def fields(text: str, where: str = "payload") -> dict[str, str]:
    """Tag → value of one level of EMVCo TLV text."""
    found: dict[str, str] = {}
    at = 0
    while at < len(text):
        tag, size = text[at:at + 2], text[at + 2:at + 4]
        if len(tag) < 2 or not size.isdigit() or at + 4 + int(size) > len(text):
            raise InvalidVietQR(f"{where}: broken tag-length-value at character {at}")
        found[tag] = text[at + 4:at + 4 + int(size)]
        at += 4 + int(size)
    return found


def parse(payload: str) -> VietQR:
    """The payload's bank, account, amount and note, once its CRC, currency and NAPAS block are right."""
    if len(payload) < 8 or payload[-8:-4] != "6304":
        raise InvalidVietQR("payload: does not end with the CRC tag 63")
    if crc16(payload[:-4]) != payload[-4:].upper():
        raise InvalidVietQR(f"payload: CRC {payload[-4:]} is wrong (expected {crc16(payload[:-4])})")
    top = fields(payload)
    if top.get("00") != "01":
        raise InvalidVietQR("tag 00: payload format must be 01")
    if top.get("01") not in ("11", "12"):
        raise InvalidVietQR("tag 01: point of initiation must be 11 or 12")
    if top.get("53") != "704":
        raise InvalidVietQR("tag 53: currency must be 704 (VND)")
    if top.get("58") != "VN":
        raise InvalidVietQR("tag 58: country must be VN")
    napas = fields(top.get("38", ""), "tag 38")
    if napas.get("00") != NAPAS_GUID:
        raise InvalidVietQR(f"tag 38: GUID must be {NAPAS_GUID}")
    beneficiary = fields(napas.get("01", ""), "tag 38.01")
    bank_bin, account = beneficiary.get("00", ""), beneficiary.get("01", "")
    if not (len(bank_bin) == 6 and bank_bin.isdigit()):
        raise InvalidVietQR("tag 38.01.00: the bank's BIN must be six digits")
    if not account:
        raise InvalidVietQR("tag 38.01.01: account number missing")
    if napas.get("02") not in SERVICES:
        raise InvalidVietQR("tag 38.02: service must be QRIBFTTA or QRIBFTTC")
    amount = top.get("54")
    if amount is not None and not amount.isdigit():
        raise InvalidVietQR(f"tag 54: amount {amount!r} is not whole đồng")
    note = fields(top["62"], "tag 62").get("08", "") if "62" in top else ""
    return VietQR(bank_bin=bank_bin, account_number=account, service=SERVICES[napas["02"]],
                  amount=int(amount) if amount is not None else None, note=note, dynamic=top["01"] == "12")


def svg(payload: str, title: str = "VietQR", scale: int = 6) -> str:
    """The code as inline SVG (black modules, 4-module quiet zone), medium error correction for screens."""
    return segno.make_qr(payload, error="m").svg_inline(scale=scale, border=4, title=title, svgclass="vietqr",
                                                        lineclass=None)
