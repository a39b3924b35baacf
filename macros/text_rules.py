"""What contributor text may contain. Text is shown literally, so these rules catch what would mislead a reader
or a reviewer: markup that would not render, control characters, and links with unsafe schemes."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>|<\s*[a-zA-Z]+[^>]*$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def plain_text(value: str) -> str:
    if CONTROL.search(value):
        raise ValueError("contains a control character; retype the text in a plain editor")
    if HTML_TAG.search(value):
        raise ValueError("contains raw HTML; write plain text (it is shown exactly as written, so tags would show)")
    collapsed = value.strip()
    if not collapsed:
        raise ValueError("is empty; write the text or leave the field out")
    return collapsed


def web_url(value: str) -> str:
    value = value.strip()
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme in {"javascript", "data", "vbscript", "file"}:
        raise ValueError(f"'{scheme}:' links are not allowed; give the https:// address of a public page")
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc or "." not in parts.netloc or re.search(r"\s", value):
        raise ValueError("is not a web address; give the full address starting https://")
    return value
