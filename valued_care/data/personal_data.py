"""Personal data that must never be published: what it looks like in free text, and how to tell it apart.

Pure functions over strings; text_scan.py applies them to every field (and comment) of every data file. Each detector
is tuned to miss figures, years and ids that case studies are full of: an NHS number must pass its Modulus 11 check,
a phone number must have the digits of a UK number, a postcode must have the shape of a full postcode.

Text is cleaned before it is searched (clean()): NFKC folds look-alike characters (full-width digits, a full-width @,
no-break spaces) to plain ones, and format characters (zero-width spaces and joiners, bidi controls, soft hyphens)
are dropped, so that personal data cannot be hidden by splitting it with an invisible character. Findings are
reported at their place in the original text.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

# Kinds a record may list in public_contacts (a trust's switchboard, a team's role mailbox, a headquarters postcode).
# NHS and National Insurance numbers belong to one person, so no allowlist can publish them.
ALLOWABLE = ("email address", "phone number", "postcode")

# What people put between groups of digits: a space, dot, hyphen (or a typographic dash), or slash.
_SEP = r"[ .\-/\u2010-\u2015\u2212]"
_SEP_CHARS = re.compile(_SEP)

# A run of digit groups, each gap one separator; NHS numbers are looked for within a run, group by group, so that a
# 10-digit window never starts or ends inside a group (a longer id or a year list is not cut into an NHS number).
_DIGIT_RUN = re.compile(rf"(?<![\d+])(?<!\d{_SEP})\d+(?:{_SEP}\d+)*")
_EMAIL = re.compile(r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
# An email written out to dodge filters: 'jane.doe at example.org', 'jane [at] example [dot] org'.
_AT_WORD = r"(?:\s*[\[(]\s*at\s*[\])]\s*|\s+at\s+)"
_DOT_WORD = r"(?:\.|\s*[\[(]\s*dot\s*[\])]\s*|\s+dot\s+)"
# Parts are bounded (as real addresses are: 64 characters a part), so a long 'x dot x dot ...' costs linear time.
_WRITTEN_EMAIL = re.compile(
    rf"(?<![\w.%+-])(?P<user>[A-Za-z0-9_%+-]{{1,64}}(?:{_DOT_WORD}[A-Za-z0-9_%+-]{{1,64}}){{0,6}})(?P<at>{_AT_WORD})"
    rf"(?P<domain>[A-Za-z0-9-]{{1,63}}(?:{_DOT_WORD}[A-Za-z0-9-]{{1,63}}){{0,6}}{_DOT_WORD}[A-Za-z]{{2,63}})(?![\w-])",
    re.IGNORECASE)
# Between two digits of a phone number: a separator, or a bracket closing or opening an area code.
_GAP = rf"(?:{_SEP}|\){_SEP}?|{_SEP}?\()?"
# +44 or 0044 (optionally with '(0)'), or 0; then the national number: 9 or 10 digits in any grouping.
_PHONE = re.compile(rf"(?<![\w+/.])(?:(?:\+|00){_SEP}?44{_SEP}?(?:\(0\){_SEP}?)?|\(?0)[1-9](?:{_GAP}\d){{8,9}}(?!\d)")
_NI_NUMBER = re.compile(rf"(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]"
                        rf"{_SEP}?\d{{2}}{_SEP}?\d{{2}}{_SEP}?\d{{2}}{_SEP}?[A-D](?![A-Za-z0-9])", re.IGNORECASE)
_POSTCODE = re.compile(r"(?<![A-Za-z0-9])(?:GIR ?0AA|(?:[A-PR-UWYZ](?:\d[A-HJKPSTUW]?|[A-HK-Y]\d[ABEHMNPRV-Y]?|\d\d"
                       r"|[A-HK-Y]\d\d)) ?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])", re.IGNORECASE)
_SPELT_DOT = re.compile(r"\s+dot\s+|[\[(]\s*dot\s*[\])]", re.IGNORECASE)
# A date such as 01/02/2019 or 1.2.2019 has the digits of a phone number and, rarely, of an NHS number.
_DATE_LIKE = re.compile(r"\(?\d{1,2}([./-])\d{1,2}\1\d{2,4}(?!\d)")
# 'b1 2nd', 'e2 1st': lower-case ordinals after a letter and digit are prose, not a postcode.
_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)$")

# Every kind above has a digit, an @ or a written 'at' in it: text without one is skipped cheaply.
_CANDIDATE = re.compile(r"[\d@]|\bat\b", re.IGNORECASE)
# What each detector's matches must contain, found far faster than the detector itself (most text has years and
# figures, and prose has ' at '): a detector runs only on text where its precondition is found. Each is implied by
# the detector's own pattern, so none can hide a match: an NHS number has 10 digits joined by at most one separator
# each, a National Insurance number three pairs of digits, a phone number 9 digits, a written-out email its 'at'
# followed by a domain, a postcode a digit and two letters ending a word.
_NHS_NEEDS = re.compile(rf"\d(?:{_SEP}?\d){{9}}")
_NI_NEEDS = re.compile(rf"\d\d{_SEP}?\d\d{_SEP}?\d\d")
_PHONE_NEEDS = re.compile(rf"\d(?:{_GAP}\d){{8}}")
_WRITTEN_EMAIL_NEEDS = re.compile(
    rf"{_AT_WORD}[A-Za-z0-9-]{{1,63}}(?:{_DOT_WORD}[A-Za-z0-9-]{{1,63}}){{0,6}}{_DOT_WORD}[A-Za-z]{{2,63}}(?![\w-])",
    re.IGNORECASE)
_POSTCODE_NEEDS = re.compile(r"\d[A-Z]{2}(?![A-Za-z0-9])", re.IGNORECASE)
# Characters that change how text looks or reads without being seen, stripped before scanning.
_FORMAT = "Cf"


Span = tuple[int, int]


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int  # in the original text, so text[start:end] is what the contributor wrote
    end: int
    text: str


def clean(text: str) -> str:
    """text as it reads: NFKC-folded, with invisible format characters removed."""
    return _clean(text)[0]


def _clean(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """The cleaned text, and for each of its characters where it starts and ends in text (None: the same text)."""
    if text.isascii():  # no format characters, and NFKC leaves ASCII as it is
        return text, None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    # NFKC one cluster (a base character with its combining marks) at a time, so each output character knows where
    # it came from; composition across clusters (Hangul jamo, say) does not matter for digits, letters and @.
    cluster_start, cluster = 0, ""

    def flush(end: int) -> None:
        for char in unicodedata.normalize("NFKC", cluster):
            out.append(char)
            starts.append(cluster_start)
            ends.append(end)

    last = 0
    for index, char in enumerate(text):
        if unicodedata.category(char) == _FORMAT:
            continue
        if cluster and unicodedata.combining(char):
            cluster += char
        else:
            if cluster:
                flush(last + 1)
            cluster_start, cluster = index, char
        last = index
    if cluster:
        flush(last + 1)
    return "".join(out), starts, ends


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
    if text.startswith("+"):
        digits = digits[2:]
    elif text.startswith("00"):
        digits = digits[4:]
    national = digits.removeprefix("0")
    # UK national numbers (without the leading 0) have 9 or 10 digits and start 1, 2, 3, 5, 7, 8 or 9.
    return len(national) in (9, 10) and national[0] in "1235789"


def _nhs_numbers(text: str):
    """(start, end) of each 10-digit window of whole digit groups, written with one kind of separator, that passes
    the Modulus 11 check."""
    for run in _DIGIT_RUN.finditer(text):
        groups = [(m.start(), m.end()) for m in re.finditer(r"\d+", run.group(0))]
        base = run.start()
        for first in range(len(groups)):
            length = 0
            for last in range(first, len(groups)):
                length += groups[last][1] - groups[last][0]
                if length >= 10:
                    break
            if length != 10:
                continue
            start, end = base + groups[first][0], base + groups[last][1]
            window = text[start:end]
            digits = re.sub(r"\D", "", window)
            if (len(set(_SEP_CHARS.findall(window))) <= 1 and not _DATE_LIKE.match(window)
                    and nhs_number_is_valid(digits) and not is_test_nhs_number(digits)):
                yield start, end


def _written_email_ok(match: re.Match) -> bool:
    """'[at]' and '(at)' are only ever used to hide an address; a bare ' at ' is ordinary prose ('published at
    gov.uk') unless the user part looks like a mailbox (jane.doe, j_doe) or the domain is spelled with ' dot '."""
    if match.group("at").strip().lower() != "at":
        return True
    user, domain = match.group("user"), match.group("domain")
    mailbox_like = bool(re.search(r"[._+]", user) or _SPELT_DOT.search(user)) and bool(re.search(r"[A-Za-z]", user))
    return mailbox_like or bool(_SPELT_DOT.search(domain))


def _postcode_ok(text: str) -> bool:
    if text == text.upper():
        return True
    # In lower or mixed case only a postcode written with its space counts: 'sw1a 1aa', not 'ab12cd' in an address.
    return " " in text and not _ORDINAL.search(text.lower())


def _spans(pattern: re.Pattern, ok: Callable[[re.Match], bool] | None = None) -> Callable[[str], Iterator[Span]]:
    """(start, end) of each match of pattern in a text that ok (if given) accepts."""
    return lambda text: ((m.start(), m.end()) for m in pattern.finditer(text) if ok is None or ok(m))


# Each kind: what its matches must contain (found cheaply: the detector runs only where it is), and the detector.
_DETECTORS: list[tuple[str, re.Pattern, Callable[[str], Iterable[Span]]]] = [
    ("NHS number", _NHS_NEEDS, _nhs_numbers),
    ("National Insurance number", _NI_NEEDS, _spans(_NI_NUMBER)),
    ("email address", re.compile("@"), _spans(_EMAIL)),
    ("email address", _WRITTEN_EMAIL_NEEDS, _spans(_WRITTEN_EMAIL, _written_email_ok)),
    ("phone number", _PHONE_NEEDS,
     _spans(_PHONE, lambda m: _phone_digits_ok(m.group(0)) and not _DATE_LIKE.match(m.group(0)))),
    ("postcode", _POSTCODE_NEEDS, _spans(_POSTCODE, lambda m: _postcode_ok(m.group(0)))),
]


def _scan(text: str) -> list[tuple[str, int, int]]:
    """Every piece of personal data in already-cleaned text, as (kind, start, end); overlaps reported once (the
    first kind above that finds it)."""
    found: list[tuple[int, int, str]] = []  # sorted by start, never overlapping
    for kind, needs, detect in _DETECTORS:
        if not needs.search(text):
            continue
        for start, end in detect(text):
            at = bisect.bisect_left(found, (start, end))
            if (at > 0 and found[at - 1][1] > start) or (at < len(found) and found[at][0] < end):
                continue
            found.insert(at, (start, end, kind))
    return [(kind, start, end) for start, end, kind in found]


def find(text: str) -> list[Finding]:
    """Every piece of personal data in text, left to right; overlapping matches are reported once."""
    cleaned, starts, ends = _clean(text)
    if not _CANDIDATE.search(cleaned):
        return []
    findings = []
    for kind, start, end in _scan(cleaned):
        if starts is not None and ends is not None:
            start, end = starts[start], ends[end - 1]
        findings.append(Finding(kind, start, end, text[start:end]))
    return sorted(findings, key=lambda f: f.start)


def normalise(contact: str) -> str:
    """One spelling per contact detail, so '+44 (0)300 123 4567' on the allowlist covers '0300 1234567' in text."""
    value = clean(contact).strip().lower()
    written = _WRITTEN_EMAIL.fullmatch(value)
    if written and "@" not in value:
        value = re.sub(_DOT_WORD, ".", written.group("user"), flags=re.IGNORECASE) + "@" + \
            re.sub(_DOT_WORD, ".", written.group("domain"), flags=re.IGNORECASE)
    if "@" in value:
        return value
    value = re.sub(rf"\s|[()]|{_SEP}", "", value)
    for prefix in ("+440", "+44", "00440", "0044"):
        if value.startswith(prefix) and len(value) > len(prefix) + 8:
            return "0" + value[len(prefix):]
    return value


def contact_kind(contact: str) -> str | None:
    """What an allowlist entry is, if it is exactly one piece of personal data."""
    found = find(contact.strip())
    if len(found) == 1 and found[0].text == contact.strip():
        return found[0].kind
    return None
