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


# Characters a browser or Markdown could read as the end of a link or the start of markup, and characters that hide
# or reorder text (controls, bidi overrides, zero-width). None belongs in a real web address: percent-encode it.
_URL_FORBIDDEN = re.compile(r"[\s<>\"'\\^`{|}\x00-\x1f\x7f\u0080-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e"
                            r"\u2060-\u2069\ufeff]")
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
URL_SCHEMES = ("https", "http")  # http only where a site has no secure address; data/README.md says the same
MAX_URL_LENGTH = 600
RESERVED_IDS = frozenset({"index"})  # an id of "index" would put its page behind the section's index page


def web_url(value: str) -> str:
    """A public web page's address, checked whole: it reaches readers' browsers, so nothing in it may be read as
    anything but an address."""
    if len(value) > MAX_URL_LENGTH:
        raise ValueError(f"is over {MAX_URL_LENGTH} characters; link to a shorter address for the same page")
    scheme = value.split(":", 1)[0].strip().lower() if ":" in value else ""
    if scheme in {"javascript", "data", "vbscript", "file"}:
        raise ValueError(f"'{scheme}:' links are not allowed; give the https:// address of a public page")
    bad = _URL_FORBIDDEN.search(value)
    if bad:
        raise ValueError(f"contains {_describe(bad.group(0))}, which no web address may hold; copy the address from "
                         "the browser's address bar (spaces and such characters are written as %20 and so on)")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        raise ValueError("is not a valid web address; give the full address starting https://") from None
    if parts.scheme not in URL_SCHEMES or not parts.hostname:
        raise ValueError("is not a web address; give the full address starting https://")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise ValueError("holds a user name or password; give the public address without them")
    labels = parts.hostname.split(".")
    if len(labels) < 2 or not all(_HOST_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        raise ValueError(f"'{parts.hostname}' is not a public host name; give the address of a public web page")
    if port is not None and port not in (80, 443):
        raise ValueError("names a port; give the ordinary public address of the page")
    return value


def _describe(char: str) -> str:
    if char.isspace():
        return "a space or line break"
    if char.isprintable() and char not in "\u00ad":
        return f"the character '{char}'"
    return f"an invisible character (U+{ord(char):04X})"


def not_reserved(value: str) -> str:
    if value in RESERVED_IDS:
        raise ValueError(f"'{value}' is reserved for the section's own index page; choose another id")
    return value
