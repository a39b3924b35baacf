"""Personal data that must never be published: what it looks like in free text, and how to tell it apart.

Pure functions over strings; text_scan.py applies them to every field of every data file. Each detector is tuned to
miss figures, years and ids that case studies are full of: an NHS number must pass its Modulus 11 check, a phone
number must have the digits of a UK number, a postcode must have the shape of a full postcode.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Kinds a record may list in public_contacts (a trust's switchboard, a team's role mailbox, a headquarters postcode).
# NHS and National Insurance numbers belong to one person, so no allowlist can publish them.
ALLOWABLE = ("email address", "phone number", "postcode")

_NHS_NUMBER = re.compile(r"(?<![\d+])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d])")
_EMAIL = re.compile(r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
# +44 or 0, then an area or mobile prefix and the subscriber number, in the groupings people write.
_PHONE = re.compile(r"(?<![\w+])(?:\+44[ -]?(?:\(0\)[ -]?)?|\(?0)[1-9][\d]{1,4}\)?(?:[ -]?\d){5,8}(?![\d])")
_NI_NUMBER = re.compile(r"(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                        r" ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])", re.IGNORECASE)
_POSTCODE = re.compile(r"(?<![A-Za-z0-9])(?:GIR ?0AA|(?:[A-PR-UWYZ](?:\d[A-HJKPSTUW]?|[A-HK-Y]\d[ABEHMNPRV-Y]?|\d\d"
                       r"|[A-HK-Y]\d\d)) ?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])")


# Every kind above has a digit or an @ in it: text without one is skipped cheaply (most text in the data).
_CANDIDATE = re.compile(r"[\d@]")


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS Modulus 11 check: weights 10 down to 2 on the first nine digits give the tenth."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def is_test_nhs_number(digits: str) -> bool:
    """NHS England issues 999 000 0000 to 999 999 9999 for testing; they never belong to a patient."""
    return digits.startswith("999")


def _phone_digits_ok(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    national = digits[2:] if text.startswith("+44") else digits
    national = national[1:] if national.startswith("0") else national
    # UK national numbers (without the leading 0) have 9 or 10 digits and start 1, 2, 3, 5, 7, 8 or 9.
    return len(national) in (9, 10) and national[0] in "1235789"


def find(text: str) -> list[Finding]:
    """Every piece of personal data in text, left to right; overlapping matches are reported once."""
    found: list[Finding] = []
    if not _CANDIDATE.search(text):
        return found

    def add(kind: str, match: re.Match) -> None:
        if not any(f.start < match.end() and match.start() < f.end for f in found):
            found.append(Finding(kind, match.start(), match.end(), match.group(0)))

    for match in _NHS_NUMBER.finditer(text):
        digits = "".join(match.groups())
        if nhs_number_is_valid(digits) and not is_test_nhs_number(digits):
            add("NHS number", match)
    for match in _NI_NUMBER.finditer(text):
        add("National Insurance number", match)
    for match in _EMAIL.finditer(text):
        add("email address", match)
    for match in _PHONE.finditer(text):
        if _phone_digits_ok(match.group(0)):
            add("phone number", match)
    for match in _POSTCODE.finditer(text):
        add("postcode", match)
    return sorted(found, key=lambda f: f.start)


def normalise(contact: str) -> str:
    """One spelling per contact detail, so '+44 (0)300 123 4567' on the allowlist covers '0300 1234567' in text."""
    value = contact.strip().lower()
    if "@" in value:
        return value
    value = re.sub(r"[\s()-]", "", value)
    if value.startswith("+440"):
        value = "0" + value[4:]
    elif value.startswith("+44"):
        value = "0" + value[3:]
    return value


def contact_kind(contact: str) -> str | None:
    """What an allowlist entry is, if it is exactly one piece of personal data."""
    found = find(contact.strip())
    if len(found) == 1 and found[0].text == contact.strip():
        return found[0].kind
    return None
