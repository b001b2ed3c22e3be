"""VietQR payloads (EMVCo merchant-presented QR, NAPAS's "transfer to account" service) as payOS returns them.

00 payload format "01"; 01 point of initiation "12" (dynamic: amount set); 38 NAPAS merchant account
(00 GUID A000000727, 01 beneficiary (00 bank BIN, 01 account number), 02 service QRIBFTTA); 53 currency
704 (VND); 54 amount; 58 country VN; 62 additional data (08 purpose: the transfer note); 63 CRC16-CCITT
(polynomial 0x1021, initial 0xFFFF) of everything before it including "6304", four upper-case hex digits.
"""

from __future__ import annotations

NAPAS_GUID = "A000000727"
SERVICE_TO_ACCOUNT = "QRIBFTTA"


def tlv(tag: str, value: str) -> str:
    if len(value) > 99:
        raise ValueError(f"EMVCo tag {tag}: {len(value)} characters, at most 99")
    return f"{tag}{len(value):02d}{value}"


def crc16(text: str) -> str:
    crc = 0xFFFF
    for byte in text.encode():
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def payload(bank_bin: str, account_number: str, amount: int, note: str) -> str:
    beneficiary = tlv("00", bank_bin) + tlv("01", account_number)
    merchant = tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", SERVICE_TO_ACCOUNT)
    text = (tlv("00", "01") + tlv("01", "12") + tlv("38", merchant) + tlv("53", "704") + tlv("54", str(amount))
            + tlv("58", "VN") + tlv("62", tlv("08", note)) + "6304")
    return text + crc16(text)
